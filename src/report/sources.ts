/**
 * The run's sources side by side: for each outlet, how many articles and stories it has in the report, how many of
 * those stories other outlets told too, how many of those it reported first, and how many of its articles are
 * near-duplicates of another outlet's (wire copy it republished, or that republished it), and how many are partial
 * copies of another outlet's (an excerpt of it, or the article an excerpt is cut from). Those come from the
 * report's outline alone, over the stories the report shows. Then, over its stories of several sources, the facts
 * it alone reports, those it leaves out, and the conflicts it is a side of: those need the stories' facts, so a
 * report written story by story adds them up as the stories come ({@link storySourceFacts}, {@link withFactCounts}).
 */
import { MAX_FACT_SENTENCES } from '../facts/story-facts.js';
import { excerptingSources, factVoices, othersTelling, reportVoices } from '../facts/voices.js';
import type { Report, ReportArticle, SourceFactCounts, SourceSummary, Story } from '../types.js';
import { tellingArticles } from './telling.js';

/** What a source row counts from the stories' facts. */
type FactCounts = Omit<SourceFactCounts, 'source'>;

/**
 * Every source of the report's articles, most articles first, then most stories, then by name. The fact counts
 * are those of the stories' facts as given (none in an outline: see {@link withFactCounts}).
 */
export function sourceSummary(report: Pick<Report, 'articles' | 'stories'>): SourceSummary[] {
  const sourceOf = new Map(report.articles.map((a) => [a.id, a.source]));
  const rows = new Map<string, { articles: number; stories: number; sharedStories: number; firstReports: number; nearDuplicates: number; partialCopies: number } & { -readonly [K in keyof FactCounts]: number }>();
  const row = (source: string) => {
    let r = rows.get(source);
    if (r === undefined) rows.set(source, (r = { articles: 0, stories: 0, sharedStories: 0, firstReports: 0, nearDuplicates: 0, partialCopies: 0, addedFacts: 0, omittedFacts: 0, conflicts: 0 }));
    return r;
  };
  for (const a of report.articles) row(a.source).articles++;
  const partial = partialArticles(report.articles);
  for (const story of report.stories) {
    for (const source of story.sources) {
      const r = row(source);
      r.stories++;
      if (story.sources.length > 1) r.sharedStories++;
    }
    if (story.sources.length > 1 && story.firstReported) row(story.firstReported.source).firstReports++;
    for (const id of copiedAcrossSources(story, sourceOf)) row(sourceOf.get(id) ?? '').nearDuplicates++;
    for (const id of excerptedAcrossSources(story, sourceOf)) row(sourceOf.get(id) ?? '').partialCopies++;
    for (const c of storySourceFacts(story, sourceOf, partial)) {
      const r = row(c.source);
      r.addedFacts += c.addedFacts;
      r.omittedFacts += c.omittedFacts;
      r.conflicts += c.conflicts;
    }
  }
  return [...rows.entries()]
    .map(([source, r]) => ({ source, ...r }))
    .sort((x, y) => y.articles - x.articles || y.stories - x.stories || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
}

/** Ids of the articles whose omits are not listed: teasers, and articles compared over their first sentences only. */
export function partialArticles(articles: readonly Pick<ReportArticle, 'id' | 'sentences' | 'excerpt'>[]): Set<string> {
  return new Set(articles.filter((a) => a.excerpt || a.sentences > MAX_FACT_SENTENCES).map((a) => a.id));
}

/**
 * Each source's fact counts in `story` (with its facts), when the story has several sources (none else, and none
 * for a story whose facts were not worked out). A fact is added by a source when only its articles report it (or
 * only its voice's: it and the sources that carry the same text, facts/voices.ts), and left out by a source when
 * another voice reports it and none of its own articles does, counted only for a source with an article whose
 * omits are listed (not a teaser nor cut short): as the story's `coverage` counts them (a source that excerpts
 * another's article is compared with its whole's voice too: facts/voices.ts). A conflict counts for every source with a
 * value on one of its sides. In the order of `story.sources`.
 */
export function storySourceFacts(story: Story, sourceOf: ReadonlyMap<string, string>, partial: ReadonlySet<string>): SourceFactCounts[] {
  if (story.sources.length < 2 || story.facts.length === 0) return [];
  const counts = new Map(story.sources.map((s) => [s, { addedFacts: 0, omittedFacts: 0, conflicts: 0 }]));
  const whole = new Set(story.articles.filter((id) => !partial.has(id)).map((id) => sourceOf.get(id)));
  const source = (id: string): string => sourceOf.get(id) ?? id;
  const voices = reportVoices(story, source).of;
  const voiceOf = (id: string): string => voices.get(id) ?? source(id);
  const voiceOfSource = new Map(story.articles.map((id) => [source(id), voiceOf(id)]));
  const excerpting = excerptingSources(story.partialCopies, source);
  for (const fact of story.facts) {
    const telling = tellingArticles(fact);
    const by = new Set(telling.map(source));
    const told = factVoices(by, (s) => voiceOfSource.get(s) ?? s);
    for (const [s, c] of counts) {
      const others = othersTelling(told, voiceOfSource.get(s) ?? s, excerpting.has(s), by.has(s));
      if (by.has(s)) {
        if (others === 0) c.addedFacts++;
      } else if (whole.has(s) && others > 0) c.omittedFacts++;
    }
  }
  for (const conflict of story.conflicts) {
    // A value an article gives as another outlet's (`cites`) puts its source on no side.
    const sides = new Set(conflict.values.flatMap((v) => (v.cites === undefined ? [sourceOf.get(v.article)] : [])));
    for (const [source, c] of counts) if (sides.has(source)) c.conflicts++;
  }
  return [...counts.entries()].map(([source, c]) => ({ source, ...c }));
}

/** `sources` with the fact counts of the stories added up in `counts` (in place of their own). */
export function withFactCounts(sources: readonly SourceSummary[], counts: ReadonlyMap<string, FactCounts>): SourceSummary[] {
  return sources.map((s) => {
    const c = counts.get(s.source);
    return { ...s, addedFacts: c?.addedFacts ?? 0, omittedFacts: c?.omittedFacts ?? 0, conflicts: c?.conflicts ?? 0 };
  });
}

/** Adds one story's {@link storySourceFacts} into `total`. */
export function addFactCounts(total: Map<string, { addedFacts: number; omittedFacts: number; conflicts: number }>, story: readonly SourceFactCounts[]): void {
  for (const c of story) {
    let t = total.get(c.source);
    if (t === undefined) total.set(c.source, (t = { addedFacts: 0, omittedFacts: 0, conflicts: 0 }));
    t.addedFacts += c.addedFacts;
    t.omittedFacts += c.omittedFacts;
    t.conflicts += c.conflicts;
  }
}

/**
 * The articles of a story that are near-duplicates of an article of another source, each once. In a copy group
 * whose pairs are not all listed (see `copyGroups`), every article counts when the group has two sources or more:
 * it is a copy of the same text as another source's article.
 */
function copiedAcrossSources(story: Story, sourceOf: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const pair of story.copies) {
    if (sourceOf.get(pair.a) === sourceOf.get(pair.b)) continue;
    out.add(pair.a);
    out.add(pair.b);
  }
  for (const group of story.copyGroups ?? []) {
    if (group.allPairs || new Set(group.articles.map((id) => sourceOf.get(id))).size < 2) continue;
    for (const id of group.articles) out.add(id);
  }
  return out;
}

/** The articles of a story that are partial copies of another source's article, or that one is cut from, each once. */
function excerptedAcrossSources(story: Story, sourceOf: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const pair of story.partialCopies ?? []) {
    if (sourceOf.get(pair.part) === sourceOf.get(pair.whole)) continue;
    out.add(pair.part);
    out.add(pair.whole);
  }
  return out;
}

/** The fewest sources for which the views show the table: with two, every story's header already says it. */
export const SOURCES_SHOWN_FROM = 3;

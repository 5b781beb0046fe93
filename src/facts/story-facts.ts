/**
 * The facts stage for one story: align sentences into facts, then work out conflicts and coverage.
 */
import type { Article, Conflict, Coverage, Fact, Fullest, Mention, PartialCopy, Story } from '../types.js';
import { alignment, storySentences } from './align.js';
import { factConflicts } from './conflicts.js';
import { leadTollConflicts } from './lead-tolls.js';
import { storyCoverage } from './coverage.js';
import { tellingArticles } from '../report/telling.js';
import { comparedVoices, excerptingSources, storyVoices, voiceGroups } from './voices.js';
import { isLiveBlog, supersededOnly, supersededSlots } from './live-updates.js';

/** What the facts stage reads of an article (so worker threads are sent only this). */
export type FactsArticle = Pick<Article, 'id' | 'source' | 'sentences' | 'excerpt' | 'language'>;

export interface StoryFacts {
  readonly facts: Fact[];
  readonly conflicts: Conflict[];
  readonly coverage: Coverage[];
  readonly shared: string[];
  readonly fullest?: Fullest;
  /** Sources not counted for `shared` (see facts/coverage.ts); absent when none is left out. */
  readonly sharedExcept?: string[];
}

/**
 * Sentences of an article that its facts are worked out from: the first this many. Far more than any news
 * article has (long reads run to a few hundred); a file with more is a book, a log or a dump, and comparing all
 * of it sentence by sentence would take minutes and gigabytes (the run warns about such files). No omits are
 * listed for such an article: what it seems to leave out may be in the part not compared.
 */
export const MAX_FACT_SENTENCES = 2000;

/**
 * `all` (the articles) in story order, each compared over its first {@link MAX_FACT_SENTENCES} sentences; fact ids are `<storyId>-f<n>`, numbered in reading order: a fact comes where it
 * first appears, measured as a fraction of its article's length, so a lead fact comes before a closing one.
 * `copyGroups`: the story's copy groups (article ids each, `Story.copyGroups`), whose sources count as one voice in
 * the coverage and the corroborated facts (facts/voices.ts); `partialCopies`: its partial copies, each part in its
 * whole's voice for the others (an excerpt does not corroborate its whole) but compared with every voice itself;
 * `versionCopies`: pairs of a copy of an earlier version and the article that version is of, whose values are not
 * set against each other (a stale figure of the outlet's own, as an outlet's update is no conflict).
 */
export function storyFacts(
  storyId: string,
  all: readonly FactsArticle[],
  threshold: number,
  copyGroups: readonly (readonly string[])[] = [],
  partialCopies: readonly Pick<PartialCopy, 'part' | 'whole'>[] = [],
  versionCopies: readonly (readonly [string, string])[] = [],
): StoryFacts {
  const articles = all.map((a) => (a.sentences.length > MAX_FACT_SENTENCES ? { ...a, sentences: a.sentences.slice(0, MAX_FACT_SENTENCES) } : a));
  const sentences = storySentences(articles);
  const { groups, also } = alignment(sentences, { threshold });
  const place = (i: number): number => {
    const s = sentences[i];
    if (!s) return 1;
    return s.sentence / Math.max(1, all[s.article]?.sentences.length ?? 1);
  };
  const first = (g: readonly number[]): number => g.reduce((at, i) => Math.min(at, place(i)), Infinity);
  const ordered = groups
    .map((g, k) => ({ g, also: also[k] ?? [], at: first(g), text: sentences[g[0] ?? 0]?.text ?? '' }))
    .sort((x, y) => x.at - y.at || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  // A live blog's figures that a newer entry of it gives anew (live-updates.ts), by `article\0sentence`: only blogs are read.
  const updated = new Map<string, readonly number[]>();
  // The sentences all of whose figures are superseded: only they are "since updated" (review 29).
  const stale = new Set<string>();
  for (const a of articles) {
    if (!isLiveBlog(a)) continue;
    const whole = new Set<number>();
    for (const [sentence, starts] of supersededSlots(a, whole)) updated.set(`${a.id}\u0000${sentence}`, starts);
    for (const sentence of whole) stale.add(`${a.id}\u0000${sentence}`);
  }
  const mention = (i: number): Mention => {
    const s = sentences[i] as (typeof sentences)[number];
    const article = articles[s.article];
    const m = { article: article?.id ?? '', sentence: s.sentence, text: s.text };
    const entry = article?.sentences[s.sentence]?.entry;
    if (entry === undefined || entry.at === '') return m;
    return { ...m, entry: entry.at, ...(stale.has(`${m.article}\u0000${s.sentence}`) ? { updated: true as const } : {}) };
  };
  const facts: Fact[] = ordered.map(({ g, also: more }, k) => {
    const mentions: Mention[] = g.map(mention);
    // Most facts have one mention (every sentence no other source tells): its article alone, no set to sort.
    const ids = mentions.length === 1 ? [(mentions[0] as Mention).article] : [...new Set(mentions.map((m) => m.article))].sort();
    const fact = { id: `${storyId}-f${k + 1}`, articles: ids, mentions };
    return more.length > 0 ? { ...fact, alsoIn: more.map(mention) } : fact;
  });
  const sourceOf = new Map(articles.map((a) => [a.id, a.source]));
  const languageOf = new Map(articles.flatMap((a) => (a.language === undefined || a.language === 'en' ? [] : [[a.id, a.language] as const])));
  const within = facts
    .filter((f) => f.articles.length > 1)
    .flatMap((f) => factConflicts({ fact: f.id, mentions: f.mentions, sourceOf, ...(languageOf.size === 0 ? {} : { languageOf }), ...(versionCopies.length === 0 ? {} : { apart: versionCopies }), ...(updated.size === 0 ? {} : { updated }) }));
  // The tolls the leads state, compared story-wide (leads worded differently are seldom one fact): first, as the
  // figure a reader checks first.
  const lead = leadTollConflicts({ articles, facts, conflicts: within, ...(versionCopies.length === 0 ? {} : { apart: versionCopies }) });
  const conflicts = lead.length === 0 ? within : [...lead, ...within];
  // Compared over part of its text (a very long file) or only a teaser: what it seems to leave out may be in the rest.
  const partial = new Set(all.filter((a) => a.sentences.length > MAX_FACT_SENTENCES || a.excerpt).map((a) => a.id));
  const ids = articles.map((a) => a.id);
  const source = (id: string): string => sourceOf.get(id) ?? id;
  const voices = storyVoices(ids, source, voiceGroups(copyGroups, partialCopies));
  const excerpting = excerptingSources(partialCopies, source);
  // An article that tells a fact within a sentence of another (alsoIn) reports it: it neither leaves it out nor
  // lets another source's telling of it count as that source's own.
  // A fact told only by live blog sentences whose figures newer entries give anew (Mention.updated) is what was said
  // then: no blog adds it, no other source leaves it out, and it is no part of the fullest account.
  const told = facts.flatMap((f) => (updated.size > 0 && supersededOnly(f) ? [] : [f.alsoIn ? { ...f, articles: [...new Set(tellingArticles(f))].sort() } : f]));
  const { coverage, shared, sharedExcept } = storyCoverage({ articles: ids, facts: told, sourceOf, voiceOf: comparedVoices(voices, ids, source).of, partial, ...(excerpting.size > 0 ? { excerpting } : {}) });
  // Corroborated by two voices: a story of one text and its copies has no corroborated fact, though its copies are
  // compared source by source (comparedVoices).
  const fullest = fullestOf(ids, told, partial, voices.of, copyGroups);
  return { facts, conflicts, coverage, shared, ...(fullest ? { fullest } : {}), ...(sharedExcept.length > 0 ? { sharedExcept } : {}) };
}

/**
 * The story's most complete account: the article of several that reports the most of the facts two or more voices
 * report (corroborated facts: what the story is, rather than one outlet's extra background; the sources of a copy
 * group are one voice, `voiceOf`, and an excerpt is in its whole's, so a copy does not corroborate its own text),
 * then the most facts in all, then the first in story order (by source name, then id: the order the report lists
 * the articles in, so the choice is the same from run to run). Articles compared over part of their text (teasers,
 * files cut short) are left out: their count says nothing of the article. Ranking by facts alone picked the longest
 * article, whatever of the story it told (helper-53, ECB+ dev: in 29 of 36 stories of four or more sources another
 * article told more of what several sources report). The other articles with the same two counts are `tiedWith`,
 * one a text: a near-duplicate of the chosen one (`copyGroups`) is the same account, not another choice, and of a
 * copy group that ties only its first article in story order is named.
 */
function fullestOf(ids: readonly string[], facts: readonly Fact[], partial: ReadonlySet<string>, voiceOf: ReadonlyMap<string, string>, copyGroups: readonly (readonly string[])[]): Fullest | undefined {
  if (ids.length < 2 || facts.length === 0) return undefined;
  const counts = new Map(ids.map((id) => [id, { facts: 0, corroborated: 0 }]));
  let corroborated = 0;
  for (const f of facts) {
    const several = f.articles.length > 1 && new Set(f.articles.map((id) => voiceOf.get(id))).size > 1;
    if (several) corroborated++;
    for (const id of f.articles) {
      const c = counts.get(id);
      if (!c) continue;
      c.facts++;
      if (several) c.corroborated++;
    }
  }
  let best: { article: string; facts: number; corroborated: number } | undefined;
  for (const id of ids) {
    const c = counts.get(id) ?? { facts: 0, corroborated: 0 };
    if (partial.has(id)) continue;
    if (best === undefined || c.corroborated > best.corroborated || (c.corroborated === best.corroborated && c.facts > best.facts)) {
      best = { article: id, facts: c.facts, corroborated: c.corroborated };
    }
  }
  if (best === undefined) return undefined;
  const chosen = best;
  // One article a text: the first of each copy group, the chosen one's group not at all.
  const groupOf = new Map<string, number>();
  copyGroups.forEach((g, k) => g.forEach((id) => groupOf.set(id, k)));
  const seen = new Set<number>();
  const own = groupOf.get(chosen.article);
  if (own !== undefined) seen.add(own);
  const tiedWith = ids.filter((id) => {
    const c = counts.get(id);
    if (id === chosen.article || partial.has(id) || c === undefined || c.corroborated !== chosen.corroborated || c.facts !== chosen.facts) return false;
    const g = groupOf.get(id);
    if (g === undefined) return true;
    if (seen.has(g)) return false;
    seen.add(g);
    return true;
  });
  return { ...chosen, storyCorroborated: corroborated, ...(tiedWith.length > 0 ? { tiedWith } : {}) };
}

/** `story` (of the report's outline) with its facts filled in, in the same field order. */
export function withFacts(story: Story, f: StoryFacts): Story {
  return {
    ...story,
    shared: f.shared,
    facts: f.facts,
    conflicts: f.conflicts,
    coverage: f.coverage,
    ...(f.fullest ? { fullest: f.fullest } : {}),
    ...(f.sharedExcept ? { sharedExcept: f.sharedExcept } : {}),
  };
}

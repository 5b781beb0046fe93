/**
 * Build the report: order stories, name them, and attach each story's facts, conflicts, coverage and copies.
 * Everything here is ordered by content (sources, ids, text), never by input order.
 */
import type { Article, CopyPair, Diagnostic, Report, ReportArticle, ReportOptions, Story } from '../types.js';
import { storyFacts, type StoryFacts } from '../facts/story-facts.js';
import { storyFactsParallel } from '../parallel/story-facts.js';
import { firstReport } from './first-report.js';

export interface BuildInput {
  readonly articles: readonly Article[];
  /** Groups of article indices, one group per story. */
  readonly groups: readonly (readonly number[])[];
  readonly copies: readonly CopyPair[];
  readonly skipped: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly options: ReportOptions;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The headline most of the story's articles carry; ties go to the first in story order. */
export function storyTitle(articles: readonly Article[]): string {
  const counts = new Map<string, { n: number; title: string }>();
  for (const a of articles) {
    const key = a.title.toLowerCase().replace(/\s+/g, ' ').trim();
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, title: a.title.trim() });
  }
  let best = { n: 0, title: '' };
  for (const c of counts.values()) if (c.n > best.n) best = c;
  return best.title;
}

function reportArticle(a: Article): ReportArticle {
  return {
    id: a.id,
    path: a.path,
    source: a.source,
    sourceOrigin: a.sourceOrigin,
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    ...(a.date ? { date: a.date } : {}),
    ...(a.byline ? { byline: a.byline } : {}),
    sentences: a.sentences.length,
    dropped: a.dropped,
  };
}

/** A story in report order: its articles in story order, its sources and its headline. */
interface OrderedStory {
  readonly id: string;
  readonly articles: readonly Article[];
  readonly sources: readonly string[];
  readonly title: string;
}

/** The stories in report order (most sources, then most articles, then headline, then first article id). */
function orderStories(input: BuildInput): OrderedStory[] {
  return input.groups
    .map((g) => g.map((i) => input.articles[i] as Article).sort((x, y) => byText(x.source, y.source) || byText(x.id, y.id)))
    .map((articles) => ({ articles, sources: [...new Set(articles.map((a) => a.source))].sort(byText), title: storyTitle(articles) }))
    .sort(
      (x, y) =>
        y.sources.length - x.sources.length ||
        y.articles.length - x.articles.length ||
        byText(x.title, y.title) ||
        byText(x.articles[0]?.id ?? '', y.articles[0]?.id ?? ''),
    )
    .map((g, k) => ({ ...g, id: `s${k + 1}` }));
}

/** Per story, the copies whose first article is in it, in input order. */
function copiesByStory(input: BuildInput, stories: readonly OrderedStory[]): CopyPair[][] {
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => s.articles.forEach((a) => storyOf.set(a.id, k)));
  const copies = stories.map((): CopyPair[] => []);
  for (const c of input.copies) {
    const k = storyOf.get(c.a);
    if (k !== undefined) copies[k]?.push(c);
  }
  return copies;
}

/** The report from the ordered stories and, when facts are asked for, each story's facts (same order). */
function assemble(input: BuildInput, ordered: readonly OrderedStory[], facts: readonly (StoryFacts | undefined)[]): Report {
  const copies = copiesByStory(input, ordered);
  const stories: Story[] = ordered.map((g, k) => {
    const f = facts[k];
    const first = firstReport(g.articles);
    return {
      id: g.id,
      title: g.title,
      articles: g.articles.map((a) => a.id),
      sources: g.sources,
      copies: copies[k] ?? [],
      shared: f?.shared ?? [],
      facts: f?.facts ?? [],
      conflicts: f?.conflicts ?? [],
      coverage: f?.coverage ?? [],
      ...(first ? { firstReported: first } : {}),
    };
  });
  const articles = [...input.articles].sort((x, y) => byText(x.path, y.path)).map(reportArticle);
  return { version: 1, options: input.options, articles, stories, skipped: input.skipped, warnings: input.warnings };
}

/** The report, with every story's facts worked out on this thread. */
export function buildReport(input: BuildInput): Report {
  const ordered = orderStories(input);
  const threshold = input.options.factThreshold;
  return assemble(input, ordered, threshold > 0 ? ordered.map((s) => storyFacts(s.id, s.articles, threshold)) : []);
}

/** The same report as {@link buildReport}, with the stories' facts worked out on up to `jobs` threads (≥ 1). */
export async function buildReportAsync(input: BuildInput, jobs: number): Promise<Report> {
  const ordered = orderStories(input);
  const threshold = input.options.factThreshold;
  return assemble(input, ordered, threshold > 0 ? await storyFactsParallel(ordered, threshold, jobs) : []);
}

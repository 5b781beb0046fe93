/**
 * Build the report: order stories, name them, and attach each story's facts, conflicts, coverage and copies.
 * Everything here is ordered by content (sources, ids, text), never by input order.
 */
import type { Article, CopyPair, Diagnostic, Report, ReportArticle, ReportOptions, Story } from '../types.js';
import { storyFacts } from '../facts/story-facts.js';
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

export function buildReport(input: BuildInput): Report {
  const groups = input.groups
    .map((g) => g.map((i) => input.articles[i] as Article).sort((x, y) => byText(x.source, y.source) || byText(x.id, y.id)))
    .map((articles) => ({ articles, sources: [...new Set(articles.map((a) => a.source))].sort(byText), title: storyTitle(articles) }))
    .sort(
      (x, y) =>
        y.sources.length - x.sources.length ||
        y.articles.length - x.articles.length ||
        byText(x.title, y.title) ||
        byText(x.articles[0]?.id ?? '', y.articles[0]?.id ?? ''),
    );
  const stories: Story[] = groups.map((g, k) => {
    const id = `s${k + 1}`;
    const ids = new Set(g.articles.map((a) => a.id));
    const facts = input.options.factThreshold > 0 ? storyFacts(id, g.articles, input.options.factThreshold) : undefined;
    const first = firstReport(g.articles);
    return {
      id,
      title: g.title,
      articles: g.articles.map((a) => a.id),
      sources: g.sources,
      copies: input.copies.filter((c) => ids.has(c.a)),
      shared: facts?.shared ?? [],
      facts: facts?.facts ?? [],
      conflicts: facts?.conflicts ?? [],
      coverage: facts?.coverage ?? [],
      ...(first ? { firstReported: first } : {}),
    };
  });
  const articles = [...input.articles].sort((x, y) => byText(x.path, y.path)).map(reportArticle);
  return { version: 1, options: input.options, articles, stories, skipped: input.skipped, warnings: input.warnings };
}

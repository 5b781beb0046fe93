/**
 * The run's sources side by side: for each outlet, how many articles and stories it has in the report, how many of
 * those stories other outlets told too, how many of those it reported first, and how many of its articles are
 * near-duplicates of another outlet's (wire copy it republished, or that republished it). Worked out from the
 * report's outline alone (no facts), over the stories the report shows.
 */
import type { Report, SourceSummary, Story } from '../types.js';

/** Every source of the report's articles, most articles first, then most stories, then by name. */
export function sourceSummary(report: Pick<Report, 'articles' | 'stories'>): SourceSummary[] {
  const sourceOf = new Map(report.articles.map((a) => [a.id, a.source]));
  const rows = new Map<string, { articles: number; stories: number; sharedStories: number; firstReports: number; nearDuplicates: number }>();
  const row = (source: string) => {
    let r = rows.get(source);
    if (r === undefined) rows.set(source, (r = { articles: 0, stories: 0, sharedStories: 0, firstReports: 0, nearDuplicates: 0 }));
    return r;
  };
  for (const a of report.articles) row(a.source).articles++;
  for (const story of report.stories) {
    for (const source of story.sources) {
      const r = row(source);
      r.stories++;
      if (story.sources.length > 1) r.sharedStories++;
    }
    if (story.sources.length > 1 && story.firstReported) row(story.firstReported.source).firstReports++;
    for (const id of copiedAcrossSources(story, sourceOf)) row(sourceOf.get(id) ?? '').nearDuplicates++;
  }
  return [...rows.entries()]
    .map(([source, r]) => ({ source, ...r }))
    .sort((x, y) => y.articles - x.articles || y.stories - x.stories || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
}

/** The articles of a story that are near-duplicates of an article of another source, each once. */
function copiedAcrossSources(story: Story, sourceOf: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const pair of story.copies) {
    if (sourceOf.get(pair.a) === sourceOf.get(pair.b)) continue;
    out.add(pair.a);
    out.add(pair.b);
  }
  return out;
}

/** The fewest sources for which the views show the table: with two, every story's header already says it. */
export const SOURCES_SHOWN_FROM = 3;

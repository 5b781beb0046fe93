/**
 * NDJSON: one JSON object per story per line, for streaming into other tools (`jq -c`, log shippers, queues).
 * Each line stands alone: `{"version":1,"story":{…},"articles":[…]}` with the story as in the JSON document
 * and the report entries of its articles. Skipped files and warnings are not lines: they are on stderr.
 * The same characters are escaped as in the JSON document (json.ts): besides keeping the lines inert on a
 * terminal, it leaves no raw U+2028, U+2029 or U+0085 (NEL), which some line readers (Python's `splitlines`)
 * take for line ends, so every reader sees one line per story.
 */
import type { Report, ReportArticle, Story } from '../types.js';
import { escapeUnsafe } from './json.js';

/** One story's line (with its newline); `articles`: the report entries of the story's articles, in story order. */
export function ndjsonLine(version: Report['version'], story: Story, articles: readonly ReportArticle[]): string {
  return `${escapeUnsafe(JSON.stringify({ version, story, articles }))}\n`;
}

/** The report entries of `story`'s articles, in story order. */
export const storyArticles = (articles: ReadonlyMap<string, ReportArticle>, story: Story): ReportArticle[] => story.articles.flatMap((id) => articles.get(id) ?? []);

const line = (report: Report, articles: ReadonlyMap<string, ReportArticle>, story: Story): string => ndjsonLine(report.version, story, storyArticles(articles, story));

/** The lines one by one (each with its newline), so a large report is written without one string of it all. */
export function* ndjsonChunks(report: Report): Generator<string> {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  for (const story of report.stories) yield line(report, articles, story);
}

export function renderNdjson(report: Report): string {
  return [...ndjsonChunks(report)].join('');
}

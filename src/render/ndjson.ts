/**
 * NDJSON: one JSON object per story per line, for streaming into other tools (`jq -c`, log shippers, queues).
 * Each line stands alone: `{"version":1,"story":{…},"articles":[…]}` with the story as in the JSON document
 * and the report entries of its articles. Skipped files and warnings are not lines: they are on stderr.
 */
import type { Report } from '../types.js';

/** The lines one by one (each with its newline), so a large report is written without one string of it all. */
export function* ndjsonChunks(report: Report): Generator<string> {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  for (const story of report.stories) {
    yield `${JSON.stringify({ version: report.version, story, articles: story.articles.flatMap((id) => articles.get(id) ?? []) })}\n`;
  }
}

export function renderNdjson(report: Report): string {
  return [...ndjsonChunks(report)].join('');
}

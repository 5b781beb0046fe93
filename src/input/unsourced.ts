/**
 * Records of a feed (JSON, JSON Lines, CSV, RSS/Atom, on stdin too) that named no source, and for which outlet
 * detection (outlet.ts) found none in a URL field or the text's dateline or credit either, are credited to the
 * feed's file name: all of a feed's such records then count as one outlet. One warning a feed says how many, when
 * they are two or more: one record credited to its file's name is one outlet, as an article file of its own is
 * (`story.txt` credited to "story" gets no warning either; its `sourceOrigin` says `filename`), and a folder of
 * single-record `.json` files gave a warning for each file.
 */
import type { Diagnostic, SourceOrigin } from '../types.js';

/** A record's name (`feed.jsonl:3`, `feed.json[2]`, `feed.jsonl:3[2]`, `news.csv:7`) → its feed's (`feed.jsonl`). */
const RECORD = /(?::\d+(?:\[\d+\])?|\[\d+\])$/;
/** A JSON file of one record (`story.json`): the only feed whose record keeps the file's plain name. */
const FEED_ENDING = /\.json(?:\.gz)?$/i;

/** The feed an article is a record of, or undefined when it is an article file of its own (`story.txt`, a page). */
export function feedOf(path: string): string | undefined {
  if (RECORD.test(path)) return path.replace(RECORD, '');
  return FEED_ENDING.test(path) ? path : undefined;
}

/** The warning text for `count` records of a feed credited to `source`. */
export const unsourcedReason = (count: number, source: string): string =>
  `${count.toLocaleString('en-US')} record${count === 1 ? '' : 's'} had no source (no source field, URL or credit line) and ${count === 1 ? 'was' : 'were'} credited to "${source}"`;

/** One warning a feed, in the order the feeds are named (by path), for its records credited to the file name (two or more). */
export function unsourcedWarnings(articles: Iterable<{ readonly path: string; readonly source: string; readonly sourceOrigin: SourceOrigin }>): Diagnostic[] {
  const counts = new Map<string, { count: number; source: string }>();
  for (const a of articles) {
    if (a.sourceOrigin !== 'filename') continue;
    const feed = feedOf(a.path);
    if (feed === undefined) continue;
    const seen = counts.get(feed);
    if (seen) seen.count++;
    else counts.set(feed, { count: 1, source: a.source });
  }
  return [...counts.keys()].filter((feed) => (counts.get(feed)?.count ?? 0) > 1).sort().map((feed) => {
    const { count, source } = counts.get(feed) as { count: number; source: string };
    return { path: feed, reason: unsourcedReason(count, source), level: 'warning' as const };
  });
}

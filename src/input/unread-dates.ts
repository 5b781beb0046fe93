/**
 * Dates an input gives that date.ts cannot read as a day ("yesterday", "3/4/17", a date in another language): kept
 * as written in the report, but of no use for the time distance of story clustering, first reports or
 * `--since`/`--until`. One warning a file (a feed's records together) says how many, with the first as an example.
 * A year alone or a year and month (`2017`, `2017-03`, `March 2017`) is a date of that precision, not an unread one.
 */
import type { Diagnostic } from '../types.js';
import { parseDate } from './date.js';
import { feedOf } from './unsourced.js';

/** A year, a year and month, or a month's name and a year in any language (`March 2017`, `März 2017`, `marzo de 2017`). */
const PARTIAL = /^(?:\d{4}(?:-\d{2})?|\p{L}{3,10}\.?\s+(?:de\s+)?\d{4})$/iu;

/** Characters of the first unread date shown in the warning. */
const SHOWN = 40;

/** Whether `date` (as an input writes it) is neither read by date.ts nor a year or month alone. */
export const isUnreadDate = (date: string): boolean => parseDate(date) === undefined && !PARTIAL.test(date.trim());

/** Where a record is in its file, as its name tells: the line and index of `feed.jsonl:3`, `feed.json[2]`, `a.jsonl:3[2]`. */
function positionOf(articlePath: string): number[] {
  return [...articlePath.matchAll(/(?::(\d+)|\[(\d+)\])(?=(?::\d+|\[\d+\])*$)/g)].map((m) => Number(m[1] ?? m[2]));
}

function before(x: readonly number[], y: readonly number[]): boolean {
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? -1) - (y[k] ?? -1);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** One warning a file whose articles have dates not understood, in the order of the files' names. */
export function unreadDateWarnings(articles: Iterable<{ readonly path: string; readonly date?: string }>): Diagnostic[] {
  const files = new Map<string, { count: number; first: string; at: readonly number[] }>();
  for (const a of articles) {
    if (a.date === undefined || !isUnreadDate(a.date)) continue;
    const file = feedOf(a.path) ?? a.path;
    const seen = files.get(file);
    const at = positionOf(a.path);
    if (!seen) files.set(file, { count: 1, first: a.date.trim(), at });
    else {
      seen.count++;
      // The example is the first in the file, whatever order the articles come in (they come by id).
      if (before(at, seen.at)) Object.assign(seen, { first: a.date.trim(), at });
    }
  }
  return [...files.keys()].sort().map((file) => {
    const { count, first } = files.get(file) as { count: number; first: string };
    const shown = first.length > SHOWN ? `${first.slice(0, SHOWN)}…` : first;
    const what = count === 1 ? `date not understood ("${shown}")` : `${count.toLocaleString('en-US')} dates not understood (the first "${shown}")`;
    return { path: file, reason: `${what}: kept as written, not used for time distance, first reports or --since/--until`, level: 'warning' as const };
  });
}

/** Slot extraction: tokenises a sentence and runs the finders in order, each claiming the tokens it uses. */
import type { Slot } from '../../types.js';
import { tokenize, type Ctx } from './tokens.js';
import { findNames } from './names.js';
import { findTimes } from './times.js';
import { findDates, findWeekdays, findYears } from './dates.js';
import { findNumbers } from './numbers.js';

/**
 * The checkable values of one sentence, sorted by position. Numbers that belong to a time, a date, a year, a
 * name ("Route 6", "F-16") or a range are not number slots. See the comment in slots/index.ts for what is left out.
 */
export function extractSlots(text: string): Slot[] {
  const toks = tokenize(text);
  const c: Ctx = { text, toks, used: new Uint8Array(toks.length), out: [] };
  findNames(c);
  findTimes(c);
  findDates(c);
  findWeekdays(c);
  findYears(c);
  findNumbers(c);
  return c.out.sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
}

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
  const c = datedContext(text);
  findNumbers(c);
  return c.out.sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
}

/** The sentence tokenised and run through every finder before the numbers, which come last. */
function datedContext(text: string): Ctx {
  const toks = tokenize(text);
  const c: Ctx = { text, toks, used: new Uint8Array(toks.length), out: [] };
  findNames(c);
  findTimes(c);
  findDates(c);
  findWeekdays(c);
  findYears(c);
  return c;
}

/**
 * The values of the year slots {@link extractSlots} finds in `text`, in no particular order, without looking for
 * numbers: that finder runs last and only claims tokens the others left, so it cannot add or remove a year.
 */
export function yearValues(text: string): number[] {
  return datedContext(text).out.flatMap((slot) => (slot.kind === 'year' ? [Number(slot.value)] : []));
}

/**
 * Magnitudes: the size of a quake, written with its unit word before the figure as often as after it ("magnitude
 * 6.8", "a magnitude-6.8 quake", "a magnitude of 6.8", "a 6.8-magnitude quake", "a 6.8 magnitude quake", "6.8 on
 * the Richter scale"). All are one unit, so that one outlet's 6.7 is compared with another's 6.8; the counted-number
 * finder would take "quake hit" after "magnitude 6.7" as what it counts, or drop "magnitude-6.8" as a name.
 */
import { splitDigits, scaled } from './digits.js';
import { emit, glued, lowerAt, type Ctx } from './tokens.js';

/** The unit of a magnitude (the stem of "magnitude"): compared as a measure (slots/compare.ts). */
export const MAGNITUDE = 'magnitud';

/** The largest magnitude read as one: a bigger figure after "magnitude" is something else. */
const MAX_MAGNITUDE = 10;

const isHyphen = (t: string | undefined): boolean => t === '-' || t === '‐' || t === '‑';

/** The first token of "magnitude" words right before the figure at token i ("magnitude", "magnitude-", "magnitude of"), or undefined. */
function magnitudeBefore(c: Ctx, i: number): number | undefined {
  if (isHyphen(c.toks[i - 1]?.text) && glued(c, i - 1) && glued(c, i - 2) && lowerAt(c, i - 2) === 'magnitude') return i - 2;
  if (lowerAt(c, i - 1) === 'magnitude') return i - 1;
  return lowerAt(c, i - 1) === 'of' && lowerAt(c, i - 2) === 'magnitude' ? i - 2 : undefined;
}

/** The last token of "magnitude" words right after the figure at token i ("-magnitude", "magnitude", "on the Richter scale"), or undefined. */
function magnitudeAfter(c: Ctx, i: number): number | undefined {
  if (isHyphen(c.toks[i + 1]?.text) && glued(c, i) && glued(c, i + 1) && lowerAt(c, i + 2) === 'magnitude') return i + 2;
  if (lowerAt(c, i + 1) === 'magnitude') return i + 1;
  const richter = lowerAt(c, i + 1) === 'on' && lowerAt(c, i + 2) === 'the' && lowerAt(c, i + 3) === 'richter' && lowerAt(c, i + 4) === 'scale';
  return richter ? i + 4 : undefined;
}

/**
 * The last token of a figure written "6. 1", as feeds that space their punctuation write 6.1: a whole number, a
 * glued full stop, a space and one digit. Undefined for anything else.
 */
function spacedDecimal(c: Ctx, i: number): number | undefined {
  const ok = /^\d+$/.test(c.toks[i]?.text ?? '') && c.toks[i + 1]?.text === '.' && glued(c, i) && !glued(c, i + 1) && /^\d$/.test(c.toks[i + 2]?.text ?? '');
  return ok ? i + 2 : undefined;
}

/**
 * Claims each magnitude in digits with its unit words, as a number slot of unit {@link MAGNITUDE}. Feeds that
 * space their punctuation write 6.1 as "6. 1", and sentences are sometimes split there: a whole magnitude that ends
 * its sentence ("the magnitude 6.") and a figure that opens one with the unit after it ("1 magnitude earthquake
 * hit") are halves of a figure, claimed so that no other finder reads them and given no slot.
 */
export function findMagnitudes(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const t = c.toks[i];
    if (t?.kind !== 'num' || c.used[i] !== 0) continue;
    const spaced = spacedDecimal(c, i);
    const end = spaced ?? i;
    const first = magnitudeBefore(c, i);
    const last = first === undefined ? magnitudeAfter(c, end) : undefined;
    if (first === undefined && last === undefined) continue;
    const parts = spaced === undefined ? splitDigits(t.text) : ([t.text, c.toks[spaced]?.text ?? ''] as const);
    if (parts === undefined) continue;
    const value = scaled(parts[0], parts[1], 0);
    if (Number(value) > MAX_MAGNITUDE) continue;
    const to = last ?? end;
    const half = i === 0 || (!value.includes('.') && c.toks[end + 1]?.text === '.' && glued(c, end) && end + 2 === c.toks.length);
    if (half) c.used.fill(1, first ?? i, to + 1);
    else emit(c, 'number', value, first ?? i, to, MAGNITUDE);
    i = to;
  }
}

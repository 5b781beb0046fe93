/**
 * What part a counted number plays, beyond the noun it counts, as the words around it say: a part of a larger count
 * ("his first 17 passes", "including three ladder trucks"), a running total ("he has 53 catches for 605 yards"),
 * or a rate ("4.2 yards a carry", "$4 million a year"). The part is added to the number's unit, so that it is
 * compared only with numbers that play the same part: "his first 17 passes" does not dispute "29 of 34 passes",
 * while "his first 17 passes" still disputes "his first 15 passes".
 */
import { SMALL, STOP, TENS } from './words.js';
import { isWordAt, lowerAt, stem, type Ctx } from './tokens.js';

/** Ordinals before a number that make it a part of a series: "his first 17 passes", "the last 10 games". */
const ORDINALS = new Set(['first', 'last', 'final', 'opening', 'initial']);
/** Qualifier words passed over between a cue and its number: "including at least three". */
const QUALIFIER_WORDS = new Set(['at', 'least', 'about', 'around', 'some', 'nearly', 'almost', 'more', 'than', 'over', 'up', 'to', 'only', 'just']);
/** Words between "has" and its number: "has only 150", "has now scored 11", "has a total of 53". */
const TALLY_FILLER = new Set(['only', 'just', 'now', 'already', 'so', 'far', 'a', 'total', 'of']);
/** Words after a rate's noun that make "a week" a time ago, not a rate: "20 people a week ago". */
const NOT_RATE_AFTER = new Set(['ago', 'earlier', 'later', 'before', 'after', 'from', 'since', 'into']);

/** Where a number sits in its sentence: its first and last tokens, and the last token of its unit words. */
export interface Placed {
  readonly first: number;
  readonly last: number;
  readonly unitEnd: number;
}

/** First index before `k` (going back) that is not a qualifier word. */
function skipBack(c: Ctx, k: number, skip: ReadonlySet<string>): number {
  while (k >= 0 && skip.has(lowerAt(c, k))) k--;
  return k;
}

/**
 * `first`, `last` … for a number after an ordinal, `part` for one after "including", "of which", "of whom" or
 * "among them": it counts a part of something the sentence counts whole elsewhere. Undefined otherwise.
 */
export function partBefore(c: Ctx, first: number): string | undefined {
  // "46 of the 212 passengers": 212 is the whole that 46 is a part of, compared only with wholes.
  if (lowerAt(c, first - 1) === 'the' && lowerAt(c, first - 2) === 'of' && isCountAt(c, first - 3)) return 'whole';
  const k = skipBack(c, first - 1, QUALIFIER_WORDS);
  const w = lowerAt(c, k);
  if (ORDINALS.has(w) && k === first - 1) return w;
  if (w === 'including') return 'part';
  if ((w === 'which' || w === 'whom') && lowerAt(c, k - 1) === 'of') return 'part';
  return w === 'them' && lowerAt(c, k - 1) === 'among' ? 'part' : undefined;
}

/** Whether token i is a count in one token: digits ("46") or a number word ("two", "forty"). */
export function isCountAt(c: Ctx, i: number): boolean {
  const t = c.toks[i];
  return t !== undefined && (t.kind === 'num' || SMALL.has(t.lower) || TENS.has(t.lower));
}

/**
 * Whether a number is a running total: it follows "has" or "have" ("Jones has 193 yards", "has rushed for only 150
 * yards"), or follows one that is, joined by "for", "and" or a comma ("has 53 catches for 605 yards and five
 * touchdowns"). A season's tally so far is not a game's figure; tallies are compared with tallies.
 */
export function isTally(c: Ctx, n: Placed, previous: (Placed & { readonly tally: boolean }) | undefined): boolean {
  let k = skipBack(c, n.first - 1, TALLY_FILLER);
  const has = (i: number): boolean => lowerAt(c, i) === 'has' || lowerAt(c, i) === 'have';
  if (has(k)) return true;
  if (lowerAt(c, k) === 'for' && isWordAt(c, k - 1) && !STOP.has(lowerAt(c, k - 1)) && has(skipBack(c, k - 2, TALLY_FILLER))) return true;
  if (previous === undefined || !previous.tally) return false;
  for (k = n.first - 1; k > previous.unitEnd; k--) {
    const w = c.toks[k]?.text.toLowerCase();
    if (w !== 'for' && w !== 'and' && w !== ',' && !QUALIFIER_WORDS.has(w ?? '')) return false;
  }
  return true;
}

/** The stem of the noun of a rate after a number's unit ("yards a carry" → "carri"), from token k; undefined if none. */
export function rateAfter(c: Ctx, k: number): string | undefined {
  const w = lowerAt(c, k);
  if (w !== 'a' && w !== 'an' && w !== 'per' && w !== 'each') return undefined;
  const noun = c.toks[k + 1];
  if (noun?.kind !== 'word' || noun.cap || STOP.has(noun.lower) || NOT_RATE_AFTER.has(lowerAt(c, k + 2))) return undefined;
  return stem(noun.lower);
}

/** A number's unit stem with its part, tally and rate: "first pass", "so far yard", "yard/carri". */
export function roleUnit(unit: string, part: string | undefined, tally: boolean, rate: string | undefined): string {
  const prefix = [part, tally ? 'so far' : undefined].filter((x) => x !== undefined).join(' ');
  return `${prefix === '' ? '' : `${prefix} `}${unit}${rate === undefined ? '' : `/${rate}`}`;
}

/** The counted noun of a unit made by {@link roleUnit}, without its part, tally or rate: "first pass" → "pass". */
export function baseUnit(unit: string): string {
  const noun = unit.slice(unit.lastIndexOf(' ') + 1);
  const slash = noun.indexOf('/');
  return slash < 0 ? noun : noun.slice(0, slash);
}

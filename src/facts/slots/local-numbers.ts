/**
 * The parts of number reading that differ in languages other than English (locale.ts): number words and scales
 * ("zwölf", "eine Million", "3 Mio."), the counted noun after a number (German: the first capitalised word, past
 * lower-case adjectives: "1.200 verletzte Menschen" counts Menschen), percent words and qualifiers ("rund",
 * "ca.", "mehr als").
 */
import type { Slot } from '../../types.js';
import { CURRENCY } from './words.js';
import { glued, isWordAt, kmPerHour, lowerAt, opensAt, type Ctx, type Tok } from './tokens.js';
import type { ValueRules } from './locale.js';

/** What a number counts (see numbers.ts). */
export interface LocalUnit {
  readonly stem: string;
  readonly text?: string;
  readonly end?: number;
}

/** The last token of a scale word at token k: with its abbreviation dot ("Mio.") when glued to it. */
export function scaleEnd(c: Ctx, k: number): number {
  const w = lowerAt(c, k);
  return (w === 'mio' || w === 'mrd' || w === 'tsd') && c.toks[k + 1]?.text === '.' && glued(c, k) ? k + 1 : k;
}

/**
 * A number in words at token i: a number word ("zwölf", "zweihundert"), with a scale after it ("zwei Millionen"),
 * or a form of "one" before a scale or "Dutzend" ("eine Million"). A capitalised number word is a noun ("die Elf"),
 * not a number, unless it opens the sentence, at its start or past a dateline ("HALLE (dpa) — Zwölf Menschen …").
 */
export function localWordsNumber(c: Ctx, rules: ValueRules, i: number): { value: string; last: number } | undefined {
  const t = c.toks[i] as Tok;
  if (t.cap && !opensAt(c, i)) return undefined;
  let v = rules.numberWord(t.lower);
  const k = i + 1;
  const next = lowerAt(c, k);
  if (v === undefined) {
    if (!rules.one.has(t.lower) || !(rules.scales.has(next) || rules.dozen.has(next))) return undefined;
    v = 1;
  }
  const scale = rules.scales.get(next);
  if (scale !== undefined) return { value: String(v * 10 ** scale), last: scaleEnd(c, k) };
  if (rules.dozen.has(next)) return { value: String(v * 12), last: k };
  return { value: String(v), last: i };
}

/** Tokens from..to as written, white space as one space. */
function wording(c: Ctx, from: number, to: number): string {
  return c.text.slice((c.toks[from] as Tok).start, (c.toks[to] as Tok).end).replace(/\s+/g, ' ');
}

/**
 * The counted noun after a number, from token j: a percent sign or word ("Prozent", "pour cent"), a currency sign
 * after it ("5 €"), "km/h", else the noun of a run of up to three words that are not stop, number, scale or calendar words:
 * the first capitalised one in German, the first in French, Spanish and Italian, the first plural in Dutch. Stemmed by the
 * language's stemmer, or a unit's own id ("Euro" → eur, "Metern" → m). Undefined when no such word follows.
 */
export function localUnitAfter(c: Ctx, rules: ValueRules, j: number): LocalUnit | undefined {
  const first = c.toks[j];
  if (first === undefined) return undefined;
  if (first.text === '%') return { stem: 'percent', text: '%', end: j };
  for (const words of rules.percent) {
    if (words.every((w, k) => lowerAt(c, j + k) === w)) return { stem: 'percent', text: wording(c, j, j + words.length - 1), end: j + words.length - 1 };
  }
  const currency = CURRENCY.get(first.text);
  if (currency !== undefined) return { stem: currency, text: first.text, end: j };
  // "80 km/h": a speed, not a distance (and in German, where the noun is the capitalised word, a unit at all).
  if (kmPerHour(c, j)) return { stem: 'kmh', text: wording(c, j, j + 2), end: j + 2 };
  while (rules.filler.has(lowerAt(c, j)) && isWordAt(c, j)) j++;
  const run: number[] = [];
  for (let k = j; k < c.toks.length && run.length < 3; k++) {
    const t = c.toks[k] as Tok;
    const w = t.lower;
    if (t.kind !== 'word' || c.used[k] !== 0 || w.length > 30 || rules.isStop(w) || rules.numberWord(w) !== undefined || rules.scales.has(w)) break;
    if (rules.months.has(w) || rules.weekdays.has(w) || (run.length > 0 && rules.capsAreNames && t.cap)) break;
    run.push(k);
    if (rules.noun === 'capital' && t.cap) break;
  }
  const pick =
    rules.noun === 'capital' ? run.find((k) => c.toks[k]?.cap === true) : rules.noun === 'plural' ? (run.find((k) => /(en|s)$/.test(lowerAt(c, k))) ?? run[0]) : run[0];
  if (pick === undefined) return undefined;
  const w = lowerAt(c, pick);
  return { stem: rules.unitAlias.get(w) ?? rules.stem(w), text: wording(c, j, pick), end: pick };
}

/** The bound the qualifier just before token `first` puts on a number ("rund", "mehr als", "ca."), two words first. */
export function localBoundBefore(c: Ctx, rules: ValueRules, first: number): Slot['bound'] {
  let k = first - 1;
  // "ca. 1.200": the abbreviation's dot.
  if (c.toks[k]?.text === '.' && glued(c, k - 1)) k--;
  const one = lowerAt(c, k);
  return rules.bounds.get(`${lowerAt(c, k - 1)} ${one}`) ?? rules.bounds.get(one);
}

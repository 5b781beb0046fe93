/**
 * Tokens of one sentence and the helpers every slot finder uses: look-up by index (out of range is an empty
 * word), gluing (no space between two tokens), claiming tokens for a slot, and Porter stemming of unit words.
 */
import { createRequire } from 'node:module';
import type { Slot, SlotKind } from '../../types.js';
import { isWhiteSpace } from '../../text/words.js';
import { unitStems, valueContext } from './context.js';
import type { ValueRules } from './locale.js';

const require = createRequire(import.meta.url);
// Deep path: natural's package index prints to stdout when loaded.
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

export interface Tok {
  readonly text: string;
  /** Lowercase, possessive "'s" removed. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'num' | 'punct';
  readonly cap: boolean;
  /** Ends in a possessive "'s". */
  readonly poss: boolean;
}

export interface Ctx {
  readonly text: string;
  readonly toks: readonly Tok[];
  readonly used: Uint8Array;
  readonly out: Slot[];
  /** How the article's language writes values (locale.ts); undefined for English. */
  readonly rules?: ValueRules;
  /** The index of the sentence's first own word, past a dateline, credit or opening quote (lead.ts); 0 when none. */
  readonly lead: number;
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const IS_LETTER = 1;
const IS_MARK = 2;
const NEITHER = 3;
/** Class of each BMP code point (0: not yet known), filled as met. */
const bmpClass = new Uint8Array(65536);

/** Whether code point `cp` is a letter (\p{L}), a combining mark (\p{M}) or neither. */
function classOf(cp: number): number {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? IS_LETTER : NEITHER;
  let k = cp < 65536 ? (bmpClass[cp] as number) : 0;
  if (k === 0) {
    const ch = String.fromCodePoint(cp);
    k = LETTER.test(ch) ? IS_LETTER : MARK.test(ch) ? IS_MARK : NEITHER;
    if (cp < 65536) bmpClass[cp] = k;
  }
  return k;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** End of the run of letters and marks from i. */
function lettersEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const k = classOf(cp);
    if (k !== IS_LETTER && k !== IS_MARK) break;
    i += width(cp);
  }
  return i;
}

/** End of the word that starts with a letter at i: letters and marks, joined by ' ’ ‐ ‑ - before a letter. */
function wordEnd(text: string, i: number): number {
  for (i = lettersEnd(text, i); ; i = lettersEnd(text, i + 1)) {
    const c = text.charCodeAt(i);
    const joiner = c === 39 || c === 0x2019 || c === 45 || c === 0x2010 || c === 0x2011;
    if (!joiner || i + 1 >= text.length || classOf(text.codePointAt(i + 1) as number) !== IS_LETTER) return i;
  }
}

/** End of the number that starts with a digit at i: digit runs joined by single "." "," or ":". */
function numberEnd(text: string, i: number): number {
  while (isDigitCode(text.charCodeAt(i))) i++;
  for (;;) {
    const c = text.charCodeAt(i);
    if ((c !== 46 && c !== 44 && c !== 58) || !isDigitCode(text.charCodeAt(i + 1))) return i;
    for (i++; isDigitCode(text.charCodeAt(i)); ) i++;
  }
}

function token(text: string, start: number, end: number, kind: Tok['kind']): Tok {
  const t = text.slice(start, end);
  const last = text.charCodeAt(end - 1);
  const before = text.charCodeAt(end - 2);
  const poss = kind === 'word' && end - start >= 2 && (last === 115 || last === 83) && (before === 39 || before === 0x2019);
  const lower = poss ? t.slice(0, -2).toLowerCase() : kind === 'word' ? t.toLowerCase() : t;
  const first = t.charCodeAt(0);
  const cap = kind === 'word' && (first < 128 ? first >= 65 && first <= 90 : t[0] !== t[0]?.toLowerCase());
  return { text: t, lower, start, end, kind, cap, poss };
}

/**
 * The sentence's tokens, by code point: a word is a letter and then letters or marks, parts joined by an
 * apostrophe or hyphen before a letter ("al-Assad", "O’Brien"); a number is ASCII digits, groups joined by
 * "." "," or ":"; any other character but white space is a token of its own.
 */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const cp = text.codePointAt(i) as number;
    let kind: Tok['kind'];
    if (classOf(cp) === IS_LETTER) {
      kind = 'word';
      i = wordEnd(text, i);
    } else if (isDigitCode(c)) {
      kind = 'num';
      i = numberEnd(text, i);
    } else {
      kind = 'punct';
      i += width(cp);
    }
    toks.push(token(text, start, i, kind));
  }
  return toks;
}

/** Whether a word has a hyphen (-, ‐ or ‑), where the finders split compounds: few words do. */
export function hasHyphen(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}

/**
 * Whether token k opens the sentence, as its first token or its first own word past a dateline or credit (lead.ts):
 * capitalised there whatever it is.
 */
export function opensAt(c: Ctx, k: number): boolean {
  return k === 0 || k === c.lead;
}

export function lowerAt(c: Ctx, i: number): string {
  return c.toks[i]?.lower ?? '';
}

/** Tokens i and i + 1 touch, with no space between. */
export function glued(c: Ctx, i: number): boolean {
  const a = c.toks[i];
  const b = c.toks[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Whether token k is "km" with "/h" glued after it: "km/h", one unit of speed. */
export function kmPerHour(c: Ctx, k: number): boolean {
  return lowerAt(c, k) === 'km' && c.toks[k + 1]?.text === '/' && lowerAt(c, k + 2) === 'h' && glued(c, k) && glued(c, k + 1);
}

export function isWordAt(c: Ctx, i: number): boolean {
  return c.toks[i]?.kind === 'word';
}

export function free(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (c.used[k] !== 0 || k >= c.toks.length) return false;
  return true;
}

/** Records a slot covering tokens `from`..`to` (its text may end early at `end`); `unitText` is a number's counted words. */
export function emit(c: Ctx, kind: SlotKind, value: string, from: number, to: number, unit?: string, end?: number, unitText?: string, bound?: Slot['bound']): void {
  for (let k = from; k <= to; k++) c.used[k] = 1;
  const start = c.toks[from]?.start ?? 0;
  const stop = end ?? c.toks[to]?.end ?? start;
  const slot: Slot = { kind, value, text: c.text.slice(start, stop), start, end: stop };
  // A name's role is what it is about (slots/names.ts); any other value gets the words around it.
  const around = kind === 'name' ? undefined : valueContext(c, from, to, unitStems(unitText, unit, c.rules));
  c.out.push({
    ...slot,
    ...(unit === undefined ? {} : { unit }),
    ...(unitText === undefined ? {} : { unitText }),
    ...(around === undefined ? {} : { context: around.context }),
    ...(around === undefined || around.scope.length === 0 ? {} : { scope: around.scope }),
    ...(around === undefined || around.subject.length === 0 ? {} : { subject: around.subject }),
    ...(bound === undefined ? {} : { bound }),
  });
}

const stems = new Map<string, string>();

/** At most this many words keep their stem in {@link stem}'s memo (a few MB; news vocabularies repeat heavily). */
const MAX_CACHED_STEMS = 50_000;

/** Porter stem of a lowercase word, memoised: the slot reader asks for the stems of the same words again and again. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    // Porter's regular expressions are quadratic on very long words; no real unit is that long.
    s = word.length > 30 ? word : porter.stem(word);
    if (stems.size < MAX_CACHED_STEMS) stems.set(word, s);
  }
  return s;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

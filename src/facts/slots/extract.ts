/** Slot extraction: tokenises a sentence and runs the finders in order, each claiming the tokens it uses. */
import type { Language, Slot } from '../../types.js';
import { valueRules, type ValueRules } from './locale.js';
import { stem, tokenize, type Ctx, type Tok } from './tokens.js';
import { leadStart } from './lead.js';
import { MONTHS, WEEKDAYS } from './words.js';
import { NAME_MARK } from './context.js';
import { findNames } from './names.js';
import { findTimes } from './times.js';
import { findDates, findWeekdays, findYears } from './dates.js';
import { findNumbers } from './numbers.js';
import { findLocalDates, findLocalWeekdays, findLocalYears } from './local-dates.js';
import { findMagnitudes } from './magnitudes.js';
import { anchorYearIndex, claimedSlots, mayOpenWithYear } from './background.js';
import { citedParts, type Citation } from './citations.js';

/**
 * The checkable values of one sentence, sorted by position. Numbers that belong to a time, a date, a year, a
 * name ("Route 6", "F-16") or a range are not number slots. See the comment in slots/index.ts for what is left out.
 * `language`: the article's (absent for English); German, French, Spanish, Italian and Dutch values are read by
 * their own conventions (locale.ts), so "1.200" is 1200 there and undefined (perhaps 1.2) in English.
 */
export function extractSlots(text: string, language?: Language): Slot[] {
  return sentenceSlots(datedContext(text, valueRules(language)), (c) => c.out);
}

/**
 * The values of one sentence that are its article's claims, to compare with other outlets' (facts/conflicts.ts): those
 * of {@link extractSlots} but the ones told as superseded ("Previously, officials had said 12 people were killed":
 * slots/background.ts).
 */
export function claimSlots(text: string, language?: Language): Slot[] {
  return sentenceSlots(datedContext(text, valueRules(language)), claimedSlots);
}

/** What a sentence claims: {@link claimSlots}, and the parts of it told as another outlet's (slots/citations.ts). */
export interface Claims {
  readonly slots: Slot[];
  readonly cited: readonly Citation[];
}

/** {@link claimSlots} and the sentence's citations of other outlets, from one reading of it. */
export function claims(text: string, language?: Language): Claims {
  const c = datedContext(text, valueRules(language));
  return { slots: sentenceSlots(c, claimedSlots), cited: citedParts(c) };
}

/** The slots of a sentence whose days and dates are read: its numbers read, then those `pick` keeps, with their names and lead. */
function sentenceSlots(c: Ctx, pick: (c: Ctx) => readonly Slot[]): Slot[] {
  // Magnitudes are read by English rules (their digits: "6.8"); other languages' are not read yet.
  if (c.rules === undefined) findMagnitudes(c);
  findNumbers(c);
  // The first word is capitalised whatever it is ("Officials said", "He had"): it is a name only to match one.
  const names = sentenceNames(c);
  const named = new Set(names);
  const first = c.toks[0];
  const lead = first?.kind === 'word' && first.cap && first.lower.length <= 30 && c.rules?.capsAreNames !== false ? `${NAME_MARK}${stemOf(c, first.lower)}` : undefined;
  const anchor = c.out[anchorYearIndex(c)];
  return pick(c)
    .map((s) => {
      if (s.kind !== 'number' && s.kind !== 'year') return s;
      return { ...s, ...(names.length === 0 ? {} : { names }), ...(lead === undefined || named.has(lead) ? {} : { lead }), ...(s === anchor ? { anchor: true as const } : {}) };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
}

/**
 * Only the weekdays and dates of a sentence, as {@link extractSlots} finds them (with their roles), without the
 * numbers, magnitudes and names it reads after them: what telling successive events apart needs
 * (cluster/successive-events.ts), at a fraction of the cost.
 */
export function extractDays(text: string, language?: Language): Slot[] {
  return datedContext(text, valueRules(language)).out.filter((s) => s.kind === 'weekday' || s.kind === 'date');
}

/**
 * The stems of the sentence's capitalised words after its first, calendar words aside, marked as contexts mark
 * names: whom and where the sentence names (see Slot.names).
 */
function sentenceNames(c: Ctx): string[] {
  const out = new Set<string>();
  const rules = c.rules;
  // In German every noun is capitalised: names cannot be told from them.
  if (rules?.capsAreNames === false) return [];
  for (let k = 1; k < c.toks.length; k++) {
    const t = c.toks[k] as Tok;
    if (t.kind !== 'word' || !t.cap || t.lower.length < 2 || t.lower.length > 30) continue;
    if (rules === undefined ? MONTHS.includes(t.lower) || WEEKDAYS.includes(t.lower) : rules.months.has(t.lower) || rules.weekdays.has(t.lower)) continue;
    out.add(`${NAME_MARK}${stemOf(c, t.lower)}`);
  }
  return [...out].sort();
}

/** A word's stem by the rules of the sentence's language (Porter's for English). */
function stemOf(c: Ctx, word: string): string {
  return c.rules === undefined ? stem(word) : c.rules.stem(word);
}

/** The sentence tokenised and run through every finder before the numbers, which come last. */
function datedContext(text: string, rules?: ValueRules): Ctx {
  const toks = tokenize(text);
  const c: Ctx = { text, toks, used: new Uint8Array(toks.length), out: [], lead: leadStart(toks), ...(rules === undefined ? {} : { rules }) };
  findNames(c);
  findTimes(c);
  if (rules === undefined) {
    findDates(c);
    findWeekdays(c);
    findYears(c);
  } else {
    findLocalDates(c, rules);
    findLocalWeekdays(c, rules);
    findLocalYears(c, rules);
  }
  return c;
}

/**
 * Whether "since" stands at most three words before `at` in `text`, with nothing but words and spaces between:
 * "the deadliest since 2016", "since January 2016", "since at least 2016", "since the 2016 floods" say when
 * something last happened, not when the text is from.
 */
export function sinceBefore(text: string, at: number): boolean {
  let end = at;
  for (let words = 0; words < 4; words++) {
    const wordEnd = end;
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
    if (end === wordEnd) return false; // no space: punctuation, or the year glued to a word
    const wordStop = end;
    while (end > 0 && /[\p{L}\p{N}'’-]/u.test(text.charAt(end - 1))) end--;
    if (end === wordStop) return false;
    if (text.slice(end, wordStop).toLowerCase() === 'since') return true;
  }
  return false;
}

/**
 * The year a history sentence opens with as its time ("In 2024, a landslide in the same region killed 9 people":
 * slots/background.ts), or undefined. Only sentences that {@link mayOpenWithYear} are parsed.
 */
export function openingYear(text: string, language?: Language): number | undefined {
  if (!mayOpenWithYear(text)) return undefined;
  const c = datedContext(text, valueRules(language));
  const year = c.out[anchorYearIndex(c)];
  return year === undefined ? undefined : Number(year.value);
}

/** A year a text names, and whether it is background (see {@link textYears}). */
export interface TextYear {
  readonly year: number;
  readonly background: boolean;
}

/**
 * The year slots {@link extractSlots} finds in `text`, in no particular order, without looking for numbers: that
 * finder runs last and only claims tokens the others left, so it cannot add or remove a year. A year is background,
 * at any distance from the text's own time, after "since" ("the deadliest since 2016") and when a history sentence
 * opens with it ("In 2024, a landslide in the same region killed 9 people": slots/background.ts).
 */
export function textYears(text: string): TextYear[] {
  const c = datedContext(text);
  const anchor = c.out[anchorYearIndex(c)];
  return c.out.flatMap((slot) => (slot.kind === 'year' ? [{ year: Number(slot.value), background: slot === anchor || sinceBefore(text, slot.start) }] : []));
}

/** The values of {@link textYears}; with `background: false`, without the background ones. */
export function yearValues(text: string, { background = true } = {}): number[] {
  return textYears(text).flatMap((y) => (background || !y.background ? [y.year] : []));
}

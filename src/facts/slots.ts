/**
 * Slots: the checkable values of one sentence (times, weekdays, dates, years, counted numbers and names tied
 * to a role), normalised so that two outlets' wordings of one fact can be compared; and that comparison.
 *
 * Extraction is pattern matching over a token list with bounded look-around, so it is linear in the sentence.
 * It is deliberately conservative: a value that is not clearly a time, a date or a counted quantity is left
 * out, because every slot is a chance to show a journalist a false conflict. Known limits, all on the side of
 * missing a conflict: ranges ("between 140 and 150") and numbers glued to a name ("Route 6", "F-16") are
 * dropped; a unit is a heuristic guess (first plural of the next three content words, else the last), so
 * "one person" / "two men" get different units; qualifiers ("at least", "about") are ignored, so "at least 143"
 * against "140" IS a conflict; names are found only next to a role word, and need a first and a last name.
 */
import { createRequire } from 'node:module';
import type { Slot, SlotKind } from '../types.js';

const require = createRequire(import.meta.url);
// Deep path: natural's package index prints to stdout when loaded.
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Values on which two aligned sentences disagree, with the disagreeing slots of each side. */
export interface Disagreement {
  readonly kind: SlotKind;
  readonly a: Slot[];
  readonly b: Slot[];
}

interface Tok {
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

interface Ctx {
  readonly text: string;
  readonly toks: readonly Tok[];
  readonly used: Uint8Array;
  readonly out: Slot[];
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_ABBR = new Map([['mon', 0], ['tue', 1], ['tues', 1], ['wed', 2], ['thu', 3], ['thur', 3], ['thurs', 3], ['fri', 4], ['sat', 5], ['sun', 6]]);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = new Map([['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12]]);
/** Words before a bare month name that make it a month ("in December"), and before a 4-digit year. */
const MONTH_CUES = set('in since until till by from through during last next early late mid of this before after between');
const YEAR_CUES = set('in since until till from of during early late mid the year before after between through');
/** Capitalised words after a weekday that make it part of a name ("the Sunday Times"), and before it. */
const WEEKDAY_NAME_NEXT = set('times telegraph mail express post herald mirror star independent sport agreement prayers');
const WEEKDAY_NAME_PREV = set('good black bloody ash palm holy easter maundy cyber super');
const ZONES = new Map([['GMT', 'gmt'], ['UTC', 'gmt'], ['EST', 'est'], ['EDT', 'edt'], ['CST', 'cst'], ['CDT', 'cdt'], ['MST', 'mst'], ['MDT', 'mdt'], ['PST', 'pst'], ['PDT', 'pdt'], ['BST', 'bst'], ['CET', 'cet'], ['CEST', 'cest'], ['EET', 'eet'], ['EEST', 'eest'], ['MSK', 'msk'], ['JST', 'jst'], ['IST', 'ist'], ['AEST', 'aest'], ['AEDT', 'aedt'], ['ET', 'et'], ['PT', 'pt']]);

const SMALL = new Map('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ').map((w, i) => [w, i + 1] as const));
const TENS = new Map('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as const));
const SCALES = new Map([['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12], ['bn', 9]]);
const CURRENCY = new Map([['$', 'usd'], ['£', 'gbp'], ['€', 'eur']]);
/** Glued measurement suffixes: "2km", "40kg". */
const MEASURES = set('km m kg cm mm ft mi mph kph kmh mw gw kw');
/** Words that end a unit run: function words, directions, adverbs of time and place. */
const STOP = set(
  'a an the of in on at to for from by with and or but nor than as into onto over under about around some nearly almost ' +
    'is are was were be been being had has have will would could should may might can did do does said says say told ' +
    'who whom whose which that this these those it its they them their he she his her him we our us you your i me my ' +
    'ago later earlier before after since until each per via during while when where if then there here so too very ' +
    'inside outside across near along against toward towards among within without despite including away apart ' +
    'north south east west northeast northwest southeast southwest northern southern eastern western up down out off ' +
    'others another all both many most few several such same own only just also not no yet still again further ' +
    'roughly approximately',
);
/** Skipped before a unit run: "143 more air raids". */
const FILLER = set('more fewer less');
const IRREGULAR_PLURAL = set('people men women children police personnel staff troops cattle feet teeth mice');
const UNIT_ALIAS = new Map([['person', 'peopl'], ['dollar', 'usd'], ['euro', 'eur']]);
/** Connectors that make two numbers a range ("between 140 and 150"); both ends are then dropped. */
const RANGE = set('- – — to and or');

const ROLE_HEADS = new Map(
  ('spokesman:spokesperson spokeswoman:spokesperson spokesperson:spokesperson chairman:chair chairwoman:chair ' +
    'chairperson:chair congressman:congressperson congresswoman:congressperson president minister leader commander ' +
    'chief director governor mayor secretary envoy ambassador general senator judge captain coach ceo chancellor ' +
    'premier king queen prince emir prosecutor lawmaker')
    .split(' ')
    .map((e) => {
      const [word, canon] = e.split(':') as [string, string | undefined];
      return [word, canon ?? word] as const;
    }),
);
/** Words that continue a role: "Secretary General", "Chief Executive Officer". */
const ROLE_TAILS = set('general executive officer minister secretary chief commander director president');
/** Words before a role that change which office it is: "vice president", "police chief". */
const ROLE_PREFIXES = set('vice deputy former prime assistant attorney lieutenant major acting interim police army military');
/** Roles whose office is named by the word before them: "foreign minister", "health secretary". */
const PORTFOLIO_ROLES = set('minister secretary');
const PARTICLES = set('al el bin ibn bint abu de da di du del der van von la le');
/** Capitalised words that do not start or continue a personal name. */
const NOT_NAME = set('the a an and or but of in on at for to from by with said says told after before as this that it he she they we');
/** Words that may not stand between "Name," and the role in "Name, the UN's spokeswoman". */
const APPOSITION_BREAK = set('who whose which that said says told and or but when where while if as because was is were are has have had will would not');

const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’‐‑-]\p{L}[\p{L}\p{M}]*)*)|(\d+(?:[.,:]\d+)*)|(\S)/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = m.index;
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'punct';
    const poss = kind === 'word' && /['’][sS]$/.test(t);
    const lower = poss ? t.slice(0, -2).toLowerCase() : kind === 'word' ? t.toLowerCase() : t;
    const cap = kind === 'word' && t[0] !== t[0]?.toLowerCase();
    toks.push({ text: t, lower, start, end: start + t.length, kind, cap, poss });
  }
  return toks;
}

/**
 * The checkable values of one sentence, sorted by position. Numbers that belong to a time, a date, a year, a
 * name ("Route 6", "F-16") or a range are not number slots. See the module comment for what is left out.
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

// ---- token helpers -------------------------------------------------------------------------------------

function lowerAt(c: Ctx, i: number): string {
  return c.toks[i]?.lower ?? '';
}

/** Tokens i and i + 1 touch, with no space between. */
function glued(c: Ctx, i: number): boolean {
  const a = c.toks[i];
  const b = c.toks[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
}

function isWordAt(c: Ctx, i: number): boolean {
  return c.toks[i]?.kind === 'word';
}

function free(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (c.used[k] !== 0 || k >= c.toks.length) return false;
  return true;
}

/** Records a slot covering tokens `from`..`to` (text may be narrowed with `start`/`end`). */
function emit(c: Ctx, kind: SlotKind, value: string, from: number, to: number, unit?: string, end?: number): void {
  for (let k = from; k <= to; k++) c.used[k] = 1;
  const start = c.toks[from]?.start ?? 0;
  const stop = end ?? c.toks[to]?.end ?? start;
  const slot: Slot = { kind, value, text: c.text.slice(start, stop), start, end: stop };
  c.out.push(unit === undefined ? slot : { ...slot, unit });
}

function stem(word: string): string {
  // Porter's regular expressions are quadratic on very long words; no real unit is that long.
  return word.length > 30 ? word : porter.stem(word);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

// ---- names ---------------------------------------------------------------------------------------------

interface Role {
  readonly unit: string;
  readonly first: number;
  readonly last: number;
}

/** A role phrase whose head word is token i: "Prime Minister", "spokeswoman", "Secretary of State". */
function roleAt(c: Ctx, i: number): Role | undefined {
  const head = ROLE_HEADS.get(lowerAt(c, i).replace(/[‐‑-]/g, ' ').split(' ')[0] ?? '');
  if (head === undefined || !isWordAt(c, i)) return undefined;
  const words = [head, ...lowerAt(c, i).split(/[‐‑-]/).slice(1)];
  let last = i;
  if (lowerAt(c, i + 1) === 'of' && lowerAt(c, i + 2) === 'state') {
    words.push('of', 'state');
    last = i + 2;
  }
  while (ROLE_TAILS.has(lowerAt(c, last + 1)) && last < i + 3) words.push(lowerAt(c, ++last));
  let first = i;
  const prev = lowerAt(c, i - 1);
  const portfolio = PORTFOLIO_ROLES.has(head) && words.length === 1 && !STOP.has(prev) && !/^\p{Lu}+$/u.test(c.toks[i - 1]?.text ?? '');
  if (isWordAt(c, i - 1) && (ROLE_PREFIXES.has(prev) || portfolio)) {
    words.unshift(prev);
    first = i - 1;
  }
  return { unit: words.join(' '), first, last };
}

/** A capitalised word that can be part of a name; a role word ("General", "King") cannot start one. */
function nameToken(c: Ctx, i: number, first = false): boolean {
  const t = c.toks[i];
  if (t === undefined || t.kind !== 'word' || NOT_NAME.has(t.lower) || WEEKDAYS.includes(t.lower)) return false;
  if (!t.cap && !PARTICLES.has(/^\p{Ll}+(?=[‐‑-]\p{Lu})/u.exec(t.text)?.[0] ?? '')) return false; // "al-Assad"
  return !first || (!ROLE_HEADS.has(t.lower) && !ROLE_TAILS.has(t.lower));
}

/** An initial "J." inside a name. */
function initialAt(c: Ctx, i: number): boolean {
  const t = c.toks[i];
  return t !== undefined && t.cap && t.text.length === 1 && c.toks[i + 1]?.text === '.' && glued(c, i) && nameToken(c, i + 2);
}

interface Name {
  readonly value: string;
  readonly last: number;
  readonly end: number;
}

/** "Firstname [particle|initial] Lastname" from token i: two to four capitalised words. */
function nameAt(c: Ctx, i: number): Name | undefined {
  if (!nameToken(c, i, true)) return undefined;
  const parts: string[] = [];
  let k = i;
  let caps = 0;
  while (k < c.toks.length && parts.length < 6) {
    const t = c.toks[k] as Tok;
    if (nameToken(c, k)) {
      parts.push(t.lower);
      caps++;
      k++;
      if (t.poss) break; // a possessive ends the name
    } else if (PARTICLES.has(t.text) && nameToken(c, k + 1)) {
      parts.push(t.text);
      k++;
    } else if (initialAt(c, k)) {
      k += 2;
    } else break;
  }
  if (caps < 2 || caps > 4 || nameToken(c, k)) return undefined;
  const lastTok = c.toks[k - 1] as Tok;
  const end = lastTok.poss ? lastTok.end - 2 : lastTok.end;
  return { value: normaliseName(parts.join(' ')), last: k - 1, end };
}

/** "Bashar al-Assad" → "bashar al assad"; "O’Brien" → "obrien"; accents dropped. */
function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[‐‑-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Wael Alwan, a spokesman for …": the name that ends just before a comma in front of the role. */
function nameBefore(c: Ctx, roleFirst: number): { name: Name; from: number } | undefined {
  let k = roleFirst - 1;
  while (k >= 0 && k > roleFirst - 6 && isWordAt(c, k) && !APPOSITION_BREAK.has(lowerAt(c, k))) k--;
  if (c.toks[k]?.text !== ',') return undefined;
  let from = k - 1;
  while (from >= 0 && from > k - 8 && (nameToken(c, from) || PARTICLES.has(c.toks[from]?.text ?? '') || c.toks[from]?.text === '.')) from--;
  if (from >= 0 && nameToken(c, from)) return undefined; // a longer capitalised run: an organisation, not a person
  from++;
  while (from < k && !nameToken(c, from)) from++;
  const name = nameAt(c, from);
  return name !== undefined && name.last === k - 1 && free(c, from, k - 1) ? { name, from } : undefined;
}

function findNames(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const role = roleAt(c, i);
    if (role === undefined) continue;
    const after = nameAt(c, role.last + 1);
    if (after !== undefined) {
      emit(c, 'name', after.value, role.last + 1, after.last, role.unit, after.end);
      i = after.last;
      continue;
    }
    const before = nameBefore(c, role.first);
    if (before !== undefined) emit(c, 'name', before.name.value, before.from, before.name.last, role.unit, before.name.end);
    i = role.last;
  }
}

// ---- times ---------------------------------------------------------------------------------------------

/** "am", "PM", "a.m.", "p.m" at token j: the half of the day and the last token used. */
function meridiemAt(c: Ctx, j: number): { pm: boolean; last: number } | undefined {
  const w = lowerAt(c, j);
  if (!isWordAt(c, j)) return undefined;
  if (w === 'am' || w === 'pm') return { pm: w === 'pm', last: j };
  if ((w === 'a' || w === 'p') && c.toks[j + 1]?.text === '.' && lowerAt(c, j + 2) === 'm' && glued(c, j) && glued(c, j + 1)) {
    return { pm: w === 'p', last: c.toks[j + 3]?.text === '.' && glued(c, j + 2) ? j + 3 : j + 2 };
  }
  return undefined;
}

function findTimes(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    if (c.used[i] !== 0) continue;
    const t = c.toks[i] as Tok;
    let value: string | undefined;
    let last = i;
    if (t.kind === 'word' && (t.lower === 'noon' || t.lower === 'midday' || t.lower === 'midnight')) {
      value = t.lower === 'midnight' ? '00:00' : '12:00';
    } else if (t.kind === 'num') {
      const clock = /^(\d{1,2})([:.])(\d\d)$/.exec(t.text);
      const mer = meridiemAt(c, i + 1);
      const h = Number(clock?.[1] ?? t.text);
      const m = Number(clock?.[3] ?? 0);
      if (mer !== undefined && h >= 1 && h <= 12 && m < 60 && (clock !== null || t.text.length <= 2)) {
        value = `${pad2((h % 12) + (mer.pm ? 12 : 0))}:${pad2(m)}`;
        last = mer.last;
      } else if (clock?.[2] === ':' && h <= 23 && m < 60) {
        value = `${pad2(h)}:${pad2(m)}`;
      } else if (/^\d{4}$/.test(t.text) && ZONES.has(c.toks[i + 1]?.text ?? '')) {
        const hh = Number(t.text.slice(0, 2));
        const mm = Number(t.text.slice(2));
        if (hh <= 23 && mm < 60) value = `${pad2(hh)}:${pad2(mm)}`;
      }
    }
    if (value === undefined || !free(c, i, last)) continue;
    const zone = c.toks[last + 1]?.kind === 'word' ? ZONES.get(c.toks[last + 1]?.text ?? '') : undefined;
    emit(c, 'time', value, i, zone === undefined ? last : last + 1, zone);
    i = last;
  }
}

// ---- dates, weekdays, years ----------------------------------------------------------------------------

/** A capitalised month name or abbreviation ("Dec." with its dot) at token i. */
function monthAt(c: Ctx, i: number): { month: number; last: number; abbr: boolean } | undefined {
  const t = c.toks[i];
  if (t === undefined || t.kind !== 'word' || !t.cap || c.used[i] !== 0) return undefined;
  const full = MONTHS.indexOf(t.lower) + 1;
  if (full > 0) return { month: full, last: i, abbr: false };
  const abbr = MONTH_ABBR.get(t.lower);
  if (abbr === undefined) return undefined;
  return { month: abbr, last: c.toks[i + 1]?.text === '.' && glued(c, i) ? i + 1 : i, abbr: true };
}

/** A day of the month at token j ("21", "21st"). */
function dayAt(c: Ctx, j: number): { day: number; last: number } | undefined {
  const t = c.toks[j];
  if (t === undefined || t.kind !== 'num' || c.used[j] !== 0 || !/^\d{1,2}$/.test(t.text)) return undefined;
  const day = Number(t.text);
  if (day < 1 || day > 31) return undefined;
  const suffix = glued(c, j) ? lowerAt(c, j + 1) : '';
  if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') return { day, last: j + 1 };
  return glued(c, j) && c.toks[j + 1]?.kind !== 'punct' ? undefined : { day, last: j };
}

function yearAt(c: Ctx, j: number): number | undefined {
  const t = c.toks[j];
  if (t === undefined || t.kind !== 'num' || c.used[j] !== 0 || !/^(19|20)\d\d$/.test(t.text)) return undefined;
  if (glued(c, j) && c.toks[j + 1]?.kind !== 'punct') return undefined; // "1990s"
  if (c.toks[j + 1]?.text === '-' && glued(c, j)) return undefined; // "2015-16"
  return Number(t.text);
}

function findDates(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const mon = monthAt(c, i);
    const t = c.toks[i] as Tok;
    if (mon === undefined) {
      // "mid-March", "early-December"
      const [pre, rest] = t.lower.split(/[‐‑-]/);
      const m = MONTHS.indexOf(rest ?? '') + 1;
      if (t.kind === 'word' && c.used[i] === 0 && m > 0 && (pre === 'mid' || pre === 'early' || pre === 'late')) {
        emit(c, 'date', pad2(m), i, i, 'month');
      }
      continue;
    }
    const mm = pad2(mon.month);
    const after = dayAt(c, mon.last + 1);
    const ofDay = lowerAt(c, i - 1) === 'of' ? i - 2 : i - 1;
    const before = mon.abbr || after !== undefined ? undefined : dayBefore(c, ofDay);
    let last = mon.last;
    if (after !== undefined) {
      emit(c, 'date', `${mm}-${pad2(after.day)}`, i, after.last);
      last = after.last;
    } else if (before !== undefined) {
      emit(c, 'date', `${mm}-${pad2(before.day)}`, before.first, mon.last);
    }
    const yIndex = c.toks[last + 1]?.text === ',' && after !== undefined ? last + 2 : last + 1;
    const year = yearAt(c, yIndex);
    if (after === undefined && before === undefined) {
      if (mon.abbr || (year === undefined && !MONTH_CUES.has(lowerAt(c, i - 1)))) continue;
      emit(c, 'date', mm, i, mon.last, 'month');
    }
    if (year !== undefined) emit(c, 'year', String(year), yIndex, yIndex);
    i = year === undefined ? last : yIndex;
  }
}

/** "21 March", "21st of March": the day that ends at token j (before the month). */
function dayBefore(c: Ctx, j: number): { day: number; first: number } | undefined {
  const first = c.toks[j]?.kind === 'word' && c.toks[j - 1]?.kind === 'num' && glued(c, j - 1) ? j - 1 : j;
  const d = dayAt(c, first);
  return d !== undefined && d.last === j ? { day: d.day, first } : undefined;
}

function findWeekdays(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const t = c.toks[i] as Tok;
    if (t.kind !== 'word' || c.used[i] !== 0) continue;
    const full = WEEKDAYS.indexOf(t.lower);
    if (full >= 0) {
      const next = c.toks[i + 1];
      const inName = (next?.cap === true && WEEKDAY_NAME_NEXT.has(next.lower)) ||
        (c.toks[i - 1]?.cap === true && WEEKDAY_NAME_PREV.has(lowerAt(c, i - 1)));
      if (!inName) emit(c, 'weekday', WEEKDAYS[full] as string, i, i);
      continue;
    }
    const abbr = WEEKDAY_ABBR.get(t.lower);
    if (abbr === undefined || !t.cap || c.toks[i + 1]?.text !== '.' || !glued(c, i)) continue;
    const dated = monthAt(c, i + 2) !== undefined || dayAt(c, i + 2) !== undefined || lowerAt(c, i - 1) === 'on';
    if (dated) emit(c, 'weekday', WEEKDAYS[abbr] as string, i, i + 1);
  }
}

function findYears(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const year = yearAt(c, i);
    if (year === undefined || (i > 0 && glued(c, i - 1))) continue;
    const prev = lowerAt(c, i - 1);
    if (CURRENCY.has(prev)) continue;
    const next = c.toks[i + 1];
    const counted = next !== undefined && next.kind === 'word' && !next.cap && !STOP.has(next.lower);
    if (YEAR_CUES.has(prev) || !counted) emit(c, 'year', String(year), i, i);
  }
}

// ---- numbers -------------------------------------------------------------------------------------------

interface NumberCandidate {
  readonly value: string;
  readonly unit?: string;
  readonly first: number;
  /** Last token of the value itself (unit words excluded). */
  readonly last: number;
}

/** "1,200" → ["1200", ""]; "3.5" → ["3", "5"]; undefined for anything ambiguous ("1.200", "1,2", "007"). */
function splitDigits(s: string): [string, string] | undefined {
  if (s.includes(':')) return undefined;
  const dot = s.split('.');
  if (dot.length > 2) return undefined;
  const [whole = '', frac = ''] = dot;
  const groups = whole.split(',');
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => g.length !== 3))) return undefined;
  if (groups.length === 1 && frac.length === 3 && whole !== '0') return undefined; // "1.200" may be a thousand
  const int = groups.join('');
  if (int.length > 1 && int[0] === '0') return undefined;
  return [int, frac];
}

/** Decimal string of int.frac × 10^zeros, without floating point. */
function scaled(int: string, frac: string, zeros: number): string {
  const digits = int + frac.padEnd(zeros, '0');
  const whole = digits.slice(0, int.length + zeros).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(int.length + zeros).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/** A number word or "twenty-five" / "twenty five" at token k. */
function smallAt(c: Ctx, k: number): { n: number; last: number } | undefined {
  if (!isWordAt(c, k) || c.used[k] !== 0) return undefined;
  const w = lowerAt(c, k);
  const [tens, unit, extra] = w.split(/[‐‑-]/) as [string, string | undefined, string | undefined];
  const t = TENS.get(tens);
  if (unit !== undefined) {
    const u = SMALL.get(unit);
    return t !== undefined && u !== undefined && u < 10 && extra === undefined ? { n: t + u, last: k } : undefined;
  }
  const next = SMALL.get(lowerAt(c, k + 1));
  if (t !== undefined && next !== undefined && next < 10) return { n: t + next, last: k + 1 };
  const n = t ?? SMALL.get(w);
  return n === undefined ? undefined : { n, last: k };
}

/** "three", "twenty-five", "two hundred and fifty", "a dozen", "three million" at token i. */
function wordsNumber(c: Ctx, i: number): { value: string; last: number } | undefined {
  let k: number;
  let v: number;
  const w = lowerAt(c, i);
  const scaleNext = lowerAt(c, i + 1);
  if ((w === 'a' || w === 'an') && (scaleNext === 'hundred' || scaleNext === 'dozen' || SCALES.has(scaleNext))) {
    if (scaleNext === 'dozen' && lowerAt(c, i - 1) === 'half') return undefined;
    v = 1;
    k = i + 1;
  } else {
    const s = smallAt(c, i);
    if (s === undefined) return undefined;
    v = s.n;
    k = s.last + 1;
  }
  if (lowerAt(c, k) === 'hundred') {
    v *= 100;
    k++;
    const rest = smallAt(c, lowerAt(c, k) === 'and' ? k + 1 : k);
    if (rest !== undefined) {
      v += rest.n;
      k = rest.last + 1;
    }
  }
  const scale = SCALES.get(lowerAt(c, k));
  if (scale !== undefined && lowerAt(c, k) !== 'bn') {
    v *= 10 ** scale;
    k++;
  } else if (lowerAt(c, k) === 'dozen') {
    v *= 12;
    k++;
  }
  return k - 1 >= i && (k - 1 > i || w !== 'a') ? { value: String(v), last: k - 1 } : undefined;
}

function isPlural(w: string): boolean {
  return IRREGULAR_PLURAL.has(w) || (w.length > 2 && w.endsWith('s') && !/(ss|us|is)$/.test(w));
}

/**
 * The counted noun after a number, Porter-stemmed: the first plural in a run of up to three content words
 * ("143 air raids" → "raid"), else the run's last word ("2 km east" → "km"). Undefined when a function word
 * follows ("one of the groups"), so such numbers are never compared.
 */
function unitAfter(c: Ctx, j: number): string | undefined {
  if (lowerAt(c, j) === '%') return 'percent';
  if (lowerAt(c, j) === 'per' && lowerAt(c, j + 1) === 'cent') return 'percent';
  while (FILLER.has(lowerAt(c, j)) && isWordAt(c, j)) j++;
  const run: string[] = [];
  for (let k = j; k < c.toks.length && run.length < 3; k++) {
    const t = c.toks[k] as Tok;
    const w = t.lower;
    if (t.kind !== 'word' || c.used[k] !== 0 || STOP.has(w) || SMALL.has(w) || TENS.has(w) || SCALES.has(w)) break;
    if (run.length > 0 && (t.cap || /(ed|ing|ly)$/.test(w))) break;
    if (w.length > 30 || MONTHS.includes(w) || WEEKDAYS.includes(w)) break;
    run.push(w);
    if (t.poss) break;
  }
  const pick = run.find(isPlural) ?? run[run.length - 1];
  if (pick === undefined) return undefined;
  const s = stem(pick);
  return UNIT_ALIAS.get(s) ?? s;
}

/** A number written in digits at token i, with currency, scale and unit; undefined when it is not a count. */
function digitsNumber(c: Ctx, i: number): NumberCandidate | undefined {
  const t = c.toks[i] as Tok;
  const prev = c.toks[i - 1];
  const parts = splitDigits(t.text);
  if (parts === undefined || prev?.text === '#' || meridiemAt(c, i + 1) !== undefined) return undefined;
  // Part of a name: "MH17", "F-16", "Route 6", "No. 5".
  if (prev !== undefined && glued(c, i - 1) && (prev.kind === 'word' || (prev.text === '-' && isWordAt(c, i - 2) && glued(c, i - 2)))) return undefined;
  if (prev?.kind === 'word' && prev.cap && c.used[i - 1] === 0 && (i > 1 || !STOP.has(prev.lower))) return undefined;
  if (prev?.text === '.' && lowerAt(c, i - 2) === 'no') return undefined;
  // "9/11", "3/4": dates and fractions written with a slash.
  if ((prev?.text === '/' && glued(c, i - 1)) || (c.toks[i + 1]?.text === '/' && glued(c, i))) return undefined;
  const currency = prev !== undefined ? CURRENCY.get(prev.text) : undefined;
  const first = currency !== undefined ? i - 1 : i;
  let zeros = 0;
  let unit: string | undefined;
  let last = i;
  const next = c.toks[i + 1];
  if (next?.kind === 'word' && glued(c, i)) {
    if (next.lower === 'bn' || (next.lower === 'm' && currency !== undefined)) zeros = next.lower === 'bn' ? 9 : 6;
    else if (MEASURES.has(next.lower)) unit = next.lower;
    else return undefined; // "21st", "1990s", "6Syrian"
    last = i + 1;
  } else if (next !== undefined && SCALES.has(next.lower)) {
    zeros = SCALES.get(next.lower) ?? 0;
    last = i + 1;
  } else if (next?.text === '-' && glued(c, i) && isWordAt(c, i + 2) && glued(c, i + 1)) {
    unit = `-${stem(lowerAt(c, i + 2))}`; // "25-year-old", "10-day": only compared with the same compound
  }
  unit ??= currency ?? unitAfter(c, last + 1);
  return { value: scaled(parts[0], parts[1], zeros), ...(unit === undefined ? {} : { unit }), first, last };
}

/** "three-day" → 3 "-dai"; "twenty-five-year-old" → 25 "-year-old": only compared with the same compound. */
function hyphenCompound(word: string): { value: string; unit: string } | undefined {
  const parts = word.split(/[‐‑-]/);
  const tens = TENS.get(parts[0] ?? '');
  const ones = SMALL.get(parts[1] ?? '');
  const both = tens !== undefined && ones !== undefined && ones < 10;
  const value = both ? tens + ones : tens ?? SMALL.get(parts[0] ?? '');
  const rest = parts.slice(both ? 2 : 1);
  if (value === undefined || rest.length === 0 || rest.some((p) => p === '')) return undefined;
  return { value: String(value), unit: `-${stem(rest.join('-'))}` };
}

function findNumbers(c: Ctx): void {
  const found: NumberCandidate[] = [];
  for (let i = 0; i < c.toks.length; i++) {
    if (c.used[i] !== 0) continue;
    const t = c.toks[i] as Tok;
    let cand: NumberCandidate | undefined;
    if (t.kind === 'num') {
      cand = digitsNumber(c, i);
    } else if (t.kind === 'word') {
      const compound = hyphenCompound(t.lower);
      if (compound !== undefined) {
        cand = { ...compound, first: i, last: i };
      } else {
        const w = wordsNumber(c, i);
        if (w !== undefined) {
          const unit = unitAfter(c, w.last + 1);
          cand = { value: w.value, ...(unit === undefined ? {} : { unit }), first: i, last: w.last };
        }
      }
    }
    if (cand === undefined) continue;
    found.push(cand);
    i = cand.last;
  }
  for (let k = 0; k < found.length; k++) {
    const cur = found[k] as NumberCandidate;
    const nxt = found[k + 1];
    if (nxt !== undefined && nxt.first === cur.last + 2 && RANGE.has(lowerAt(c, cur.last + 1))) {
      k++; // a range: neither end is a reported count
      continue;
    }
    emit(c, 'number', cur.value, cur.first, cur.last, cur.unit);
  }
}

// ---- comparison ----------------------------------------------------------------------------------------

const KINDS: readonly SlotKind[] = ['weekday', 'date', 'year', 'time', 'number', 'name'];

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  const seen = new Set(a);
  return !b.some((v) => seen.has(v));
}

/** Groups slots by a key; slots whose key is undefined are dropped. */
function groupBy(slots: readonly Slot[], key: (s: Slot) => string | undefined): Map<string, Slot[]> {
  const groups = new Map<string, Slot[]>();
  for (const s of slots) {
    const k = key(s);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [s]);
    else g.push(s);
  }
  return groups;
}

/**
 * The values on which two aligned sentences (one fact, two outlets) disagree. Built for precision: values are
 * compared only within a group both sides have (the same time zone, the same counted noun, the same role), and
 * a group disagrees only when the two sides share no value at all.
 *   weekday, year: the sets of values are disjoint.
 *   time: per zone (no zone is its own group); "5:00 am" and "5.00 a.m." are both "05:00".
 *   date: month-days if both sides have one, else months (a bare "December" against "December 3" agrees).
 *   number: per unit; numbers without a unit are never compared.
 *   name: per role; see nameDisagreement.
 * Returns at most one disagreement per kind and group, in the order weekday, date, year, time, number, name.
 */
export function disagreements(a: readonly Slot[], b: readonly Slot[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const kind of KINDS) {
    const as = a.filter((s) => s.kind === kind);
    const bs = b.filter((s) => s.kind === kind);
    if (as.length === 0 || bs.length === 0) continue;
    if (kind === 'date') {
      const full = (s: Slot): boolean => s.value.length === 5;
      const byDay = as.some(full) && bs.some(full);
      const value = (s: Slot): string => (byDay ? s.value : s.value.slice(0, 2));
      const da = byDay ? as.filter(full) : as;
      const db = byDay ? bs.filter(full) : bs;
      if (disjoint(da.map(value), db.map(value))) out.push({ kind, a: da, b: db });
      continue;
    }
    const key = kind === 'number' || kind === 'name' ? (s: Slot) => s.unit : (s: Slot) => s.unit ?? '';
    const ga = groupBy(as, key);
    const gb = groupBy(bs, key);
    for (const unit of [...ga.keys()].sort()) {
      const sa = ga.get(unit) ?? [];
      const sb = gb.get(unit);
      if (sb === undefined) continue;
      const d = kind === 'name' ? nameDisagreement(sa, sb) : disjoint(sa.map((s) => s.value), sb.map((s) => s.value)) ? { kind, a: sa, b: sb } : undefined;
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

/**
 * Names given for one role. Two names are the same person when equal ignoring spaces, or when they share a
 * word of 3+ letters that is not a particle ("Assad" / "Bashar al-Assad"). A near-spelling IS flagged: same
 * word count, edit distance 1–2 on the whole value, differing only in words of 4+ letters ("Velucci" /
 * "Vellucci"); so are transliteration variants ("Mohamed" / "Mohammed"). Otherwise, when no name on one side
 * matches any on the other, the outlets named different people for the role.
 */
function nameDisagreement(as: Slot[], bs: Slot[]): Disagreement | undefined {
  const compact = (v: string): string => v.replace(/ /g, '');
  const misspelt: [Slot, Slot][] = [];
  let related = false;
  for (const x of as) {
    for (const y of bs) {
      if (compact(x.value) === compact(y.value)) related = true;
      else if (nearSpelling(x.value, y.value)) misspelt.push([x, y]);
      else if (sharedWord(x.value, y.value)) related = true;
    }
  }
  const exact = (s: Slot, others: Slot[]): boolean => others.some((o) => compact(o.value) === compact(s.value));
  const flagged = misspelt.filter(([x, y]) => !exact(x, bs) && !exact(y, as));
  if (flagged.length > 0) {
    return { kind: 'name', a: unique(flagged.map(([x]) => x)), b: unique(flagged.map(([, y]) => y)) };
  }
  return related || misspelt.length > 0 ? undefined : { kind: 'name', a: as, b: bs };
}

function unique(slots: Slot[]): Slot[] {
  return [...new Set(slots)];
}

function sharedWord(x: string, y: string): boolean {
  const words = new Set(x.split(' ').filter((w) => w.length >= 3 && !PARTICLES.has(w)));
  return y.split(' ').some((w) => words.has(w));
}

function nearSpelling(x: string, y: string): boolean {
  const xs = x.split(' ');
  const ys = y.split(' ');
  if (xs.length !== ys.length || x.length > 80 || y.length > 80) return false;
  for (let k = 0; k < xs.length; k++) {
    const p = xs[k] as string;
    const q = ys[k] as string;
    if (p !== q && (p.length < 4 || q.length < 4)) return false;
  }
  const d = editDistance(x, y);
  return d >= 1 && d <= 2;
}

/** Levenshtein distance (both strings are short: callers cap them at 80 characters). */
function editDistance(x: string, y: string): number {
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

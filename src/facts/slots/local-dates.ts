/**
 * Dates, weekdays and years as languages other than English write them (locale.ts): the day before the month
 * ("27. November 2026", "27 novembre", "27 de noviembre de 2026"), German dates in digits ("27.11.2026", "27.11."),
 * month and weekday names of the language in either case, German weekdays with a part of the day
 * ("Montagabend"), and dates in digits with the day first ("27/11/2026", "27-11-2026"). The month never comes first, so "im November 27 Menschen" holds no date. Values are those of
 * the English finders ("11-27", "monday"), so a German and an English article's dates compare.
 */
import { pad2, emit, glued, lowerAt, type Ctx, type Tok } from './tokens.js';
import { WEEKDAYS } from './words.js';
import { yearAt } from './dates.js';
import type { ValueRules } from './locale.js';

/** A month name of the language, or its abbreviation with its dot ("Nov."), at token i. */
function monthAt(c: Ctx, rules: ValueRules, i: number): { month: number; last: number } | undefined {
  const t = c.toks[i];
  if (t === undefined || t.kind !== 'word' || c.used[i] !== 0) return undefined;
  const full = rules.months.get(t.lower);
  if (full !== undefined) return { month: full, last: i };
  const abbr = rules.monthAbbr.get(t.lower);
  return abbr !== undefined && c.toks[i + 1]?.text === '.' && glued(c, i) ? { month: abbr, last: i + 1 } : undefined;
}

/** A day of the month (1–31) in digits at token j, alone or with French "er" ("1er"); its last token. */
function dayAt(c: Ctx, j: number): { day: number; last: number } | undefined {
  const t = c.toks[j];
  if (t === undefined || t.kind !== 'num' || c.used[j] !== 0 || !/^\d{1,2}$/.test(t.text)) return undefined;
  const day = Number(t.text);
  if (day < 1 || day > 31 || (j > 0 && glued(c, j - 1) && c.toks[j - 1]?.kind !== 'punct')) return undefined;
  if (!glued(c, j)) return { day, last: j };
  const next = c.toks[j + 1] as Tok;
  if (next.lower === 'er') return { day, last: j + 1 };
  return next.kind === 'punct' ? { day, last: j } : undefined;
}

/** The day before the month at token i: "27 novembre", German "27. November", Spanish "27 de noviembre". */
function dayBefore(c: Ctx, rules: ValueRules, i: number): { day: number; first: number } | undefined {
  let j = i - 1;
  if (rules.dateOf !== undefined && lowerAt(c, j) === rules.dateOf) j--;
  if (rules.dotted && c.toks[j]?.text === '.' && glued(c, j - 1)) {
    const d = dayAt(c, j - 1);
    return d !== undefined && d.last === j - 1 && c.used[j] === 0 ? { day: d.day, first: j - 1 } : undefined;
  }
  // The day's last token is j: "27", or "1er".
  const first = c.toks[j]?.kind === 'word' ? j - 1 : j;
  const d = dayAt(c, first);
  return d !== undefined && d.last === j ? { day: d.day, first } : undefined;
}

/** Whether the token before i is glued to it and part of a longer figure or word ("A27.11.", "3.27.11."); an opening bracket or quote is not. */
function continues(c: Ctx, i: number): boolean {
  const prev = c.toks[i - 1];
  return prev !== undefined && glued(c, i - 1) && (prev.kind !== 'punct' || '.,:/-'.includes(prev.text));
}

/** Whether a day of the month ends at token j ("27." in German, "27" elsewhere): the first of a span of days. */
function dayEndsAt(c: Ctx, rules: ValueRules, j: number): boolean {
  if (rules.dotted) return c.toks[j]?.text === '.' && glued(c, j - 1) && dayAt(c, j - 1)?.last === j - 1;
  return dayAt(c, j)?.last === j;
}

/** German dates in digits at token i: "27.11.2026" (with its year) or "27.11." (the dot glued after it). */
function dottedDate(c: Ctx, i: number): { mmdd: string; year?: number; last: number } | undefined {
  const t = c.toks[i] as Tok;
  const m = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)?$/.exec(t.text) ?? /^(\d{1,2})\.(\d{1,2})$/.exec(t.text);
  if (m === null) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  if (continues(c, i)) return undefined;
  const mmdd = `${pad2(month)}-${pad2(day)}`;
  if (m[3] !== undefined) return { mmdd, year: Number(m[3]), last: i };
  // "27.11." needs its closing dot: "27.11" alone may be a figure or a score.
  const dot = c.toks[i + 1]?.text === '.' && glued(c, i) && !(c.toks[i + 2]?.kind === 'num' && glued(c, i + 1));
  return dot ? { mmdd, last: i + 1 } : undefined;
}

/**
 * `said` when a verb of saying stands just before the day (past "am", "le", "op") or just after it ("am Montag
 * sagte"), `planned` after "für" and the like; undefined for the day of an event.
 */
export function localDayRole(c: Ctx, rules: ValueRules, from: number, to: number): string | undefined {
  const before = rules.on.has(lowerAt(c, from - 1)) ? from - 2 : from - 1;
  if (rules.speech.has(lowerAt(c, before)) || rules.speech.has(lowerAt(c, to + 1))) return 'said';
  if (rules.plannedFor.has(lowerAt(c, from - 1))) return 'planned';
  return localUntil(c, rules, from);
}

/** "natten till söndag": the night before that day (Swedish, Norwegian), not a span ending on it. */
const NIGHT = new Set(['natten', 'natt', 'natta']);

/** Words between "until" and its day: "hasta el jueves", "fino a mercoledì", "bis zum Mittwoch", "até a sexta-feira". */
const UNTIL_LINKS = new Set(['el', 'la', 'a', 'al', 'zum', 'am', 'le', 'o']);

/**
 * `until` or `until at least` (day-roles.ts's `untilAt`) after the language's word for until ("bis", "hasta",
 * "jusqu'à", "fino a", "tot", "até", "till", "til"), with an "at least" of the language before or after it ("al
 * menos hasta el miércoles", "bis mindestens Mittwoch").
 */
function localUntil(c: Ctx, rules: ValueRules, from: number): string | undefined {
  let k = from - 1;
  if (UNTIL_LINKS.has(lowerAt(c, k)) || rules.on.has(lowerAt(c, k))) k--;
  const leastAt = (end: number): number => {
    if (rules.bounds.get(lowerAt(c, end)) === 'min') return 1;
    return rules.bounds.get(`${lowerAt(c, end - 1)} ${lowerAt(c, end)}`) === 'min' ? 2 : 0;
  };
  const inner = leastAt(k);
  k -= inner;
  if (!rules.until.has(lowerAt(c, k))) return undefined;
  // Swedish and Norwegian "natten till söndag", "natt til lørdag": the night into that day, the event's own.
  if (NIGHT.has(lowerAt(c, k - 1))) return undefined;
  return inner > 0 || leastAt(k - 1) > 0 ? 'until at least' : 'until';
}

/** "27/11/2026", "27-11-2026", "27/11": the day first, parts glued by one kind of mark; its last token. */
function slashedDate(c: Ctx, rules: ValueRules, i: number): { mmdd: string; year?: number; last: number } | undefined {
  const mark = c.toks[i + 1]?.text;
  if ((mark !== '/' && mark !== '-') || continues(c, i) || !glued(c, i) || !glued(c, i + 1)) return undefined;
  const day = Number(c.toks[i]?.text);
  const monthText = c.toks[i + 2]?.text ?? '';
  const month = Number(monthText);
  if (!/^\d{1,2}$/.test(c.toks[i]?.text ?? '') || !/^\d{1,2}$/.test(monthText) || day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const mmdd = `${pad2(month)}-${pad2(day)}`;
  const yearText = c.toks[i + 4]?.text ?? '';
  if (c.toks[i + 3]?.text === mark && glued(c, i + 2) && glued(c, i + 3)) {
    // "27/11/2026"; "27-11-2026" only with a year, as "3-1" may be a score.
    if (!/^(19|20)\d\d$/.test(yearText) || (glued(c, i + 4) && c.toks[i + 5]?.kind !== 'punct')) return undefined;
    return { mmdd, year: Number(yearText), last: i + 4 };
  }
  // "28/11" without a year only after the word before a day ("le 28/11", "am 28/11"): "3/4 der Fälle" is a fraction.
  const dated = rules.on.has(lowerAt(c, i - 1));
  return mark === '/' && dated && !(glued(c, i + 2) && c.toks[i + 3]?.kind !== 'punct') ? { mmdd, last: i + 2 } : undefined;
}

export function findLocalDates(c: Ctx, rules: ValueRules): void {
  for (let i = 0; i < c.toks.length; i++) {
    if (c.used[i] !== 0) continue;
    if (c.toks[i]?.kind === 'num') {
      const d = (rules.dotted ? dottedDate(c, i) : undefined) ?? slashedDate(c, rules, i);
      if (d === undefined) continue;
      emit(c, 'date', d.mmdd, i, d.last, localDayRole(c, rules, i, d.last));
      // The year is written inside the date: its slot reads as the whole date.
      if (d.year !== undefined) c.out.push({ ...(c.out[c.out.length - 1] as (typeof c.out)[number]), kind: 'year', value: String(d.year) });
      i = d.last;
      continue;
    }
    const mon = monthAt(c, rules, i);
    if (mon === undefined) continue;
    const day = dayBefore(c, rules, i);
    let yIndex = mon.last + 1;
    if (rules.dateOf !== undefined && lowerAt(c, yIndex) === rules.dateOf) yIndex++;
    const year = yearAt(c, yIndex);
    const to = year === undefined ? mon.last : yIndex;
    // "vom 27. bis 29. November": a span of days, of which neither is the day.
    const span = day !== undefined && rules.range.has(lowerAt(c, day.first - 1)) && dayEndsAt(c, rules, day.first - 2);
    if (span) {
      // Its numbers are no counts either.
      for (let k = (day?.first ?? i) - (rules.dotted ? 3 : 2); k <= to; k++) c.used[k] = 1;
      i = to;
      continue;
    }
    if (day !== undefined) {
      emit(c, 'date', `${pad2(mon.month)}-${pad2(day.day)}`, day.first, mon.last, localDayRole(c, rules, day.first, to));
    } else if (year !== undefined || rules.monthCues.has(lowerAt(c, i - 1))) {
      // A bare month, after a cue word ("im November") or before a year.
      emit(c, 'date', pad2(mon.month), i, mon.last, localDayRole(c, rules, i, to) ?? 'month');
    } else continue;
    if (year !== undefined) emit(c, 'year', String(year), yIndex, yIndex);
    i = to;
  }
}

/** The weekday of a word: a name ("Montag", "lundi") or a German or Dutch one with a part of the day ("Montagabend"). */
function weekdayOf(rules: ValueRules, w: string): number | undefined {
  const day = rules.weekdays.get(w);
  if (day !== undefined || rules.dayParts.length === 0) return day;
  for (const part of rules.dayParts) {
    if (w.length > part.length && w.endsWith(part)) {
      const d = rules.weekdays.get(w.slice(0, -part.length));
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

export function findLocalWeekdays(c: Ctx, rules: ValueRules): void {
  for (let i = 0; i < c.toks.length; i++) {
    const t = c.toks[i] as Tok;
    if (t.kind !== 'word' || c.used[i] !== 0) continue;
    const day = weekdayOf(rules, t.lower);
    if (day === undefined) continue;
    // "Welt am Sonntag", "Bild am Sonntag": papers.
    if (lowerAt(c, i - 1) === 'am' && rules.paperNames.has(lowerAt(c, i - 2)) && c.toks[i - 2]?.cap === true) continue;
    emit(c, 'weekday', WEEKDAYS[day] as string, i, i, localDayRole(c, rules, i, i));
    // "na segunda-feira (16)": Brazilian papers give the day of the month in brackets; it is the weekday's, no count.
    const n = c.toks[i + 2];
    if (c.toks[i + 1]?.text === '(' && n?.kind === 'num' && /^\d{1,2}$/.test(n.text) && Number(n.text) >= 1 && Number(n.text) <= 31 && c.toks[i + 3]?.text === ')') {
      c.used[i + 1] = c.used[i + 2] = c.used[i + 3] = 1;
    }
  }
}

export function findLocalYears(c: Ctx, rules: ValueRules): void {
  for (let i = 0; i < c.toks.length; i++) {
    const year = yearAt(c, i);
    if (year === undefined || (i > 0 && glued(c, i - 1))) continue;
    if (c.toks[i - 1]?.text === '€' || c.toks[i - 1]?.text === '$' || c.toks[i + 1]?.text === '€') continue;
    const next = c.toks[i + 1];
    // "2019 Menschen", "2019 personnes": a count, unless a cue word says it is a year ("im Jahr 2019").
    const counted = next !== undefined && next.kind === 'word' && !rules.isStop(next.lower) && (!rules.capsAreNames || !next.cap) && !rules.months.has(next.lower);
    if (rules.yearCues.has(lowerAt(c, i - 1)) || !counted) emit(c, 'year', String(year), i, i);
  }
}

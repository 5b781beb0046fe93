/** Dates ("21 March", "Dec. 3"), bare months after a cue word, weekdays and 4-digit years. */
import { CURRENCY, MONTHS, MONTH_ABBR, MONTH_CUES, STOP, WEEKDAYS, WEEKDAY_ABBR, WEEKDAY_NAME_NEXT, WEEKDAY_NAME_PREV, YEAR_CUES } from './words.js';
import { emit, glued, hasHyphen, lowerAt, pad2, stem, type Ctx, type Tok } from './tokens.js';
import { attributiveOf, dayRole, possessiveOf } from './day-roles.js';

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

/** A year is four digits 19xx/20xx as written: latestYear (fingerprint/articles.ts) relies on it to skip texts. */
export function yearAt(c: Ctx, j: number): number | undefined {
  const t = c.toks[j];
  if (t === undefined || t.kind !== 'num' || c.used[j] !== 0 || !/^(19|20)\d\d$/.test(t.text)) return undefined;
  if (glued(c, j) && c.toks[j + 1]?.kind !== 'punct') return undefined; // "1990s"
  if (c.toks[j + 1]?.text === '-' && glued(c, j)) return undefined; // "2015-16"
  return Number(t.text);
}

export function findDates(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const mon = monthAt(c, i);
    const t = c.toks[i] as Tok;
    if (mon === undefined) {
      // "mid-March", "early-December"
      if (t.kind !== 'word' || c.used[i] !== 0 || !hasHyphen(t.lower)) continue;
      const [pre, rest] = t.lower.split(/[‐‑-]/);
      const m = MONTHS.indexOf(rest ?? '') + 1;
      if (m > 0 && (pre === 'mid' || pre === 'early' || pre === 'late')) emit(c, 'date', pad2(m), i, i, 'month');
      continue;
    }
    const mm = pad2(mon.month);
    const after = dayAt(c, mon.last + 1);
    const ofDay = lowerAt(c, i - 1) === 'of' ? i - 2 : i - 1;
    const before = mon.abbr || after !== undefined ? undefined : dayBefore(c, ofDay);
    let last = mon.last;
    const yIndex = c.toks[(after?.last ?? last) + 1]?.text === ',' && after !== undefined ? after.last + 2 : (after?.last ?? last) + 1;
    const year = yearAt(c, yIndex);
    // What the date is the day of (see day-roles.ts), from the words around it with its year.
    const role = (from: number, to: number): string | undefined => attributiveOf(c, from, year === undefined ? to : yIndex) ?? dayRole(c, from, year === undefined ? to : yIndex);
    if (after !== undefined) {
      emit(c, 'date', `${mm}-${pad2(after.day)}`, i, after.last, role(i, after.last));
      last = after.last;
    } else if (before !== undefined) {
      emit(c, 'date', `${mm}-${pad2(before.day)}`, before.first, mon.last, role(before.first, mon.last));
    }
    if (after === undefined && before === undefined) {
      if (mon.abbr || (year === undefined && !MONTH_CUES.has(lowerAt(c, i - 1)))) continue;
      emit(c, 'date', mm, i, mon.last, role(i, mon.last) ?? 'month');
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

export function findWeekdays(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const t = c.toks[i] as Tok;
    if (t.kind !== 'word' || c.used[i] !== 0) continue;
    const full = WEEKDAYS.indexOf(t.lower);
    if (full >= 0) {
      const next = c.toks[i + 1];
      const inName = (next?.cap === true && WEEKDAY_NAME_NEXT.has(next.lower)) ||
        (c.toks[i - 1]?.cap === true && WEEKDAY_NAME_PREV.has(lowerAt(c, i - 1)));
      if (!inName) emit(c, 'weekday', WEEKDAYS[full] as string, i, i, possessiveOf(c, i) ?? dayRole(c, i, i));
      continue;
    }
    const abbr = WEEKDAY_ABBR.get(t.lower);
    if (abbr === undefined || !t.cap || c.toks[i + 1]?.text !== '.' || !glued(c, i)) continue;
    const dated = monthAt(c, i + 2) !== undefined || dayAt(c, i + 2) !== undefined || lowerAt(c, i - 1) === 'on';
    if (dated) emit(c, 'weekday', WEEKDAYS[abbr] as string, i, i + 1, dayRole(c, i, i + 1));
  }
}

export function findYears(c: Ctx): void {
  for (let i = 0; i < c.toks.length; i++) {
    const year = yearAt(c, i);
    if (year === undefined || (i > 0 && glued(c, i - 1))) continue;
    const prev = lowerAt(c, i - 1);
    if (CURRENCY.has(prev)) continue;
    const next = c.toks[i + 1];
    const counted = next !== undefined && next.kind === 'word' && !next.cap && !STOP.has(next.lower);
    // "the 2008 season": the year of that thing, compared only with years of the same ("in 2004 caused" is no such).
    if (YEAR_CUES.has(prev) || !counted) emit(c, 'year', String(year), i, i, counted && prev === 'the' && next ? stem(next.lower) : undefined);
  }
}

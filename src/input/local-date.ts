/**
 * Metadata dates as sites in other languages write them (review 27), read when the English forms of date.ts fail:
 * the day before a month name, with the Spanish and Portuguese "de" ("2 de marzo de 2026", "4 août 2026",
 * "26. November 2026", "16 de fevereiro de 2026"), a weekday or its abbreviation before it ("lunes,", "mardi",
 * "Do,", "segunda-feira,"), and dates in digits with the day first: German dotted dates ("26.11.2026") always;
 * "16/02/2026" and "16-02-2026" only when they can be read one way, that is when one of the two first numbers is
 * above 12 (then it is the day; "11/26/2026" is read month first, as in the United States) or both are the same.
 * "03/04/2026" is not read: it is 3 April in most of the world and March 4 in the United States.
 * A time may follow, after a comma or a word ("à", "a las", "às", "um"), in the forms "10:15", "07h45", "21h",
 * "09.40 Uhr", "9 Uhr", then a zone as date.ts reads zones ("+0100", "GMT"; "CET" and "MEZ" are not read).
 *
 * The month and weekday names are those article text is read with (facts/slots/locale-words.ts: German, French,
 * Spanish, Italian, Dutch, Portuguese, Swedish, Norwegian), the English ones, and the Portuguese forms article text
 * leaves out as too ambiguous in a sentence ("mar." is also the sea, "segunda" also "second"), which a date field
 * is not. A metadata field has no language, so one table serves all: no two languages give one word two different
 * months.
 */
import { LOCALE_WORDS } from '../facts/slots/locale-words.js';
import { MONTHS, WEEKDAYS } from '../facts/slots/words.js';

/** A date's parts as written, the month from 0; a time's parts as text, for date.ts to check and build. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly h?: string;
  readonly m?: string;
  readonly s?: string;
  readonly zone?: string;
}

/** Portuguese forms of a date field that article text does not read (see above) → 1–12, and weekdays. */
const PORTUGUESE_MONTHS = 'mar:3';
const PORTUGUESE_WEEKDAYS = 'segunda terça terca quarta quinta sexta';

/** Month names and abbreviations of every language above → 0–11. */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const months = new Map<string, number>();
  MONTHS.forEach((name, i) => {
    months.set(name, i);
    months.set(name.slice(0, 3), i);
  });
  months.set('sept', 8);
  for (const words of Object.values(LOCALE_WORDS)) {
    for (const [name, n] of words.months) months.set(name, n - 1);
    for (const [name, n] of words.monthAbbr) months.set(name, n - 1);
  }
  for (const pair of PORTUGUESE_MONTHS.split(' ')) {
    const [name, n] = pair.split(':') as [string, string];
    months.set(name, Number(n) - 1);
  }
  return months;
})();

/** Weekday names of every language above, for the weekday a date may open with. */
const WEEKDAY_NAMES: readonly string[] = [
  ...WEEKDAYS,
  ...Object.values(LOCALE_WORDS).flatMap((words) => [...words.weekdays.keys()]),
  ...PORTUGUESE_WEEKDAYS.split(' '),
];

/** A weekday's name, or an abbreviation of two or more letters that one of the names starts with ("Do", "mar", "seg"). */
function isWeekday(word: string): boolean {
  return WEEKDAY_NAMES.some((name) => name === word || (word.length >= 2 && word.length <= 4 && name.startsWith(word)));
}

const OPENING_WEEKDAY = /^([\p{L}-]{2,16})\.?,?\s+(?=\d)/u;
/** "2 de marzo de 2026", "4 août 2026", "26. November 2026", "1er décembre 2026", "26 Nov. 2026". */
const NAMED_MONTH = /^(\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})/u;
/** "26.11.2026", "16/02/2026", "16-02-2026": one kind of mark between the three. */
const DIGITS = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})/;
/** What may follow the date: a time and a zone, each optional. */
const REST =
  /^(?:(?:,\s*|\s+)(?:(?:à|a las|a la|às|as|um|at|-|–|—)\s+)?(\d{1,2})(?:([:h.])(\d{2})(?::(\d{2}))?)?(?:\s*(uhr|h|hs|hrs|horas))?)?(?:\s*(z|utc?|gmt|[ecmp][sd]t|[+-]\d{2}:?\d{2}))?$/u;

/** The day, month and year of a date in digits with the day first, when only one reading is possible. */
function dayFirst(a: number, mark: string, b: number): { day: number; month: number } | undefined {
  if (mark === '.' || a > 12 || a === b) return { day: a, month: b - 1 };
  if (b > 12) return { day: b, month: a - 1 };
  return undefined;
}

/** A date in one of the forms above (lower case, runs of white space as one space), or `undefined`. */
export function readLocalDate(text: string): DateParts | undefined {
  let t = text.toLowerCase();
  const weekday = OPENING_WEEKDAY.exec(t);
  if (weekday !== null && isWeekday(weekday[1] as string)) t = t.slice(weekday[0].length);
  let date: { year: number; month: number; day: number } | undefined;
  let length = 0;
  const named = NAMED_MONTH.exec(t);
  if (named !== null) {
    const month = MONTH_WORDS.get(named[2] as string);
    if (month === undefined) return undefined;
    date = { year: Number(named[3]), month, day: Number(named[1]) };
    length = named[0].length;
  } else {
    const digits = DIGITS.exec(t);
    if (digits === null) return undefined;
    const read = dayFirst(Number(digits[1]), digits[2] as string, Number(digits[3]));
    if (read === undefined) return undefined;
    date = { year: Number(digits[4]), ...read };
    length = digits[0].length;
  }
  const rest = REST.exec(t.slice(length));
  if (rest === null) return undefined;
  const [, h, mark, m, s, suffix, zone] = rest;
  if (h === undefined) return zone === undefined ? date : undefined;
  // "9 Uhr", "21h" and "09.40 Uhr" need their word; "10:15" and "07h45" do not.
  if ((m === undefined || mark === '.') && suffix === undefined) return undefined;
  return { ...date, h, ...(m !== undefined ? { m } : {}), ...(s !== undefined ? { s } : {}), ...(zone !== undefined ? { zone } : {}) };
}

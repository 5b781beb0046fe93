/**
 * Dates as inputs write them → a point in time (UTC milliseconds), without `Date.parse`'s guesswork: its
 * reading of non-ISO strings depends on the engine and on the machine's time zone, and output must not.
 *
 * Understood: ISO 8601 (`2017-03-21`, `2017-03-21T10:00:00Z`, `…+03:00`, with `T` or a space, as news-please
 * writes), RFC 2822 as in RSS (`Tue, 21 Mar 2017 10:00:00 GMT`, `+0000`), `21 March 2017`, `March 21, 2017`
 * (month names in English, full or three letters), each optionally with a time, and Unix time as data sets and
 * APIs give it (`1700000000` seconds, `1700000000000` milliseconds; between 1990 and 2100). A zone is `Z`, an
 * offset (`+01:00`, `-0500`), or a name RFC 822 defines (`UT`, `GMT`, `EST`/`EDT`, `CST`/`CDT`, `MST`/`MDT`,
 * `PST`/`PDT`; a date with another zone name, such as `CET` or the ambiguous `IST`, is not read at all). A time without a zone is read as UTC,
 * so a local time may be off by up to 14 hours: approximate. A year alone, or a year and month, is not a full date
 * and gives `undefined` (the year rule of story clustering still uses it).
 * Other languages' forms ("2 de marzo de 2026 10:15", "mardi 4 août 2026 à 07h45", "26.11.2026, 09:40 Uhr",
 * "16/02/2026 21h00", "Do, 26 Nov 2026 09:40:00 +0100") are read by local-date.ts when these fail.
 */
import { readLocalDate } from './local-date.js';

export interface PointInTime {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly ms: number;
  /** `day` when the input gave no time of day (the point is that day's 00:00 UTC). */
  readonly precision: 'day' | 'time';
  /** Present when the input gave a time of day without a zone: `ms` reads that wall-clock time as UTC. */
  readonly local?: true;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(?:(?:,|\\s+at)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)?';
const ZONE = '\\s*(z|utc?|gmt|[ecmp][sd]t|[+-]\\d{2}:?\\d{2})?';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MONTH = new RegExp(`^(?:[a-z]{3,9},?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})${TIME}${ZONE}$`, 'i');
/** Unix time: seconds (10 digits, maybe a fraction) or milliseconds (13 digits). */
const EPOCH = /^(\d{10})(?:\.\d+)?$|^(\d{13})$/;
const EPOCH_FROM = Date.UTC(1990, 0, 1);
const EPOCH_TO = Date.UTC(2100, 0, 1);
const MONTH_DAY = new RegExp(`^(?:[a-z]{3,9},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}$`, 'i');

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** RFC 822's North American zone names, as hours east of UTC. */
const NAMED_ZONES: Readonly<Record<string, number>> = { est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

/** "+03:00", "-0500", "Z", "GMT", "EST" → minutes east of UTC. */
function zoneMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc?|gmt)$/i.test(zone)) return 0;
  const named = NAMED_ZONES[zone.toLowerCase()];
  if (named !== undefined) return named * 60;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function build(
  year: number,
  month: number,
  day: number,
  time: { h?: string | undefined; m?: string | undefined; s?: string | undefined; ampm?: string | undefined; zone?: string | undefined },
): PointInTime | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || year < 1000) return undefined;
  const dayMs = Date.UTC(year, month, day);
  // Date.UTC rolls 31 February over into March: refuse days the month does not have.
  if (new Date(dayMs).getUTCDate() !== day) return undefined;
  if (time.h === undefined) return { ms: dayMs, precision: 'day' };
  let hour = Number(time.h);
  const ampm = time.ampm?.replace(/\./g, '').toLowerCase();
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  const minute = Number(time.m ?? 0);
  const second = Number(time.s ?? 0);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = dayMs + ((hour * 60 + minute - zoneMinutes(time.zone)) * 60 + second) * 1000;
  return time.zone === undefined ? { ms, precision: 'time', local: true } : { ms, precision: 'time' };
}

/** A date's parts as written (the month from 0), each form's match taken apart. */
interface WrittenParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly time: Parameters<typeof build>[3];
}

/** The text of a metadata date as it is read: trimmed, its spaces one, undefined when empty or too long to be one. */
function dateText(text: string | undefined): string | undefined {
  const t = text?.trim().replace(/\s+/g, ' ');
  return !t || t.length > 80 ? undefined : t;
}

/** The parts of a date in one of the written forms (not Unix time), or undefined. */
function writtenParts(t: string): WrittenParts | undefined {
  let m = ISO.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]), time: { h: m[4], m: m[5], s: m[6], zone: m[7] } };
  m = DAY_MONTH.exec(t);
  if (m) return { year: Number(m[3]), month: monthIndex(m[2] ?? ''), day: Number(m[1]), time: { h: m[4], m: m[5], s: m[6], ampm: m[7], zone: m[8] } };
  m = MONTH_DAY.exec(t);
  if (m) return { year: Number(m[3]), month: monthIndex(m[1] ?? ''), day: Number(m[2]), time: { h: m[4], m: m[5], s: m[6], ampm: m[7], zone: m[8] } };
  const local = readLocalDate(t);
  return local ? { year: local.year, month: local.month, day: local.day, time: local } : undefined;
}

/** A full date (at least a day) as written in article metadata, or `undefined`. */
export function parseDate(text: string | undefined): PointInTime | undefined {
  const t = dateText(text);
  if (t === undefined) return undefined;
  const m = EPOCH.exec(t);
  if (m) {
    const ms = m[1] !== undefined ? Number(m[1]) * 1000 : Number(m[2]);
    return ms >= EPOCH_FROM && ms < EPOCH_TO ? { ms, precision: 'time' } : undefined;
  }
  const p = writtenParts(t);
  return p ? build(p.year, p.month, p.day, p.time) : undefined;
}

/**
 * The offset from UTC a metadata date gives with its time, in minutes east of UTC (`-180` for "…21:00-03:00", `60`
 * for "+0100", `-300` for "EST", 0 for "Z", "GMT" or "+00:00"), or undefined when it gives none: a day alone, a
 * time without a zone, Unix time (an instant with no place), or a date {@link parseDate} does not read. What the
 * views show an article's time in (render/sections.ts `shownDate`); ordering and comparing use the instant.
 */
export function writtenOffset(text: string | undefined): number | undefined {
  const t = dateText(text);
  if (t === undefined || EPOCH.test(t)) return undefined;
  const p = writtenParts(t);
  if (p?.time.zone === undefined || p.time.h === undefined || build(p.year, p.month, p.day, p.time) === undefined) return undefined;
  return zoneMinutes(p.time.zone);
}

/** Whole days since 1970-01-01 (UTC) of a metadata date, for time distances between articles. */
export function dayNumber(text: string | undefined): number | undefined {
  const p = parseDate(text);
  return p ? Math.floor(p.ms / 86_400_000) : undefined;
}

/**
 * A metadata date as ISO 8601 text, for machines (the report's `published`): `2026-11-03T13:05:00Z` (UTC, to the
 * second) when the input gave a time and a zone or Unix time; `2026-11-03T14:05:00` (no `Z`: the wall-clock time
 * as written, zone unknown) when it gave a time without a zone; `2026-11-03` for a day alone; `undefined` for what
 * {@link parseDate} does not read as a day (a month or year alone, "yesterday"). Read by parseDate, so it is the
 * same point in time the report orders, windows and compares by.
 */
export function isoDate(text: string | undefined): string | undefined {
  const p = parseDate(text);
  return p ? isoText(p) : undefined;
}

/** A point in time {@link parseDate} read, as {@link isoDate} writes it. */
export function isoText(p: PointInTime): string {
  // Years are 1000 to 9999 (parseDate refuses others), so toISOString's year has four digits.
  const iso = new Date(p.ms).toISOString();
  if (p.precision === 'day') return iso.slice(0, 10);
  return p.local ? iso.slice(0, 19) : `${iso.slice(0, 19)}Z`;
}

/**
 * Two events of one kind told days apart: a ferry aground off Skye on Monday and another off Mull on Thursday share
 * nearly every word ("ferry", "aground", "lifeboat", "Marine Accident Investigation Branch"), so TF-IDF clustering
 * puts them in one story, and the facts stage then reports "Monday vs Thursday" and "120 vs 85 passengers" as
 * disagreements between them. Dated articles tell them apart: an article can only report what happened before it
 * was published, so articles whose every day ("on Thursday", "November 26", read relative to their own publication)
 * falls at least two days after the last publication of the story's earlier articles report something that had
 * not happened when those were written. Such a story is cut there, at each such gap, into stories of their own.
 *
 * Conservative by design: every article of the story must be dated, and every article after a cut must name at
 * least one day, none of them on or before the last publication before the cut plus one day (time zones). A later
 * article that names the first event's day ("Monday's quake", "the ferry that ran aground on Monday") keeps the two
 * together, as does a copy pair across the cut. A follow-up that names only its own later day ("an inquiry was
 * opened on Thursday") is a story of its own: its facts are not the first reports' to leave out. Days someone
 * plans for ("a vigil is planned for Sunday") are not read; undated folders (ECB+) are never cut.
 */
import type { Language, StoredArticle } from '../types.js';
import { unpackSentences } from '../clean/packed.js';
import { parseDate } from '../input/date.js';
import { extractSlots } from '../facts/slots/index.js';
import { WEEKDAYS } from '../facts/slots/words.js';

export const DAY_MS = 86_400_000;
/** Days between the last publication before a cut and the first day named after it: one for time zones, one apart. */
export const CUT_GAP_DAYS = 2;
/** How far after its publication a date may fall and still be read as this year's (a date later than that is last year's). */
const DATE_AHEAD_DAYS = 7;
/** Words that may name a day in English, to skip sentences with none before reading their values. */
const DAY_WORD = /\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** The days an article names, as day numbers (days since 1970-01-01, UTC), relative to its publication day `published`. */
export function namedDays(texts: readonly string[], published: number, language?: Language): number[] {
  const days: number[] = [];
  for (const text of texts) {
    if (language === undefined && !DAY_WORD.test(text)) continue;
    for (const slot of extractSlots(text, language)) {
      if (slot.unit === 'planned' || slot.unit === 'month') continue;
      const day = slot.kind === 'weekday' ? weekdayBefore(slot.value, published) : slot.kind === 'date' ? dateNear(slot.value, published) : undefined;
      if (day !== undefined) days.push(day);
    }
  }
  return days;
}

/** The latest `weekday` ("thursday") on or before day `published`: what "on Thursday" means in a report of that day. */
function weekdayBefore(weekday: string, published: number): number | undefined {
  const w = WEEKDAYS.indexOf(weekday);
  if (w < 0) return undefined;
  // 1970-01-01 was a Thursday, index 3 of WEEKDAYS (Monday first).
  const today = (published + 3) % 7;
  return published - ((today - w + 7) % 7);
}

/** The day of a month and day ("11-26") in the year of `published`, or the year before when it would fall well after it. */
function dateNear(value: string, published: number): number | undefined {
  const m = /^(\d\d)-(\d\d)$/.exec(value);
  if (!m) return undefined;
  const year = new Date(published * DAY_MS).getUTCFullYear();
  const at = (y: number): number => Math.floor(Date.UTC(y, Number(m[1]) - 1, Number(m[2])) / DAY_MS);
  const day = at(year);
  return day > published + DATE_AHEAD_DAYS ? at(year - 1) : day;
}

/** What the cut needs of the articles, by index: publication day and time, and the days each names (read when asked). */
export interface DatedArticles {
  /** Publication time in ms, or undefined when the article is undated. */
  readonly publishedMs: (i: number) => number | undefined;
  /** The days article `i` names, read relative to its publication day (asked only of dated articles). */
  readonly namedDays: (i: number) => readonly number[];
  /** Whether two articles are near-duplicate copies (they are never cut apart). */
  readonly isCopy: (a: number, b: number) => boolean;
}

/**
 * Story `group` (article indices) cut into successive events, in publication order, or `[group]` unchanged: see
 * the comment at the top of the file.
 */
export function successiveEvents(group: readonly number[], dated: DatedArticles): number[][] {
  if (group.length < 2) return [[...group]];
  const times = group.map((i) => dated.publishedMs(i));
  if (times.some((t) => t === undefined)) return [[...group]];
  const order = group.map((i, k) => ({ i, ms: times[k] as number })).sort((x, y) => x.ms - y.ms || x.i - y.i);
  const dayOf = (k: number): number => Math.floor((order[k] as { ms: number }).ms / DAY_MS);
  if (dayOf(order.length - 1) - dayOf(0) < CUT_GAP_DAYS) return [[...group]];
  const parts: number[][] = [];
  let start = 0;
  for (let k = 1; k < order.length; k++) {
    if (dayOf(k) - dayOf(k - 1) < CUT_GAP_DAYS) continue;
    if (!laterEvents(order.map((o) => o.i), start, k, dayOf(k - 1), dated)) continue;
    parts.push(order.slice(start, k).map((o) => o.i));
    start = k;
  }
  if (parts.length === 0) return [[...group]];
  parts.push(order.slice(start).map((o) => o.i));
  return parts.map((p) => p.sort((x, y) => x - y));
}

/**
 * Whether every article from position `cut` on names a day, each at least CUT_GAP_DAYS after `lastDay` (the last
 * publication day before the cut), and none is a copy of an article between `start` and the cut.
 */
function laterEvents(order: readonly number[], start: number, cut: number, lastDay: number, dated: DatedArticles): boolean {
  for (let k = cut; k < order.length; k++) if (!namesOnlyLaterDays(dated.namedDays(order[k] as number), lastDay)) return false;
  for (let k = cut; k < order.length; k++) {
    for (let j = start; j < cut; j++) if (dated.isCopy(order[j] as number, order[k] as number)) return false;
  }
  return true;
}

/** Whether the days an article names (`days`) are one or more, each CUT_GAP_DAYS or more after day `lastDay`. */
export function namesOnlyLaterDays(days: readonly number[], lastDay: number): boolean {
  return days.length > 0 && days.every((d) => d >= lastDay + CUT_GAP_DAYS);
}

/** Day number `day` as ISO 8601 text ("2026-11-26"). */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every story of `groups` cut into successive events (see the top of the file), the articles' named days read once
 * each and only for stories whose dated articles span two days or more.
 */
export function cutSuccessiveEvents(groups: readonly number[][], articles: readonly StoredArticle[], isCopy: (a: number, b: number) => boolean): number[][] {
  const published = new Map<number, number | undefined>();
  const publishedMs = (i: number): number | undefined => {
    if (!published.has(i)) published.set(i, parseDate((articles[i] as StoredArticle).date)?.ms);
    return published.get(i);
  };
  const named = new Map<number, readonly number[]>();
  const namedDaysOf = (i: number): readonly number[] => {
    let days = named.get(i);
    if (days === undefined) {
      const a = articles[i] as StoredArticle;
      const texts = [a.title, ...unpackSentences(a.text).map((s) => s.text)];
      named.set(i, (days = namedDays(texts, Math.floor((publishedMs(i) as number) / DAY_MS), a.language)));
    }
    return days;
  };
  const dated: DatedArticles = { publishedMs, namedDays: namedDaysOf, isCopy };
  return groups.flatMap((g) => successiveEvents(g, dated));
}

/**
 * Two events of one kind told days apart: a ferry aground off Skye on Monday and another off Mull on Thursday share
 * nearly every word ("ferry", "aground", "lifeboat", "Marine Accident Investigation Branch"), so TF-IDF clustering
 * puts them in one story, and the facts stage then reports "Monday vs Thursday" and "120 vs 85 passengers" as
 * disagreements between them. Dated articles tell them apart: an article can only report what happened before it
 * was published, so articles whose every day ("on Thursday", "November 26", read relative to their own publication)
 * falls at least two days after the last publication of the story's earlier articles report something that had
 * not happened when those were written. Such a story is cut there, at each such gap, into stories of their own.
 *
 * Conservative by design: every article of the story must be dated, and every article after a cut must name a day
 * in its lead (headline and first three sentences, where a report says when its event happened) and no day
 * anywhere on or before the last publication before the cut plus one day (time zones). A later
 * article that names the first event's day ("Monday's quake", "the ferry that ran aground on Monday") keeps the two
 * together, as does a copy pair across the cut. A follow-up that names only its own later day ("an inquiry was
 * opened on Thursday") is a story of its own: its facts are not the first reports' to leave out. Days someone
 * plans for ("a vigil is planned for Sunday") are not read; undated folders (ECB+) are never cut.
 */
import type { Language, StoredArticle } from '../types.js';
import { unpackSentences } from '../clean/packed.js';
import { parseDate } from '../input/date.js';
import { extractDays } from '../facts/slots/index.js';
import { WEEKDAYS } from '../facts/slots/words.js';

export const DAY_MS = 86_400_000;
/** Days between the last publication before a cut and the first day named after it: one for time zones, one apart. */
export const CUT_GAP_DAYS = 2;
/** How far after its publication a date may fall and still be read as this year's (a date later than that is last year's). */
const DATE_AHEAD_DAYS = 7;
/**
 * What an English sentence that names a day has: a weekday ("Thursday", "Thu."), or a month beside a number
 * ("November 26", "Nov. 26", "26 November"). Sentences without are not read (most sentences of a feed).
 */
const NAMES_A_DAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** The lead of an article: its headline and first sentences, where a report says when its event happened. */
export const LEAD_TEXTS = 4;

/** The days an article names, as day numbers (days since 1970-01-01, UTC): in its lead, and in all of it. */
export interface NamedDays {
  readonly lead: readonly number[];
  readonly all: readonly number[];
}

/**
 * The days texts of one article name (its headline, then its sentences; the first LEAD_TEXTS are its lead), read
 * relative to its publication day `published`.
 */
export function namedDays(texts: readonly string[], published: number, language?: Language): NamedDays {
  const all: number[] = [];
  let lead = 0;
  texts.forEach((text, k) => {
    if (language === undefined && !NAMES_A_DAY.test(text)) return;
    for (const slot of extractDays(text, language)) {
      if (slot.unit === 'planned' || slot.unit === 'month') continue;
      const day = slot.kind === 'weekday' ? weekdayBefore(slot.value, published) : slot.kind === 'date' ? dateNear(slot.value, published) : undefined;
      if (day === undefined) continue;
      all.push(day);
      if (k < LEAD_TEXTS) lead = all.length;
    }
  });
  return { lead: all.slice(0, lead), all };
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
  /**
   * The days article `i` names, read relative to its publication day (asked only of dated articles): its lead's
   * (`whole` false: `all` is then the lead's too), or all of them.
   */
  readonly namedDays: (i: number, whole: boolean) => NamedDays;
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
 * Whether every article from position `cut` on names a day in its lead and only days at least CUT_GAP_DAYS after
 * `lastDay` (the last publication day before the cut), and none is a copy of an article between `start` and the cut.
 */
function laterEvents(order: readonly number[], start: number, cut: number, lastDay: number, dated: DatedArticles): boolean {
  // The lead first: most articles name no day there, and their other sentences need not be read.
  for (let k = cut; k < order.length; k++) if (!namesOnlyLaterDays(dated.namedDays(order[k] as number, false), lastDay)) return false;
  for (let k = cut; k < order.length; k++) if (!namesOnlyLaterDays(dated.namedDays(order[k] as number, true), lastDay)) return false;
  for (let k = cut; k < order.length; k++) {
    for (let j = start; j < cut; j++) if (dated.isCopy(order[j] as number, order[k] as number)) return false;
  }
  return true;
}

/**
 * Whether an article that names `days` reports a later event than articles published up to day `lastDay`: its lead
 * names a day, and every day it names is CUT_GAP_DAYS or more after `lastDay`.
 */
export function namesOnlyLaterDays(days: NamedDays, lastDay: number): boolean {
  return days.lead.length > 0 && days.all.every((d) => d >= lastDay + CUT_GAP_DAYS);
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
  const leads = new Map<number, NamedDays>();
  const wholes = new Map<number, NamedDays>();
  const namedDaysOf = (i: number, whole: boolean): NamedDays => {
    const cache = whole ? wholes : leads;
    let days = cache.get(i);
    if (days === undefined) {
      const a = articles[i] as StoredArticle;
      const texts = [a.title, ...unpackSentences(a.text).map((s) => s.text)];
      cache.set(i, (days = namedDays(whole ? texts : texts.slice(0, LEAD_TEXTS), Math.floor((publishedMs(i) as number) / DAY_MS), a.language)));
    }
    return days;
  };
  const dated: DatedArticles = { publishedMs, namedDays: namedDaysOf, isCopy };
  return groups.flatMap((g) => successiveEvents(g, dated));
}

/**
 * Live blogs: pages of entries posted through the day under time headings ("18:05 GMT", newest first as a
 * rule), or published as schema.org `LiveBlogPosting` JSON-LD with `liveBlogUpdate` entries. Their entries keep
 * their times (ParsedArticle.entries), so that an older entry's figure that a newer one updates is not taken for the
 * blog's claim (facts/live-updates.ts).
 *
 * A page is read as a live blog when at least {@link MIN_HEADINGS} of its paragraphs are a time alone, each followed
 * by text (two will do when the title or page says it is live: "Live:", "live updates", `og:type` or JSON-LD
 * `LiveBlogPosting`). Only paragraphs of at most {@link MAX_HEADING} characters are looked at, so an ordinary
 * article costs a length test a paragraph.
 */
import type { ParsedEntry } from '../types.js';
import { parseDate } from './date.js';

/** Time headings a page needs to be read as a live blog (without a cue that it is one). */
export const MIN_HEADINGS = 3;
/** The longest paragraph read as a time heading ("Updated 23 November 2026 18:05 GMT" fits). */
export const MAX_HEADING = 48;

/**
 * A time alone, as live blogs head their entries: "18:05 GMT", "6.05pm", "6:05 p.m. ET", "Updated 18:05", "23 Nov
 * 18:05", "18:05 GMT 23 November". Group 1 and 2 are the hours and minutes, 3 the half of the day.
 */
const HEADING =
  /^(?:(?:updated|posted|at)\s+)?(?:\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{4})?,?\s+)?(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|IST|JST|AEST|AEDT)(?:[+-]\d{1,2})?)?(?:,?\s+\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{4})?)?$/iu;

/** Minutes into the day of a time heading, or -1 when `text` is not one. */
export function headingMinutes(text: string): number {
  if (text.length > MAX_HEADING) return -1;
  const m = HEADING.exec(text.trim());
  if (!m) return -1;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (minutes > 59 || hours > 23 || (half !== undefined && (hours < 1 || hours > 12))) return -1;
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  return hours * 60 + minutes;
}

/** Whether a title or page type says the page is live: "Live:", "LIVE |", "Storm – live", "live updates", "as it happened". */
export const saysLive = (text: string | undefined): boolean =>
  text !== undefined && /^\s*live\b|[|:–—-]\s*live\s*(?:[|:–—-]|$)|\blive\s+(?:updates?|blog|coverage|news)\b|\bas it happened\b|\bliveblog/i.test(text);

/**
 * The places of entries in time (0 the oldest), from their times in page order (NaN where unknown): a page that lists
 * them newest first (more of its neighbouring times fall than rise; a tie is read so, as most live blogs are) has
 * its first entry the newest. Page order decides, not the times: an entry past midnight keeps its place.
 */
export function entryOrder(times: readonly number[]): number[] {
  let falls = 0;
  let rises = 0;
  for (let i = 1; i < times.length; i++) {
    const a = times[i - 1] as number;
    const b = times[i] as number;
    if (b < a) falls++;
    else if (b > a) rises++;
  }
  const newestFirst = falls >= rises;
  return times.map((_, i) => (newestFirst ? times.length - 1 - i : i));
}

/**
 * The entries of a page's paragraphs when they are a live blog's (see above): each time heading followed by text
 * opens one, at the paragraph after it. `live`: whether the page says it is live. The headings themselves stay in
 * the paragraphs (cleaning drops them as too short). Undefined for any other page.
 */
export function headedEntries(paragraphs: readonly string[], live: boolean): ParsedEntry[] | undefined {
  const found: { at: string; minutes: number; paragraph: number }[] = [];
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    if (p.length > MAX_HEADING) continue;
    const minutes = headingMinutes(p);
    if (minutes < 0 || headingMinutes(paragraphs[i + 1] as string) >= 0) continue;
    found.push({ at: p.trim(), minutes, paragraph: i + 1 });
  }
  if (found.length < (live ? 2 : MIN_HEADINGS)) return undefined;
  const order = entryOrder(found.map((f) => f.minutes));
  return found.map((f, i) => ({ at: f.at, order: order[i] as number, paragraph: f.paragraph }));
}

/** A `liveBlogUpdate` entry of a page's JSON-LD (see jsonld.ts). */
export interface LdUpdate {
  readonly at?: string;
  readonly headline?: string;
  readonly paragraphs: readonly string[];
}

/**
 * The paragraphs and entries of a JSON-LD live blog: its `intro` paragraphs (no entry), then each update's
 * headline (unless its text opens with it) and text, in the order given. Updates without text are passed over, and
 * one without a date is timed by its neighbours' (its page order); undefined when fewer than two updates have
 * text. Their order in time is by `datePublished` where every update has one that is read, else by page order as
 * for headed entries.
 */
export function ldEntries(intro: readonly string[], updates: readonly LdUpdate[]): { paragraphs: string[]; entries: ParsedEntry[] } | undefined {
  const kept = updates.filter((u) => u.paragraphs.length > 0);
  if (kept.length < 2) return undefined;
  const paragraphs = [...intro];
  const times = kept.map((u) => parseDate(u.at)?.ms ?? Number.NaN);
  const dated = times.every((t) => !Number.isNaN(t));
  const byTime = dated ? [...times.keys()].sort((a, b) => (times[a] as number) - (times[b] as number) || b - a) : [];
  const rank = new Map(byTime.map((k, r) => [k, r]));
  const order = dated ? kept.map((_, i) => rank.get(i) ?? 0) : entryOrder(kept.map(() => Number.NaN));
  const entries = kept.map((u, i): ParsedEntry => {
    const paragraph = paragraphs.length;
    const first = u.paragraphs[0] ?? '';
    if (u.headline !== undefined && !first.startsWith(u.headline.replace(/[.…]+$/, ''))) paragraphs.push(u.headline);
    paragraphs.push(...u.paragraphs);
    return { at: u.at ?? '', order: order[i] as number, paragraph };
  });
  return { paragraphs, entries };
}

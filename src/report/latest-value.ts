/**
 * The latest figure of a disputed number, for a story that is still developing: a toll that rose from 12 to 19 to
 * 23 through the day is three figures in dispute, and the desk wants the newest. Told only for counts (see
 * {@link isCount}) and when the dates can tell:
 * every article giving a value has a date with a time (all with a zone, or all without), the latest of them gives
 * one value only, and no other article with another value has the same time. Days, names and the other kinds are not figures that move on.
 * Worked out with the story's facts ({@link withLatestValues}) and kept on the conflict (`Conflict.latest`), where the
 * views and the JSON formats read it. A live blog's value is timed by the entry it stands in, not by the blog's own
 * date, which is when it opened ({@link entryTime}).
 */
import type { Conflict, ConflictValue, LatestValue } from '../types.js';
import type { StoryFacts } from '../facts/story-facts.js';
import { isoText, parseDate, type PointInTime } from '../input/date.js';
import { headingMinutes } from '../input/live.js';

/** What the rule reads of an article: its source, and its date as written. */
export interface DatedArticle {
  readonly id: string;
  readonly source: string;
  readonly date?: string | undefined;
}

/**
 * A value that counts things, as a running toll does ("23 people", "41 homes", "16 dead"): a figure and a word for
 * what it counts. Not an age ("43-year-old"), a share ("52%", "45 percent"), money ("$42.5 billion") or a bare
 * figure: two outlets giving those disagree, and neither supersedes the other by being later (review 27b).
 */
function isCount(v: ConflictValue): boolean {
  return v.unit !== undefined && /^\p{L}[\p{L}\s'’]*$/u.test(v.unit) && !/^(percent|per cent|pct|points?|years?|dollars?|euros?|pounds?|yen)\b/i.test(v.unit) && /^[\d.,\s\p{L}]+$/u.test(v.value);
}

const DAY_MS = 86_400_000;

/**
 * When a live blog entry was posted, from its time (`Mention.entry`) and its blog's date: a JSON-LD date with a time
 * as it is; a heading in GMT or UTC ("18:05 GMT") on the day of the blog's date (in UTC), the next day when that is
 * before the blog opened (an entry past midnight); undefined for a heading in another zone or none, whose offset is
 * unknown, and for a blog whose date has no time.
 */
export function entryTime(entry: string, blogDate: string | undefined): PointInTime | undefined {
  const own = parseDate(entry);
  if (own !== undefined) return own.precision === 'time' ? own : undefined;
  const minutes = headingMinutes(entry);
  const opened = parseDate(blogDate);
  if (minutes < 0 || !/\b(?:GMT|UTC)\b/i.test(entry) || opened === undefined || opened.precision === 'day' || opened.local) return undefined;
  let ms = Math.floor(opened.ms / DAY_MS) * DAY_MS + minutes * 60_000;
  if (ms < opened.ms) ms += DAY_MS;
  return { ms, precision: 'time' };
}

/**
 * When an article gave a conflict's values: its date, or for a live blog the newest entry of its mentions in the
 * conflict that has a time (see {@link entryTime}), with that time as written; undefined when its mentions are all
 * in entries that cannot be timed.
 */
function givenAt(conflict: Conflict, article: DatedArticle): { at: PointInTime; date: string } | undefined {
  let best: { at: PointInTime; date: string } | undefined;
  let untimed = false;
  for (const m of conflict.mentions) {
    if (m.article !== article.id || m.entry === undefined) continue;
    const at = entryTime(m.entry, article.date);
    if (at === undefined) untimed = true;
    else if (best === undefined || at.ms > best.at.ms) best = { at, date: m.entry };
  }
  if (best !== undefined) return best;
  // A blog's value in an entry that cannot be timed (a heading in ET): when the blog opened says nothing of when the
  // value was given, so the dates cannot tell (review 29: it named another outlet's older value the latest).
  if (untimed) return undefined;
  const at = parseDate(article.date);
  return at === undefined || article.date === undefined ? undefined : { at, date: article.date };
}

/** The newest value of `conflict` as the report gives it (`Conflict.latest`), or undefined when the dates cannot tell. */
export function latestValue(conflict: Conflict, articles: ReadonlyMap<string, DatedArticle>): LatestValue | undefined {
  // A value an article gives as another outlet's is that outlet's, of another time than the article's date.
  const values = conflict.values.filter((v) => v.cites === undefined);
  // A lead toll is a count of the dead or the injured, with its noun or without ("rose to 23").
  if (conflict.kind !== 'number' || !(conflict.leads === true || values.every(isCount))) return undefined;
  const byArticle = new Map<string, ConflictValue[]>();
  for (const v of values) byArticle.set(v.article, [...(byArticle.get(v.article) ?? []), v]);
  let latest: { ms: number; id: string; at: PointInTime; date: string } | undefined;
  const times = new Map<string, number>();
  const zones = new Set<boolean>();
  for (const id of byArticle.keys()) {
    const a = articles.get(id);
    const given = a === undefined ? undefined : givenAt(conflict, a);
    const t = given?.at;
    if (given === undefined || t === undefined || t.precision === 'day') return undefined;
    // Times without a zone are read as UTC: among zoned ones they may be hours off.
    zones.add(t.local === true);
    if (zones.size > 1) return undefined;
    times.set(id, t.ms);
    if (latest === undefined || t.ms > latest.ms) latest = { ms: t.ms, id, at: t, date: given.date };
  }
  if (latest === undefined) return undefined;
  const own = new Set((byArticle.get(latest.id) ?? []).map((v) => v.normalized));
  if (own.size !== 1) return undefined;
  for (const [id, values] of byArticle) {
    if (id !== latest.id && times.get(id) === latest.ms && values.some((v) => !own.has(v.normalized))) return undefined;
  }
  const article = articles.get(latest.id);
  const value = byArticle.get(latest.id)?.[0];
  if (article === undefined || value === undefined) return undefined;
  // The value's own fields in their order, then whose and when.
  return { ...value, source: article.source, date: latest.date, published: isoText(latest.at) };
}

/**
 * `facts` with each conflict's {@link latestValue} (`latest`) where the dates tell it; `articles`: the story's.
 * Worked out once, with the facts (on whichever thread), so that the views and the JSON formats read the same.
 */
export function withLatestValues(facts: StoryFacts, articles: readonly DatedArticle[], versionCopies: readonly (readonly [string, string])[] = []): StoryFacts {
  if (!facts.conflicts.some((c) => c.kind === 'number')) return facts;
  const byId = new Map(articles.map((a) => [a.id, a]));
  // A copy of an earlier version tells that version's figures, whatever its own date (a republisher may post it after
  // the outlet's update): it is left out of the choice.
  const copies = new Set(versionCopies.map(([copy]) => copy));
  const conflicts = facts.conflicts.map((c) => {
    const latest = latestValue(copies.size === 0 ? c : { ...c, values: c.values.filter((v) => !copies.has(v.article)) }, byId);
    return latest ? { ...c, latest } : c;
  });
  return { ...facts, conflicts };
}

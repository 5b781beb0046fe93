/**
 * The latest figure of a disputed number, for a story that is still developing: a toll that rose from 12 to 19 to
 * 23 through the day is three figures in dispute, and the desk wants the newest. Told only for counts (see
 * {@link isCount}) and when the dates can tell:
 * every article giving a value has a date with a time (all with a zone, or all without), the latest of them gives
 * one value only, and no other article with another value has the same time. Days, names and the other kinds are not figures that move on.
 */
import type { Conflict, ConflictValue, ReportArticle } from '../types.js';
import { parseDate } from '../input/date.js';

export interface LatestValue {
  readonly value: ConflictValue;
  readonly article: ReportArticle;
}

/**
 * A value that counts things, as a running toll does ("23 people", "41 homes", "16 dead"): a figure and a word for
 * what it counts. Not an age ("43-year-old"), a share ("52%", "45 percent"), money ("$42.5 billion") or a bare
 * figure: two outlets giving those disagree, and neither supersedes the other by being later (review 27b).
 */
function isCount(v: ConflictValue): boolean {
  return v.unit !== undefined && /^\p{L}[\p{L}\s'’]*$/u.test(v.unit) && !/^(percent|per cent|pct|points?|years?|dollars?|euros?|pounds?|yen)\b/i.test(v.unit) && /^[\d.,\s\p{L}]+$/u.test(v.value);
}

export function latestValue(conflict: Conflict, articles: ReadonlyMap<string, ReportArticle>): LatestValue | undefined {
  if (conflict.kind !== 'number' || !conflict.values.every(isCount)) return undefined;
  const byArticle = new Map<string, ConflictValue[]>();
  for (const v of conflict.values) byArticle.set(v.article, [...(byArticle.get(v.article) ?? []), v]);
  let latest: { ms: number; id: string } | undefined;
  const times = new Map<string, number>();
  const zones = new Set<boolean>();
  for (const id of byArticle.keys()) {
    const t = parseDate(articles.get(id)?.date);
    if (t === undefined || t.precision === 'day') return undefined;
    // Times without a zone are read as UTC: among zoned ones they may be hours off.
    zones.add(t.local === true);
    if (zones.size > 1) return undefined;
    times.set(id, t.ms);
    if (latest === undefined || t.ms > latest.ms) latest = { ms: t.ms, id };
  }
  if (latest === undefined) return undefined;
  const own = new Set((byArticle.get(latest.id) ?? []).map((v) => v.normalized));
  if (own.size !== 1) return undefined;
  for (const [id, values] of byArticle) {
    if (id !== latest.id && times.get(id) === latest.ms && values.some((v) => !own.has(v.normalized))) return undefined;
  }
  const article = articles.get(latest.id);
  const value = byArticle.get(latest.id)?.[0];
  return article && value ? { value, article } : undefined;
}

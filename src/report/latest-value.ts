/**
 * The latest figure of a disputed number, for a story that is still developing: a toll that rose from 12 to 19 to
 * 23 through the day is three figures in dispute, and the desk wants the newest. Told only when the dates can tell:
 * every article giving a value has a date with a time (all with a zone, or all without), the latest of them gives
 * one value only, and no other article with another value has the same time. Days, names and the other kinds are not figures that move on.
 */
import type { Conflict, ConflictValue, ReportArticle } from '../types.js';
import { parseDate } from '../input/date.js';

export interface LatestValue {
  readonly value: ConflictValue;
  readonly article: ReportArticle;
}

export function latestValue(conflict: Conflict, articles: ReadonlyMap<string, ReportArticle>): LatestValue | undefined {
  if (conflict.kind !== 'number') return undefined;
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

/**
 * When a story was first reported and by whom: the article with the earliest full date (see input/date.ts
 * for the formats read). Dates without a zone are read as UTC, so two reports hours apart can come out in the
 * wrong order: approximate.
 *
 * Only claimed when the dates can tell: a story of several sources needs dates from two of them at least (one
 * outlet's date among undated reports says nothing of who was first), and the earliest must be earlier than every
 * other source's, compared at the coarser of the two precisions: a date without a time ("26 March 2024") ties with
 * any time that day, since it may have been published at any hour of it. Ties within one source go to the smaller
 * article id, so the answer does not depend on input order.
 *
 * An article that stands for earlier versions of its outlet's story (a write-through, clean/repeats.ts) counts
 * from its earliest dated version: AP's 11:40 rewrite of its 08:10 story was first reported at 08:10. The date given
 * is then that version's.
 */
import type { Article, FirstReport } from '../types.js';
import { isoText, parseDate, type PointInTime } from '../input/date.js';

const DAY_MS = 86_400_000;

type Reported = Pick<Article, 'id' | 'source' | 'date' | 'earlierVersions'>;

export function firstReport(articles: readonly Reported[]): FirstReport | undefined {
  const dated: { t: PointInTime; a: Pick<Article, 'id' | 'source' | 'date'> }[] = [];
  for (const a of articles) {
    const own = parseDate(a.date);
    let first = own ? { t: own, date: a.date } : undefined;
    for (const v of a.earlierVersions ?? []) {
      const t = parseDate(v.date);
      if (t && (first === undefined || t.ms < first.t.ms)) first = { t, date: v.date };
    }
    if (first) dated.push({ t: first.t, a: { id: a.id, source: a.source, date: first.date } });
  }
  if (dated.length === 0) return undefined;
  if (new Set(articles.map((a) => a.source)).size > 1 && new Set(dated.map((d) => d.a.source)).size < 2) return undefined;
  let best = dated[0] as (typeof dated)[number];
  for (const d of dated) {
    if (d.t.ms < best.t.ms || (d.t.ms === best.t.ms && (d.a.source < best.a.source || (d.a.source === best.a.source && d.a.id < best.a.id)))) best = d;
  }
  for (const d of dated) {
    if (d.a.source === best.a.source) continue;
    const byDay = d.t.precision === 'day' || best.t.precision === 'day';
    if (byDay ? Math.floor(d.t.ms / DAY_MS) === Math.floor(best.t.ms / DAY_MS) : d.t.ms === best.t.ms) return undefined;
  }
  return { date: best.a.date ?? '', published: isoText(best.t), source: best.a.source, article: best.a.id };
}

/**
 * When a story was first reported and by whom: the article with the earliest full date (see input/date.ts
 * for the formats read). Ties go to the smaller source name, then the smaller article id, so the answer does
 * not depend on input order. Dates without a zone are read as UTC, so two reports hours apart can come out
 * in the wrong order: approximate.
 */
import type { Article, FirstReport } from '../types.js';
import { parseDate } from '../input/date.js';

export function firstReport(articles: readonly Pick<Article, 'id' | 'source' | 'date'>[]): FirstReport | undefined {
  let best: { ms: number; a: Pick<Article, 'id' | 'source' | 'date'> } | undefined;
  for (const a of articles) {
    const t = parseDate(a.date);
    if (!t) continue;
    const earlier =
      !best || t.ms < best.ms || (t.ms === best.ms && (a.source < best.a.source || (a.source === best.a.source && a.id < best.a.id)));
    if (earlier) best = { ms: t.ms, a };
  }
  return best ? { date: best.a.date ?? '', source: best.a.source, article: best.a.id } : undefined;
}

/**
 * The facts × sources matrix of one story: a row per fact, a column per source, each cell saying whether the
 * source reports the fact, leaves it out, or reports it with a value another source contradicts. Pure data;
 * the terminal, Markdown and HTML views draw it their own way.
 */
import type { ReportArticle, Story } from '../types.js';
import { tellingArticles } from '../report/telling.js';

export type Cell = 'reported' | 'absent' | 'conflict';

export interface MatrixColumn {
  readonly source: string;
  /** The source's articles in this story, in story order. */
  readonly articles: readonly string[];
  /** Their letters (A, B, …), as every view labels a story's articles. */
  readonly labels: readonly string[];
  /**
   * Every article of the column is a teaser (`excerpt`: a feed's description): a fact it does not report may be
   * in the full article, so its "not reported" cells are no omissions. Views mark its header with {@link TEASER_MARK}.
   */
  readonly teaser: boolean;
}

export interface MatrixRow {
  readonly fact: string;
  /** The fact's number within the story ("8" for "s1-f8"). */
  readonly number: string;
  /** The fact as its first mention words it (story order), unshortened. */
  readonly text: string;
  readonly cells: readonly Cell[];
}

export interface Matrix {
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
}

/** Column letters for a story's articles: A, B, …, Z, AA, AB, … */
export function letter(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Letters by article id, in story order. */
export function storyLabels(story: Story): Map<string, string> {
  return new Map(story.articles.map((id, i) => [id, letter(i)]));
}

export function factNumber(fact: string): string {
  return fact.slice(fact.lastIndexOf('-f') + 2);
}

/** Columns follow `story.sources` (sorted); rows follow the story's fact order (reading order). */
export function storyMatrix(story: Story, articles: ReadonlyMap<string, ReportArticle>): Matrix {
  const labels = storyLabels(story);
  const sourceOf = (id: string): string => articles.get(id)?.source ?? id;
  const columns: MatrixColumn[] = story.sources.map((source) => {
    const ids = story.articles.filter((id) => sourceOf(id) === source);
    const teaser = ids.length > 0 && ids.every((id) => articles.get(id)?.excerpt === true);
    return { source, articles: ids, labels: ids.map((id) => labels.get(id) ?? '?'), teaser };
  });
  const conflicting = new Map<string, Set<string>>();
  // A conflict of the leads' tolls (Conflict.leads) has mentions in several facts: each marks its own fact's row.
  const factOf = story.conflicts.some((c) => c.leads) ? new Map(story.facts.flatMap((f) => f.mentions.map((m) => [`${m.article}\u0000${m.sentence}`, f.id] as const))) : undefined;
  for (const c of story.conflicts) {
    // A value an article gives as another outlet's puts it on no side (slots/citations.ts).
    const rows = factOf === undefined || !c.leads ? [[c.fact, c.values.filter((v) => v.cites === undefined).map((v) => v.article)] as const] : c.mentions.map((m) => [factOf.get(`${m.article}\u0000${m.sentence}`) ?? c.fact, [m.article]] as const);
    for (const [fact, ids] of rows) {
      const set = conflicting.get(fact) ?? new Set<string>();
      for (const id of ids) set.add(id);
      conflicting.set(fact, set);
    }
  }
  const order = new Map(story.articles.map((id, i) => [id, i]));
  const rows: MatrixRow[] = story.facts.map((f) => {
    const first = [...f.mentions].sort((x, y) => (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0) || x.sentence - y.sentence)[0];
    const against = conflicting.get(f.id);
    const telling = tellingArticles(f);
    const cells = columns.map((col): Cell => {
      if (col.articles.some((id) => against?.has(id))) return 'conflict';
      return col.articles.some((id) => telling.includes(id)) ? 'reported' : 'absent';
    });
    return { fact: f.id, number: factNumber(f.id), text: first?.text ?? '', cells };
  });
  return { columns, rows };
}

/** How every view marks the header of a teaser column (see {@link MatrixColumn.teaser}), after its letters. */
export const TEASER_MARK = '*';

/** The legend of {@link TEASER_MARK}, shown when a story's matrix has a teaser column. */
export const TEASER_LEGEND = 'teaser only: what it does not report may be in the full article';

/** One-word names for the cell states, for legends and accessible labels. */
export const CELL_WORDS: Readonly<Record<Cell, string>> = {
  reported: 'reported',
  absent: 'not reported',
  conflict: 'conflicting',
};

/**
 * Turn parsed files into articles: drop boilerplate lines, split the rest into sentences, name the source,
 * and give each article an id derived from its content (so renaming or moving files changes nothing).
 */
import type { Article, ParsedArticle, SourceOrigin, StoredArticle } from '../types.js';
import { hashString } from '../fingerprint/hash.js';
import { recurringLines } from './boilerplate.js';
import { cleanPacked, ownCopy, type PackedText } from './sentences.js';
import { unpacked } from './packed.js';
import { detectOutlet } from '../input/outlet.js';
import { cleanTextParallel } from '../parallel/clean.js';

export { sentencesOf } from './sentences.js';

/**
 * The outlet: metadata, else the URL's domain, else a dateline or credit line, else the file name (see
 * input/outlet.ts). Looks at the paragraphs before cleaning, because cleaning drops credit lines.
 */
export function sourceOf(article: ParsedArticle): { source: string; origin: SourceOrigin } {
  return detectOutlet(article.path, article.meta, article.paragraphs);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contentId(article: ParsedArticle): string {
  const h = hashString([article.title, ...article.paragraphs].join('\n'));
  return `a${h.toString(16).padStart(8, '0')}`;
}

interface Ordered {
  readonly p: ParsedArticle;
  readonly outlet: { source: string; origin: SourceOrigin };
  readonly base: string;
}

/**
 * The articles in id order, with the lines that recur across them. Ids are assigned in content order so that
 * duplicate files get suffixes independent of their names: copies of one text are ordered by their source and
 * metadata (so the "-2" goes to the same outlet whatever the files are called), and only then by path.
 */
function prepare(parsed: readonly ParsedArticle[]): { order: Ordered[]; recurring: Set<number> } {
  const order = parsed
    .map((p) => {
      const outlet = sourceOf(p);
      return { p, outlet, base: contentId(p), tie: JSON.stringify([outlet.source, p.meta]) };
    })
    .sort((x, y) => compare(x.base, y.base) || compare(x.tie, y.tie) || compare(x.p.path, y.p.path));
  return { order, recurring: recurringLines(parsed) };
}

/** The articles from their cleaned texts (`texts[i]` is that of `order[i]`); those with no sentence go to `empty`. */
function assemble(order: readonly Ordered[], texts: readonly PackedText[]): { articles: StoredArticle[]; empty: ParsedArticle[] } {
  const taken = new Map<string, number>();
  const articles: StoredArticle[] = [];
  const empty: ParsedArticle[] = [];
  order.forEach(({ p, outlet, base }, i) => {
    const { sentenceCount, text, dropped } = texts[i] as PackedText;
    if (sentenceCount === 0) {
      empty.push(p);
      return;
    }
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    const { source, origin } = outlet;
    articles.push({
      id: n === 1 ? base : `${base}-${n}`,
      path: p.path,
      source: ownCopy(source),
      sourceOrigin: origin,
      title: ownCopy(p.title),
      ...(p.meta.url ? { url: ownCopy(p.meta.url) } : {}),
      ...(p.meta.date ? { date: ownCopy(p.meta.date) } : {}),
      ...(p.meta.byline ? { byline: ownCopy(p.meta.byline) } : {}),
      dropped,
      sentenceCount,
      text,
    });
  });
  return { articles, empty };
}

/** Clean and segment every article, on this thread, with its sentences; articles left with none are returned separately. */
export function toArticles(parsed: readonly ParsedArticle[]): { articles: Article[]; empty: ParsedArticle[] } {
  const { order, recurring } = prepare(parsed);
  const { articles, empty } = assemble(order, order.map(({ p }) => cleanPacked(p, recurring)));
  return { articles: articles.map(unpacked), empty };
}

/**
 * {@link toArticles} with the cleaning on up to `jobs` threads (an integer ≥ 1), the sentences packed as the
 * pipeline keeps them; the same result for every `jobs`.
 */
export async function toArticlesParallel(parsed: readonly ParsedArticle[], jobs: number): Promise<{ articles: StoredArticle[]; empty: ParsedArticle[] }> {
  const { order, recurring } = prepare(parsed);
  return assemble(order, await cleanTextParallel(order.map(({ p }) => p), recurring, jobs));
}

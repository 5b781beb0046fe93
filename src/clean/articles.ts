/**
 * Turn parsed files into articles: drop boilerplate lines, split the rest into sentences, name the source,
 * and give each article an id derived from its content (so renaming or moving files changes nothing).
 */
import type { Article, DroppedLine, ParsedArticle, Sentence, SourceOrigin } from '../types.js';
import { countWords } from '../text/tokens.js';
import { hashString } from '../fingerprint/hash.js';
import { splitSentences } from '../text/segment.js';
import { cleanParagraphs, recurringLines } from './boilerplate.js';
import { detectOutlet } from '../input/outlet.js';

/**
 * The outlet: metadata, else the URL's domain, else a dateline or credit line, else the file name (see
 * input/outlet.ts). Looks at the paragraphs before cleaning, because cleaning drops credit lines.
 */
export function sourceOf(article: ParsedArticle): { source: string; origin: SourceOrigin } {
  return detectOutlet(article.path, article.meta, article.paragraphs);
}

/** Split paragraphs into sentences; fragments with fewer than two words ("(Reuters)", a stray symbol) are not news. */
export function sentencesOf(paragraphs: readonly string[], dropped: DroppedLine[] = []): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const span of splitSentences(p)) {
      const text = p.slice(span.start, span.end);
      if (countWords(text, 2) < 2) dropped.push({ text, reason: 'short' });
      else sentences.push({ index: sentences.length, paragraph, text });
    }
  });
  return sentences;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contentId(article: ParsedArticle): string {
  const h = hashString([article.title, ...article.paragraphs].join('\n'));
  return `a${h.toString(16).padStart(8, '0')}`;
}

/** Clean and segment every article; articles left with no sentence are returned separately. */
export function toArticles(parsed: readonly ParsedArticle[]): { articles: Article[]; empty: ParsedArticle[] } {
  const recurring = recurringLines(parsed);
  const taken = new Map<string, number>();
  const articles: Article[] = [];
  const empty: ParsedArticle[] = [];
  // Ids are assigned in content order so that duplicate files get suffixes independent of their names: copies
  // of one text are ordered by their source and metadata (so the "-2" goes to the same outlet whatever the
  // files are called), and only then by path.
  const order = parsed
    .map((p) => {
      const outlet = sourceOf(p);
      return { p, outlet, base: contentId(p), tie: JSON.stringify([outlet.source, p.meta]) };
    })
    .sort((x, y) => compare(x.base, y.base) || compare(x.tie, y.tie) || compare(x.p.path, y.p.path));
  for (const { p, outlet, base } of order) {
    const cleaned = cleanParagraphs(p, recurring);
    const dropped = [...cleaned.dropped];
    const sentences = sentencesOf(cleaned.paragraphs, dropped);
    if (sentences.length === 0) {
      empty.push(p);
      continue;
    }
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    const { source, origin } = outlet;
    articles.push({
      id: n === 1 ? base : `${base}-${n}`,
      path: p.path,
      source,
      sourceOrigin: origin,
      title: p.title,
      ...(p.meta.url ? { url: p.meta.url } : {}),
      ...(p.meta.date ? { date: p.meta.date } : {}),
      ...(p.meta.byline ? { byline: p.meta.byline } : {}),
      sentences,
      dropped,
    });
  }
  return { articles, empty };
}

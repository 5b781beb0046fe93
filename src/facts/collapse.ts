/**
 * Collapse identical sentences of a story before alignment. Republished copies (and wire text spliced into
 * several reports) repeat sentences word for word; aligning each repetition separately makes the facts stage
 * quadratic in the number of copies. Sentences whose text is identical up to runs of white space (and which
 * have at least one content term) become one item; the k-th occurrence of a text in an article joins the
 * item of the k-th occurrences, so an item never holds two sentences of one article.
 *
 * This changes no result by itself: identical sentences have identical vectors, and the item carries its
 * size and inner similarity so that linkage sees the same sums (see {@link averageLink}'s `sizes`).
 */
import type { StorySentence } from './align.js';

export interface Items {
  /** Sentence indices of each item, ascending; items are ordered by their first sentence. */
  readonly members: readonly (readonly number[])[];
  /** Article indices (in the story) of each item's members, in member order. */
  readonly articles: readonly (readonly number[])[];
}

/** The text two sentences must share to collapse: white space runs made one space, ends trimmed. */
export function collapseKey(text: string): string {
  return NOT_COLLAPSED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Found in a text that is not its own key: white space other than a space, two spaces, or a space at either end.
 * Most sentences are their own key; the regular-expression engine rules that out twice as fast as a loop over
 * the code units (2,068 stories of the 20,000-article bench corpus: 180–230 against 75–95 ms).
 */
const NOT_COLLAPSED = /[^\S ]|  |^ | $/;

/**
 * Group `sentences` (in story order) into items. `keys[i]` numbers sentence i's {@link collapseKey} (equal
 * keys, equal numbers, from 0 up). `collapsible(i)` says whether sentence i may share an item (false for a
 * sentence without content terms, whose vector is empty and which links to nothing).
 */
export function collapseSentences(sentences: readonly StorySentence[], keys: readonly number[], collapsible: (i: number) => boolean): Items {
  let distinct = 0;
  for (const k of keys) distinct = Math.max(distinct, k + 1);
  /** Per key, the items of its first, second, … occurrence in an article. */
  const byKey: (number[] | undefined)[] = new Array(distinct);
  /** Per key, its occurrences so far in the current article (the keys met there listed in `met`). */
  const seen = new Int32Array(distinct);
  const met: number[] = [];
  const members: number[][] = [];
  const articles: number[][] = [];
  let article = -1;
  sentences.forEach((s, i) => {
    if (s.article !== article) {
      article = s.article;
      for (const k of met) seen[k] = 0;
      met.length = 0;
    }
    if (!collapsible(i)) {
      members.push([i]);
      articles.push([s.article]);
      return;
    }
    const key = keys[i] as number;
    const occurrence = seen[key] as number;
    if (occurrence === 0) met.push(key);
    seen[key] = occurrence + 1;
    let list = byKey[key];
    if (!list) byKey[key] = list = [];
    const item = list[occurrence];
    if (item === undefined) {
      list.push(members.length);
      members.push([i]);
      articles.push([s.article]);
    } else {
      members[item]?.push(i);
      articles[item]?.push(s.article);
    }
  });
  return { members, articles };
}

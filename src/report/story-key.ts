/**
 * A story's key: an id that stays the same from run to run, where `s1`, `s2`, … are ranks that move whenever a
 * story gains a source. It is the id of the story's anchor article — its earliest dated article (then the
 * smallest id), or its smallest article id when none is dated. Article ids are content hashes, so the key holds
 * as long as that article stays in the story and no article dated before it joins: a pipeline that runs on a
 * growing feed (new articles come later) keeps its stories' keys.
 */
import type { Article } from '../types.js';
import { parseDate } from '../input/date.js';

export function storyKey(articles: readonly Pick<Article, 'id' | 'date'>[]): string {
  let key = '';
  let keyMs = Number.POSITIVE_INFINITY;
  for (const a of articles) {
    const ms = parseDate(a.date)?.ms ?? Number.POSITIVE_INFINITY;
    if (key === '' || ms < keyMs || (ms === keyMs && a.id < key)) {
      key = a.id;
      keyMs = ms;
    }
  }
  return key;
}

/**
 * Term counts of a story's sentences for fact alignment: what `contentTerms` and a fresh {@link Vocabulary}
 * give (ids numbered from 0 in order of first appearance), without building a string for most words (see
 * text/word-cache.ts): only a word not met before is stopped and stemmed.
 * The caches are per thread; they are emptied between stories once they pass their limits (a few MB).
 */
import { SequentialTermCounter, type TermCounts } from '../fingerprint/tfidf.js';
import { isContentWord, stem } from '../text/tokens.js';
import { nextWord, WordSpan } from '../text/words.js';
import { WordCache } from '../text/word-cache.js';

/** Past this many cached words or known terms, the caches are emptied before the next story. */
const MAX_CACHED = 1 << 17;
const MAX_TERMS = 1 << 17;

/** Each word met → its process-wide term (−1: not a content word). */
const words = new WordCache();
const termIndex = new Map<string, number>();
/** Story-local id of each process-wide term (-1: not in this story); reset after each story. */
let local = new Int32Array(1024).fill(-1);

/** Empties the caches when they are past their limits (between stories: ids only matter within one). */
function trim(): void {
  if (words.size < MAX_CACHED && termIndex.size < MAX_TERMS) return;
  words.clear();
  termIndex.clear();
  local = new Int32Array(1024).fill(-1);
}
const span = new WordSpan();
const counter = new SequentialTermCounter();

/** The process-wide term of a word (-1: not a content word). */
function termOfWord(word: string): number {
  if (!isContentWord(word)) return -1;
  const s = stem(word);
  let t = termIndex.get(s);
  if (t === undefined) {
    t = termIndex.size;
    termIndex.set(s, t);
  }
  return t;
}

/** The term of the word in `span`: from the cache, else worked out (and cached). */
const termAt = (text: string): number => words.lookup(text, span, termOfWord);

/**
 * The term counts of each text (content words stemmed, as `contentTerms`), with term ids numbered as a new
 * Vocabulary fed the texts' terms in order would number them; `terms` is how many there are.
 */
export function storyTermCounts(texts: readonly string[]): { counts: TermCounts[]; terms: number } {
  trim();
  const seen: number[] = [];
  try {
    const counts = texts.map((text) => {
      let i = 0;
      while (nextWord(text, i, span)) {
        i = span.end;
        const t = termAt(text);
        if (t < 0) continue;
        if (t >= local.length) {
          const grown = new Int32Array(Math.max(t + 1, 2 * local.length)).fill(-1);
          grown.set(local);
          local = grown;
        }
        let id = local[t] as number;
        if (id < 0) {
          id = local[t] = seen.length;
          seen.push(t);
        }
        counter.add(id);
      }
      return counter.finish();
    });
    return { counts, terms: seen.length };
  } finally {
    for (const t of seen) local[t] = -1;
    counter.finish(); // empty unless a text threw half-way
  }
}

/**
 * Term counts of a story's sentences for fact alignment: what `contentTerms` and a fresh {@link Vocabulary}
 * give (ids numbered from 0 in order of first appearance), without building a string for most words. Each
 * word is looked up by the FNV hash the scanner computes anyway and checked against the cached word's code
 * units; only a word not met before (or with apostrophes, or beyond ASCII) is cut out, stopped and stemmed.
 * The caches are per thread; they are emptied between stories once they pass their limits (a few MB).
 */
import { SequentialTermCounter, type TermCounts } from '../fingerprint/tfidf.js';
import { isContentWord, stem } from '../text/tokens.js';
import { nextWord, wordText, WordSpan, WIDE } from '../text/words.js';

/** Past this many cached words or known terms, the caches are emptied before the next story. */
const MAX_CACHED = 1 << 17;
const MAX_TERMS = 1 << 17;

/**
 * The word cache, open addressing over typed arrays: slot k holds at 4k the word's key + 1 (0: empty), its
 * term (an index into `termIndex`, or -1 for a word that is not a content word), and its code units' offset
 * and length in `pool`. Only plain words are cached: ASCII, lower-cased, no apostrophe, so a byte each.
 */
let slots = new Int32Array(4 << 14);
let used = 0;
let pool = new Uint8Array(1 << 18);
let poolSize = 0;
const termIndex = new Map<string, number>();
/** Story-local id of each process-wide term (-1: not in this story); reset after each story. */
let local = new Int32Array(1024).fill(-1);

/** Empties the caches when they are past their limits (between stories: ids only matter within one). */
function trim(): void {
  if (used < MAX_CACHED && termIndex.size < MAX_TERMS) return;
  slots = new Int32Array(4 << 14);
  used = 0;
  pool = new Uint8Array(1 << 18);
  poolSize = 0;
  termIndex.clear();
  local = new Int32Array(1024).fill(-1);
}
const span = new WordSpan();
const counter = new SequentialTermCounter();

/** Whether the span [start, end) of `text`, lower-cased, is the pooled word at `offset`. */
function sameWord(text: string, start: number, end: number, offset: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== pool[offset + i - start]) return false;
  }
  return true;
}

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

/** Doubles the table, re-placing every word. */
function grow(): void {
  const old = slots;
  slots = new Int32Array(old.length * 2);
  const mask = slots.length / 4 - 1;
  for (let k = 0; k < old.length; k += 4) {
    const key = old[k] as number;
    if (key === 0) continue;
    let at = (key - 1) & mask;
    while (slots[4 * at] !== 0) at = (at + 1) & mask;
    slots.set(old.subarray(k, k + 4), 4 * at);
  }
}

/** Adds the word at slot `at` (empty) with its term. */
function cache(at: number, key: number, word: string, term: number): void {
  if (poolSize + word.length > pool.length) {
    const bigger = new Uint8Array(Math.max(2 * pool.length, poolSize + word.length));
    bigger.set(pool);
    pool = bigger;
  }
  for (let i = 0; i < word.length; i++) pool[poolSize + i] = word.charCodeAt(i);
  slots[4 * at] = key + 1;
  slots[4 * at + 1] = term;
  slots[4 * at + 2] = poolSize;
  slots[4 * at + 3] = word.length;
  poolSize += word.length;
  if (++used * 2 > slots.length / 4) grow();
}

/** The term of the word in `span`: from the cache when its code units match, else worked out (and cached). */
function termAt(text: string): number {
  // A plain word (ASCII, no apostrophe nor possessive skipped) is its code units lower-cased.
  const length = span.length;
  if ((span.flags & WIDE) !== 0 || span.end - span.start !== length) return termOfWord(wordText(text, span));
  const key = (span.fnv ^ length) & 0x3fffffff;
  const mask = slots.length / 4 - 1;
  let at = key & mask;
  for (;;) {
    const k = slots[4 * at] as number;
    if (k === 0) break;
    if (k === key + 1 && slots[4 * at + 3] === length && sameWord(text, span.start, span.end, slots[4 * at + 2] as number)) return slots[4 * at + 1] as number;
    at = (at + 1) & mask;
  }
  const word = wordText(text, span);
  const term = termOfWord(word);
  cache(at, key, word, term);
  return term;
}

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

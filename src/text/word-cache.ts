/**
 * A cache from words, as {@link nextWord} finds them, to a number (a term id, say). A plain word is looked up
 * without building its string: by the FNV hash the scanner computes anyway, then checked against the cached
 * word's code units. Plain: ASCII, no joining apostrophe (a possessive "'s" is outside the word), so the word is
 * its span's code units lower-cased, a byte each. Other words (few) are cut out and looked up by their string.
 */
import { wordText, WordSpan, WIDE, JOINED } from './words.js';

/** What {@link WordCache.get} gives for a word it does not hold (cached values are ≥ −1). */
export const MISS = -2;

export class WordCache {
  /** Words that are not plain, by their string. */
  readonly #others = new Map<string, number>();
  /** Slot k holds at 4k the word's key + 1 (0: empty), its value, and its code units' offset and length in the pool. */
  #slots = new Int32Array(4 << 14);
  #used = 0;
  #pool = new Uint8Array(1 << 18);
  #poolSize = 0;

  /** `limit`: words past which new ones are worked out but no longer cached. */
  constructor(readonly limit = Infinity) {}

  /** How many words are cached. */
  get size(): number {
    return this.#used + this.#others.size;
  }

  /**
   * The value of the span's word in `text`: the cached one, else `valueOf(word)` (≥ −1) of the word cut out of
   * the text ({@link wordText}), cached while the cache holds fewer than {@link limit} words.
   */
  lookup(text: string, span: WordSpan, valueOf: (word: string) => number): number {
    if (!WordCache.plain(span)) {
      const word = wordText(text, span);
      let value = this.#others.get(word);
      if (value === undefined) {
        value = valueOf(word);
        if (this.size < this.limit) this.#others.set(word, value);
      }
      return value;
    }
    const cached = this.get(text, span);
    if (cached !== MISS) return cached;
    const value = valueOf(wordText(text, span));
    if (this.size < this.limit) this.set(text, span, value);
    return value;
  }

  /** Whether the span's word can be cached (see the file comment). */
  static plain(span: WordSpan): boolean {
    return (span.flags & (WIDE | JOINED)) === 0;
  }

  /** The value of the span's word in `text`, or {@link MISS}. */
  get(text: string, span: WordSpan): number {
    if (!WordCache.plain(span)) return MISS;
    const slots = this.#slots;
    const length = span.length;
    const key = (span.fnv ^ length) & 0x3fffffff;
    const mask = slots.length / 4 - 1;
    for (let at = key & mask; ; at = (at + 1) & mask) {
      const k = slots[4 * at] as number;
      if (k === 0) return MISS;
      if (k === key + 1 && slots[4 * at + 3] === length && this.#same(text, span.start, length, slots[4 * at + 2] as number)) return slots[4 * at + 1] as number;
    }
  }

  /** Caches `value` (≥ −1) for the span's word in `text`, which must not be cached yet; other than plain words are ignored. */
  set(text: string, span: WordSpan, value: number): void {
    if (!WordCache.plain(span)) return;
    const length = span.length;
    const key = (span.fnv ^ length) & 0x3fffffff;
    const mask = this.#slots.length / 4 - 1;
    let at = key & mask;
    while (this.#slots[4 * at] !== 0) at = (at + 1) & mask;
    if (this.#poolSize + length > this.#pool.length) {
      const bigger = new Uint8Array(Math.max(2 * this.#pool.length, this.#poolSize + length));
      bigger.set(this.#pool);
      this.#pool = bigger;
    }
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(span.start + i);
      this.#pool[this.#poolSize + i] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    const slots = this.#slots;
    slots[4 * at] = key + 1;
    slots[4 * at + 1] = value;
    slots[4 * at + 2] = this.#poolSize;
    slots[4 * at + 3] = length;
    this.#poolSize += length;
    if (++this.#used * 2 > slots.length / 4) this.#grow();
  }

  /** Empties the cache (and gives back its grown tables). */
  clear(): void {
    this.#others.clear();
    this.#slots = new Int32Array(4 << 14);
    this.#used = 0;
    this.#pool = new Uint8Array(1 << 18);
    this.#poolSize = 0;
  }

  /** Whether the `length` code units of `text` from `start`, lower-cased, are the pooled word at `offset`. */
  #same(text: string, start: number, length: number, offset: number): boolean {
    const pool = this.#pool;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(start + i);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== pool[offset + i]) return false;
    }
    return true;
  }

  /** Doubles the table, re-placing every word. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 4 - 1;
    for (let k = 0; k < old.length; k += 4) {
      const key = old[k] as number;
      if (key === 0) continue;
      let at = (key - 1) & mask;
      while (slots[4 * at] !== 0) at = (at + 1) & mask;
      slots.set(old.subarray(k, k + 4), 4 * at);
    }
    this.#slots = slots;
  }
}

/**
 * Word hashes without word strings: for each word `tokenize` would return, `hashString(word)`, computed from
 * the text's code units as the word scanner finds them. What signatures and shingle sets are built from.
 */
import { nextWord, WIDE, wordText, WordSpan } from '../text/words.js';
import { hashString, mix32 } from './hash.js';

/** A growable list of 32-bit hashes, cleared and refilled per article so hashing allocates nothing per word. */
export class HashList {
  #data = new Uint32Array(1024);
  #length = 0;

  push(h: number): void {
    if (this.#length === this.#data.length) {
      const grown = new Uint32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#length++] = h;
  }

  clear(): void {
    this.#length = 0;
  }

  /** The hashes pushed since the last clear: a view, valid until the next push or clear. */
  view(): Uint32Array {
    return this.#data.subarray(0, this.#length);
  }
}

const span = new WordSpan();

/**
 * Append `hashString(t.word)` for every token `t` of `tokenize(text)`, in order, to `out`. ASCII words are
 * hashed in place; a word with other code units goes through its lower-cased string, since lower-casing it
 * can change its length ("İ" → "i̇") or depend on context (Greek final sigma).
 */
export function wordHashes(text: string, out: HashList): void {
  let i = 0;
  while (nextWord(text, i, span)) {
    i = span.end;
    out.push(span.flags & WIDE ? hashString(wordText(text, span)) : mix32(span.fnv ^ span.length));
  }
}

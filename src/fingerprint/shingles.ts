import { combine, mix32 } from './hash.js';

/** Largest shingle width accepted by {@link shingles}. */
export const MAX_SHINGLE_WIDTH = 16;

/**
 * Hash every run of `k` consecutive word hashes (word `k`-shingles) to one 32-bit value each.
 *
 * - `k` must be an integer in [1, 16].
 * - `n >= k` words give `n - k + 1` shingles, in document order (duplicates kept; MinHash ignores them).
 * - `0 < n < k` words give one shingle of all the words, so short texts still have a fingerprint.
 * - No words give an empty array.
 *
 * Distinct shingles collide with probability about 2^-32 per pair, which is what makes the later Jaccard
 * estimates approximate even before MinHash.
 */
export function shingles(wordHashes: Uint32Array, k: number): Uint32Array {
  if (!Number.isInteger(k) || k < 1 || k > MAX_SHINGLE_WIDTH) {
    throw new RangeError(`shingle width k must be an integer in [1, ${MAX_SHINGLE_WIDTH}], got ${k}`);
  }
  const n = wordHashes.length;
  if (n === 0) return new Uint32Array(0);
  const width = Math.min(k, n);
  const out = new Uint32Array(n - width + 1);
  for (let start = 0; start < out.length; start++) {
    let h = width;
    for (let j = start; j < start + width; j++) h = combine(h, wordHashes[j] ?? 0);
    out[start] = mix32(h ^ width);
  }
  return out;
}

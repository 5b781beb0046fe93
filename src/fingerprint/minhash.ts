import { mix32 } from './hash.js';

export const DEFAULT_PERMUTATIONS = 128;
export const MIN_PERMUTATIONS = 8;
export const MAX_PERMUTATIONS = 1024;
export const DEFAULT_SEED = 1;

/** Value of every signature slot for an empty set (no shingle can beat it). */
export const EMPTY_SLOT = 0xffffffff;

export interface MinHasherOptions {
  /** Signature length, an integer in [8, 1024]; default 128. */
  readonly permutations?: number;
  /** Selects the hash functions, an integer in [0, 2^32 - 1]; default 1. */
  readonly seed?: number;
}

const GOLDEN = 0x9e3779b9;

/**
 * MinHash signatures of sets of 32-bit shingle hashes.
 *
 * Each input value is first scrambled once with a seed-keyed {@link mix32}, so structured inputs (small or
 * consecutive integers) behave like random ones; then permutation `i` is `x -> (a_i * x + b_i) mod 2^32`
 * with odd `a_i`, a bijection on 32-bit values, and slot `i` of the signature keeps the minimum. Every
 * `a_i`, `b_i` and the scramble key are derived from the seed, so equal seeds give equal signatures.
 *
 * Approximate: the fraction of equal slots in two signatures estimates the Jaccard similarity of the two
 * sets with a standard error of about `sqrt(J(1 - J) / permutations)` (0.044 at J = 0.5 with 128
 * permutations). Two different shingles that hash to the same 32-bit value count as one.
 */
export class MinHasher {
  readonly permutations: number;
  readonly seed: number;
  readonly #a: Int32Array;
  readonly #b: Int32Array;
  readonly #key: number;
  #scratch = new Uint32Array(1024);

  constructor(opts: MinHasherOptions = {}) {
    const permutations = opts.permutations ?? DEFAULT_PERMUTATIONS;
    const seed = opts.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(permutations) || permutations < MIN_PERMUTATIONS || permutations > MAX_PERMUTATIONS) {
      throw new RangeError(
        `permutations must be an integer in [${MIN_PERMUTATIONS}, ${MAX_PERMUTATIONS}], got ${permutations}`,
      );
    }
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 4294967295], got ${seed}`);
    }
    this.permutations = permutations;
    this.seed = seed;
    this.#a = new Int32Array(permutations);
    this.#b = new Int32Array(permutations);
    // A Weyl sequence through mix32 (splitmix-style) gives well-spread, seed-determined parameters.
    let state = mix32(seed ^ 0x5bd1e995);
    this.#key = state;
    for (let i = 0; i < permutations; i++) {
      state = (state + GOLDEN) | 0;
      this.#a[i] = mix32(state) | 1;
      state = (state + GOLDEN) | 0;
      this.#b[i] = mix32(state);
    }
  }

  /**
   * The signature of the set of values in `shingles` (order and duplicates do not matter): a new
   * `Uint32Array` of length `permutations`. An empty input gives all slots `0xFFFFFFFF`.
   */
  signature(shingles: Uint32Array): Uint32Array {
    const n = shingles.length;
    if (this.#scratch.length < n) this.#scratch = new Uint32Array(Math.max(n, this.#scratch.length * 2));
    const xs = this.#scratch;
    const key = this.#key;
    for (let j = 0; j < n; j++) xs[j] = mix32((shingles[j] ?? 0) ^ key);

    // Permutations outer, shingles inner: the running minima stay in registers. Eight permutations per pass over
    // the shingles (then one at a time for the rest) read each shingle once for eight; measured ~1.8× faster than
    // one per pass, and one per pass about twice as fast as shingles outer (signature read and written per shingle).
    const a = this.#a;
    const b = this.#b;
    const sig = new Uint32Array(this.permutations);
    let i = 0;
    for (; i + 8 <= sig.length; i += 8) {
      const a0 = a[i] as number;
      const a1 = a[i + 1] as number;
      const a2 = a[i + 2] as number;
      const a3 = a[i + 3] as number;
      const a4 = a[i + 4] as number;
      const a5 = a[i + 5] as number;
      const a6 = a[i + 6] as number;
      const a7 = a[i + 7] as number;
      const b0 = b[i] as number;
      const b1 = b[i + 1] as number;
      const b2 = b[i + 2] as number;
      const b3 = b[i + 3] as number;
      const b4 = b[i + 4] as number;
      const b5 = b[i + 5] as number;
      const b6 = b[i + 6] as number;
      const b7 = b[i + 7] as number;
      // Literals, not EMPTY_SLOT: V8 does not fold the module constant, and the loop ran ~45% slower.
      let m0 = 0xffffffff;
      let m1 = 0xffffffff;
      let m2 = 0xffffffff;
      let m3 = 0xffffffff;
      let m4 = 0xffffffff;
      let m5 = 0xffffffff;
      let m6 = 0xffffffff;
      let m7 = 0xffffffff;
      for (let j = 0; j < n; j++) {
        const x = xs[j] as number;
        let h = (Math.imul(a0, x) + b0) >>> 0;
        if (h < m0) m0 = h;
        h = (Math.imul(a1, x) + b1) >>> 0;
        if (h < m1) m1 = h;
        h = (Math.imul(a2, x) + b2) >>> 0;
        if (h < m2) m2 = h;
        h = (Math.imul(a3, x) + b3) >>> 0;
        if (h < m3) m3 = h;
        h = (Math.imul(a4, x) + b4) >>> 0;
        if (h < m4) m4 = h;
        h = (Math.imul(a5, x) + b5) >>> 0;
        if (h < m5) m5 = h;
        h = (Math.imul(a6, x) + b6) >>> 0;
        if (h < m6) m6 = h;
        h = (Math.imul(a7, x) + b7) >>> 0;
        if (h < m7) m7 = h;
      }
      sig[i] = m0;
      sig[i + 1] = m1;
      sig[i + 2] = m2;
      sig[i + 3] = m3;
      sig[i + 4] = m4;
      sig[i + 5] = m5;
      sig[i + 6] = m6;
      sig[i + 7] = m7;
    }
    for (; i < sig.length; i++) {
      const ai = a[i] as number;
      const bi = b[i] as number;
      let min = 0xffffffff;
      for (let j = 0; j < n; j++) {
        const h = (Math.imul(ai, xs[j] as number) + bi) >>> 0;
        if (h < min) min = h;
      }
      sig[i] = min;
    }
    return sig;
  }
}

/**
 * Estimated Jaccard similarity of the sets behind two signatures: the fraction of slots that are equal.
 * Both must come from the same {@link MinHasher} (same permutations and seed); a bare array does not record
 * its seed, so only the length can be checked, and a length mismatch throws. Two empty signatures give 1.
 * Approximate; see {@link MinHasher} for the error.
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new RangeError(
      `cannot compare signatures of different lengths (${a.length} and ${b.length}): ` +
        'they come from MinHashers with different permutations',
    );
  }
  if (a.length === 0) return 1;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

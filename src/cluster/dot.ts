/**
 * Cosines of one L2-normalised sparse vector against many: the row vector is scattered into a dense array
 * once, then each other vector costs one pass over its own terms. Gives exactly the value of
 * {@link cosine} in `fingerprint/tfidf.ts` (the same float32 products, added in the same increasing term
 * order), so swapping one for the other changes no result.
 */
import type { SparseVector } from '../types.js';

export class DenseRow {
  readonly #dense: Float32Array;
  #row: SparseVector | undefined;

  /** `dimensions`: one more than the largest term id of any vector passed in. */
  constructor(dimensions: number) {
    this.#dense = new Float32Array(dimensions);
  }

  /** Make `v` the row vector (clears the previous one). */
  load(v: SparseVector): void {
    const dense = this.#dense;
    if (this.#row) for (const t of this.#row.terms) dense[t] = 0;
    v.terms.forEach((t, i) => (dense[t] = v.weights[i] ?? 0));
    this.#row = v;
  }

  /** Cosine of the row vector with `v`. */
  cosine(v: SparseVector): number {
    const dense = this.#dense;
    const terms = v.terms;
    const weights = v.weights;
    let dot = 0;
    for (let j = 0; j < terms.length; j++) {
      const x = dense[terms[j] as number] as number;
      if (x !== 0) dot += x * (weights[j] as number);
    }
    return dot;
  }
}

/** One more than the largest term id in `vectors` (0 for none). */
export function dimensionsOf(vectors: readonly SparseVector[]): number {
  let max = -1;
  for (const v of vectors) if (v.terms.length > 0) max = Math.max(max, v.terms[v.terms.length - 1] ?? 0);
  return max + 1;
}

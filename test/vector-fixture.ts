/** Literal vectors as a table (what fingerprints give the scan), for tests that make vectors by hand. */
import type { VectorTable } from '../src/fingerprint/vector-table.js';
import type { SparseVector } from '../src/types.js';

export function tableOf(vectors: readonly SparseVector[]): VectorTable {
  const start = new Int32Array(vectors.length + 1);
  vectors.forEach((v, i) => (start[i + 1] = (start[i] as number) + v.terms.length));
  const terms = new Int32Array(start[vectors.length] as number);
  const weights = new Float32Array(terms.length);
  vectors.forEach((v, i) => {
    terms.set(v.terms, start[i]);
    weights.set(v.weights, start[i]);
  });
  return { start, terms, weights };
}

/**
 * Candidate pairs for story clustering without comparing every article with every other: articles that share
 * one of their top-weighted terms. Terms held by more than `maxPosting` articles are too common to say
 * anything and are passed over, which keeps the cost near-linear; this is approximate (a pair whose only
 * shared top terms are that common is missed) and is meant to be confirmed with the real similarity.
 */
import type { SparseVector } from '../types.js';
import { topTerms } from '../fingerprint/tfidf.js';

export interface CandidateOptions {
  /** How many of each article's highest-weighted terms to index, in [1, 200]. */
  readonly topTerms: number;
  /** Posting lists longer than this are skipped, in [2, ∞). */
  readonly maxPosting: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { topTerms: 24, maxPosting: 2000 };

/**
 * The top-term inverted index in compressed rows: documents of term slot `k` are `docs[start[k] .. start[k+1])`.
 * Plain typed arrays, so it can be shared with worker threads.
 */
export interface TopIndex {
  /** Per document, its indexed term slots: `slots[slotStart[d] .. slotStart[d+1])`. */
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly start: Int32Array;
  readonly docs: Int32Array;
}

export function topIndex(vectors: readonly SparseVector[], k: number): TopIndex {
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  const slotStart = new Int32Array(vectors.length + 1);
  const perDoc: number[] = [];
  vectors.forEach((v, d) => {
    for (const t of topTerms(v, k)) {
      let s = slotOf.get(t);
      if (s === undefined) slotOf.set(t, (s = counts.push(0) - 1));
      counts[s] = (counts[s] ?? 0) + 1;
      perDoc.push(s);
    }
    slotStart[d + 1] = perDoc.length;
  });
  const start = new Int32Array(counts.length + 1);
  counts.forEach((c, s) => (start[s + 1] = (start[s] ?? 0) + c));
  const fill = start.slice(0, counts.length);
  const docs = new Int32Array(perDoc.length);
  for (let d = 0; d < vectors.length; d++) {
    for (let i = slotStart[d] ?? 0; i < (slotStart[d + 1] ?? 0); i++) {
      const s = perDoc[i] ?? 0;
      docs[fill[s] ?? 0] = d;
      fill[s] = (fill[s] ?? 0) + 1;
    }
  }
  return { slotStart, slots: Int32Array.from(perDoc), start, docs };
}

/**
 * Calls `visit(a, partners)` for every article `from ≤ a < to` in increasing order, with the sorted articles
 * `b > a` that share one of its indexed top terms (the `partners` array is reused between calls; copy it to
 * keep it). Row by row on typed arrays, so no pair set of the whole corpus is ever held, and row ranges can be
 * scanned on different threads.
 */
export function candidateRows(
  index: TopIndex,
  maxPosting: number,
  from: number,
  to: number,
  visit: (a: number, partners: Int32Array) => void,
): void {
  const n = index.slotStart.length - 1;
  const seen = new Int32Array(n).fill(-1);
  let buffer = new Int32Array(1024);
  for (let a = from; a < to; a++) {
    let count = 0;
    for (let i = index.slotStart[a] ?? 0; i < (index.slotStart[a + 1] ?? 0); i++) {
      const s = index.slots[i] ?? 0;
      const first = index.start[s] ?? 0;
      const last = index.start[s + 1] ?? 0;
      if (last - first < 2 || last - first > maxPosting) continue;
      for (let j = last - 1; j >= first; j--) {
        const b = index.docs[j] ?? 0;
        if (b <= a) break; // posting lists are in increasing document order
        if (seen[b] === a) continue;
        seen[b] = a;
        if (count === buffer.length) {
          const grown = new Int32Array(buffer.length * 2);
          grown.set(buffer);
          buffer = grown;
        }
        buffer[count++] = b;
      }
    }
    if (count > 0) visit(a, buffer.subarray(0, count).sort());
  }
}

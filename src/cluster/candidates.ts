/**
 * Candidate pairs for story clustering without comparing every article with every other: articles whose shared
 * top-weighted terms are evidence enough. A top term of at most `shortPosting` articles is enough on its own;
 * a commoner one (a place, a kind of event, held by hundreds of articles on a large feed) only with a second
 * shared top term; one of more than `longPosting` articles counts half as much again, and terms of more than
 * `maxPosting` articles are passed over. Approximate (a pair sharing only common top terms is missed), and meant
 * to be confirmed with the real similarity.
 *
 * Why: pairs sharing only common terms come from lists whose length grows with the corpus, so they grow with its
 * square. Measured (B-cubed F1 of stories; docs/performance.md): on ECB+ dev every list is shorter than 50 and
 * the stories are those of "any shared top term". On the bench corpora, two shared terms instead of one gave
 * 4.5 million candidate pairs instead of 31.4 million at 20,000 articles for F1 0.8889 instead of 0.8904; the
 * half weight of lists over 400 then took 100,000 articles from 86 million pairs to 8.2 million, F1 0.872 →
 * 0.860, while at 20,000 F1 went to 0.891. */
import { rowCount, type VectorTable } from '../fingerprint/vector-table.js';
import { grown } from '../util/typed.js';

export interface CandidateOptions {
  /** How many of each article's highest-weighted terms to index, in [1, 200]. */
  readonly topTerms: number;
  /** Posting lists longer than this are skipped, in [2, ∞). */
  readonly maxPosting: number;
  /** A shared top term held by at most this many articles makes a candidate alone; longer lists need two shared. */
  readonly shortPosting: number;
  /** A shared top term held by more than this many articles counts half as much again (four make a candidate). */
  readonly longPosting: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { topTerms: 24, maxPosting: 2000, shortPosting: 25, longPosting: 400 };

/** The posting-list limits of {@link candidateRows}. */
export type PostingLimits = Pick<CandidateOptions, 'maxPosting' | 'shortPosting' | 'longPosting'>;

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

/**
 * The index of each row's `k` top terms (as `topTerms` in fingerprint/tfidf.ts picks and orders them), slots numbered in order of
 * first appearance; with `representatives` (fingerprint/copy-weights.ts), only of the rows that are their own. On typed arrays only: built on this thread alone before the story scan starts (no Map lookup
 * a term, no array of numbers grown, no vector views a row).
 */
export function topIndex(vectors: VectorTable, k: number, representatives?: Int32Array): TopIndex {
  const n = rowCount(vectors);
  const { start: rows, terms, weights } = vectors;
  let dimensions = 0;
  for (let j = 0; j < terms.length; j++) if ((terms[j] as number) >= dimensions) dimensions = (terms[j] as number) + 1;
  const slotOf = new Int32Array(dimensions).fill(-1);
  let counts = new Int32Array(1024);
  let slotCount = 0;
  const slotStart = new Int32Array(n + 1);
  let perDoc = new Int32Array(Math.min(n * k, terms.length));
  let used = 0;
  const best = new Int32Array(k);
  for (let d = 0; d < n; d++) {
    // A copy that is not its group's first article is indexed under no term: it is no one's candidate, nor has any.
    const found = representatives !== undefined && representatives[d] !== d ? 0 : topOfRow(terms, weights, rows[d] as number, rows[d + 1] as number, best);
    for (let r = 0; r < found; r++) {
      const t = terms[best[r] as number] as number;
      let s = slotOf[t] as number;
      if (s < 0) {
        if (slotCount === counts.length) counts = grown(counts);
        s = slotOf[t] = slotCount++;
      }
      counts[s] = (counts[s] as number) + 1;
      if (used === perDoc.length) perDoc = grown(perDoc);
      perDoc[used++] = s;
    }
    slotStart[d + 1] = used;
  }
  const start = new Int32Array(slotCount + 1);
  for (let s = 0; s < slotCount; s++) start[s + 1] = (start[s] as number) + (counts[s] as number);
  const fill = start.slice(0, slotCount);
  const docs = new Int32Array(used);
  for (let d = 0; d < n; d++) {
    for (let i = slotStart[d] as number; i < (slotStart[d + 1] as number); i++) {
      const s = perDoc[i] as number;
      docs[fill[s] as number] = d;
      fill[s] = (fill[s] as number) + 1;
    }
  }
  return { slotStart, slots: perDoc.slice(0, used), start, docs };
}

/**
 * `topTerms` of the row `[from, to)`: the positions of its (at most `best.length`) highest weights, the higher
 * first, ties by the smaller term, written to `best`; returns how many.
 */
function topOfRow(terms: ArrayLike<number>, weights: Float32Array, from: number, to: number, best: Int32Array): number {
  const k = best.length;
  let found = 0;
  for (let i = from; i < to; i++) {
    const w = weights[i] as number;
    const t = terms[i] as number;
    // `before(i, j)`: a higher weight, or the same weight and a smaller term.
    if (found === k) {
      const last = best[k - 1] as number;
      const lw = weights[last] as number;
      if (!(w > lw || (w === lw && t < (terms[last] as number)))) continue;
    }
    let at = found < k ? found++ : k - 1;
    for (; at > 0; at--) {
      const prev = best[at - 1] as number;
      const pw = weights[prev] as number;
      if (!(w > pw || (w === pw && t < (terms[prev] as number)))) break;
      best[at] = prev;
    }
    best[at] = i;
  }
  return found;
}

/**
 * Calls `visit(a, partners)` for every article `from ≤ a < to` in increasing order, with the sorted articles
 * `b > a` that are its candidates (see the top of this file: a shared top term of a short list, or two shared
 * top terms; the `partners` array is reused between calls; copy it to keep it). Row by row on typed arrays, so
 * no pair set of the whole corpus is ever held, and row ranges can be scanned on different threads.
 */
export function candidateRows(
  index: TopIndex,
  limits: PostingLimits,
  from: number,
  to: number,
  visit: (a: number, partners: Int32Array) => void,
): void {
  const n = index.slotStart.length - 1;
  const row = new Int32Array(n).fill(-1);
  // Evidence per partner in this row: 4 for a shared short list, 2 for a longer one, 1 for a long one; 4 makes a
  // candidate.
  const evidence = new Uint8Array(n);
  let touched = new Int32Array(1024);
  let partners = new Int32Array(1024);
  for (let a = from; a < to; a++) {
    let count = 0;
    for (let i = index.slotStart[a] ?? 0; i < (index.slotStart[a + 1] ?? 0); i++) {
      const s = index.slots[i] ?? 0;
      const first = index.start[s] ?? 0;
      const last = index.start[s + 1] ?? 0;
      if (last - first < 2 || last - first > limits.maxPosting) continue;
      const length = last - first;
      const weight = length <= limits.shortPosting ? 4 : length <= limits.longPosting ? 2 : 1;
      for (let j = last - 1; j >= first; j--) {
        const b = index.docs[j] ?? 0;
        if (b <= a) break; // posting lists are in increasing document order
        if (row[b] !== a) {
          row[b] = a;
          evidence[b] = 0;
          if (count === touched.length) touched = grown(touched);
          touched[count++] = b;
        }
        evidence[b] = Math.min(4, (evidence[b] ?? 0) + weight);
      }
    }
    let kept = 0;
    if (partners.length < count) partners = new Int32Array(touched.length);
    for (let t = 0; t < count; t++) {
      const b = touched[t] as number;
      if (evidence[b] === 4) partners[kept++] = b;
    }
    if (kept > 0) visit(a, partners.subarray(0, kept).sort());
  }
}

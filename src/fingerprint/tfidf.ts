/**
 * TF-IDF over sparse typed arrays. Terms are interned to integer ids; a document is a sorted list of term ids
 * with counts; a vector is (1 + ln tf) × idf, L2-normalised, so the dot product of two vectors is their cosine.
 */
import type { SparseVector } from '../types.js';
import { grown } from '../util/typed.js';

/** Interns term strings to dense integer ids. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  lookup(term: string): number | undefined {
    return this.ids.get(term);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Every term, by id. */
  terms(): string[] {
    return [...this.ids.keys()];
  }
}

/** Term counts of one document: sorted unique term ids and their (possibly weighted) counts. */
export interface TermCounts {
  readonly ids: Uint32Array;
  readonly counts: Float32Array;
}

/** Count weighted term occurrences; `weight` lets a headline count more than a body sentence. */
export class TermCounter {
  private readonly counts = new Map<number, number>();

  add(id: number, weight = 1): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + weight);
  }

  finish(): TermCounts {
    const ids = Uint32Array.from(this.counts.keys()).sort();
    const counts = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) counts[i] = this.counts.get(ids[i] as number) ?? 0;
    return { ids, counts };
  }
}

/**
 * A {@link TermCounter} for many documents counted one after another (one per {@link finish}): the sums sit in
 * one dense array indexed by term id, grown as ids grow, so counting a word is an array update rather than a
 * map update. Gives exactly what a new TermCounter per document gives.
 */
export class SequentialTermCounter {
  #sums = new Float64Array(1024);
  #seen = new Uint8Array(1024);
  /**
   * The terms added since the last finish, in order: `#ids[0 .. #count)`. A typed array, so that finishing copies
   * it out in one piece (twice as fast as `Uint32Array.from` of an array of numbers, which the facts stage paid
   * once a sentence).
   */
  #ids = new Uint32Array(256);
  #count = 0;

  add(id: number, weight = 1): void {
    if (id >= this.#sums.length) this.#grow(id);
    if (this.#seen[id] === 0) {
      this.#seen[id] = 1;
      if (this.#count === this.#ids.length) this.#ids = grown(this.#ids);
      this.#ids[this.#count++] = id;
    }
    this.#sums[id] = (this.#sums[id] as number) + weight;
  }

  /**
   * The terms added since the last finish in the order they were first added, with their sums (not rounded to
   * float32); clears them like {@link finish}. For counts made against one vocabulary and renumbered against
   * another (parallel/signatures.ts).
   */
  finishInOrder(): { readonly ids: Uint32Array; readonly sums: Float64Array } {
    const ids = this.#ids.slice(0, this.#count);
    return { ids, sums: this.#take(ids, new Float64Array(ids.length)) };
  }

  /** The counts of the terms added since the last finish, which this clears. */
  finish(): TermCounts {
    const ids = this.#ids.slice(0, this.#count).sort();
    return { ids, counts: this.#take(ids, new Float32Array(ids.length)) };
  }

  /** Move the sums of `ids` (every term added since the last finish) into `out`, and clear them. */
  #take<T extends Float32Array | Float64Array>(ids: Uint32Array, out: T): T {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      out[i] = this.#sums[id] as number;
      this.#sums[id] = 0;
      this.#seen[id] = 0;
    }
    this.#count = 0;
    return out;
  }

  #grow(id: number): void {
    const size = Math.max(id + 1, this.#sums.length * 2);
    const sums = new Float64Array(size);
    sums.set(this.#sums);
    const seen = new Uint8Array(size);
    seen.set(this.#seen);
    this.#sums = sums;
    this.#seen = seen;
  }
}

/** Document frequencies: in how many documents each term id occurs. */
export function documentFrequencies(docs: readonly TermCounts[], vocabularySize: number): Uint32Array {
  const df = new Uint32Array(vocabularySize);
  for (const d of docs) for (const id of d.ids) df[id] = (df[id] ?? 0) + 1;
  return df;
}

/**
 * Smoothed idf: ln((N + B + 1) / (df + 1)) + 1, where N is the number of documents and B (`priorDocuments`, ≥ 0)
 * a number of imagined documents that hold none of the terms. The +1s keep it positive, so that a word shared by
 * every document of a small folder (N = 2, df = 2, B = 0) still weighs 1 rather than 0.
 *
 * B is a prior: (df + 1) / (N + B + 1) is the mean of a term's document rate under a Beta(1, B) prior updated by
 * the folder's counts, so a term not seen yet is taken to be in about one document in B + 1 and it takes about B
 * documents of evidence to believe that a term is common. With B = 0 the folder is all the evidence: in a folder
 * that holds one event every word of the event is in most documents, weighs near the floor, and what is left of
 * each vector is its incidental words, so the event falls apart. With B documents behind the folder, a word in 9 of
 * 10 documents still weighs much more than a common one would in a large corpus. Once N is large next to B the
 * prior changes little: it adds about ln(1 + B / N) to every term's idf.
 */
export function idfTable(df: Uint32Array | Float64Array, documents: number, priorDocuments = 0): Float32Array {
  const idf = new Float32Array(df.length);
  const total = documents + priorDocuments + 1;
  for (let t = 0; t < df.length; t++) idf[t] = Math.log(total / ((df[t] ?? 0) + 1)) + 1;
  return idf;
}

/** Scratch for {@link weigh}'s unnormalised weights. */
let raw = new Float64Array(1024);

/** (1 + ln tf) × idf, L2-normalised. Terms with zero weight are dropped. */
export function weigh(doc: TermCounts, idf: Float32Array): SparseVector {
  const n = doc.ids.length;
  if (raw.length < n) raw = new Float64Array(Math.max(n, raw.length * 2));
  let kept = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const tf = doc.counts[i] ?? 0;
    const w = tf > 0 ? (1 + Math.log(tf)) * (idf[doc.ids[i] ?? 0] ?? 0) : 0;
    raw[i] = w;
    if (!(w > 0)) continue;
    kept++;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  const terms = new Uint32Array(kept);
  const weights = new Float32Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    const w = raw[i] as number;
    if (!(w > 0)) continue;
    terms[k] = doc.ids[i] as number;
    weights[k++] = w / norm;
  }
  return { terms, weights };
}

/** Cosine of two L2-normalised sparse vectors: a merge over their sorted term ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) {
      dot += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/**
 * The cosine as the story scan adds it up (cluster/story-scan.ts), for article `a` before article `b` in input
 * order: each of `b`'s terms, in order, times `a`'s weight of it, into four running sums by its position in `b`
 * (the k-th into sum k mod 4), then (s0 + s1) + (s2 + s3). Four independent sums let the processor overlap the
 * additions (the scan's inner loop took a fifth less time); the order is fixed, so the value is the same on every
 * thread and run, and within a few units in the last place of {@link cosine}.
 */
export function scanCosine(a: SparseVector, b: SparseVector): number {
  const sums = [0, 0, 0, 0];
  const at = a.terms;
  const bt = b.terms;
  for (let i = 0, j = 0; i < at.length && j < bt.length; ) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) {
      // A product only where both have the term: the scan also adds b's terms that a lacks, as +0, which
      // changes no sum (the sums are never -0: weights are not negative).
      sums[j & 3] = (sums[j & 3] as number) + (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return ((sums[0] as number) + (sums[1] as number)) + ((sums[2] as number) + (sums[3] as number));
}

/**
 * The `k` highest-weighted term ids of a vector, highest first (equal weights: lower id first). One pass that
 * keeps the best `k` in order, so a term below the current `k`-th costs one comparison: no sort of the whole row.
 */
export function topTerms(v: SparseVector, k: number): number[] {
  const { terms, weights } = v;
  const before = (i: number, j: number): boolean => (weights[i] as number) > (weights[j] as number) || ((weights[i] as number) === (weights[j] as number) && (terms[i] as number) < (terms[j] as number));
  const best: number[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (best.length === k && !before(i, best[k - 1] as number)) continue;
    let at = best.length < k ? best.push(i) - 1 : k - 1;
    for (; at > 0 && before(i, best[at - 1] as number); at--) best[at] = best[at - 1] as number;
    best[at] = i;
  }
  return best.map((i) => terms[i] as number);
}

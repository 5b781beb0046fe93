/**
 * Many documents' term counts or TF-IDF vectors in compressed rows: three flat typed arrays for a whole corpus
 * instead of two small ones per document, so that a large feed's vectors cost their numbers and little else,
 * and can be handed to worker threads on shared memory as they are.
 */
import type { SparseVector } from '../types.js';
import { weigh, type TermCounts } from './tfidf.js';

/** Document `i`'s counts are `ids/counts[start[i] .. start[i+1])`, ids increasing. */
export interface CountTable {
  readonly start: Int32Array;
  readonly ids: Uint32Array;
  readonly counts: Float32Array;
}

/** Vector `i` is `terms/weights[start[i] .. start[i+1])`, terms increasing (on shared memory: see {@link weighRows}). */
export interface VectorTable {
  readonly start: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
}

/** A typed array of `length` on shared memory. */
function shared<T extends Int32Array | Uint32Array | Float32Array>(Type: (new (b: SharedArrayBuffer) => T) & { BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** `into` with `from` copied to its start. */
function copied<T extends Int32Array | Uint32Array | Float32Array>(from: ArrayLike<number>, into: T): T {
  into.set(from);
  return into;
}

/**
 * A {@link CountTable} built one document at a time. Given the number of documents and of counts beforehand,
 * it allocates them once and hands them over as they are: no growing, no copy at the end.
 */
export class CountRows {
  #start: Int32Array<ArrayBufferLike>;
  #ids: Uint32Array<ArrayBufferLike>;
  #counts: Float32Array<ArrayBufferLike>;
  #rows = 0;

  /**
   * Room for `rows` documents and `entries` counts, on shared memory: a table that fills it exactly is handed
   * over as it is, and {@link weighRows} then writes the vectors over it (no second table of the same size).
   */
  constructor(rows = 1023, entries = 1024) {
    this.#start = shared(Int32Array, rows + 1);
    this.#ids = shared(Uint32Array, entries);
    this.#counts = shared(Float32Array, entries);
  }

  add(doc: TermCounts): void {
    const at = this.#start[this.#rows] as number;
    const end = at + doc.ids.length;
    if (this.#rows + 2 > this.#start.length) this.#start = copied(this.#start, shared(Int32Array, 2 * this.#start.length));
    while (end > this.#ids.length) {
      const size = Math.max(16, 2 * this.#ids.length);
      this.#ids = copied(this.#ids, shared(Uint32Array, size));
      this.#counts = copied(this.#counts, shared(Float32Array, size));
    }
    this.#ids.set(doc.ids, at);
    this.#counts.set(doc.counts, at);
    this.#start[++this.#rows] = end;
  }

  finish(): CountTable {
    const used = this.#start[this.#rows] as number;
    const exact = this.#rows + 1 === this.#start.length && used === this.#ids.length;
    if (exact) return { start: this.#start, ids: this.#ids, counts: this.#counts };
    return { start: this.#start.slice(0, this.#rows + 1), ids: this.#ids.slice(0, used), counts: this.#counts.slice(0, used) };
  }
}

/** The table of `docs`. */
export function countTable(docs: readonly TermCounts[]): CountTable {
  const rows = new CountRows();
  for (const d of docs) rows.add(d);
  return rows.finish();
}

/** The number of documents in a table. */
export function rowCount(table: { readonly start: Int32Array }): number {
  return table.start.length - 1;
}

/**
 * Document frequencies: in how many documents each term id occurs (ids are distinct within a document); with
 * `weights`, each document counts its weight instead of 1 (fingerprint/copy-weights.ts).
 */
export function tableFrequencies(table: CountTable, vocabularySize: number, weights?: Float64Array): Uint32Array | Float64Array {
  if (weights === undefined) {
    const df = new Uint32Array(vocabularySize);
    for (const id of table.ids) df[id] = (df[id] as number) + 1;
    return df;
  }
  const df = new Float64Array(vocabularySize);
  const { start, ids } = table;
  for (let row = 0; row + 1 < start.length; row++) {
    const w = weights[row] as number;
    for (let k = start[row] as number; k < (start[row + 1] as number); k++) df[ids[k] as number] = (df[ids[k] as number] as number) + w;
  }
  return df;
}

/**
 * Every document's {@link weigh}ed vector, in a table on shared memory (ready for worker threads). When the counts
 * are on shared memory already (a {@link CountRows} filled exactly), the vectors are written over them, row after
 * row (a row's vector is never longer than its counts, so it never reaches a row not read yet): `table` is then
 * used up. At 100,000 articles that is 200 MB less at the run's peak, while both tables were held.
 */
export function weighRows(table: CountTable, idf: Float32Array): VectorTable {
  const n = rowCount(table);
  const over = [table.start, table.ids, table.counts].every((a) => a.buffer instanceof SharedArrayBuffer);
  const start = over ? table.start : shared(Int32Array, n + 1);
  // A vector never has more terms than its counts (zero weights are dropped), so the counts' size is enough.
  const terms = over ? new Int32Array(table.ids.buffer, table.ids.byteOffset, table.ids.length) : shared(Int32Array, table.ids.length);
  const weights = over ? table.counts : shared(Float32Array, table.ids.length);
  for (let i = 0, from = table.start[0] as number; i < n; i++) {
    const to = table.start[i + 1] as number; // read before it is written over (when start is table.start)
    const v = weigh({ ids: table.ids.subarray(from, to), counts: table.counts.subarray(from, to) }, idf);
    const at = start[i] as number;
    terms.set(v.terms, at);
    weights.set(v.weights, at);
    start[i + 1] = at + v.terms.length;
    from = to;
  }
  // Views of the part in use, not copies: the unused end (terms of zero weight, few) costs less than a second
  // table of hundreds of megabytes, which would be garbage no collection comes for while this thread waits.
  const used = start[n] as number;
  return { start, terms: terms.subarray(0, used), weights: weights.subarray(0, used) };
}

/** Vector `i` of a table, as views into it (no copy). */
export function rowVector(table: VectorTable, i: number): SparseVector {
  const from = table.start[i] as number;
  const to = table.start[i + 1] as number;
  return { terms: new Uint32Array(table.terms.buffer, table.terms.byteOffset + from * 4, to - from), weights: table.weights.subarray(from, to) };
}

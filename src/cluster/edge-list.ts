/**
 * A growable list of weighted edges in typed arrays (16 bytes an edge instead of a ~100-byte object), so tens of
 * millions of candidate edges fit, and a finished list can be transferred between threads without copying.
 */
import type { Edge } from './average-link.js';

/** Edges `(a[e], b[e], sim[e])` for `e < count`, read-only: what the clustering stages read. */
export interface EdgeArrays {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly sim: Float64Array;
  readonly count: number;
}

export class EdgeList implements EdgeArrays {
  a: Int32Array<ArrayBuffer>;
  b: Int32Array<ArrayBuffer>;
  sim: Float64Array<ArrayBuffer>;
  count = 0;

  constructor(capacity = 1 << 16) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.sim = new Float64Array(capacity);
  }

  /** A list over arrays received from another thread (`count` edges in use). */
  static of(parts: { a: Int32Array<ArrayBuffer>; b: Int32Array<ArrayBuffer>; sim: Float64Array<ArrayBuffer>; count: number }): EdgeList {
    const list = new EdgeList(0);
    list.a = parts.a;
    list.b = parts.b;
    list.sim = parts.sim;
    list.count = parts.count;
    return list;
  }

  /** The edges of an object array, in order (for callers that build few edges as objects). */
  static from(edges: readonly Edge[]): EdgeList {
    const list = new EdgeList(edges.length);
    for (const e of edges) list.push(e.a, e.b, e.sim);
    return list;
  }

  /**
   * The edges of `lists` that `keep` accepts, in order, in arrays of exactly their number (no spare capacity,
   * so they can be kept or transferred as they are). `keep` is called twice an edge and must give the same
   * answer both times.
   */
  static kept(lists: readonly EdgeArrays[], keep: (a: number, b: number, sim: number) => boolean): EdgeList {
    let count = 0;
    for (const { a, b, sim, count: m } of lists) for (let e = 0; e < m; e++) if (keep(a[e] as number, b[e] as number, sim[e] as number)) count++;
    const out = new EdgeList(count);
    for (const { a, b, sim, count: m } of lists) {
      for (let e = 0; e < m; e++) {
        const x = a[e] as number;
        const y = b[e] as number;
        const s = sim[e] as number;
        if (keep(x, y, s)) out.push(x, y, s);
      }
    }
    return out;
  }

  /** Empties the list, keeping its room. */
  clear(): void {
    this.count = 0;
  }

  /** Append the edge (a, b) with similarity `sim`. */
  push(a: number, b: number, sim: number): void {
    if (this.count === this.a.length) this.#grow();
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.sim[this.count] = sim;
    this.count++;
  }

  #grow(): void {
    const size = Math.max(1024, this.a.length * 2);
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    const sim = new Float64Array(size);
    a.set(this.a);
    b.set(this.b);
    sim.set(this.sim);
    this.a = a;
    this.b = b;
    this.sim = sim;
  }
}

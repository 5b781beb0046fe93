/**
 * A growable list of weighted edges in typed arrays (16 bytes an edge instead of a ~100-byte object), so tens of
 * millions of candidate edges fit, and a finished list can be transferred between threads without copying.
 */
export class EdgeList {
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

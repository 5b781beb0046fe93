/**
 * For each of `n` nodes, the `k` largest values offered so far (a min-heap per node in one typed array), so
 * that a stream of edges can drop at once an edge that can no longer be among the `k` strongest of either end:
 * a node's k-th largest so far only grows, so an edge below it at both ends stays below for good.
 *
 * Values are held as 32-bit floats rounded down ({@link float32Below}), half the memory of 64-bit ones (a story
 * scan's worker holds one for every article: 25 MB less a worker at 100,000 articles). Rounding down keeps the
 * order and never raises a value, so a floor is at most the true k-th largest: an edge is never dropped that
 * exact floors would keep (a few more may be kept, which `strongestEdges` then drops).
 */
export class TopK {
  readonly #k: number;
  readonly #heap: Float32Array;
  readonly #size: Int32Array;

  constructor(n: number, k: number) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
    this.#k = k;
    this.#heap = new Float32Array(n * k);
    this.#size = new Int32Array(n);
  }

  /** The k-th largest value offered for `node` so far, rounded down to a 32-bit float; 0 until `k` values have been offered. */
  floor(node: number): number {
    return (this.#size[node] as number) < this.#k ? 0 : (this.#heap[node * this.#k] as number);
  }

  /** Offer `exact` to `node` (held rounded down): kept when it is among the `k` largest so far. */
  offer(node: number, exact: number): void {
    const value = float32Below(exact);
    const k = this.#k;
    const heap = this.#heap;
    const base = node * k;
    const size = this.#size[node] as number;
    if (size < k) {
      // Sift up from the end.
      let i = size;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const p = heap[base + parent] as number;
        if (p <= value) break;
        heap[base + i] = p;
        i = parent;
      }
      heap[base + i] = value;
      this.#size[node] = size + 1;
      return;
    }
    if (value <= (heap[base] as number)) return;
    // Replace the smallest and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) break;
      const right = left + 1;
      const child = right < k && (heap[base + right] as number) < (heap[base + left] as number) ? right : left;
      const c = heap[base + child] as number;
      if (c >= value) break;
      heap[base + i] = c;
      i = child;
    }
    heap[base + i] = value;
  }
}

const scratch = new Float32Array(1);
const scratchBits = new Int32Array(scratch.buffer);

/** The largest 32-bit float ≤ `x` (`x` itself when it is one). */
export function float32Below(x: number): number {
  const f = Math.fround(x);
  if (!(f > x)) return f;
  // f > x: the 32-bit float just below f. From 0 that is the smallest negative one (x was negative and tiny);
  // otherwise one step of the bit pattern: a smaller magnitude when f is positive, a larger one when negative.
  if (f === 0) return -1.401298464324817e-45;
  scratch[0] = f;
  scratchBits[0] = (scratchBits[0] as number) + (f > 0 ? -1 : 1);
  return scratch[0] as number;
}

/**
 * Keep only each node's `k` strongest edges: an edge survives when it is among the `k` strongest of either of
 * its ends. Two passes over the edges, which are held in typed arrays (16 bytes an edge) rather than objects,
 * so tens of millions of candidate edges fit; only the survivors become `Edge` objects.
 */
import type { Edge } from './average-link.js';

export type EdgeSource = (emit: (a: number, b: number, sim: number) => void) => void;

/** The `k`-th largest of `values` (all of them when fewer than `k`: then 0, so nothing is cut). */
function kthLargest(values: Float64Array, count: number, k: number): number {
  if (count < k) return 0;
  const sorted = values.slice(0, count).sort();
  return sorted[count - k] ?? 0;
}

export function strongestEdges(n: number, k: number, source: EdgeSource): Edge[] {
  let a = new Int32Array(1 << 16);
  let b = new Int32Array(1 << 16);
  let sim = new Float64Array(1 << 16);
  let count = 0;
  const degree = new Int32Array(n);
  source((x, y, s) => {
    if (count === a.length) {
      const grow = <T extends Int32Array | Float64Array>(arr: T): T => {
        const bigger = new (arr.constructor as new (size: number) => T)(arr.length * 2);
        bigger.set(arr);
        return bigger;
      };
      a = grow(a);
      b = grow(b);
      sim = grow(sim);
    }
    a[count] = x;
    b[count] = y;
    sim[count] = s;
    count++;
    degree[x] = (degree[x] ?? 0) + 1;
    degree[y] = (degree[y] ?? 0) + 1;
  });
  // Per node, the k-th strongest similarity: edges below it at both ends are dropped.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] ?? 0) + (degree[i] ?? 0);
  const fill = start.slice(0, n);
  const incident = new Float64Array(start[n] ?? 0);
  for (let e = 0; e < count; e++) {
    const x = a[e] ?? 0;
    const y = b[e] ?? 0;
    const s = sim[e] ?? 0;
    const px = fill[x] ?? 0;
    const py = fill[y] ?? 0;
    incident[px] = s;
    incident[py] = s;
    fill[x] = px + 1;
    fill[y] = py + 1;
  }
  const cut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = start[i] ?? 0;
    cut[i] = kthLargest(incident.subarray(from, start[i + 1] ?? from), (degree[i] ?? 0), k);
  }
  const edges: Edge[] = [];
  for (let e = 0; e < count; e++) {
    const x = a[e] ?? 0;
    const y = b[e] ?? 0;
    const s = sim[e] ?? 0;
    if (s >= (cut[x] ?? 0) || s >= (cut[y] ?? 0)) edges.push({ a: x, b: y, sim: s });
  }
  return edges;
}

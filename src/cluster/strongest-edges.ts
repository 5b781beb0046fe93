/**
 * Keep only each node's `k` strongest edges: an edge survives when it is among the `k` strongest of either of
 * its ends. Two passes over the edges, which are held in typed arrays (16 bytes an edge) rather than objects,
 * so tens of millions of candidate edges fit; the survivors are copied to a list of exactly their number.
 */
import { EdgeList, type EdgeArrays } from './edge-list.js';

/** Every edge of the lists, in order. */
function forEachEdge(lists: readonly EdgeArrays[], visit: (a: number, b: number, sim: number) => void): void {
  for (const list of lists) {
    const { a, b, sim } = list;
    for (let e = 0; e < list.count; e++) visit(a[e] as number, b[e] as number, sim[e] as number);
  }
}

/**
 * The `k`-th largest of `values` (0 when there are fewer than `k`, so nothing is cut), by quickselect:
 * linear on average instead of sorting. Reorders `values`.
 */
export function kthLargest(values: Float64Array, k: number): number {
  const count = values.length;
  if (count < k) return 0;
  // The k-th largest is the element of rank count - k in increasing order.
  const rank = count - k;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return values[rank] as number;
  }
  return values[rank] as number;
}

/** `lists`: the edges of `n` nodes, read one list after another; the result keeps that order. */
export function strongestEdges(n: number, k: number, lists: readonly EdgeArrays[]): EdgeList {
  const degree = new Int32Array(n);
  forEachEdge(lists, (x, y) => {
    degree[x] = (degree[x] ?? 0) + 1;
    degree[y] = (degree[y] ?? 0) + 1;
  });
  // Per node, the k-th strongest similarity: edges below it at both ends are dropped.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] ?? 0) + (degree[i] ?? 0);
  const fill = start.slice(0, n);
  const incident = new Float64Array(start[n] ?? 0);
  forEachEdge(lists, (x, y, s) => {
    const px = fill[x] ?? 0;
    const py = fill[y] ?? 0;
    incident[px] = s;
    incident[py] = s;
    fill[x] = px + 1;
    fill[y] = py + 1;
  });
  const cut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = start[i] ?? 0;
    cut[i] = kthLargest(incident.subarray(from, start[i + 1] ?? from), k);
  }
  return EdgeList.kept(lists, (x, y, s) => s >= (cut[x] ?? 0) || s >= (cut[y] ?? 0));
}

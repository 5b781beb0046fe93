/**
 * Keep only each node's `k` strongest edges: an edge survives when it is among the `k` strongest of either of
 * its ends. Two passes over the edges, which are held in typed arrays (16 bytes an edge) rather than objects,
 * so tens of millions of candidate edges fit; the survivors are copied to a list of exactly their number.
 */
import { EdgeList, type EdgeArrays } from './edge-list.js';

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

/**
 * `lists`: the edges of `n` nodes, read one list after another; the result keeps that order. Plain loops over the
 * lists' arrays (no visitor called an edge): at the end of the story scan this thread alone reads every edge the
 * workers kept, four times, while they wait.
 */
export function strongestEdges(n: number, k: number, lists: readonly EdgeArrays[]): EdgeList {
  const degree = new Int32Array(n);
  for (const { a, b, count } of lists) {
    for (let e = 0; e < count; e++) {
      const x = a[e] as number;
      const y = b[e] as number;
      degree[x] = (degree[x] as number) + 1;
      degree[y] = (degree[y] as number) + 1;
    }
  }
  // Per node, the k-th strongest similarity: edges below it at both ends are dropped.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + (degree[i] as number);
  const fill = start.slice(0, n);
  const incident = new Float64Array(start[n] as number);
  for (const { a, b, sim, count } of lists) {
    for (let e = 0; e < count; e++) {
      const x = a[e] as number;
      const y = b[e] as number;
      const s = sim[e] as number;
      incident[fill[x] as number] = s;
      incident[fill[y] as number] = s;
      fill[x] = (fill[x] as number) + 1;
      fill[y] = (fill[y] as number) + 1;
    }
  }
  const cut = new Float64Array(n);
  for (let i = 0; i < n; i++) cut[i] = kthLargest(incident.subarray(start[i] as number, start[i + 1] as number), k);
  let kept = 0;
  for (const { a, b, sim, count } of lists) {
    for (let e = 0; e < count; e++) {
      const s = sim[e] as number;
      if (s >= (cut[a[e] as number] as number) || s >= (cut[b[e] as number] as number)) kept++;
    }
  }
  const out = new EdgeList(kept);
  for (const { a, b, sim, count } of lists) {
    for (let e = 0; e < count; e++) {
      const x = a[e] as number;
      const y = b[e] as number;
      const s = sim[e] as number;
      if (s >= (cut[x] as number) || s >= (cut[y] as number)) out.push(x, y, s);
    }
  }
  return out;
}

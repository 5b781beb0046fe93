/**
 * averageLink as it was before it read typed edges (commit 9fde9f6), kept verbatim as the reference that
 * test/average-link.test.ts compares the current one with: same clusters, same merges in the same order.
 */
import type { AverageLinkOptions, Edge } from '../src/cluster/average-link.js';
import { PairHeap } from '../src/util/pair-heap.js';
import { SumMap } from '../src/util/sum-map.js';

export function referenceAverageLink(n: number, edges: readonly Edge[], threshold: number, options: AverageLinkOptions = {}): number[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const owner = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const size = Float64Array.from({ length: n }, (_, i) => options.sizes?.[i] ?? 1);
  const internal = Float64Array.from({ length: n }, (_, i) => options.internal?.[i] ?? 0);
  for (const group of options.initial ?? []) {
    const root = Math.min(...group.map((i) => owner[i] ?? i));
    for (const item of group) {
      const from = owner[item] ?? item;
      if (from === root) continue;
      for (const m of members[from] ?? []) {
        owner[m] = root;
        members[root]?.push(m);
      }
      members[from] = [];
      size[root] = (size[root] ?? 0) + (size[from] ?? 0);
      internal[root] = (internal[root] ?? 0) + (internal[from] ?? 0);
      size[from] = 0;
      internal[from] = 0;
    }
  }
  const sums: SumMap[] = Array.from({ length: n }, () => new SumMap());
  for (const e of edges) {
    const a = owner[e.a] ?? e.a;
    const b = owner[e.b] ?? e.b;
    if (a === b) continue;
    sums[a]?.set(b, (sums[a]?.get(b) ?? 0) + e.sim);
    sums[b]?.set(a, (sums[b]?.get(a) ?? 0) + e.sim);
  }
  for (const e of edges) {
    const a = owner[e.a] ?? e.a;
    if (a === (owner[e.b] ?? e.b)) internal[a] = (internal[a] ?? 0) + e.sim;
  }
  const centroid = options.linkage === 'centroid';
  const selfOf = (c: number): number => (size[c] ?? 1) + 2 * (internal[c] ?? 0);
  const version = new Int32Array(n);
  const heap = new PairHeap();
  const offer = (a: number, b: number, sum: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const avg = centroid ? sum / Math.sqrt(selfOf(lo) * selfOf(hi)) : sum / ((size[lo] ?? 1) * (size[hi] ?? 1));
    if (avg >= threshold) heap.push(avg, lo, hi, version[lo] ?? 0, version[hi] ?? 0);
  };
  sums.forEach((m, a) => m.forEach((sum, b) => a < b && offer(a, b, sum)));

  const top = new Float64Array(5);
  while (heap.pop(top)) {
    const c = { a: top[1] as number, b: top[2] as number, va: top[3] as number, vb: top[4] as number };
    if (c.va !== version[c.a] || c.vb !== version[c.b]) continue;
    const ma = members[c.a] ?? [];
    const mb = members[c.b] ?? [];
    if (options.canMerge && !options.canMerge(ma, mb)) continue;
    // Merge b into a.
    internal[c.a] = (internal[c.a] ?? 0) + (internal[c.b] ?? 0) + (sums[c.a]?.get(c.b) ?? 0);
    for (const m of mb) owner[m] = c.a;
    for (const m of mb) ma.push(m);
    size[c.a] = (size[c.a] ?? 0) + (size[c.b] ?? 0);
    members[c.b] = [];
    version[c.a] = (version[c.a] ?? 0) + 1;
    version[c.b] = (version[c.b] ?? 0) + 1;
    const sa = sums[c.a] as SumMap;
    const sb = sums[c.b] as SumMap;
    sa.delete(c.b);
    // Neither the order of these updates nor that of the offers matters: a candidate's place in the heap is
    // fixed by (score, a, b), and each sum is a's value plus b's value.
    sb.forEach((s, k) => {
      if (k === c.a) return;
      sa.set(k, (sa.get(k) ?? 0) + s);
      const sk = sums[k] as SumMap;
      sk.delete(c.b);
      sk.set(c.a, sa.get(k) ?? 0);
    });
    sb.clear();
    sa.forEach((s, k) => offer(c.a, k, s));
  }
  const label = new Map<number, number>();
  return Array.from(owner, (o) => {
    let l = label.get(o);
    if (l === undefined) label.set(o, (l = (members[o] ?? [o]).reduce((x, y) => Math.min(x, y), o)));
    return l;
  });
}

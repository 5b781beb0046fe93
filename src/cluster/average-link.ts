/**
 * Average-link agglomerative clustering over a sparse similarity graph.
 *
 * The similarity of two clusters is the mean over all cross pairs, with pairs that have no edge counting as 0,
 * so a cluster only grows when the newcomer resembles the cluster as a whole — one strong link through a
 * middle article cannot chain two unrelated stories together. Merges the most similar pair of clusters while
 * that mean is ≥ `threshold` (in (0, 1]). Deterministic: ties are broken by the smaller cluster ids.
 * Cost: O(E log E) heap operations for E edges plus neighbour-list merges.
 */
import { Heap } from '../util/heap.js';

export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly sim: number;
}

interface Candidate {
  readonly avg: number;
  readonly a: number;
  readonly b: number;
  readonly va: number;
  readonly vb: number;
}

export interface AverageLinkOptions {
  /** Groups of items to put in one cluster before any merge (e.g. near-duplicate copies). */
  readonly initial?: readonly (readonly number[])[];
  /** Refuse a merge (e.g. because two clusters hold the same article). */
  readonly canMerge?: (a: readonly number[], b: readonly number[]) => boolean;
  /**
   * `average` (default): mean similarity over all cross pairs. `centroid`: cosine of the two clusters'
   * centroids, computed from the same pair sums for unit vectors: cross / √(selfA · selfB), where
   * self = |C| + 2 · (sum of similarities inside C). Centroid linkage forgives a loose but coherent story.
   */
  readonly linkage?: 'average' | 'centroid';
}

/** Returns, for each of the `n` items, the smallest item index of its cluster. */
export function averageLink(n: number, edges: readonly Edge[], threshold: number, options: AverageLinkOptions = {}): number[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const owner = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
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
    }
  }
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of edges) {
    const a = owner[e.a] ?? e.a;
    const b = owner[e.b] ?? e.b;
    if (a === b) continue;
    sums[a]?.set(b, (sums[a]?.get(b) ?? 0) + e.sim);
    sums[b]?.set(a, (sums[b]?.get(a) ?? 0) + e.sim);
  }
  const internal = new Float64Array(n);
  for (const e of edges) {
    const a = owner[e.a] ?? e.a;
    if (a === (owner[e.b] ?? e.b)) internal[a] = (internal[a] ?? 0) + e.sim;
  }
  const centroid = options.linkage === 'centroid';
  const selfOf = (c: number): number => (members[c]?.length ?? 1) + 2 * (internal[c] ?? 0);
  const version = new Int32Array(n);
  const heap = new Heap<Candidate>((x, y) => x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b))));
  const offer = (a: number, b: number, sum: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const avg = centroid ? sum / Math.sqrt(selfOf(lo) * selfOf(hi)) : sum / ((members[lo]?.length ?? 1) * (members[hi]?.length ?? 1));
    if (avg >= threshold) heap.push({ avg, a: lo, b: hi, va: version[lo] ?? 0, vb: version[hi] ?? 0 });
  };
  sums.forEach((m, a) => m.forEach((sum, b) => a < b && offer(a, b, sum)));

  while (heap.size > 0) {
    const c = heap.pop() as Candidate;
    if (c.va !== version[c.a] || c.vb !== version[c.b]) continue;
    const ma = members[c.a] ?? [];
    const mb = members[c.b] ?? [];
    if (options.canMerge && !options.canMerge(ma, mb)) continue;
    // Merge b into a.
    internal[c.a] = (internal[c.a] ?? 0) + (internal[c.b] ?? 0) + (sums[c.a]?.get(c.b) ?? 0);
    for (const m of mb) owner[m] = c.a;
    ma.push(...mb);
    members[c.b] = [];
    version[c.a] = (version[c.a] ?? 0) + 1;
    version[c.b] = (version[c.b] ?? 0) + 1;
    const sa = sums[c.a] as Map<number, number>;
    const sb = sums[c.b] as Map<number, number>;
    sa.delete(c.b);
    for (const [k, s] of sb) {
      if (k === c.a) continue;
      sa.set(k, (sa.get(k) ?? 0) + s);
      const sk = sums[k] as Map<number, number>;
      sk.delete(c.b);
      sk.set(c.a, sa.get(k) ?? 0);
    }
    sb.clear();
    for (const [k, s] of sa) offer(c.a, k, s);
  }
  const label = new Map<number, number>();
  return Array.from(owner, (o) => {
    let l = label.get(o);
    if (l === undefined) label.set(o, (l = (members[o] ?? [o]).reduce((x, y) => Math.min(x, y), o)));
    return l;
  });
}

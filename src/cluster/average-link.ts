/**
 * Average-link agglomerative clustering over a sparse similarity graph.
 *
 * The similarity of two clusters is the mean over all cross pairs, with pairs that have no edge counting as 0,
 * so a cluster only grows when the newcomer resembles the cluster as a whole — one strong link through a
 * middle article cannot chain two unrelated stories together. Merges the most similar pair of clusters while
 * that mean is ≥ `threshold` (in (0, 1]). Deterministic: ties are broken by the smaller cluster ids.
 * Cost: per merge, moving the smaller of the two clusters' link tables into the bigger, then re-offering every
 * link of the merged cluster to the heap.
 */
import { PairHeap } from '../util/pair-heap.js';
import { SumMap } from '../util/sum-map.js';
import { EdgeList, type EdgeArrays } from './edge-list.js';

export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly sim: number;
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
  /**
   * How many underlying items each item stands for (default 1): an item that stands for `w` identical
   * items counts `w` times in the mean of `average` linkage and in the size term of `centroid` linkage.
   * Edge similarities between such items must then be sums over the underlying pairs.
   */
  readonly sizes?: ArrayLike<number>;
  /** Sum of the similarities inside each item (default 0): for `w` identical unit items, C(w, 2) × self-similarity. */
  readonly internal?: ArrayLike<number>;
  /**
   * No two edges join the same two items, in either direction (the story scan lists each pair once). Lets average
   * linkage leave out the edges between clusters that can never merge (see reachable()), which it cannot tell
   * when a pair's similarity may be split over several edges.
   */
  readonly distinctPairs?: boolean;
}

/**
 * Returns, for each of the `n` items, the smallest item index of its cluster. `edges` (ends in [0, n)): typed
 * arrays, as the story stage builds them, or an array of {@link Edge} objects, copied to typed arrays first.
 */
export function averageLink(n: number, edges: EdgeArrays | readonly Edge[], threshold: number, options: AverageLinkOptions = {}): number[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  // Plain loops: `TypedArray.from` with a mapping function costs a call an item (a story's facts call this once
  // for a few dozen sentences, thousands of times).
  const owner = new Int32Array(n);
  const members: number[][] = [];
  const size = new Float64Array(n);
  const internal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    owner[i] = i;
    members.push([i]); // pushed, not `new Array(n)`: that makes a large array a slow dictionary
    size[i] = options.sizes?.[i] ?? 1;
    internal[i] = options.internal?.[i] ?? 0;
  }
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
  const list = 'count' in edges ? edges : EdgeList.from(edges);
  // No edge, no merge: the clusters are the initial groups (a story of one article has no cross-article links).
  if (list.count === 0) return labelsOf(owner, members);
  const centroid = options.linkage === 'centroid';
  // Edges between clusters that can never merge are left out (average linkage, distinct pairs): see reachable().
  const reach = centroid || options.distinctPairs !== true ? undefined : reachable(n, list, owner, threshold, options.sizes);
  const apart = (a: number, b: number): boolean => reach !== undefined && reach[a] !== reach[b];
  // Each cluster's links, its table sized at first for its edges (an upper bound: edges may repeat a neighbour);
  // the table a merge keeps grows as it takes the other's links.
  const degree = new Int32Array(n);
  for (let e = 0; e < list.count; e++) {
    const a = owner[list.a[e] as number] as number;
    const b = owner[list.b[e] as number] as number;
    if (a === b || apart(a, b)) continue;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const sums: SumMap[] = [];
  for (let i = 0; i < n; i++) sums.push(new SumMap(Math.min(degree[i] as number, n)));
  for (let e = 0; e < list.count; e++) {
    const a = owner[list.a[e] as number] as number;
    const b = owner[list.b[e] as number] as number;
    const sim = list.sim[e] as number;
    if (a === b) {
      internal[a] = (internal[a] as number) + sim;
      continue;
    }
    if (apart(a, b)) continue;
    const sa = sums[a] as SumMap;
    const sb = sums[b] as SumMap;
    sa.add(b, sim);
    sb.add(a, sim);
  }
  const selfOf = (c: number): number => (size[c] as number) + 2 * (internal[c] as number);
  const version = new Int32Array(n);
  const heap = new PairHeap();
  const offer = (a: number, b: number, sum: number): void => {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const avg = centroid ? sum / Math.sqrt(selfOf(lo) * selfOf(hi)) : sum / ((size[lo] as number) * (size[hi] as number));
    if (avg >= threshold) heap.push(avg, lo, hi, version[lo] as number, version[hi] as number);
  };
  // A cluster is named by its smallest member (its id, which orders ties in the heap and indexes everything but
  // its links). Its links live in a table of their own, keyed by the other clusters' tables: a merge walks the
  // smaller of the two tables and keeps the bigger one, under the merged cluster's id (`tableOf`, `idOf`).
  const tableOf = new Int32Array(n);
  const idOf = new Int32Array(n);
  for (let i = 0; i < n; i++) tableOf[i] = idOf[i] = i;
  // The map walks below read the tables in hand from these two, so their visitors are made once, not once a
  // node or a merge.
  let into = 0;
  let from = 0;
  const offerUp = (sum: number, b: number): void => {
    if (into < b) offer(into, b, sum);
  };
  for (into = 0; into < n; into++) (sums[into] as SumMap).forEach(offerUp);

  const sumsOf = (t: number): SumMap => sums[t] as SumMap;
  // Adds `from`'s link to table k to `into`'s, and moves k's link from `from` to `into`. Each sum is the two
  // clusters' sums added, in one order or the other (the same result both ways), or one of them alone (0 + x).
  const absorb = (s: number, k: number): void => {
    if (k === into) return;
    const total = sumsOf(into).add(k, s);
    const sk = sumsOf(k);
    sk.delete(from);
    sk.set(into, total);
  };
  let merged = 0;
  const reoffer = (s: number, k: number): void => offer(merged, idOf[k] as number, s);
  const top = new Float64Array(5);
  while (heap.pop(top)) {
    const a = top[1] as number;
    const b = top[2] as number;
    if (top[3] !== version[a] || top[4] !== version[b]) continue;
    const ma = members[a] as number[];
    const mb = members[b] as number[];
    if (options.canMerge && !options.canMerge(ma, mb)) continue;
    // Merge b into a (a < b, so a stays the id).
    const ta = tableOf[a] as number;
    const tb = tableOf[b] as number;
    internal[a] = (internal[a] as number) + (internal[b] as number) + (sumsOf(ta).get(tb) ?? 0);
    for (const m of mb) owner[m] = a;
    for (const m of mb) ma.push(m);
    size[a] = (size[a] as number) + (size[b] as number);
    members[b] = [];
    version[a] = (version[a] as number) + 1;
    version[b] = (version[b] as number) + 1;
    // Neither the order of these updates nor that of the offers matters: a candidate's place in the heap is
    // fixed by (score, a, b), and each sum is a's value plus b's value.
    const keepA = sumsOf(ta).size >= sumsOf(tb).size;
    into = keepA ? ta : tb;
    from = keepA ? tb : ta;
    sumsOf(into).delete(from);
    sumsOf(from).forEach(absorb);
    sumsOf(from).clear();
    tableOf[a] = into;
    idOf[into] = a;
    merged = a;
    sumsOf(into).forEach(reoffer);
  }
  return labelsOf(owner, members);
}

/** For each item, the smallest item of its cluster (`owner`: the cluster of each item; `members`: of each cluster). */
function labelsOf(owner: Int32Array, members: readonly (readonly number[])[]): number[] {
  const label = new Map<number, number>();
  return Array.from(owner, (o) => {
    let l = label.get(o);
    if (l === undefined) label.set(o, (l = (members[o] ?? [o]).reduce((x, y) => Math.min(x, y), o)));
    return l;
  });
}

/**
 * Under average linkage, two clusters merge only when the mean of their cross pairs is ≥ `threshold`, so only
 * when some cross pair is: with one edge a pair of items ({@link AverageLinkOptions.distinctPairs}), an edge i–j
 * with sim ≥ threshold · size(i) · size(j) (its items' sizes, see {@link AverageLinkOptions.sizes}; such an edge
 * stands for that many pairs). Every cluster therefore stays within one connected part of the graph of these
 * strong edges (and of the initial groups): each item's part, numbered by its smallest item. An edge between two
 * parts only adds to the sum of two clusters that never merge, so leaving it out changes no merge and no sum of
 * the others (the story edges at 20,000 articles: 47% of them between parts). A strong edge is taken with a
 * relative slack of 1e-9, so rounding in a mean (of fewer than millions of edges) cannot make a pair of clusters
 * mergeable across parts.
 */
function reachable(n: number, list: EdgeArrays, owner: Int32Array, threshold: number, sizes?: ArrayLike<number>): Int32Array {
  const part = Int32Array.from(owner); // the initial groups, each under its smallest item
  const root = (x: number): number => {
    while (part[x] !== x) {
      const up = part[part[x] as number] as number;
      part[x] = up;
      x = up;
    }
    return x;
  };
  const bar = threshold * (1 - 1e-9);
  for (let e = 0; e < list.count; e++) {
    const i = list.a[e] as number;
    const j = list.b[e] as number;
    if ((list.sim[e] as number) < bar * (sizes?.[i] ?? 1) * (sizes?.[j] ?? 1)) continue;
    const ri = root(i);
    const rj = root(j);
    if (ri < rj) part[rj] = ri;
    else if (rj < ri) part[ri] = rj;
  }
  for (let x = 0; x < n; x++) part[x] = root(x);
  return part;
}

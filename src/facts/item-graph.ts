/**
 * The graph fact alignment clusters, over items of identical sentences (see collapse.ts) rather than over
 * sentences. Each node stands for `size` sentences of distinct articles; an edge between two nodes carries
 * the SUM of the similarities of the cross-article sentence pairs they stand for, and a node's `internal` is
 * the sum inside it, so centroid linkage computes exactly the values it would on the sentences themselves.
 *
 * That equals aligning the sentences because identical sentences score ≈ 1, the top of the merge order, so
 * the sentence-level clustering first assembles exactly the items. Repeats (two sentences of one article
 * with similarity ≥ the repeat threshold) start in one cluster; they break that premise unless every article
 * of a group of items joined by repeats holds a sentence in each of them (the same article repeated by each
 * copy). Items of any other such group, and items whose self-similarity is below the threshold, are split
 * back into single sentences (their edges are derived from the items' edges: no dot product is recomputed).
 */
import type { Edge } from '../cluster/average-link.js';
import type { Items } from './collapse.js';

export interface ItemGraph {
  /** Sentence indices of each node, ascending; nodes ordered by their first sentence. */
  readonly nodes: readonly (readonly number[])[];
  /** Article index of each node's members, in member order. */
  readonly articles: readonly (readonly number[])[];
  readonly sizes: Float64Array;
  readonly internal: Float64Array;
  /** Cross-article edges, similarity summed over the sentence pairs, sorted by `a` then `b`. */
  readonly cross: Edge[];
  /** Pairs of nodes that repeat each other within an article. */
  readonly repeats: number[][];
}

export interface ItemGraphInput {
  readonly items: Items;
  /** Item-level similarities (a < b), as computed on the items' representative sentences. */
  readonly edges: readonly Edge[];
  /** Similarity of each item with itself (what two of its sentences would score). */
  readonly self: (item: number) => number;
  readonly threshold: number;
  readonly repeat: number;
}

/** Articles two member lists have in common (each list holds an article at most once). */
function shared(x: readonly number[], y: readonly number[], setOf: (list: readonly number[]) => ReadonlySet<number>): number[] {
  if (x.length === 1 && y.length === 1) return x[0] === y[0] ? [x[0] as number] : [];
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const set = setOf(large);
  return small.filter((a) => set.has(a));
}

/** Items that must be split back into sentences, per the rules above. */
function itemsToSplit(input: ItemGraphInput, sharedOf: (e: Edge) => number[]): Uint8Array {
  const { items, edges } = input;
  const split = new Uint8Array(items.members.length);
  items.members.forEach((m, i) => {
    if (m.length > 1 && !(input.self(i) >= input.threshold)) split[i] = 1;
  });
  const root = Int32Array.from(items.members, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i] as number] as number;
    return i;
  };
  const linked: number[] = [];
  for (const e of edges) {
    if (e.sim < input.repeat || sharedOf(e).length === 0) continue;
    linked.push(e.a, e.b);
    root[find(e.a)] = find(e.b);
  }
  // A component of items joined by repeats stays whole only when all its items hold the same articles.
  const shape = new Map<number, string>();
  const bad = new Set<number>();
  for (const i of linked) {
    const c = find(i);
    const key = [...(items.articles[i] ?? [])].sort((x, y) => x - y).join(',');
    const before = shape.get(c);
    if (before === undefined) shape.set(c, key);
    else if (before !== key) bad.add(c);
  }
  for (const i of linked) if (bad.has(find(i))) split[i] = 1;
  return split;
}

/** Build the node graph: items kept whole, or split into sentences, with edges and repeats derived. */
export function itemGraph(input: ItemGraphInput): ItemGraph {
  const { items, edges, threshold, repeat } = input;
  const sets = new Map<readonly number[], Set<number>>();
  const setOf = (list: readonly number[]): ReadonlySet<number> => {
    let set = sets.get(list);
    if (!set) sets.set(list, (set = new Set(list)));
    return set;
  };
  const sharedOf = (e: Edge): number[] => shared(items.articles[e.a] ?? [], items.articles[e.b] ?? [], setOf);
  const split = itemsToSplit(input, sharedOf);

  // Nodes, ordered by first sentence (a split item's sentences come after its first one).
  const pieces: { first: number; item: number; k: number }[] = [];
  items.members.forEach((m, item) => {
    if (split[item] === 1) m.forEach((s, k) => pieces.push({ first: s, item, k }));
    else pieces.push({ first: m[0] ?? 0, item, k: -1 });
  });
  pieces.sort((x, y) => x.first - y.first);
  const nodesOf: number[][] = items.members.map(() => []);
  const nodes: number[][] = [];
  const articles: number[][] = [];
  const sizes = new Float64Array(pieces.length);
  const internal = new Float64Array(pieces.length);
  pieces.forEach((p, node) => {
    const m = items.members[p.item] ?? [];
    const arts = items.articles[p.item] ?? [];
    nodesOf[p.item]?.push(node);
    nodes.push(p.k < 0 ? [...m] : [m[p.k] ?? 0]);
    articles.push(p.k < 0 ? [...arts] : [arts[p.k] ?? 0]);
    sizes[node] = p.k < 0 ? m.length : 1;
    // The C(w, 2) identical pairs inside a whole item, each scoring the item's self-similarity.
    if (p.k < 0 && m.length > 1) internal[node] = ((m.length * (m.length - 1)) / 2) * input.self(p.item);
  });

  const cross: Edge[] = [];
  const repeats: number[][] = [];
  const link = (u: number, v: number, sim: number): void => {
    const [a, b] = u < v ? [u, v] : [v, u];
    const common = shared(articles[a] ?? [], articles[b] ?? [], setOf).length;
    const pairs = (sizes[a] ?? 1) * (sizes[b] ?? 1) - common;
    if (common > 0 && sim >= repeat) repeats.push([a, b]);
    if (pairs > 0 && sim >= threshold) cross.push({ a, b, sim: pairs === 1 ? sim : pairs * sim });
  };
  for (const e of edges) for (const u of nodesOf[e.a] ?? []) for (const v of nodesOf[e.b] ?? []) link(u, v, e.sim);
  nodesOf.forEach((ns, item) => {
    for (let x = 0; x < ns.length; x++) for (let y = x + 1; y < ns.length; y++) link(ns[x] as number, ns[y] as number, input.self(item));
  });
  cross.sort((x, y) => x.a - y.a || x.b - y.b);
  return { nodes, articles, sizes, internal, cross, repeats };
}

/**
 * How much each article counts in the story vectors' document frequencies: a group of near-duplicate copies of one
 * text counts as one document, each copy 1 / the group's size. Counted once a copy, a story republished by ten
 * outlets made its words ten times as common: their idf fell, its articles that are not copies of each other
 * looked less alike, and the story broke up as more outlets carried it (ECB+ dev's 22-article church-fire story
 * given ten outlets' copies: 8 stories).
 *
 * The groups are made here from the MinHash estimates of the LSH candidates (no exact check: a weight is not a
 * report, and the exact check needs every candidate's shingles), before the story scan needs the vectors; the
 * reported copies are confirmed exactly afterwards (cluster/near-duplicates.ts). Undefined when no article has a
 * copy, so a run without copies weighs exactly as before. The story scan compares only each group's first article
 * (its `representative`), and its copies take that article's story (cluster/find-stories.ts).
 */
import { chooseBands, LshIndex, pairOfKey } from './lsh.js';
import { jaccard } from './minhash.js';
import { UnionFind } from '../util/union-find.js';

/** The estimated copy groups: each article's weight in document frequencies, and its group's first article. */
export interface CopyEstimate {
  /** 1 / the size of the article's group. */
  readonly weights: Float64Array;
  /** The smallest article index of the article's group (itself when it has no copy). */
  readonly representative: Int32Array;
}

export function estimatedCopies(signatures: readonly Uint32Array[], threshold: number, permutations: number): CopyEstimate | undefined {
  const n = signatures.length;
  if (n < 2) return undefined;
  const { bands, rows } = threshold < 1 ? chooseBands(threshold, permutations) : { bands: 1, rows: permutations };
  const index = new LshIndex(bands, rows);
  signatures.forEach((s, i) => index.add(i, s));
  const groups = new UnionFind(n);
  let joined = false;
  for (const key of index.candidateKeys()) {
    const [a, b] = pairOfKey(key);
    if (jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array) >= threshold) joined = groups.union(a, b) || joined;
  }
  if (!joined) return undefined;
  const weights = new Float64Array(n);
  const representative = new Int32Array(n).fill(-1);
  const first = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const root = groups.find(i);
    if (first[root] === -1) first[root] = i;
    representative[i] = first[root] as number;
    weights[i] = 1 / groups.sizeOf(i);
  }
  return { weights, representative };
}

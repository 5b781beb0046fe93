/**
 * Cluster articles into stories. Two relations:
 * - near-duplicate: the same text republished — MinHash Jaccard estimate ≥ `duplicateThreshold`, with
 *   candidates from banded LSH (bands and rows derived from the threshold);
 * - same story: TF-IDF cosine, average link over candidates from an inverted index on top terms.
 * Copies always share a story.
 */
import type { CopyPair, SparseVector } from '../types.js';
import { chooseBands, LshIndex } from '../fingerprint/lsh.js';
import { jaccard } from '../fingerprint/minhash.js';
import { cosine } from '../fingerprint/tfidf.js';
import { averageLink, type Edge } from './average-link.js';
import { DEFAULT_CANDIDATES, termCandidates } from './candidates.js';

export interface StoryOptions {
  readonly storyThreshold: number;
  readonly duplicateThreshold: number;
  readonly permutations: number;
  readonly linkage?: 'average' | 'centroid';
  /** Factor applied to the similarity of two articles whose latest years are 2 or more apart, in [0, 1]. */
  readonly yearPenalty: number;
}

export interface StoryClusters {
  /** For each article index, the smallest article index of its story. */
  readonly labels: number[];
  /** Near-duplicate pairs by article index (a < b). */
  readonly copies: { a: number; b: number; jaccard: number }[];
}

/** Near-duplicate pairs: LSH candidates confirmed by the signature's Jaccard estimate. */
export function nearDuplicates(signatures: readonly Uint32Array[], threshold: number, permutations: number): StoryClusters['copies'] {
  const { bands, rows } = chooseBands(threshold, permutations);
  const index = new LshIndex(bands, rows);
  signatures.forEach((s, i) => index.add(i, s));
  const copies: StoryClusters['copies'] = [];
  for (const [a, b] of index.candidatePairs()) {
    const j = jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array);
    if (j >= threshold) copies.push({ a, b, jaccard: j });
  }
  return copies;
}

export function clusterStories(
  vectors: readonly SparseVector[],
  signatures: readonly Uint32Array[],
  years: readonly (number | undefined)[],
  options: StoryOptions,
): StoryClusters {
  const n = vectors.length;
  const copies = nearDuplicates(signatures, options.duplicateThreshold, options.permutations);
  const edges: Edge[] = [];
  for (const key of [...termCandidates(vectors, DEFAULT_CANDIDATES)].sort((x, y) => x - y)) {
    const a = Math.floor(key / n);
    const b = key % n;
    const ya = years[a];
    const yb = years[b];
    const apart = ya !== undefined && yb !== undefined && Math.abs(ya - yb) >= 2;
    const sim = cosine(vectors[a] as SparseVector, vectors[b] as SparseVector) * (apart ? options.yearPenalty : 1);
    if (sim > 0) edges.push({ a, b, sim });
  }
  const labels = averageLink(n, edges, options.storyThreshold, { initial: copies.map((c) => [c.a, c.b]), linkage: options.linkage ?? 'average' });
  return { labels, copies };
}

export function toCopyPairs(copies: StoryClusters['copies'], ids: readonly string[]): CopyPair[] {
  return copies.map((c) => ({ a: ids[c.a] ?? '', b: ids[c.b] ?? '', jaccard: Math.round(c.jaccard * 1000) / 1000 }));
}

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
import { averageLink } from './average-link.js';
import { DEFAULT_CANDIDATES, forEachCandidateRow } from './candidates.js';
import { DenseRow, dimensionsOf } from './dot.js';
import { strongestEdges } from './strongest-edges.js';

export interface StoryOptions {
  readonly storyThreshold: number;
  readonly duplicateThreshold: number;
  readonly permutations: number;
  readonly linkage?: 'average' | 'centroid';
  /** Factor applied to the similarity of two articles whose latest years are 2 or more apart, in [0, 1]. */
  readonly yearPenalty: number;
  /**
   * Days two fully dated articles may be apart and still be one story without penalty (default 30). Beyond it
   * their similarity is multiplied by `yearPenalty`; beyond a year it is 0 (different stories).
   */
  readonly dateWindow?: number;
}

/** Days beyond which two dated reports are never linked directly: a story is not reported a year later. */
export const MAX_DAYS_APART = 365;

/**
 * The factor on two articles' similarity from time evidence. Both full dates known: by their distance in days
 * (the year rule is then ignored, because a date is better evidence than years mentioned in the text).
 * Otherwise the latest years (dated or mentioned): 2 or more apart gives `yearPenalty`. Else 1.
 */
export function timeFactor(
  a: { year: number | undefined; day: number | undefined },
  b: { year: number | undefined; day: number | undefined },
  options: Pick<StoryOptions, 'yearPenalty' | 'dateWindow'>,
): number {
  if (a.day !== undefined && b.day !== undefined) {
    const apart = Math.abs(a.day - b.day);
    if (apart > MAX_DAYS_APART) return 0;
    return apart > (options.dateWindow ?? 30) ? options.yearPenalty : 1;
  }
  return a.year !== undefined && b.year !== undefined && Math.abs(a.year - b.year) >= 2 ? options.yearPenalty : 1;
}

export interface StoryClusters {
  /** For each article index, the smallest article index of its story. */
  readonly labels: number[];
  /** Near-duplicate pairs by article index (a < b). */
  readonly copies: { a: number; b: number; jaccard: number }[];
}

/** The exact Jaccard similarity of two articles' shingle sets, by article index. */
export type ExactJaccard = (a: number, b: number) => number;

/**
 * How far below the threshold a MinHash estimate may fall and still be checked exactly: the estimate's standard
 * error is about 0.044 at Jaccard 0.5 with 128 permutations, so 0.15 is more than three of them.
 */
export const CONFIRM_SLACK = 0.15;

/**
 * Near-duplicate pairs: LSH candidates whose MinHash estimate is within {@link CONFIRM_SLACK} of the threshold,
 * confirmed with the exact Jaccard similarity when `exact` is given (else with the estimate), so a copy just
 * above the threshold is not lost to the estimate's error. The pair's `jaccard` is the value it was confirmed by.
 */
export function nearDuplicates(signatures: readonly Uint32Array[], threshold: number, permutations: number, exact?: ExactJaccard): StoryClusters['copies'] {
  const { bands, rows } = chooseBands(threshold, permutations);
  const index = new LshIndex(bands, rows);
  signatures.forEach((s, i) => index.add(i, s));
  const copies: StoryClusters['copies'] = [];
  for (const [a, b] of index.candidatePairs()) {
    const estimate = jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array);
    if (exact ? estimate < threshold - CONFIRM_SLACK : estimate < threshold) continue;
    const j = exact ? exact(a, b) : estimate;
    if (j >= threshold) copies.push({ a, b, jaccard: j });
  }
  return copies;
}

/**
 * Candidate pairs less similar than this are not kept as edges: on a large feed they are the great majority of
 * candidates (31 million of them at 20,000 articles) and hardly move an average. Approximate: average link
 * then counts them as 0.
 */
export const EDGE_FLOOR = 0.05;

/**
 * Each article keeps at most its this many strongest edges (an edge stays when either end keeps it). A story
 * grows by average link over its members' edges, so beyond the strongest few dozen an article's weaker
 * candidates only dilute averages; the cap bounds memory on large feeds. Approximate on stories of more
 * than this many articles; measured on ECB+ dev (stories of up to 28 articles): no change.
 */
export const MAX_NEIGHBOURS = 64;

export function clusterStories(
  vectors: readonly SparseVector[],
  signatures: readonly Uint32Array[],
  years: readonly (number | undefined)[],
  options: StoryOptions,
  days: readonly (number | undefined)[] = [],
  exact?: ExactJaccard,
): StoryClusters {
  const copies = nearDuplicates(signatures, options.duplicateThreshold, options.permutations, exact);
  const edges = strongestEdges(vectors.length, MAX_NEIGHBOURS, (emit) => {
    const row = new DenseRow(dimensionsOf(vectors));
    forEachCandidateRow(vectors, DEFAULT_CANDIDATES, (a, partners) => {
      row.load(vectors[a] as SparseVector);
      for (const b of partners) {
        const factor = timeFactor({ year: years[a], day: days[a] }, { year: years[b], day: days[b] }, options);
        const sim = factor === 0 ? 0 : row.cosine(vectors[b] as SparseVector) * factor;
        if (sim >= EDGE_FLOOR) emit(a, b, sim);
      }
    });
  });
  const labels = averageLink(vectors.length, edges, options.storyThreshold, { initial: copies.map((c) => [c.a, c.b]), linkage: options.linkage ?? 'average' });
  return { labels, copies };
}

export function toCopyPairs(copies: StoryClusters['copies'], ids: readonly string[]): CopyPair[] {
  return copies.map((c) => ({ a: ids[c.a] ?? '', b: ids[c.b] ?? '', jaccard: Math.round(c.jaccard * 1000) / 1000 }));
}

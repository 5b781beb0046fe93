/**
 * Cluster articles into stories. Two relations:
 * - near-duplicate: the same text republished — MinHash Jaccard estimate ≥ `duplicateThreshold`, with
 *   candidates from banded LSH (bands and rows derived from the threshold);
 * - same story: TF-IDF cosine, average link over candidates from an inverted index on top terms.
 * Copies always share a story.
 */
import type { CopyPair } from '../types.js';
import { chooseBands, LshIndex, pairOfKey } from '../fingerprint/lsh.js';
import { jaccard } from '../fingerprint/minhash.js';
import { averageLink } from './average-link.js';
import type { EdgeArrays } from './edge-list.js';
import { timeWeight, type TimeOptions } from './story-scan.js';

export interface StoryOptions extends TimeOptions {
  readonly storyThreshold: number;
  readonly duplicateThreshold: number;
  readonly permutations: number;
  readonly linkage?: 'average' | 'centroid';
}

/**
 * The factor on two articles' similarity from time evidence (see {@link timeWeight}): 1, `yearPenalty`, or 0
 * for dated reports more than a year apart.
 */
export function timeFactor(
  a: { year: number | undefined; day: number | undefined },
  b: { year: number | undefined; day: number | undefined },
  options: Pick<StoryOptions, 'yearPenalty' | 'dateWindow'>,
): number {
  const n = (x: number | undefined): number => x ?? Number.NaN;
  return timeWeight(n(a.day), n(b.day), n(a.year), n(b.year), options.yearPenalty, options.dateWindow ?? 30);
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
  for (const key of index.candidateKeys()) {
    const [a, b] = pairOfKey(key);
    const estimate = jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array);
    if (exact ? estimate < threshold - CONFIRM_SLACK : estimate < threshold) continue;
    const j = exact ? exact(a, b) : estimate;
    if (j >= threshold) copies.push({ a, b, jaccard: j });
  }
  return copies;
}

/**
 * Each article keeps at most its this many strongest edges (an edge stays when either end keeps it). A story
 * grows by average link over its members' edges, so beyond the strongest few dozen an article's weaker
 * candidates only dilute averages; the cap bounds memory on large feeds. Approximate on stories of more
 * than this many articles; measured on ECB+ dev (stories of up to 28 articles): no change.
 */
export const MAX_NEIGHBOURS = 64;

/**
 * Story labels and near-duplicate copies of `signatures.length` articles. `edges`: the story edges, each
 * article's {@link MAX_NEIGHBOURS} strongest (from parallel/story-edges.ts).
 */
export function clusterStories(signatures: readonly Uint32Array[], options: StoryOptions, edges: EdgeArrays, exact?: ExactJaccard): StoryClusters {
  const copies = nearDuplicates(signatures, options.duplicateThreshold, options.permutations, exact);
  const labels = averageLink(signatures.length, edges, options.storyThreshold, { initial: copies.map((c) => [c.a, c.b]), linkage: options.linkage ?? 'average' });
  return { labels, copies };
}

export function toCopyPairs(copies: StoryClusters['copies'], ids: readonly string[]): CopyPair[] {
  return copies.map((c) => ({ a: ids[c.a] ?? '', b: ids[c.b] ?? '', jaccard: Math.round(c.jaccard * 1000) / 1000 }));
}

/**
 * Cluster articles into stories. Two relations:
 * - near-duplicate: the same text republished — MinHash Jaccard estimate ≥ `duplicateThreshold`, with
 *   candidates from banded LSH (bands and rows derived from the threshold);
 * - same story: TF-IDF cosine, average link over candidates from an inverted index on top terms.
 * Copies always share a story.
 */
import type { CopyPair } from '../types.js';
import type { CopyIndexPair } from './near-duplicates.js';
import { averageLink } from './average-link.js';
import type { EdgeArrays } from './edge-list.js';
import { countryWeight, timeWeight, type TimeOptions } from './story-scan.js';

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

/** The factor on two articles' similarity from their countries (see {@link countryWeight}; text/countries.ts `articleCountry`, 0: none). */
export function countryFactor(a: number, b: number, options: Pick<StoryOptions, 'countryPenalty'>): number {
  return countryWeight(a, b, options.countryPenalty ?? 1);
}

export interface StoryClusters {
  /** For each article index, the smallest article index of its story. */
  readonly labels: number[];
}

export { CONFIRM_SLACK, MAX_LISTED_GROUP, nearDuplicates, nearDuplicatesInTurns, type CopyIndexPair, type CopySearch, type ExactJaccard } from './near-duplicates.js';

/**
 * Each article keeps at most its this many strongest edges (an edge stays when either end keeps it). A story
 * grows by average link over its members' edges, so beyond the strongest few dozen an article's weaker
 * candidates only dilute averages; the cap bounds memory on large feeds. Approximate on stories of more
 * than this many articles; measured on ECB+ dev (stories of up to 28 articles): no change.
 */
export const MAX_NEIGHBOURS = 64;

/**
 * Story labels of `count` articles, given their near-duplicate `copies` (see {@link nearDuplicates}:
 * copies always share a story). `edges`: the story edges, each article's {@link MAX_NEIGHBOURS} strongest (from
 * parallel/story-edges.ts).
 */
export function clusterStories(count: number, options: StoryOptions, edges: EdgeArrays, copies: readonly CopyIndexPair[]): StoryClusters {
  const initial = copies.map((c) => [c.a, c.b]);
  // The scan lists each pair of articles once.
  const labels = averageLink(count, edges, options.storyThreshold, { initial, linkage: options.linkage ?? 'average', distinctPairs: true });
  return { labels };
}

/** The pairs by article id; `versions`: the paths of the earlier versions that `ofVersion` indexes (cluster/version-copies.ts). */
export function toCopyPairs(copies: readonly CopyIndexPair[], ids: readonly string[], versions: readonly string[] = []): CopyPair[] {
  return copies.map((c) => {
    const pair = { a: ids[c.a] ?? '', b: ids[c.b] ?? '', jaccard: Math.round(c.jaccard * 1000) / 1000 };
    return c.ofVersion === undefined ? pair : { ...pair, ofVersion: versions[c.ofVersion] ?? '' };
  });
}

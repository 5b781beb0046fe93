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
  const steps = nearDuplicateSteps(signatures, threshold, permutations, exact);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link nearDuplicates} a little at a time: `pause` is awaited between steps once {@link TURN_MS} have passed
 * since the last pause, so that this thread can answer worker threads in between (it runs while the story scan's
 * workers run: find-stories.ts). The same pairs in the same order. One step is longer: listing the LSH candidates (about
 * 0.6 s at 100,000 articles), which the scan's workers ride out on the second range each holds.
 */
export async function nearDuplicatesInTurns(
  signatures: readonly Uint32Array[],
  threshold: number,
  permutations: number,
  exact: ExactJaccard | undefined,
  pause: () => Promise<void>,
): Promise<StoryClusters['copies']> {
  const steps = nearDuplicateSteps(signatures, threshold, permutations, exact);
  for (let turn = performance.now(); ; ) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - turn < TURN_MS) continue;
    await pause();
    turn = performance.now();
  }
}

/** About how long {@link nearDuplicatesInTurns} works between pauses: short next to a story-scan range (0.1–1 s). */
const TURN_MS = 20;
/** Signatures indexed, or candidate pairs looked at, between two of {@link nearDuplicateSteps}' yields. */
const STEP = 256;

/** The work of {@link nearDuplicates}, yielding after every {@link STEP} signatures indexed or candidates looked at. */
function* nearDuplicateSteps(signatures: readonly Uint32Array[], threshold: number, permutations: number, exact?: ExactJaccard): Generator<void, StoryClusters['copies']> {
  // At threshold 1 a copy has the same shingles, hence the same signature: one band of every slot finds exactly those
  // (LSH banding is chosen for thresholds below 1).
  const { bands, rows } = threshold < 1 ? chooseBands(threshold, permutations) : { bands: 1, rows: permutations };
  const index = new LshIndex(bands, rows);
  for (let i = 0; i < signatures.length; i++) {
    index.add(i, signatures[i] as Uint32Array);
    if (i % STEP === STEP - 1) yield;
  }
  const copies: StoryClusters['copies'] = [];
  const keys = index.candidateKeys();
  for (let k = 0; k < keys.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const [a, b] = pairOfKey(keys[k] as number);
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
 * Story labels of `count` articles, given their near-duplicate `copies` (see {@link nearDuplicates}:
 * copies always share a story). `edges`: the story edges, each article's {@link MAX_NEIGHBOURS} strongest (from
 * parallel/story-edges.ts).
 */
export function clusterStories(count: number, options: StoryOptions, edges: EdgeArrays, copies: StoryClusters['copies']): StoryClusters {
  const initial = copies.map((c) => [c.a, c.b]);
  // The scan lists each pair of articles once.
  const labels = averageLink(count, edges, options.storyThreshold, { initial, linkage: options.linkage ?? 'average', distinctPairs: true });
  return { labels, copies };
}

export function toCopyPairs(copies: StoryClusters['copies'], ids: readonly string[]): CopyPair[] {
  return copies.map((c) => ({ a: ids[c.a] ?? '', b: ids[c.b] ?? '', jaccard: Math.round(c.jaccard * 1000) / 1000 }));
}

/**
 * Near-duplicate pairs (the same text republished) and the copy groups they make: LSH candidates whose MinHash
 * estimate is near the threshold, confirmed with the exact Jaccard similarity of word shingles.
 *
 * Many copies of one text (2,000 republished copies of a wire story) are up to n²/2 candidate pairs, nearly all
 * of them copies. The candidates are confirmed strongest estimate first, as Kruskal's algorithm builds a maximum
 * spanning forest: a pair whose two articles are not yet in one copy group is checked exactly (and joins the two
 * groups if it is a copy); a pair already inside one group waits. Once the groups are known, the waiting pairs of
 * a group of at most {@link MAX_LISTED_GROUP} articles are checked too, so such a group lists every pair, exactly
 * as checking every candidate would; a larger group keeps its spanning tree only (each article joined by its
 * strongest pair, by estimate, that the exact check confirmed): n − 1 pairs and n − 1 exact checks, not n²/2.
 * The groups are the same either way: a waiting pair joins nothing.
 */
import { chooseBands, LshIndex, pairOfKey } from '../fingerprint/lsh.js';
import { jaccard } from '../fingerprint/minhash.js';
import { UnionFind } from '../util/union-find.js';

/** A near-duplicate pair by article index (a < b), with the Jaccard similarity it was confirmed by. */
export interface CopyIndexPair {
  readonly a: number;
  readonly b: number;
  readonly jaccard: number;
  /**
   * The earlier version (by its place among the run's stored versions) of `a` or `b` that the other copies, when the
   * pair is a copy of that version, not of the article's own text (cluster/version-copies.ts); `jaccard` is then that
   * of the copy and the version.
   */
  readonly ofVersion?: number;
}

/** What the search found. */
export interface CopySearch {
  /** Near-duplicate pairs, in increasing (a, b) order: every pair of a small group, a spanning tree of a large one. */
  readonly pairs: CopyIndexPair[];
  /** The articles of the groups of more than {@link MAX_LISTED_GROUP} articles (whose pairs are a spanning tree only). */
  readonly bounded: ReadonlySet<number>;
}

/** The exact Jaccard similarity of two articles' shingle sets, by article index. */
export type ExactJaccard = (a: number, b: number) => number;

/**
 * How far below the threshold a MinHash estimate may fall and still be checked exactly: the estimate's standard
 * error is about 0.044 at Jaccard 0.5 with 128 permutations, so 0.15 is more than three of them.
 */
export const CONFIRM_SLACK = 0.15;

/**
 * The most articles a copy group may have and still list every pair (at most 50 · 49 / 2 = 1,225 of them): so a
 * story never lists more than 24.5 pairs an article. Larger groups list a spanning tree (see the module comment).
 */
export const MAX_LISTED_GROUP = 50;

/**
 * Near-duplicate pairs: LSH candidates whose MinHash estimate is within {@link CONFIRM_SLACK} of the threshold,
 * confirmed with the exact Jaccard similarity when `exact` is given (else with the estimate), so a copy just
 * above the threshold is not lost to the estimate's error. The pair's `jaccard` is the value it was confirmed by.
 * `maxListed`: see {@link MAX_LISTED_GROUP} (the tests make it small).
 */
export function nearDuplicates(signatures: readonly Uint32Array[], threshold: number, permutations: number, exact?: ExactJaccard, maxListed = MAX_LISTED_GROUP): CopySearch {
  const steps = nearDuplicateSteps(signatures, threshold, permutations, exact, maxListed);
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
  candidates?: CopyCandidates,
): Promise<CopySearch> {
  const steps = nearDuplicateSteps(signatures, threshold, permutations, exact, MAX_LISTED_GROUP, candidates);
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

/**
 * The LSH candidate pairs whose MinHash estimate is at least `floor`, with their estimates, in key order (see
 * {@link LshIndex.candidateKeys}). Listed once a run, before the story scan (fingerprint/copy-weights.ts), and
 * confirmed by {@link nearDuplicatesInTurns} while the scan runs.
 */
export interface CopyCandidates {
  readonly keys: Float64Array;
  readonly estimates: Float64Array;
}

/** {@link CopyCandidates} of `signatures` at `floor` (the search's own: `threshold - CONFIRM_SLACK`). */
export function copyCandidates(signatures: readonly Uint32Array[], threshold: number, permutations: number, floor: number): CopyCandidates {
  const steps = candidateSteps(signatures, threshold, permutations, floor);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The work of {@link copyCandidates}, yielding after every {@link STEP} signatures indexed or candidates looked at. */
function* candidateSteps(signatures: readonly Uint32Array[], threshold: number, permutations: number, floor: number): Generator<void, CopyCandidates> {
  // At threshold 1 a copy has the same shingles, hence the same signature: one band of every slot finds exactly those
  // (LSH banding is chosen for thresholds below 1).
  const { bands, rows } = threshold < 1 ? chooseBands(threshold, permutations) : { bands: 1, rows: permutations };
  const index = new LshIndex(bands, rows);
  for (let i = 0; i < signatures.length; i++) {
    index.add(i, signatures[i] as Uint32Array);
    if (i % STEP === STEP - 1) yield;
  }
  const keys = index.candidateKeys();
  // The candidates worth a look, with their estimates, in key order.
  const kept = new Float64Array(keys.length);
  const estimates = new Float64Array(keys.length);
  let count = 0;
  for (let k = 0; k < keys.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const [a, b] = pairOfKey(keys[k] as number);
    const estimate = jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array);
    if (estimate < floor) continue;
    kept[count] = keys[k] as number;
    estimates[count++] = estimate;
  }
  return { keys: kept.slice(0, count), estimates: estimates.slice(0, count) };
}

/**
 * The work of {@link nearDuplicates}, yielding after every {@link STEP} signatures indexed or candidates looked at.
 * `given`: the candidates listed already at `threshold - CONFIRM_SLACK` (or lower), so not listed again.
 */
function* nearDuplicateSteps(signatures: readonly Uint32Array[], threshold: number, permutations: number, exact: ExactJaccard | undefined, maxListed: number, given?: CopyCandidates): Generator<void, CopySearch> {
  const floor = exact ? threshold - CONFIRM_SLACK : threshold;
  const listed = given ?? (yield* candidateSteps(signatures, threshold, permutations, floor));
  const kept = listed.keys;
  const estimates = listed.estimates;
  const count = kept.length;
  const groups = new UnionFind(signatures.length);
  const confirm = (a: number, b: number, at: number): number => (exact ? exact(a, b) : (estimates[at] as number));
  const found: CopyIndexPair[] = [];
  const waiting: number[] = [];
  const order = strongestFirst(estimates.subarray(0, count), signatures[0]?.length ?? permutations);
  for (let i = 0; i < count; i++) {
    if (i % STEP === STEP - 1) yield;
    const at = order[i] as number;
    const [a, b] = pairOfKey(kept[at] as number);
    if (groups.find(a) === groups.find(b)) {
      waiting.push(at);
      continue;
    }
    const j = confirm(a, b, at);
    if (j < threshold) continue;
    groups.union(a, b);
    found.push({ a, b, jaccard: j });
  }
  for (let i = 0; i < waiting.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const at = waiting[i] as number;
    const [a, b] = pairOfKey(kept[at] as number);
    if (groups.sizeOf(a) > maxListed) continue;
    const j = confirm(a, b, at);
    if (j >= threshold) found.push({ a, b, jaccard: j });
  }
  found.sort((x, y) => x.a - y.a || x.b - y.b);
  const bounded = new Set<number>();
  for (const p of found) if (groups.sizeOf(p.a) > maxListed) bounded.add(p.a).add(p.b);
  return { pairs: found, bounded };
}

/**
 * Positions of `estimates` by decreasing estimate, equal estimates in position order (so in key order). An estimate
 * is a share of `slots` signature slots, so a counting sort on the count of equal slots does it in linear time.
 */
function strongestFirst(estimates: Float64Array, slots: number): Uint32Array {
  const starts = new Uint32Array(slots + 2);
  const slot = (e: number): number => slots - Math.min(slots, Math.max(0, Math.round(e * slots)));
  for (let i = 0; i < estimates.length; i++) (starts[slot(estimates[i] as number) + 1] as number)++;
  for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const order = new Uint32Array(estimates.length);
  for (let i = 0; i < estimates.length; i++) {
    const k = slot(estimates[i] as number);
    order[starts[k] as number] = i;
    starts[k] = (starts[k] as number) + 1;
  }
  return order;
}

/**
 * How much each article counts in the story vectors' document frequencies: a group of near-duplicate copies of one
 * text counts as one document, each copy 1 / the group's size. Counted once a copy, a story republished by ten
 * outlets made its words ten times as common: their idf fell, its articles that are not copies of each other
 * looked less alike, and the story broke up as more outlets carried it (ECB+ dev's 22-article church-fire story
 * given ten outlets' copies: 8 stories).
 *
 * The groups are made here from the MinHash estimates of the LSH candidates (no exact check: a weight is not a
 * report, and the exact check needs every candidate's shingles), before the story scan needs the vectors; the
 * reported copies are confirmed exactly afterwards (cluster/near-duplicates.ts), from the same candidates, listed once.
 * No weights when no article has a copy, so a run without copies weighs exactly as before. The story scan compares only each group's first article
 * (its `representative`), and its copies take that article's story (cluster/find-stories.ts).
 */
import { CONFIRM_SLACK, copyCandidates, type CopyCandidates } from '../cluster/near-duplicates.js';
import { pairOfKey } from './lsh.js';
import { UnionFind } from '../util/union-find.js';

/** The estimated copy groups: each article's weight in document frequencies, and its group's first article. */
export interface CopyEstimate {
  /** 1 / the size of the article's group; absent when no article has a copy. */
  readonly weights?: Float64Array;
  /** The smallest article index of the article's group (itself when it has no copy); absent with `weights`. */
  readonly representative?: Int32Array;
  /** The LSH candidates down to the exact search's floor, which that search then confirms without listing them again. */
  readonly candidates: CopyCandidates;
}

export function estimatedCopies(signatures: readonly Uint32Array[], threshold: number, permutations: number): CopyEstimate {
  const n = signatures.length;
  const candidates = copyCandidates(signatures, threshold, permutations, threshold - CONFIRM_SLACK);
  const groups = new UnionFind(n);
  let joined = false;
  candidates.keys.forEach((key, k) => {
    if ((candidates.estimates[k] as number) < threshold) return;
    const [a, b] = pairOfKey(key);
    joined = groups.union(a, b) || joined;
  });
  if (!joined) return { candidates };
  const weights = new Float64Array(n);
  const representative = new Int32Array(n).fill(-1);
  const first = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const root = groups.find(i);
    if (first[root] === -1) first[root] = i;
    representative[i] = first[root] as number;
    weights[i] = 1 / groups.sizeOf(i);
  }
  return { weights, representative, candidates };
}

/**
 * Candidate pairs for story clustering without comparing every article with every other: articles that share
 * one of their top-weighted terms. Terms held by more than `maxPosting` articles are too common to say
 * anything and are passed over, which keeps the cost near-linear; this is approximate (a pair whose only
 * shared top terms are that common is missed) and is meant to be confirmed with the real similarity.
 */
import type { SparseVector } from '../types.js';
import { topTerms } from '../fingerprint/tfidf.js';

export interface CandidateOptions {
  /** How many of each article's highest-weighted terms to index, in [1, 200]. */
  readonly topTerms: number;
  /** Posting lists longer than this are skipped, in [2, ∞). */
  readonly maxPosting: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { topTerms: 24, maxPosting: 2000 };

/** Pairs `a * n + b` (a < b) of articles sharing a top term, as a set of numeric keys. */
export function termCandidates(vectors: readonly SparseVector[], options: CandidateOptions = DEFAULT_CANDIDATES): Set<number> {
  const postings = new Map<number, number[]>();
  vectors.forEach((v, doc) => {
    for (const t of topTerms(v, options.topTerms)) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(doc);
    }
  });
  const n = vectors.length;
  const pairs = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > options.maxPosting) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) pairs.add((list[i] as number) * n + (list[j] as number));
    }
  }
  return pairs;
}

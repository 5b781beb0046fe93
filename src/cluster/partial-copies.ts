/**
 * Partial copies: an article whose text is, nearly all of it, word for word inside a longer article of its story
 * (wire copy republished but cut: the first 40% of an AP story). Jaccard similarity misses them (a 40% cut of a
 * text has Jaccard about 0.4 with it), so they are judged by containment, |P ∩ W| / |P| over word shingle sets,
 * where P is the shorter text (the part) and W the longer (the whole).
 *
 * Sub-quadratic in the corpus: only articles of one story are compared (an excerpt has the terms of its whole, so
 * the TF-IDF clustering puts it with it; copies of a text always share a story). Within a story, a pair is
 * checked exactly only when the whole holds enough of the part's sketch: its {@link SKETCH_SIZE} smallest shingle
 * hashes, a uniform sample of its shingles (the hashes are mixed), so the share of them found in the whole
 * estimates the containment. The work in a story is the number of (shingle of an article, sketch entry of another)
 * matches: a pass over its shingles plus, for texts that share much, about SKETCH_SIZE per pair that does.
 */
import type { PartialCopy } from '../types.js';
import { sharedCount } from '../fingerprint/articles.js';

/** A partial copy by article index: `part`'s shingles are, for at least the threshold's share, `whole`'s. */
export interface PartialCopyIndices {
  readonly part: number;
  readonly whole: number;
  /** |part ∩ whole| / |part|, exact. */
  readonly containment: number;
  /** |part ∩ whole| / |part ∪ whole|, exact. */
  readonly jaccard: number;
}

export interface PartialCopyOptions {
  /** Containment at or above which the shorter text is a partial copy of the longer, in (0, 1]. */
  readonly threshold: number;
  /**
   * Whether two articles (by index, either order) are near-duplicates (stories.ts): such a pair is not also a
   * partial copy. A pair at or above the duplicate threshold that the MinHash search did not propose is one.
   */
  readonly isCopy: (a: number, b: number) => boolean;
}

/** Shingles of a part's sketch: 32 gives the share found in the whole a standard error of 0.07 at containment 0.8. */
export const SKETCH_SIZE = 32;
/**
 * How far below the threshold the share of a part's sketch found in a whole may fall and the pair still be checked
 * exactly: 0.2 is about three standard errors at threshold 0.8 (a part just at the threshold is lost about 1 time
 * in 400); a verbatim excerpt, at containment near 1, is never lost.
 */
export const SKETCH_SLACK = 0.2;
/**
 * Fewer distinct shingles than this (about 24 words) and a text is not taken for a partial copy: a quote or a
 * sentence that two reports share word for word is not republished copy.
 */
export const MIN_PART_SHINGLES = 20;

/**
 * The partial copies among `members` (article indices of one story), at most one for each part: the whole that
 * holds most of it, then the longest, then the one of smallest id. `setOf`: an article's distinct shingle hashes,
 * sorted (fingerprint/articles.ts shingleSet); `idOf`: its id, which alone breaks ties (never the input order).
 * In the order of `members`, by part.
 */
export function partialCopiesInStory(
  members: readonly number[],
  setOf: (i: number) => Uint32Array,
  idOf: (i: number) => string,
  options: PartialCopyOptions,
): PartialCopyIndices[] {
  const { threshold, isCopy } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`partial copy threshold must be in (0, 1], got ${threshold}`);
  if (members.length < 2) return [];
  const sets = members.map(setOf);
  // Sketch hash → the members (positions in `members`) whose sketch holds it.
  const owners = new Map<number, number[]>();
  sets.forEach((set, p) => {
    if (set.length < MIN_PART_SHINGLES) return;
    for (const h of set.subarray(0, SKETCH_SIZE)) {
      const list = owners.get(h);
      if (list) list.push(p);
      else owners.set(h, [p]);
    }
  });
  const best: (Candidate | undefined)[] = members.map(() => undefined);
  const counts = new Uint32Array(members.length);
  const touched: number[] = [];
  sets.forEach((whole, w) => {
    for (const h of whole) {
      for (const p of owners.get(h) ?? []) {
        if (p === w) continue;
        if (counts[p] === 0) touched.push(p);
        counts[p] = (counts[p] as number) + 1;
      }
    }
    for (const p of touched) {
      const part = sets[p] as Uint32Array;
      const found = counts[p] as number;
      counts[p] = 0;
      if (part.length > whole.length || found < (threshold - SKETCH_SLACK) * Math.min(SKETCH_SIZE, part.length)) continue;
      // Of two texts of one size, the one of larger id is the part, so a pair is looked at one way only.
      if (part.length === whole.length && idOf(members[p] as number) < idOf(members[w] as number)) continue;
      const shared = sharedCount(part, whole);
      const containment = shared / part.length;
      const jaccard = shared / (part.length + whole.length - shared);
      if (containment < threshold || isCopy(members[p] as number, members[w] as number)) continue;
      const candidate = { part: members[p] as number, whole: members[w] as number, containment, jaccard, wholeSize: whole.length };
      if (better(candidate, best[p], idOf)) best[p] = candidate;
    }
    touched.length = 0;
  });
  return best.flatMap((b) => (b ? [{ part: b.part, whole: b.whole, containment: b.containment, jaccard: b.jaccard }] : []));
}

/** A partial copy with the size of its whole's shingle set, to choose among wholes by. */
type Candidate = PartialCopyIndices & { readonly wholeSize: number };

/** Whether `x` is a better whole for its part than `y`: more containment, then a longer whole, then the smaller id. */
function better(x: Candidate, y: Candidate | undefined, idOf: (i: number) => string): boolean {
  if (y === undefined) return true;
  if (x.containment !== y.containment) return x.containment > y.containment;
  if (x.wholeSize !== y.wholeSize) return x.wholeSize > y.wholeSize;
  return idOf(x.whole) < idOf(y.whole);
}

/** The partial copies with article ids, their measures rounded to 3 decimals as the report gives them. */
export function toPartialCopies(found: readonly PartialCopyIndices[], ids: readonly string[]): PartialCopy[] {
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return found.map((c) => ({ part: ids[c.part] ?? '', whole: ids[c.whole] ?? '', containment: round(c.containment), jaccard: round(c.jaccard) }));
}

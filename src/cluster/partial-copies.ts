/**
 * Partial copies: an article whose text is, nearly all of it, word for word inside a longer article of its story
 * (wire copy republished but cut: the first 40% of an AP story). Jaccard similarity misses them (a 40% cut of a
 * text has Jaccard about 0.4 with it), so they are judged by containment, |P ∩ W| / |P| over word shingle sets,
 * where P is the shorter text (the part) and W the longer (the whole).
 *
 * Sub-quadratic in the corpus: only articles of one story are compared (an excerpt has the terms of its whole, so
 * the TF-IDF clustering puts it with it; copies of a text always share a story). Within a story, a pair is
 * compared by its containment sketches (fingerprint/sketch.ts, made with the signatures) when the two sketches
 * share a hash or the whole's samples nothing of the part (a part much shorter than its whole), found through an
 * index of the sketches' hashes and an order of their bounds; and checked exactly on the two shingle sets only
 * when the sketches sample enough of the part inside the whole, or nothing of it. So the shingle sets are made only
 * for the few articles the sketches leave in doubt, and the work grows with the pairs of articles that share text
 * (up to 32 n² steps for n copies of one text), not with the square of the story.
 */
import type { PartialCopy } from '../types.js';
import { sharedCount } from '../fingerprint/articles.js';
import { sketchBound, sketchContainment, type Sketch } from '../fingerprint/sketch.js';

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

/** What is known of the articles, by index: sketch, shingle set (sorted distinct hashes, made when asked) and id. */
export interface PartialCopySources {
  readonly sketchOf: (i: number) => Sketch;
  readonly setOf: (i: number) => Uint32Array;
  /** Alone breaks ties (never the input order). */
  readonly idOf: (i: number) => string;
}

/**
 * How far below the threshold the share of a part's sampled shingles found in the whole may fall and the pair still
 * be checked exactly. A verbatim excerpt samples a share of 1 and is never lost; a part just at threshold 0.8
 * samples under 0.5 about 1 time in 60 with 6 samples (a fifth of its whole's length), 1 in 1,800 with 20.
 */
export const SKETCH_SLACK = 0.3;
/**
 * Fewer distinct shingles than this (about 24 words) and a text is not taken for a partial copy: a quote or a
 * sentence that two reports share word for word is not republished copy.
 */
export const MIN_PART_SHINGLES = 20;

/**
 * The partial copies among `members` (article indices of one story), at most one for each part: the whole that
 * holds most of it, then the longest, then the one of smallest id. In the order of `members`, by part.
 */
export function partialCopiesInStory(members: readonly number[], sources: PartialCopySources, options: PartialCopyOptions): PartialCopyIndices[] {
  const { threshold, isCopy } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`partial copy threshold must be in (0, 1], got ${threshold}`);
  if (members.length < 2) return [];
  const { idOf } = sources;
  const sketches = members.map(sources.sketchOf);
  // Sketch hash → the members (positions in `members`) whose sketch has it: a whole that passes the sketch test
  // below shares a sampled hash with the part.
  const holders = new Map<number, number[]>();
  sketches.forEach((s, k) => {
    for (const h of s.hashes) {
      const list = holders.get(h);
      if (list) list.push(k);
      else holders.set(h, [k]);
    }
  });
  // The members by their sketch's bound, smallest first: the wholes whose sketch samples nothing of a part are
  // those whose bound is below the part's smallest hash, a prefix of this order.
  const byBound = members.map((_, k) => k).sort((x, y) => sketchBound(sketches[x] as Sketch) - sketchBound(sketches[y] as Sketch) || x - y);
  const sets = new Map<number, Uint32Array>();
  const setAt = (k: number): Uint32Array => {
    let set = sets.get(k);
    if (!set) sets.set(k, (set = sources.setOf(members[k] as number)));
    return set;
  };
  const found: PartialCopyIndices[] = [];
  members.forEach((part, p) => {
    const sp = sketches[p] as Sketch;
    if (sp.size < MIN_PART_SHINGLES) return;
    const wholes = new Set<number>();
    for (const h of sp.hashes) for (const w of holders.get(h) ?? []) wholes.add(w);
    const smallest = sp.hashes[0] as number;
    for (const w of byBound) {
      if (sketchBound(sketches[w] as Sketch) >= smallest) break;
      wholes.add(w);
    }
    let best: Candidate | undefined;
    // `better` orders wholes completely, so the order they are looked at in does not matter.
    wholes.forEach((w) => {
      const whole = members[w] as number;
      const sw = sketches[w] as Sketch;
      // Of two texts of one size, the one of larger id is the part, so a pair is looked at one way only.
      if (w === p || sw.size < sp.size || (sw.size === sp.size && idOf(part) < idOf(whole))) return;
      // Copies first: many copies of one text are all each other's candidates, and the look-up costs less.
      if (isCopy(part, whole)) return;
      const { samples, hits } = sketchContainment(sp, sw);
      if (samples > 0 && hits < (threshold - SKETCH_SLACK) * samples) return;
      const a = setAt(p);
      const b = setAt(w);
      const shared = sharedCount(a, b);
      const containment = shared / a.length;
      if (containment < threshold) return;
      const candidate = { part, whole, containment, jaccard: shared / (a.length + b.length - shared), wholeSize: b.length };
      if (better(candidate, best, idOf)) best = candidate;
    });
    if (best) found.push({ part: best.part, whole: best.whole, containment: best.containment, jaccard: best.jaccard });
  });
  return found;
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

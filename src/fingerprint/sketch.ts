/**
 * Containment sketches: a text's {@link SKETCH_SIZE} smallest distinct shingle hashes and how many distinct
 * shingles it has. Shingle hashes are mixed 32-bit values (shingles.ts), so the smallest are a uniform sample of
 * the text's shingles, and two texts' sketches sample their shingles alike: what a bottom-k sketch estimates
 * containment from (the share of one text's shingles that are another's) without the shingle sets.
 */

/** Hashes a sketch keeps: 32 (128 bytes an article) gives about 6 samples for a part a fifth of its whole's length. */
export const SKETCH_SIZE = 32;

export interface Sketch {
  /** The smallest distinct shingle hashes, sorted; all of them when there are at most SKETCH_SIZE. */
  readonly hashes: Uint32Array;
  /** How many distinct shingles the text has. */
  readonly size: number;
}

/** The sketch of a text's shingle hashes (duplicates allowed). Sorts `shingles` in place. */
export function sketchOf(shingles: Uint32Array, k = SKETCH_SIZE): Sketch {
  shingles.sort();
  const hashes = new Uint32Array(Math.min(k, shingles.length));
  let kept = 0;
  let size = 0;
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i] as number;
    if (i > 0 && h === shingles[i - 1]) continue;
    if (kept < hashes.length) hashes[kept++] = h;
    size++;
  }
  return { hashes: hashes.subarray(0, kept), size };
}

/** The largest hash a sketch vouches for: up to it every shingle of its text is in it (all, for a whole set). */
export function sketchBound(s: Sketch): number {
  return s.hashes.length < s.size ? (s.hashes[s.hashes.length - 1] as number) : 0xffffffff;
}

/**
 * The containment of `part` in `whole` sampled from their sketches: `samples`, the part's shingles whose hash is
 * at most both sketches' bounds (each is in the part's sketch, and in the whole's exactly when it is a shingle of
 * the whole), and `hits`, how many of those the whole's sketch has. hits / samples estimates |P ∩ W| / |P|; it is 1
 * for a part wholly inside the whole, whatever the sample, and exact when both sketches hold their whole sets.
 * `samples` is about SKETCH_SIZE × |P| / |W| for a part shorter than its whole, and may be 0.
 */
export function sketchContainment(part: Sketch, whole: Sketch): { samples: number; hits: number } {
  const limit = Math.min(sketchBound(part), sketchBound(whole));
  const p = part.hashes;
  const w = whole.hashes;
  let samples = 0;
  let hits = 0;
  let j = 0;
  for (let i = 0; i < p.length; i++) {
    const h = p[i] as number;
    if (h > limit) break;
    samples++;
    while (j < w.length && (w[j] as number) < h) j++;
    if (j < w.length && w[j] === h) hits++;
  }
  return { samples, hits };
}

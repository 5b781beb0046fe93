import { combine, mix32 } from './hash.js';
import { grown } from '../util/typed.js';

/**
 * Probability that two sets with Jaccard similarity `t` share at least one of `bands` buckets when each
 * band is `rows` MinHash slots: `1 - (1 - t^rows)^bands`. Exact for ideal min-wise hashing.
 */
export function candidateProbability(t: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(t, rows), bands);
}

export interface ChooseBandsOptions {
  /** Required candidate probability at exactly the threshold, in (0, 1); default 0.99. */
  readonly minProbability?: number;
  /** How much a unit of false-negative area costs against a unit of false-positive area, > 0; default 100. */
  readonly falseNegativeWeight?: number;
}

export interface BandsRows {
  readonly bands: number;
  readonly rows: number;
}

/** Simpson's rule with 512 intervals; the S-curves here are smooth polynomials, so this is ample. */
function integrate(f: (s: number) => number, lo: number, hi: number): number {
  const n = 512;
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/**
 * Pick `bands × rows ≤ permutations` for a Jaccard `threshold` in (0, 1).
 *
 * Only layouts whose candidate probability at the threshold is at least `minProbability` (0.99) are
 * allowed. Among them it minimises, as datasketch's `_optimal_param` does, the false-positive area
 * (integral of the S-curve over [0, threshold]) plus `falseNegativeWeight` (100) times the
 * false-negative area (integral of 1 - S over [threshold, 1]). The heavy weight is deliberate: a pair the
 * index misses is lost for good, while a false candidate only costs one exact re-check; without it the
 * choice sits exactly at the 0.99 floor (e.g. 35 × 3 instead of 39 × 3 at 0.5).
 * If no layout reaches `minProbability` (tiny thresholds with few permutations) it returns the layout with
 * the highest probability at the threshold, `permutations × 1`.
 */
export function chooseBands(threshold: number, permutations: number, opts: ChooseBandsOptions = {}): BandsRows {
  const minProbability = opts.minProbability ?? 0.99;
  const fnWeight = opts.falseNegativeWeight ?? 100;
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`permutations must be an integer >= 1, got ${permutations}`);
  }
  if (!(minProbability > 0 && minProbability < 1)) {
    throw new RangeError(`minProbability must be in (0, 1), got ${minProbability}`);
  }
  if (!(fnWeight > 0 && Number.isFinite(fnWeight))) {
    throw new RangeError(`falseNegativeWeight must be a finite number > 0, got ${fnWeight}`);
  }
  let best: BandsRows = { bands: permutations, rows: 1 };
  let bestCost = Infinity;
  for (let bands = 1; bands <= permutations; bands++) {
    for (let rows = 1; bands * rows <= permutations; rows++) {
      if (candidateProbability(threshold, bands, rows) < minProbability) continue;
      const fp = integrate((s) => candidateProbability(s, bands, rows), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, bands, rows), threshold, 1);
      const cost = fp + fnWeight * fn;
      if (cost < bestCost) {
        bestCost = cost;
        best = { bands, rows };
      }
    }
  }
  return best;
}

export interface LshIndexOptions {
  /** Buckets larger than this are paired only against their first `maxBucketSize` members; >= 2, default 500. */
  readonly maxBucketSize?: number;
  /**
   * Buckets of at least this many members list only the pairs no earlier band listed (see
   * {@link LshIndex.candidateKeys}); >= 2, default 64. The candidates are the same for every value.
   */
  readonly repeatCheckFrom?: number;
}

/** Largest id accepted, so that a pair packs into one exact double (`a * 2^26 + b < 2^52`). */
export const MAX_ID = 2 ** 26 - 1;
const ID_SCALE = 2 ** 26;

/**
 * Banded MinHash LSH: candidate pairs of documents whose signatures agree on all `rows` slots of at least
 * one of `bands` bands.
 *
 * Approximate, as datasketch's `MinHashLSH.query` is: a pair with Jaccard `t` becomes a candidate with
 * probability {@link candidateProbability}`(t, bands, rows)`, and each band is bucketed by a 32-bit hash,
 * so unrelated bands collide with probability about 2^-32. Re-check every candidate with the real
 * similarity.
 *
 * A bucket with more than `maxBucketSize` members (many copies of one text, or many empty documents) would
 * give a quadratic number of pairs. Instead each of its members is paired only with the bucket's first
 * `maxBucketSize` members (in insertion order). Every member is still linked to the same group, so
 * connected components are unchanged, but some pairs of later members are not listed from that bucket.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  readonly maxBucketSize: number;
  readonly repeatCheckFrom: number;
  /** Per band, the bucket key of each added document, in the order added (grown as needed). */
  #keys: Uint32Array<ArrayBuffer>[] = [];
  /** The id of each added document, in the order added. */
  #docs: Int32Array<ArrayBuffer> = new Int32Array(64);
  #count = 0;
  readonly #ids = new Set<number>();

  constructor(bands: number, rows: number, opts: LshIndexOptions = {}) {
    const maxBucketSize = opts.maxBucketSize ?? 500;
    if (!Number.isInteger(bands) || bands < 1 || bands > 1024) {
      throw new RangeError(`bands must be an integer in [1, 1024], got ${bands}`);
    }
    if (!Number.isInteger(rows) || rows < 1 || rows > 1024) {
      throw new RangeError(`rows must be an integer in [1, 1024], got ${rows}`);
    }
    if (!Number.isInteger(maxBucketSize) || maxBucketSize < 2) {
      throw new RangeError(`maxBucketSize must be an integer >= 2, got ${maxBucketSize}`);
    }
    this.bands = bands;
    this.rows = rows;
    this.maxBucketSize = maxBucketSize;
    this.repeatCheckFrom = Math.max(2, opts.repeatCheckFrom ?? 64);
    for (let band = 0; band < bands; band++) this.#keys.push(new Uint32Array(64));
  }

  /** Index a signature (its first `bands × rows` slots) under `id`, an unused integer in [0, 2^26 - 1]. */
  add(id: number, signature: Uint32Array): void {
    if (!Number.isInteger(id) || id < 0 || id > MAX_ID) {
      throw new RangeError(`id must be an integer in [0, ${MAX_ID}], got ${id}`);
    }
    if (this.#ids.has(id)) throw new Error(`id ${id} was already added to this LshIndex`);
    const needed = this.bands * this.rows;
    if (signature.length < needed) {
      throw new RangeError(
        `signature has ${signature.length} slots but ${this.bands} bands × ${this.rows} rows need ${needed}`,
      );
    }
    this.#ids.add(id);
    const at = this.#count++;
    if (at === this.#docs.length) {
      this.#docs = grown(this.#docs);
      this.#keys = this.#keys.map((k) => grown(k));
    }
    this.#docs[at] = id;
    for (let band = 0; band < this.bands; band++) (this.#keys[band] as Uint32Array)[at] = bandKey(signature, band, this.rows);
  }

  /** Every pair that shares a bucket in some band, once, as `[a, b]` with `a < b`, sorted by `a` then `b`. */
  candidatePairs(): Array<[number, number]> {
    return Array.from(this.candidateKeys(), (key) => pairOfKey(key));
  }

  /**
   * {@link candidatePairs} as keys `a · 2^26 + b` in increasing order (see {@link pairOfKey}), in one typed
   * array. A pair of near-identical copies shares every band's bucket, so the keys are compacted (sorted, repeats
   * dropped) whenever the buffer fills: it never holds much more than twice the distinct pairs. And in a bucket of
   * {@link repeatCheckFrom} members or more (many copies of one text: 2,000 copies made 34 million keys over 39
   * bands for 1.2 million pairs) a pair that an earlier band already listed is passed over: one that shared a bucket
   * there with one of the two among its first `maxBucketSize` members (a byte a document and band tells which).
   */
  candidateKeys(): Float64Array {
    let keys = new Float64Array(1 << 16);
    let count = 0;
    const n = this.#count;
    // Per band done, whether each document (by position) is among the first maxBucketSize members of its bucket.
    const anchored: Uint8Array[] = [];
    const listedBefore = (p: number, q: number): boolean => {
      for (let b = 0; b < anchored.length; b++) {
        const bandKeys = this.#keys[b] as Uint32Array;
        const anchor = anchored[b] as Uint8Array;
        if (bandKeys[p] === bandKeys[q] && (anchor[p] === 1 || anchor[q] === 1)) return true;
      }
      return false;
    };
    for (const bandKeys of this.#keys) {
      // A bucket is a run of equal keys in key order; the sort is stable, so its members are in the order added.
      const order = byKey(bandKeys.subarray(0, n));
      const anchor = new Uint8Array(n);
      for (let first = 0, next = 1; first < n; first = next, next = first + 1) {
        const key = bandKeys[order[first] as number];
        while (next < n && bandKeys[order[next] as number] === key) next++;
        const anchors = Math.min(next - first, this.maxBucketSize);
        for (let i = first; i < first + anchors; i++) anchor[order[i] as number] = 1;
        const check = next - first >= this.repeatCheckFrom && anchored.length > 0;
        for (let i = first + 1; i < next; i++) {
          const at = order[i] as number;
          const x = this.#docs[at] ?? 0;
          for (let j = first; j < Math.min(i, first + anchors); j++) {
            if (check && listedBefore(at, order[j] as number)) continue;
            const y = this.#docs[order[j] as number] ?? 0;
            if (count === keys.length) {
              count = sortedDistinct(keys, count);
              if (2 * count > keys.length) {
                const more = new Float64Array(keys.length * 2);
                more.set(keys.subarray(0, count));
                keys = more;
              }
            }
            keys[count++] = x < y ? x * ID_SCALE + y : y * ID_SCALE + x;
          }
        }
      }
      anchored.push(anchor);
    }
    return keys.slice(0, sortedDistinct(keys, count));
  }
}

/**
 * The bucket key of a signature's band `band` of `rows` slots (slots `band · rows` to `(band + 1) · rows − 1`): what
 * {@link LshIndex} buckets documents by. Two signatures equal on the band's slots have the same key.
 */
export function bandKey(signature: Uint32Array, band: number, rows: number): number {
  let h = band;
  const start = band * rows;
  for (let j = start; j < start + rows; j++) h = combine(h, signature[j] ?? 0);
  return mix32(h ^ rows);
}

/** The pair `[a, b]` of a key of {@link LshIndex.candidateKeys}. */
export function pairOfKey(key: number): [number, number] {
  const a = Math.floor(key / ID_SCALE);
  return [a, key - a * ID_SCALE];
}

/** Sort `keys[0, count)` and drop repeats in place; returns how many distinct keys are left at the front. */
function sortedDistinct(keys: Float64Array, count: number): number {
  const part = keys.subarray(0, count).sort();
  let kept = 0;
  for (let i = 0; i < count; i++) if (kept === 0 || part[i] !== part[kept - 1]) part[kept++] = part[i] as number;
  return kept;
}


/** Positions of `keys` in increasing key order, equal keys in position order: a stable radix sort, 16 bits a pass. */
export function byKey(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65_537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[(((keys[i] as number) >>> shift) & 0xffff) + 1] as number)++;
    for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < n; i++) {
      const p = order[i] as number;
      const digit = ((keys[p] as number) >>> shift) & 0xffff;
      spare[counts[digit] as number] = p;
      counts[digit] = (counts[digit] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

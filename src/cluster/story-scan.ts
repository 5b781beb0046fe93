/**
 * The story-similarity scan: for every candidate pair (see candidates.ts), the TF-IDF cosine times
 * the time factor and the country factor, kept when ≥ {@link EDGE_FLOOR}. Everything it reads is in flat typed arrays (the vectors in
 * compressed rows, years and days as numbers with NaN for unknown), so a range of rows can be scanned on a
 * worker thread over shared memory (src/parallel/story-edges.ts) with the same result as on this one.
 */
import { rowCount, type VectorTable } from '../fingerprint/vector-table.js';
import { candidateRows, DEFAULT_CANDIDATES, topIndex, type PostingLimits, type TopIndex } from './candidates.js';
import { EdgeList } from './edge-list.js';
import type { TopK } from './top-k.js';
import { differentCountries } from '../text/countries.js';

/**
 * Candidate pairs less similar than this are not kept as edges: on a large feed they are the great majority of
 * candidates (31 million of them at 20,000 articles) and hardly move an average. Approximate: average link
 * then counts them as 0.
 */
export const EDGE_FLOOR = 0.05;

/** Days beyond which two dated reports are never linked directly: a story is not reported a year later. */
export const MAX_DAYS_APART = 365;

/** The time evidence settings of story clustering. */
export interface TimeOptions {
  /** Factor applied to the similarity of two articles whose latest years are 2 or more apart, in [0, 1]. */
  readonly yearPenalty: number;
  /**
   * Days two fully dated articles may be apart and still be one story without penalty (default 30). Beyond it
   * their similarity is multiplied by `yearPenalty`; beyond a year it is 0 (different stories).
   */
  readonly dateWindow?: number;
  /**
   * Factor on the similarity of two articles whose datelines and leads each name a country and none in common
   * (text/countries.ts `differentCountries`), in [0, 1]; 1 (the default) leaves it as it is.
   */
  readonly countryPenalty?: number;
}

/** Everything the scan reads, as flat typed arrays (on shared memory when made for worker threads). */
export interface StoryScan {
  /** Vector `i` is `terms/weights[start[i] .. start[i+1])`, terms increasing. */
  readonly start: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
  /** One more than the largest term id. */
  readonly dimensions: number;
  /** Latest year and day number per article; NaN when unknown. */
  readonly years: Float64Array;
  readonly days: Float64Array;
  /** Countries per article (text/countries.ts `articleCountry`: two ids packed; 0 when it names none). */
  readonly countries: Uint32Array;
  readonly index: TopIndex;
  readonly limits: PostingLimits;
  readonly yearPenalty: number;
  readonly dateWindow: number;
  readonly countryPenalty: number;
}

/** One more than the largest term id in `vectors` (0 for none). */
function dimensionsOf(vectors: VectorTable): number {
  let max = -1;
  for (const t of vectors.terms) if (t > max) max = t;
  return max + 1;
}

/** A typed array of `length` on shared memory when `shared` (to hand to workers without copying). */
function alloc<T extends Int32Array | Float32Array | Float64Array | Uint32Array>(Type: (new (b: ArrayBufferLike) => T) & { BYTES_PER_ELEMENT: number }, length: number, shared: boolean): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** `source` itself, or a copy of it on shared memory when `shared` and it is not there already. */
function copyOf<T extends Int32Array | Float32Array | Float64Array | Uint32Array>(source: T, shared: boolean): T {
  if (!shared || source.buffer instanceof SharedArrayBuffer) return source;
  const Type = source.constructor as (new (b: ArrayBufferLike) => T) & { BYTES_PER_ELEMENT: number };
  const out = alloc(Type, source.length, true);
  out.set(source);
  return out;
}

/**
 * The scan's inputs from the articles' vectors, years, days and countries (`shared`: on shared memory, for workers); with
 * `representatives`, only the first article of each group of copies is compared (see candidates.ts `topIndex`).
 */
export function storyScan(
  vectors: VectorTable,
  years: readonly (number | undefined)[],
  days: readonly (number | undefined)[],
  countries: Uint32Array,
  options: TimeOptions,
  shared = false,
  representatives?: Int32Array,
): StoryScan {
  const n = rowCount(vectors);
  const number = (x: number | undefined): number => x ?? Number.NaN;
  const index = topIndex(vectors, DEFAULT_CANDIDATES.topTerms, representatives);
  return {
    start: copyOf(vectors.start, shared),
    terms: copyOf(vectors.terms, shared),
    weights: copyOf(vectors.weights, shared),
    dimensions: dimensionsOf(vectors),
    years: copyOf(Float64Array.from({ length: n }, (_, i) => number(years[i])), shared),
    days: copyOf(Float64Array.from({ length: n }, (_, i) => number(days[i])), shared),
    countries: copyOf(countries, shared),
    index: {
      slotStart: copyOf(index.slotStart, shared),
      slots: copyOf(index.slots, shared),
      start: copyOf(index.start, shared),
      docs: copyOf(index.docs, shared),
    },
    limits: DEFAULT_CANDIDATES,
    yearPenalty: options.yearPenalty,
    dateWindow: options.dateWindow ?? 30,
    countryPenalty: options.countryPenalty ?? 1,
  };
}

/**
 * The factor on two articles' similarity from time evidence, on numbers (NaN = unknown). Both full dates
 * known: by their distance in days (the year rule is then ignored: a date is better evidence than years
 * mentioned in the text). Otherwise the latest years: 2 or more apart gives `yearPenalty`. Else 1.
 */
export function timeWeight(dayA: number, dayB: number, yearA: number, yearB: number, yearPenalty: number, dateWindow: number): number {
  if (!Number.isNaN(dayA) && !Number.isNaN(dayB)) {
    const apart = Math.abs(dayA - dayB);
    if (apart > MAX_DAYS_APART) return 0;
    return apart > dateWindow ? yearPenalty : 1;
  }
  return !Number.isNaN(yearA) && !Number.isNaN(yearB) && Math.abs(yearA - yearB) >= 2 ? yearPenalty : 1;
}

/**
 * The factor on two articles' similarity from the countries they report from (text/countries.ts `articleCountry`):
 * `countryPenalty` when each names a country and they have none in common (`differentCountries`), else 1. Two
 * events of one kind on one day told in one wire template share most words; their places are what differ
 * ("QUITO, Ecuador (AP) —", "LIMA, Peru (Reuters) -").
 */
export function countryWeight(countryA: number, countryB: number, countryPenalty: number): number {
  return countryPenalty !== 1 && differentCountries(countryA, countryB) ? countryPenalty : 1;
}

/**
 * Scan rows `from ≤ a < to`: append every candidate pair (a, b > a) with similarity ≥ {@link EDGE_FLOOR} to
 * `out`, rows in increasing order, partners in increasing order. The cosine adds the float32 products exactly as
 * `scanCosine` in fingerprint/tfidf.ts does.
 *
 * With `strongest` (a {@link TopK} with the `k` of strongest-edges.ts, kept across the calls of one thread), an
 * edge already known to be below the `k` strongest of both its ends is left out: `strongestEdges` would drop it
 * anyway, and every node's `k` strongest are kept, so its result is unchanged while the list holds a fraction
 * of the edges.
 */
export function scanRows(scan: StoryScan, from: number, to: number, out: EdgeList, strongest?: TopK): void {
  const { start, terms, weights, days, years, countries } = scan;
  const dense = new Float32Array(scan.dimensions);
  candidateRows(scan.index, scan.limits, from, to, (a, partners) => {
    const rowFrom = start[a] as number;
    const rowTo = start[a + 1] as number;
    for (let j = rowFrom; j < rowTo; j++) dense[terms[j] as number] = weights[j] as number;
    for (let p = 0; p < partners.length; p++) {
      const b = partners[p] as number;
      const factor = timeWeight(days[a] as number, days[b] as number, years[a] as number, years[b] as number, scan.yearPenalty, scan.dateWindow) * countryWeight(countries[a] as number, countries[b] as number, scan.countryPenalty);
      if (factor === 0) continue;
      // scanCosine's order (fingerprint/tfidf.ts): four running sums by position in b's row, so the additions
      // need not wait for each other. No test for x = 0: adding the product 0 · w (+0) leaves a sum bit for bit
      // as it was, and a branch that goes either way at random costs more than the multiply.
      const end = start[b + 1] as number;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let j = start[b] as number;
      for (; j + 3 < end; j += 4) {
        s0 += (dense[terms[j] as number] as number) * (weights[j] as number);
        s1 += (dense[terms[j + 1] as number] as number) * (weights[j + 1] as number);
        s2 += (dense[terms[j + 2] as number] as number) * (weights[j + 2] as number);
        s3 += (dense[terms[j + 3] as number] as number) * (weights[j + 3] as number);
      }
      if (j < end) s0 += (dense[terms[j] as number] as number) * (weights[j] as number);
      if (j + 1 < end) s1 += (dense[terms[j + 1] as number] as number) * (weights[j + 1] as number);
      if (j + 2 < end) s2 += (dense[terms[j + 2] as number] as number) * (weights[j + 2] as number);
      const sim = (s0 + s1 + (s2 + s3)) * factor;
      if (sim < EDGE_FLOOR) continue;
      if (strongest) {
        if (sim < strongest.floor(a) && sim < strongest.floor(b)) continue;
        strongest.offer(a, sim);
        strongest.offer(b, sim);
      }
      out.push(a, b, sim);
    }
    for (let j = rowFrom; j < rowTo; j++) dense[terms[j] as number] = 0;
  });
}

/**
 * The story-similarity scan on typed arrays gives exactly the pairs and similarities of the plain definition
 * (candidate rows × cosine × time factor × country factor, kept from EDGE_FLOOR), on this thread and on workers alike.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateRows, DEFAULT_CANDIDATES, topIndex } from '../src/cluster/candidates.js';
import { EdgeList } from '../src/cluster/edge-list.js';
import { EDGE_FLOOR, scanRows, storyScan } from '../src/cluster/story-scan.js';
import { countryFactor, timeFactor } from '../src/cluster/stories.js';
import { kthLargest, strongestEdges } from '../src/cluster/strongest-edges.js';
import { float32Below, TopK } from '../src/cluster/top-k.js';
import { cosine, scanCosine } from '../src/fingerprint/tfidf.js';
import { rowRanges } from '../src/parallel/story-edges.js';
import type { SparseVector } from '../src/types.js';
import { tableOf } from './vector-fixture.js';
import { atTestScale } from './worker-scale.js';

/** A deterministic pseudo-random L2-normalised vector over a small vocabulary (so many pairs share terms). */
function vectorOf(seed: number, vocabulary: number): SparseVector {
  let x = seed * 2654435761 + 1;
  const next = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const terms = new Set<number>();
  const size = 3 + Math.floor(next() * 20);
  while (terms.size < size) terms.add(Math.floor(next() * next() * vocabulary));
  const sorted = [...terms].sort((a, b) => a - b);
  const ws = sorted.map(() => 0.05 + next());
  const norm = Math.hypot(...ws);
  return { terms: Uint32Array.from(sorted), weights: Float32Array.from(ws, (w) => w / norm) };
}

const options = { yearPenalty: 0.7, dateWindow: 30, countryPenalty: 0.4 };
const yearOf = (i: number): number | undefined => (i % 5 === 0 ? undefined : 2010 + (i % 4));
const dayOf = (i: number): number | undefined => (i % 3 === 0 ? 14000 + ((i * 37) % 500) : undefined);
/** Countries as text/countries.ts packs them: none, one, or one and another (ids 1 to 3). */
const countryOf = (i: number): number => [0, 1 * 65536, 2 * 65536, 2 * 65536 + 3, 3 * 65536][i % 5] as number;
const countriesOf = (n: number, seed: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => countryOf(i + seed));

function plainEdges(vectors: readonly SparseVector[], years: readonly (number | undefined)[], days: readonly (number | undefined)[], countries: Uint32Array): number[][] {
  const edges: number[][] = [];
  candidateRows(topIndex(tableOf(vectors), DEFAULT_CANDIDATES.topTerms), DEFAULT_CANDIDATES, 0, vectors.length, (a, partners) => {
    for (const b of partners) {
      const f = timeFactor({ year: years[a], day: days[a] }, { year: years[b], day: days[b] }, options) * countryFactor(countries[a] as number, countries[b] as number, options);
      const sim = f === 0 ? 0 : scanCosine(vectors[a] as SparseVector, vectors[b] as SparseVector) * f;
      if (sim >= EDGE_FLOOR) edges.push([a, b, sim]);
    }
  });
  return edges;
}

function listed(lists: readonly EdgeList[]): number[][] {
  const out: number[][] = [];
  for (const l of lists) for (let e = 0; e < l.count; e++) out.push([l.a[e] as number, l.b[e] as number, l.sim[e] as number]);
  return out;
}

describe('scanRows', () => {
  it('gives the plain definition bit for bit, whatever ranges the rows are scanned in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 7 }), (n, seed, parts) => {
        const vectors = Array.from({ length: n }, (_, i) => vectorOf(seed * 1000 + i, 30));
        const years = vectors.map((_, i) => yearOf(i + seed));
        const days = vectors.map((_, i) => dayOf(i + seed));
        const countries = countriesOf(n, seed);
        const scan = storyScan(tableOf(vectors), years, days, countries, options);
        const lists = rowRanges(n, parts).map((r) => {
          const list = new EdgeList(4);
          scanRows(scan, r.from, r.to, list);
          return list;
        });
        expect(listed(lists)).toEqual(plainEdges(vectors, years, days, countries));
      }),
      { numRuns: 60 },
    );
  });
});

describe('scanRows with the strongest edges so far', () => {
  it('leaves out edges without changing what strongestEdges keeps, however rows are shared between threads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 150 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), (n, seed, parts, k) => {
        const vectors = Array.from({ length: n }, (_, i) => vectorOf(seed * 1000 + i, 25));
        const years = vectors.map((_, i) => yearOf(i + seed));
        const days = vectors.map((_, i) => dayOf(i + seed));
        const scan = storyScan(tableOf(vectors), years, days, countriesOf(n, seed), options);
        const all = new EdgeList();
        scanRows(scan, 0, n, all);
        // Two "threads", each with its own TopK, taking ranges alternately.
        const threads = [new TopK(n, k), new TopK(n, k)];
        const pruned = rowRanges(n, parts).map((r, i) => {
          const list = new EdgeList(4);
          scanRows(scan, r.from, r.to, list, threads[i % 2]);
          return list;
        });
        expect(pruned.reduce((sum, l) => sum + l.count, 0)).toBeLessThanOrEqual(all.count);
        expect(strongestEdges(n, k, pruned)).toEqual(strongestEdges(n, k, [all]));
      }),
      { numRuns: 80 },
    );
  });
});

describe('scanRows pruning', () => {
  it('stores fewer edges than the plain scan once articles have more than k strong neighbours', () => {
    const n = 150;
    const vectors = Array.from({ length: n }, (_, i) => vectorOf(7000 + i, 25));
    const scan = storyScan(tableOf(vectors), vectors.map(() => undefined), vectors.map(() => undefined), new Uint32Array(n), options);
    const all = new EdgeList();
    scanRows(scan, 0, n, all);
    const pruned = new EdgeList();
    scanRows(scan, 0, n, pruned, new TopK(n, 1));
    expect(pruned.count).toBeLessThan(all.count / 2);
    expect(strongestEdges(n, 1, [pruned])).toEqual(strongestEdges(n, 1, [all]));
  });
});

describe('rowRanges', () => {
  it('cuts [0, n) into contiguous ranges, larger towards the end', () => {
    const ranges = rowRanges(1000, 8);
    expect(ranges[0]?.from).toBe(0);
    expect(ranges.at(-1)?.to).toBe(1000);
    ranges.slice(1).forEach((r, k) => expect(r.from).toBe(ranges[k]?.to));
    expect((ranges.at(-1)?.to ?? 0) - (ranges.at(-1)?.from ?? 0)).toBeGreaterThan((ranges[0]?.to ?? 0) - (ranges[0]?.from ?? 0));
    expect(rowRanges(3, 8).map((r) => [r.from, r.to])).toEqual([[0, 1], [1, 2], [2, 3]]);
  });
});

// Workers run the built JavaScript (they cannot load TypeScript), so the threaded side comes from dist/.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('storyEdgesParallel', () => {
  it('gives the same strongest edges on 1, 2 and 3 threads as the plain definition', async () => {
    const { storyEdgesParallel } = (await import(pathToFileURL(path.join(ROOT, 'dist/parallel/story-edges.js')).href)) as typeof import('../src/parallel/story-edges.js');
    const { workersStarted } = (await import(pathToFileURL(path.join(ROOT, 'dist/parallel/threads.js')).href)) as typeof import('../src/parallel/threads.js');
    const vectors = Array.from({ length: 2600 }, (_, i) => vectorOf(i, 20000));
    const years = vectors.map((_, i) => yearOf(i));
    const days = vectors.map((_, i) => dayOf(i));
    const countries = countriesOf(vectors.length, 0);
    const keep = 8;
    // At the tests' scale (the scan's shares are 10,000 and 1,000 articles otherwise), so that workers do scan.
    const strongest = async (jobs: number): Promise<unknown> => {
      const before = workersStarted();
      const edges = await storyEdgesParallel(tableOf(vectors), years, days, countries, options, atTestScale(jobs), keep);
      expect(workersStarted() - before).toBe(jobs === 1 ? 0 : jobs);
      return edges;
    };
    const plain = plainEdges(vectors, years, days, countries);
    expect(plain.length).toBeGreaterThan(1000);
    const one = await strongest(1);
    const all = new EdgeList();
    for (const [a, b, sim] of plain) all.push(a as number, b as number, sim as number);
    expect(one).toEqual(strongestEdges(vectors.length, keep, [all]));
    expect(await strongest(2)).toEqual(one);
    expect(await strongest(3)).toEqual(one);
  });

  it('stops its workers and rejects with the reason when told to stop', async () => {
    const { storyEdgesParallel } = (await import(pathToFileURL(path.join(ROOT, 'dist/parallel/story-edges.js')).href)) as typeof import('../src/parallel/story-edges.js');
    const vectors = Array.from({ length: 2600 }, (_, i) => vectorOf(i, 20000));
    const years = vectors.map((_, i) => yearOf(i));
    const days = vectors.map((_, i) => dayOf(i));
    const reason = new Error('the other search failed');
    const halt = new AbortController();
    const scanning = storyEdgesParallel(tableOf(vectors), years, days, new Uint32Array(vectors.length), options, atTestScale(2), 8, halt.signal);
    halt.abort(reason);
    await expect(scanning).rejects.toBe(reason);
    const early = new AbortController();
    early.abort(reason);
    await expect(storyEdgesParallel(tableOf(vectors), years, days, new Uint32Array(vectors.length), options, atTestScale(2), 8, early.signal)).rejects.toBe(reason);
  });
});

describe('TopK', () => {
  it('gives the k-th largest value offered to each node, rounded down to a 32-bit float (0 before k values)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.001, max: 1, noNaN: true }))), fc.integer({ min: 1, max: 5 }), (offers, k) => {
        const top = new TopK(4, k);
        const seen: number[][] = [[], [], [], []];
        for (const [node, value] of offers) {
          top.offer(node, value);
          seen[node]?.push(value);
          const sorted = [...(seen[node] ?? [])].sort((x, y) => y - x);
          expect(top.floor(node)).toBe(sorted.length < k ? 0 : float32Below(sorted[k - 1] as number));
        }
      }),
    );
  });
});

describe('float32Below', () => {
  it('is the largest 32-bit float at or below the number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e30, max: 1e30 }), (x) => {
        const r = float32Below(x);
        const near = Math.fround(x);
        expect(Math.fround(r)).toBe(r);
        expect(r).toBeLessThanOrEqual(x);
        if (near <= x) expect(r).toBe(near);
        else {
          // r and the float32 nearest x (above it) are neighbours: nothing of 32 bits lies between them.
          const between = Math.fround(r / 2 + near / 2);
          expect(between === r || between === near).toBe(true);
          expect(r).toBeLessThan(near);
        }
      }),
    );
    const max = 3.4028234663852886e38; // the largest 32-bit float
    for (const [x, want] of [
      [Infinity, Infinity],
      [-Infinity, -Infinity],
      [1e39, max],
      [-1e39, -Infinity],
      [-1e-50, -1.401298464324817e-45],
      [1e-50, 0],
      [0, 0],
    ] as const) expect(float32Below(x)).toBe(want);
    expect(Number.isNaN(float32Below(Number.NaN))).toBe(true);
    expect(float32Below(0.1)).toBeLessThan(0.1);
    expect(float32Below(-0.1)).toBeLessThan(-0.1);
    expect(float32Below(0.5)).toBe(0.5);
  });
});

describe('kthLargest', () => {
  it('is the k-th value of the sorted list (0 when there are fewer than k)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true })), fc.integer({ min: 1, max: 20 }), (values, k) => {
        const sorted = [...values].sort((x, y) => y - x);
        expect(kthLargest(Float64Array.from(values), k)).toBe(values.length < k ? 0 : sorted[k - 1]);
      }),
    );
  });
});

describe('scanCosine (the scan’s order of additions)', () => {
  it('adds the products into four sums by position in the second vector, then pairs them', () => {
    const f = (xs: number[]): Float32Array => Float32Array.from(xs);
    const a: SparseVector = { terms: Uint32Array.of(0, 1, 2, 3, 4, 5), weights: f([0.5, 0.25, 0.125, 0.0625, 1e-8, 0.75]) };
    const b: SparseVector = { terms: Uint32Array.of(0, 1, 2, 3, 4, 5), weights: f([1, 1, 1, 1, 1, 1]) };
    const w = (i: number): number => a.weights[i] as number;
    // Positions 0 and 4 go to the first sum, 1 and 5 to the second.
    expect(scanCosine(a, b)).toBe(w(0) + w(4) + (w(1) + w(5)) + (w(2) + w(3)));
    // Only shared terms count, each in the sum of its position in the second vector (term 6 is not in a).
    const c: SparseVector = { terms: Uint32Array.of(1, 2, 4, 6), weights: f([0.5, 0.5, 0.5, 0.5]) };
    expect(scanCosine(a, c)).toBe(w(1) * 0.5 + w(2) * 0.5 + w(4) * 0.5);
  });

  it('is the cosine up to rounding, whichever vector comes first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (x, y) => {
        const a = vectorOf(x, 60);
        const b = vectorOf(y, 60);
        expect(Math.abs(scanCosine(a, b) - cosine(a, b))).toBeLessThan(1e-12);
        expect(Math.abs(scanCosine(b, a) - cosine(a, b))).toBeLessThan(1e-12);
      }),
    );
  });
});

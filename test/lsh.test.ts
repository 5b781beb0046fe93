import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, mix32 } from '../src/fingerprint/hash.js';
import { shingles } from '../src/fingerprint/shingles.js';
import { MinHasher } from '../src/fingerprint/minhash.js';
import { byKey, candidateProbability, chooseBands, LshIndex } from '../src/fingerprint/lsh.js';

/** Seeded generator of floats in [0, 1) (a Weyl sequence through mix32); no Math.random. */
function prng(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state) / 2 ** 32;
  };
}

describe('candidateProbability and chooseBands', () => {
  it('computes 1 - (1 - t^r)^b', () => {
    expect(candidateProbability(0.5, 1, 1)).toBe(0.5);
    expect(candidateProbability(0.5, 2, 2)).toBeCloseTo(1 - 0.75 ** 2, 12);
    expect(candidateProbability(1, 4, 8)).toBe(1);
    expect(candidateProbability(0, 4, 8)).toBe(0);
  });

  it.each([0.3, 0.5, 0.6, 0.7, 0.8, 0.9])('fits 128 permutations and catches pairs at threshold %s', (t) => {
    const { bands, rows } = chooseBands(t, 128);
    expect(bands * rows).toBeLessThanOrEqual(128);
    expect(candidateProbability(t, bands, rows)).toBeGreaterThanOrEqual(0.99);
    console.log(`chooseBands(${t}, 128) = ${bands} bands × ${rows} rows`);
  });

  it('uses more rows for higher thresholds', () => {
    expect(chooseBands(0.9, 128).rows).toBeGreaterThan(chooseBands(0.5, 128).rows);
  });

  it('falls back to the most sensitive layout when none reaches the required probability', () => {
    expect(chooseBands(0.01, 8)).toEqual({ bands: 8, rows: 1 });
  });

  it('validates its arguments with the allowed range', () => {
    expect(() => chooseBands(0, 128)).toThrow(/\(0, 1\)/);
    expect(() => chooseBands(1, 128)).toThrow(/\(0, 1\)/);
    expect(() => chooseBands(Number.NaN, 128)).toThrow(/\(0, 1\)/);
    expect(() => chooseBands(0.5, 0)).toThrow(/>= 1/);
    expect(() => chooseBands(0.5, 128, { minProbability: 1 })).toThrow(/\(0, 1\)/);
  });
});

describe('LshIndex', () => {
  const sig = (...xs: number[]): Uint32Array => Uint32Array.from(xs);

  it('pairs documents that agree on a whole band, once, sorted with a < b', () => {
    const index = new LshIndex(2, 2);
    index.add(7, sig(1, 2, 3, 4));
    index.add(3, sig(1, 2, 9, 9)); // shares band 0 with 7
    index.add(5, sig(8, 8, 3, 4)); // shares band 1 with 7
    index.add(1, sig(1, 2, 3, 4)); // identical to 7: both bands, listed once
    index.add(2, sig(1, 9, 3, 9)); // agrees on single rows only
    expect(index.candidatePairs()).toEqual([
      [1, 3],
      [1, 5],
      [1, 7],
      [3, 7],
      [5, 7],
    ]);
  });

  it('does not confuse equal rows in different bands', () => {
    const index = new LshIndex(2, 2);
    index.add(0, sig(1, 2, 5, 6));
    index.add(1, sig(5, 6, 1, 2));
    expect(index.candidatePairs()).toEqual([]);
  });

  it('rejects bad ids, duplicate ids, short signatures and bad layouts', () => {
    const index = new LshIndex(2, 2);
    index.add(0, sig(1, 2, 3, 4, 5));
    expect(() => index.add(0, sig(1, 2, 3, 4))).toThrow(/already added/);
    expect(() => index.add(-1, sig(1, 2, 3, 4))).toThrow(/\[0, 67108863\]/);
    expect(() => index.add(1, sig(1, 2, 3))).toThrow(/need 4/);
    expect(() => new LshIndex(0, 4)).toThrow(/\[1, 1024\]/);
    expect(() => new LshIndex(4, 4, { maxBucketSize: 1 })).toThrow(/>= 2/);
  });

  it('pairs a huge bucket only against its first maxBucketSize members, keeping everyone linked', () => {
    const index = new LshIndex(1, 2, { maxBucketSize: 10 });
    for (let id = 0; id < 600; id++) index.add(id, sig(4, 2));
    const pairs = index.candidatePairs();
    expect(pairs).toHaveLength((10 * 9) / 2 + 590 * 10);
    const linked = new Set<number>();
    for (const [a, b] of pairs) if (a === 0) linked.add(b);
    expect(linked.size).toBe(599);
  });
});

describe('LshIndex against its definition', () => {
  it('byKey orders positions by key, equal keys in position order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(0xffffffff), fc.constant(0x10000), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 200 }), (values) => {
        const keys = Uint32Array.from(values);
        const expected = [...keys.keys()].sort((i, j) => (keys[i] as number) - (keys[j] as number) || i - j);
        expect([...byKey(keys)]).toEqual(expected);
      }),
    );
  });

  it('lists a pair that an earlier band passed over (neither among its bucket\'s first members) where a later band pairs it', () => {
    // Band 0: all four in one bucket, only the first two paired with the others; band 1: 2 and 3 alone together.
    const index = new LshIndex(2, 1, { maxBucketSize: 2, repeatCheckFrom: 2 });
    [[1, 10], [1, 11], [1, 12], [1, 12]].forEach((sig, i) => index.add(i, Uint32Array.from(sig)));
    expect(index.candidatePairs()).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
  });

  it('lists each pair sharing a band bucket once, a big bucket paired only with its first members, in any insertion order', () => {
    // Slots from a tiny alphabet, so bands collide often; ids added in a shuffled order.
    const case_ = fc.record({
      signatures: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }), { maxLength: 40 }),
      maxBucketSize: fc.integer({ min: 2, max: 6 }),
      // From 2, every bucket passes over the pairs an earlier band listed: the same candidates.
      repeatCheckFrom: fc.integer({ min: 2, max: 5 }),
    });
    fc.assert(
      fc.property(case_, ({ signatures, maxBucketSize, repeatCheckFrom }) => {
        const ids = signatures.map((_, i) => (i * 7919) % 1009); // distinct, not increasing
        const index = new LshIndex(2, 2, { maxBucketSize, repeatCheckFrom });
        signatures.forEach((sig, i) => index.add(ids[i] as number, Uint32Array.from(sig)));
        // The definition: per band, buckets of equal slot pairs, members in insertion order.
        const expected = new Set<string>();
        for (const band of [0, 1]) {
          const buckets = new Map<string, number[]>();
          signatures.forEach((sig, i) => {
            const key = `${sig[band * 2]},${sig[band * 2 + 1]}`;
            buckets.set(key, [...(buckets.get(key) ?? []), ids[i] as number]);
          });
          for (const members of buckets.values()) {
            for (let i = 1; i < members.length; i++) {
              for (let j = 0; j < Math.min(i, maxBucketSize); j++) {
                const [x, y] = [members[i] as number, members[j] as number];
                expected.add(x < y ? `${x},${y}` : `${y},${x}`);
              }
            }
          }
        }
        const sorted = [...expected].map((p) => p.split(',').map(Number) as [number, number]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        expect(index.candidatePairs()).toEqual(sorted);
      }),
    );
  });
});

describe('candidate recall on generated wire copies', () => {
  // 300 base articles of 300 words from 3,000 fake words; each has two copies with 5-30% of words
  // substituted. Exact 5-shingle Jaccard is computed for every pair sharing a shingle (inverted index).
  const random = prng(20240601);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${Math.floor(random() * 1e6)}`);
  const pick = (): string => vocabulary[Math.floor(random() * vocabulary.length)] ?? 'x';
  const family: number[] = [];
  const docs: string[][] = [];
  for (let base = 0; base < 300; base++) {
    const words = Array.from({ length: 300 }, pick);
    docs.push(words);
    family.push(base);
    for (let copy = 0; copy < 2; copy++) {
      const rate = 0.05 + 0.25 * random();
      docs.push(words.map((w) => (random() < rate ? pick() : w)));
      family.push(base);
    }
  }
  const sets = docs.map((words) => new Set(shingles(Uint32Array.from(words, (w) => hashString(w)), 5)));

  const exact = new Map<number, number>(); // pair key a * 4096 + b -> Jaccard, for pairs sharing a shingle
  const postings = new Map<number, number[]>();
  sets.forEach((set, id) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list === undefined) postings.set(s, [id]);
      else list.push(id);
    }
  });
  const shared = new Map<number, number>();
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = (list[i] ?? 0) * 4096 + (list[j] ?? 0);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, inter] of shared) {
    const a = sets[Math.floor(key / 4096)]?.size ?? 0;
    const b = sets[key % 4096]?.size ?? 0;
    exact.set(key, inter / (a + b - inter));
  }
  const hasher = new MinHasher({ seed: 1 });
  const signatures = sets.map((set) => hasher.signature(Uint32Array.from(set)));
  const isBaseCopy = (key: number): boolean =>
    Math.floor(key / 4096) % 3 === 0 && family[Math.floor(key / 4096)] === family[key % 4096];

  it.each([0.3, 0.5])('finds at least 99 percent of pairs with exact Jaccard >= %s', (threshold) => {
    const { bands, rows } = chooseBands(threshold, 128);
    const index = new LshIndex(bands, rows);
    signatures.forEach((signature, id) => index.add(id, signature));
    const candidates = new Set(index.candidatePairs().map(([a, b]) => a * 4096 + b));

    const above = [...exact].filter(([, j]) => j >= threshold).map(([key]) => key);
    const found = above.filter((key) => candidates.has(key)).length;
    const recall = found / above.length;
    const baseCopies = [...exact.keys()].filter(isBaseCopy);
    const copiesAbove = baseCopies.filter((key) => (exact.get(key) ?? 0) >= threshold).length;
    const copiesCaught = baseCopies.filter((key) => candidates.has(key)).length;

    const below = [...exact].filter(([, j]) => j < threshold);
    const belowCaught = below.filter(([key]) => candidates.has(key)).length;
    const n = docs.length;
    let unrelated = 0;
    let unrelatedCandidates = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (family[a] === family[b]) continue;
        unrelated++;
        if (candidates.has(a * 4096 + b)) unrelatedCandidates++;
      }
    }
    console.log(
      `threshold ${threshold}: ${bands}×${rows}; ${above.length} pairs at or above it ` +
        `(${copiesAbove}/${baseCopies.length} base–copy pairs); recall ${found}/${above.length} = ` +
        `${recall.toFixed(4)}; all copies caught ${copiesCaught}/${baseCopies.length}; unrelated candidates ` +
        `${unrelatedCandidates}/${unrelated}; pairs with 0 < J < threshold caught ${belowCaught}/${below.length}`,
    );
    expect(above.length).toBeGreaterThanOrEqual(50);
    expect(recall).toBeGreaterThanOrEqual(0.99);
    expect(unrelatedCandidates / unrelated).toBeLessThan(1e-3);
  });
});

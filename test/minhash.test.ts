import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combine, hashString, mix32 } from '../src/fingerprint/hash.js';
import { shingles } from '../src/fingerprint/shingles.js';
import { jaccard, MinHasher } from '../src/fingerprint/minhash.js';

/** Seeded generator of unsigned 32-bit values (a Weyl sequence through mix32); no Math.random. */
function prng(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state);
  };
}

function wordHashes(text: string): Uint32Array {
  return Uint32Array.from(text.split(/\s+/).filter(Boolean), (w) => hashString(w.toLowerCase()));
}

function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 1 : inter / union;
}

describe('hash', () => {
  it('hashString is deterministic, unsigned 32-bit and seed-dependent', () => {
    expect(hashString('reuters')).toBe(hashString('reuters'));
    expect(hashString('reuters')).not.toBe(hashString('reuters', 7));
    expect(hashString('ab')).not.toBe(hashString('ba'));
    for (const s of ['', 'a', 'news', 'Zürich', '東京']) {
      const h = hashString(s);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });

  it('mix32 and combine stay unsigned 32-bit; combine is order-sensitive', () => {
    expect(mix32(0xffffffff)).toBeGreaterThanOrEqual(0);
    expect(mix32(1)).not.toBe(mix32(2));
    const ab = combine(combine(0, 1), 2);
    const ba = combine(combine(0, 2), 1);
    expect(ab).not.toBe(ba);
    expect(ab).toBeLessThanOrEqual(0xffffffff);
    expect(ab).toBeGreaterThanOrEqual(0);
  });
});

describe('shingles', () => {
  const words = Uint32Array.from([10, 20, 30, 40, 50]);

  it('gives n - k + 1 shingles in order, one shingle for short texts, none for empty', () => {
    expect(shingles(words, 3)).toHaveLength(3);
    expect(shingles(words, 1)).toHaveLength(5);
    expect(shingles(words, 9)).toHaveLength(1);
    expect(shingles(new Uint32Array(0), 3)).toHaveLength(0);
    expect(shingles(Uint32Array.from([20, 30, 40]), 3)[0]).toBe(shingles(words, 3)[1]);
  });

  it('depends on word order within a shingle', () => {
    expect(shingles(Uint32Array.from([1, 2]), 2)[0]).not.toBe(shingles(Uint32Array.from([2, 1]), 2)[0]);
  });

  it('validates k', () => {
    expect(() => shingles(words, 0)).toThrow(/\[1, 16\]/);
    expect(() => shingles(words, 17)).toThrow(/\[1, 16\]/);
    expect(() => shingles(words, 2.5)).toThrow(/integer/);
  });
});

describe('MinHasher', () => {
  const doc = shingles(wordHashes('the central bank raised interest rates by half a point on tuesday'), 3);

  it('validates its options with the allowed range', () => {
    expect(() => new MinHasher({ permutations: 4 })).toThrow(/\[8, 1024\]/);
    expect(() => new MinHasher({ permutations: 2000 })).toThrow(/\[8, 1024\]/);
    expect(() => new MinHasher({ seed: -1 })).toThrow(/seed must be an integer/);
    expect(new MinHasher()).toMatchObject({ permutations: 128, seed: 1 });
  });

  it('is deterministic for a seed, and different seeds give different signatures', () => {
    const a = new MinHasher({ seed: 42 }).signature(doc);
    const b = new MinHasher({ seed: 42 }).signature(doc);
    const c = new MinHasher({ seed: 43 }).signature(doc);
    expect(a).toEqual(b);
    expect(a).toHaveLength(128);
    expect(jaccard(a, c)).toBeLessThan(0.2);
  });

  it('keeps its values across implementations: slots pinned from the one-permutation-per-pass version', () => {
    // Values computed by the implementation before permutations were taken four per pass; any change to them
    // would change every near-duplicate decision of existing reports.
    const set = Uint32Array.from({ length: 50 }, (_, j) => Math.imul(j + 1, 2654435761) >>> 0);
    const last3 = (p: number): number[] => Array.from(new MinHasher({ permutations: p, seed: 1 }).signature(set).slice(-3));
    expect(last3(8)).toEqual([1803654, 210685934, 6575598]);
    expect(last3(13)).toEqual([236265733, 76132893, 99702762]);
    expect(last3(128)).toEqual([85872576, 85336891, 20398686]);
    // The first slots do not depend on how many there are (the tail loop and the four-way loop agree).
    const full = new MinHasher({ permutations: 16, seed: 1 }).signature(set);
    for (const p of [8, 9, 13, 15]) expect(new MinHasher({ permutations: p, seed: 1 }).signature(set)).toEqual(full.slice(0, p));
  });

  it('gives all 0xFFFFFFFF for an empty set', () => {
    const sig = new MinHasher({ permutations: 16 }).signature(new Uint32Array(0));
    expect(Array.from(sig)).toEqual(new Array(16).fill(0xffffffff));
  });

  it('always estimates a document as 1.0 with itself, whatever the order of its shingles', () => {
    const hasher = new MinHasher({ permutations: 64, seed: 9 });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 200 }), (values) => {
        const sig = hasher.signature(Uint32Array.from(values));
        const reversed = hasher.signature(Uint32Array.from(values).reverse());
        expect(jaccard(sig, hasher.signature(Uint32Array.from(values)))).toBe(1);
        expect(reversed).toEqual(sig);
      }),
    );
  });

  it('estimates the exact shingle Jaccard within 0.1 on literal texts', () => {
    const hasher = new MinHasher();
    const original =
      'The company said on Monday that it would cut 1,200 jobs across its European plants as demand for ' +
      'electric vans slowed, adding that the plan still needed approval from works councils in Germany and France.';
    const edited = original.replace('Monday', 'Tuesday').replace('1,200', '1,500').replace('slowed', 'weakened');
    const unrelated = 'Heavy rain flooded roads in the north of the city overnight and forecasters expect more storms';
    for (const [x, y] of [
      [original, edited],
      [original, unrelated],
      [edited, original.slice(0, 120)],
    ] as const) {
      const sx = shingles(wordHashes(x), 3);
      const sy = shingles(wordHashes(y), 3);
      const estimate = jaccard(hasher.signature(sx), hasher.signature(sy));
      expect(Math.abs(estimate - exactJaccard(sx, sy))).toBeLessThanOrEqual(0.1);
    }
  });

  it('estimates the exact Jaccard within 0.1 on generated sets, including structured (consecutive) values', () => {
    const next = prng(2024);
    const hasher = new MinHasher({ seed: 5 });
    for (const target of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      for (const structured of [false, true]) {
        const n = 600;
        const shared = Math.round(target * n);
        const base = next() & 0xfffff;
        const values = Array.from({ length: n }, (_, i) => (structured ? base * 1024 + i : next()));
        const onlyA = Math.floor((n - shared) / 2);
        const a = Uint32Array.from(values.slice(0, shared + onlyA));
        const b = Uint32Array.from([...values.slice(0, shared), ...values.slice(shared + onlyA)]);
        const estimate = jaccard(hasher.signature(a), hasher.signature(b));
        expect(Math.abs(estimate - exactJaccard(a, b))).toBeLessThanOrEqual(0.1);
      }
    }
  });
});

describe('jaccard', () => {
  it('is the fraction of equal slots', () => {
    expect(jaccard(Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([1, 2, 0, 0]))).toBe(0.5);
  });

  it('refuses signatures of different lengths with a clear message', () => {
    expect(() => jaccard(new Uint32Array(128), new Uint32Array(64))).toThrow(/different lengths \(128 and 64\)/);
  });

  it('gives 1 for two empty signatures', () => {
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
    const hasher = new MinHasher();
    const empty = hasher.signature(new Uint32Array(0));
    expect(jaccard(empty, hasher.signature(new Uint32Array(0)))).toBe(1);
  });
});

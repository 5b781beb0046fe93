import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cosine, documentFrequencies, idfTable, TermCounter, topTerms, Vocabulary, weigh, type TermCounts } from '../src/fingerprint/tfidf.js';
import type { SparseVector } from '../src/types.js';

/** Term counts of whitespace-separated words, interned in `vocab`. */
function counts(text: string, vocab: Vocabulary): TermCounts {
  const counter = new TermCounter();
  for (const w of text.split(/\s+/).filter(Boolean)) counter.add(vocab.id(w));
  return counter.finish();
}

/** TF-IDF vectors of a small corpus of whitespace-separated words. */
function vectors(docs: readonly string[]): SparseVector[] {
  const vocab = new Vocabulary();
  const c = docs.map((d) => counts(d, vocab));
  const idf = idfTable(documentFrequencies(c, vocab.size), c.length);
  return c.map((x) => weigh(x, idf));
}

const norm = (v: SparseVector): number => Math.sqrt(v.weights.reduce((s, w) => s + w * w, 0));

describe('Vocabulary and TermCounter', () => {
  it('interns terms to dense ids in first-seen order', () => {
    const v = new Vocabulary();
    expect([v.id('rebels'), v.id('damascus'), v.id('rebels')]).toEqual([0, 1, 0]);
    expect(v.lookup('damascus')).toBe(1);
    expect(v.lookup('geneva')).toBeUndefined();
    expect(v.size).toBe(2);
  });

  it('sums weighted counts per term and returns ids sorted numerically', () => {
    const c = new TermCounter();
    for (const id of [10, 2, 10, 100]) c.add(id);
    c.add(2, 2);
    const done = c.finish();
    expect(Array.from(done.ids)).toEqual([2, 10, 100]);
    expect(Array.from(done.counts)).toEqual([3, 2, 1]);
  });
});

describe('documentFrequencies and idfTable', () => {
  it('counts each term once per document', () => {
    const vocab = new Vocabulary();
    const docs = ['a a b', 'b c', 'b'].map((d) => counts(d, vocab));
    expect(Array.from(documentFrequencies(docs, vocab.size))).toEqual([1, 3, 1]);
  });

  it('is smoothed: a term in both of two documents still weighs 1, not 0', () => {
    const idf = idfTable(Uint32Array.from([2, 1, 0]), 2);
    expect(idf[0]).toBeCloseTo(1, 6);
    expect(idf[1]).toBeCloseTo(Math.log(3 / 2) + 1, 6);
    expect(idf[2]).toBeCloseTo(Math.log(3) + 1, 6);
  });

  it('weighs rarer terms more, and never zero or less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (n, x, y) => {
        const [lo, hi] = [Math.min(x, y, n), Math.min(Math.max(x, y), n)];
        const idf = idfTable(Uint32Array.from([lo, hi]), n);
        expect(idf[1] ?? 0).toBeGreaterThan(0);
        expect(idf[0] ?? 0).toBeGreaterThanOrEqual(idf[1] ?? 0);
      }),
    );
  });

  it('adds prior documents that hold none of the terms: ln((N + B + 1) / (df + 1)) + 1', () => {
    const idf = idfTable(Uint32Array.from([10, 1, 0]), 10, 1000);
    expect(idf[0]).toBeCloseTo(Math.log(1011 / 11) + 1, 5);
    expect(idf[1]).toBeCloseTo(Math.log(1011 / 2) + 1, 5);
    expect(idf[2]).toBeCloseTo(Math.log(1011) + 1, 5);
    expect(Array.from(idfTable(Uint32Array.from([3, 1]), 5, 0))).toEqual(Array.from(idfTable(Uint32Array.from([3, 1]), 5)));
  });

  it('with a prior, a word in 9 of 10 documents keeps most of the weight of a word in one (without it, 0.41 of it)', () => {
    const ratio = (prior: number): number => {
      const idf = idfTable(Uint32Array.from([9, 1]), 10, prior);
      return (idf[0] as number) / (idf[1] as number);
    };
    expect(ratio(0)).toBeCloseTo((Math.log(11 / 10) + 1) / (Math.log(11 / 2) + 1), 5);
    expect(ratio(0)).toBeLessThan(0.45);
    expect(ratio(1000)).toBeGreaterThan(0.75);
  });

  it('a prior keeps the order of terms, raises every idf, and matters less as the corpus grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5000 }), (n, x, y, prior) => {
        const df = Uint32Array.from([Math.min(x, y, n), Math.min(Math.max(x, y), n)]);
        const plain = idfTable(df, n);
        const idf = idfTable(df, n, prior);
        expect(idf[0] ?? 0).toBeGreaterThanOrEqual(idf[1] ?? 0);
        for (let t = 0; t < 2; t++) {
          const lift = (idf[t] as number) - (plain[t] as number);
          expect(lift).toBeGreaterThan(-1e-5);
          // Exactly ln((N + B + 1) / (N + 1)) for every term: a shift that fades once N is large next to B.
          expect(lift).toBeCloseTo(Math.log((n + prior + 1) / (n + 1)), 4);
        }
      }),
    );
  });
});

describe('weigh and cosine', () => {
  it('L2-normalises a vector', () => {
    for (const v of vectors(['rebels attack damascus damascus', 'talks resume in geneva', 'x'])) expect(norm(v)).toBeCloseTo(1, 6);
  });

  it('uses 1 + ln(tf) for repeated terms', () => {
    const v = weigh({ ids: Uint32Array.from([0, 1]), counts: Float32Array.from([Math.E, 1]) }, Float32Array.from([1, 1]));
    // raw weights 2 and 1 before normalising
    expect((v.weights[0] ?? 0) / (v.weights[1] ?? 1)).toBeCloseTo(2, 5);
  });

  it('drops zero-weight terms, leaving an empty vector instead of dividing by zero', () => {
    const v = weigh({ ids: Uint32Array.from([0, 1]), counts: Float32Array.from([0, 2]) }, Float32Array.from([1, 0]));
    expect(Array.from(v.terms)).toEqual([]);
    expect(Array.from(v.weights)).toEqual([]);
  });

  it('gives 1 for identical documents and 0 for documents with no term in common', () => {
    const [a, b, c] = vectors(['rebels attack damascus again', 'rebels attack damascus again', 'geneva talks resume thursday']);
    expect(cosine(a as SparseVector, b as SparseVector)).toBeCloseTo(1, 6);
    expect(cosine(a as SparseVector, c as SparseVector)).toBe(0);
  });

  it('gives a value strictly between 0 and 1 for a partial overlap, the same both ways', () => {
    const [a, b] = vectors(['rebels attack damascus', 'rebels attack aleppo']);
    const ab = cosine(a as SparseVector, b as SparseVector);
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBeLessThan(1);
    expect(cosine(b as SparseVector, a as SparseVector)).toBeCloseTo(ab, 7);
  });

  it('agrees with a dense cosine on random documents', () => {
    const word = fc.constantFrom('rebels', 'army', 'damascus', 'geneva', 'talks', 'monday', 'sunday', 'attack', 'siege');
    const doc = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 2, maxLength: 5 }), (docs) => {
        const vs = vectors(docs);
        const dense = (v: SparseVector): Map<number, number> => new Map(Array.from(v.terms, (t, i) => [t, v.weights[i] ?? 0]));
        const [a, b] = [vs[0] as SparseVector, vs[1] as SparseVector];
        const db = dense(b);
        let expected = 0;
        for (const [t, w] of dense(a)) expected += w * (db.get(t) ?? 0);
        expect(cosine(a, b)).toBeCloseTo(expected, 6);
        expect(cosine(a, a)).toBeCloseTo(1, 5);
      }),
    );
  });
});

describe('topTerms', () => {
  it('returns the highest-weighted term ids, ties by smaller id', () => {
    const v: SparseVector = { terms: Uint32Array.from([1, 4, 7, 9]), weights: Float32Array.from([0.2, 0.7, 0.2, 0.5]) };
    expect(topTerms(v, 3)).toEqual([4, 9, 1]);
    expect(topTerms(v, 10)).toEqual([4, 9, 1, 7]);
    expect(topTerms(v, 0)).toEqual([]);
  });

  it('gives what sorting the whole row gives, for any row (ties included) and any k', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 80 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 80, maxLength: 80 }), fc.integer({ min: 0, max: 90 }), (ids, levels, k) => {
        const terms = Uint32Array.from([...ids].sort((x, y) => x - y));
        const weights = Float32Array.from(terms, (_, i) => (levels[i] ?? 0) / 7);
        const order = Array.from(terms.keys()).sort((x, y) => (weights[y] ?? 0) - (weights[x] ?? 0) || (terms[x] ?? 0) - (terms[y] ?? 0));
        expect(topTerms({ terms, weights }, k)).toEqual(order.slice(0, k).map((i) => terms[i]));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The hot paths of story clustering and fact alignment give exactly what the plain definitions give:
 * candidate rows = every pair whose shared indexed top terms weigh enough (rare 4, commoner 2, common 1, ≥ 4 makes
 * a candidate); sentenceEdges = all-pairs dot, with the quotation rule. (The story scan's
 * cosine: test/story-scan.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateRows, topIndex } from '../src/cluster/candidates.js';
import { cosine, topTerms } from '../src/fingerprint/tfidf.js';
import { sentenceEdges, type StorySentence } from '../src/facts/align.js';
import { StoryQuotes } from '../src/facts/quotes.js';
import { sentenceVectors } from './facts-reference.js';
import type { SparseVector } from '../src/types.js';
import { tableOf } from './vector-fixture.js';

/** A random L2-normalised sparse vector over term ids < `termCount`. */
const vectorOver = (termCount: number) => fc.uniqueArray(fc.integer({ min: 0, max: termCount - 1 }), { minLength: 1, maxLength: 12 }).chain((terms) =>
  fc.array(fc.float({ min: Math.fround(0.01), max: 1, noNaN: true }), { minLength: terms.length, maxLength: terms.length }).map((ws) => {
    const sorted = [...terms].sort((a, b) => a - b);
    const norm = Math.sqrt(ws.reduce((s, w) => s + w * w, 0));
    return { terms: Uint32Array.from(sorted), weights: Float32Array.from(ws, (w) => w / norm) } satisfies SparseVector;
  }),
);
const vector = vectorOver(40);
/** Vectors over few terms: long posting lists, where the grades of commoner terms matter. */
const vectors = fc.oneof(fc.array(vector, { maxLength: 30 }), fc.array(vectorOver(10), { maxLength: 30 }));

interface Limits {
  readonly maxPosting: number;
  readonly shortPosting: number;
  readonly longPosting: number;
}

function bruteForcePairs(vectors: readonly SparseVector[], k: number, { maxPosting, shortPosting, longPosting }: Limits): number[] {
  const df = new Map<number, number>();
  const tops = vectors.map((v) => new Set(topTerms(v, k)));
  for (const t of tops) for (const x of t) df.set(x, (df.get(x) ?? 0) + 1);
  const pairs: number[] = [];
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      const shared = [...(tops[a] ?? [])].filter((x) => tops[b]?.has(x) && (df.get(x) ?? 0) <= maxPosting).map((x) => df.get(x) ?? 0);
      const weight = shared.reduce((sum, d) => sum + (d <= shortPosting ? 4 : d <= longPosting ? 2 : 1), 0);
      if (weight >= 4) pairs.push(a * vectors.length + b);
    }
  }
  return pairs;
}

describe('topIndex', () => {
  it('indexes each row\'s top terms as topTerms gives them, slots numbered in order of first appearance', () => {
    // Weights from a few values, so that ties (broken by the smaller term) are common.
    const tied = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 30 }).chain((terms) =>
      fc.array(fc.constantFrom(0.1, 0.2, 0.3, 0.5), { minLength: terms.length, maxLength: terms.length }).map((ws) => ({
        terms: Uint32Array.from([...terms].sort((a, b) => a - b)),
        weights: Float32Array.from(ws),
      }) satisfies SparseVector),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(tied, { maxLength: 25 }), vectors), fc.integer({ min: 1, max: 8 }), (rows, k) => {
        const slotOf = new Map<number, number>();
        const slots: number[] = [];
        const slotStart = [0];
        for (const v of rows) {
          for (const t of topTerms(v, k)) {
            if (!slotOf.has(t)) slotOf.set(t, slotOf.size);
            slots.push(slotOf.get(t) as number);
          }
          slotStart.push(slots.length);
        }
        const docs = [...slotOf.values()].flatMap((s) => rows.flatMap((_, d) => slots.slice(slotStart[d], slotStart[d + 1]).includes(s) ? [d] : []));
        const index = topIndex(tableOf(rows), k);
        expect([...index.slotStart]).toEqual(slotStart);
        expect([...index.slots]).toEqual(slots);
        expect([...index.docs]).toEqual(docs);
        expect(index.start.length).toBe(slotOf.size + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('candidateRows', () => {
  it('lists exactly the pairs whose shared top terms weigh enough, row by row in increasing order', () => {
    let both = 0;
    let graded = 0;
    const limits = fc
      .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
      .map(([maxPosting, shortPosting, extra]): Limits => ({ maxPosting, shortPosting, longPosting: shortPosting + extra }));
    fc.assert(
      fc.property(vectors, fc.integer({ min: 1, max: 6 }), limits, (vectors, k, limits) => {
        const rows: number[] = [];
        let last = -1;
        candidateRows(topIndex(tableOf(vectors), k), limits, 0, vectors.length, (a, partners) => {
          expect(a).toBeGreaterThan(last);
          last = a;
          const list = [...partners];
          expect(list).toEqual([...list].sort((x, y) => x - y));
          for (const b of list) rows.push(a * vectors.length + b);
        });
        const expected = bruteForcePairs(vectors, k, limits);
        expect(rows).toEqual(expected);
        // Cases where the rules for commoner terms matter: fewer pairs than with every list short, or than with
        // no list long.
        const { maxPosting } = limits;
        if (bruteForcePairs(vectors, k, { ...limits, shortPosting: maxPosting, longPosting: maxPosting }).length > expected.length) both++;
        if (bruteForcePairs(vectors, k, { ...limits, longPosting: maxPosting }).length > expected.length) graded++;
      }),
      // Enough runs that the cases where each rule matters come up every time (about 3% of runs for the grades).
      { numRuns: 400 },
    );
    expect(both).toBeGreaterThan(0);
    expect(graded).toBeGreaterThan(0);
  });
});

describe('sentenceEdges', () => {
  const words = ['rebels', 'attacked', 'Damascus', 'Tuesday', 'army', 'shelled', 'Jobar', 'fighters', 'retreat', 'Qaboun'];
  const sentence = fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 }).map((ws) => `${ws.join(' ')}.`);
  /** How many terms two vectors share. */
  const sharedTerms = (va: SparseVector, vb: SparseVector): number => [...va.terms].filter((t) => vb.terms.includes(t)).length;
  /**
   * The cosine of a pair as the edges take it: exact when the two share two terms or more, or the same terms (a
   * cosine of 1 up to rounding); else 0: one shared word is no evidence of one fact.
   */
  const linkCosine = (va: SparseVector, vb: SparseVector): number => {
    const sim = cosine(va, vb);
    return sharedTerms(va, vb) >= 2 || sim >= 0.999 ? sim : 0;
  };
  /** Every pair that shares two terms (or the same terms), with its exact cosine if at least `floor`, by brute force. */
  const sharingPairs = (vectors: readonly SparseVector[], floor: number): { a: number; b: number; sim: number }[] => {
    const pairs = [];
    for (let a = 0; a < vectors.length; a++) {
      for (let b = a + 1; b < vectors.length; b++) {
        const sim = linkCosine(vectors[a] as SparseVector, vectors[b] as SparseVector);
        if (sim > 0 && sim >= floor) pairs.push({ a, b, sim: Math.min(1, sim) });
      }
    }
    return pairs;
  };
  it('scores every pair that shares two terms (or the same terms) with its exact cosine, sorted by a then b', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 25 }), fc.constantFrom(0.01, 0.25, 0.8), (texts, floor) => {
        const sentences: StorySentence[] = texts.map((text, i) => ({ article: i % 3, sentence: i, text }));
        const vectors = sentenceVectors(sentences);
        expect(sentenceEdges(sentences, vectors, floor)).toEqual(sharingPairs(vectors, floor));
      }),
    );
  });

  it('scores the pairs exactly also when each sentence shares terms with few others (partners sorted, not read off the row)', () => {
    // 300 words, so that most rows have few partners among many later sentences.
    const many = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`);
    const sparse = fc.array(fc.constantFrom(...many), { minLength: 2, maxLength: 8 }).map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sparse, { minLength: 40, maxLength: 120 }), (texts) => {
        const sentences: StorySentence[] = texts.map((text, i) => ({ article: i % 5, sentence: i, text }));
        const vectors = sentenceVectors(sentences);
        expect(sentenceEdges(sentences, vectors, 0.0001)).toEqual(sharingPairs(vectors, 0.0001));
      }),
      { numRuns: 50 },
    );
  });

  it('finds every pair a quotation links, also when the quotation is made of the story\'s commonest words', () => {
    // Few words, so that every word is common; quotations of four or more of them, quoted by some sentences and
    // carried without quotation marks by others.
    const common = ['rebels', 'attacked', 'army', 'shelled', 'town'];
    const QUOTES = ['rebels attacked army town', 'army shelled town rebels attacked', 'town shelled army army rebels'];
    const plain = fc.array(fc.constantFrom(...common, 'Jobar', 'Qaboun', 'ferry'), { minLength: 2, maxLength: 8 }).map((ws) => `${ws.join(' ')}.`);
    const quoting = fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom('He said', 'Witnesses said')).map(([q, who]) => `${who}: "${q}".`);
    const carrying = fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom('Jobar', 'Qaboun ferry')).map(([q, place]) => `In ${place} ${q}.`);
    let linked = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, quoting, carrying), { minLength: 2, maxLength: 30 }), fc.constantFrom(0.25, 0.8), (texts, floor) => {
        const sentences: StorySentence[] = texts.map((text, i) => ({ article: i % 4, sentence: i, text }));
        const vectors = sentenceVectors(sentences);
        const quotes = new StoryQuotes(texts);
        const expected = [];
        for (let a = 0; a < vectors.length; a++) {
          for (let b = a + 1; b < vectors.length; b++) {
            const va = vectors[a] as SparseVector;
            const vb = vectors[b] as SparseVector;
            if (![...va.terms].some((t) => vb.terms.includes(t))) continue;
            let sim = linkCosine(va, vb);
            if (sim < 0.9 && quotes.shared(a, b)) {
              sim = 0.9;
              linked++;
            }
            if (sim >= floor) expected.push({ a, b, sim: Math.min(1, sim) });
          }
        }
        expect(sentenceEdges(sentences, vectors, floor)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(linked).toBeGreaterThan(0);
  });

  it('links two sentences that carry the same quotation even with little else in common', () => {
    const sentences: StorySentence[] = [
      { article: 0, sentence: 0, text: 'The minister said: "we will rebuild every school in the valley before winter".' },
      { article: 1, sentence: 0, text: 'Officials promised that we will rebuild every school in the valley, residents heard.' },
    ];
    const edges = sentenceEdges(sentences, sentenceVectors(sentences), 0.25);
    expect(edges).toEqual([{ a: 0, b: 1, sim: 0.9 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { estimatedCopies } from '../src/fingerprint/copy-weights.js';
import { MinHasher } from '../src/fingerprint/minhash.js';
import { shingles } from '../src/fingerprint/shingles.js';
import { hashString } from '../src/fingerprint/hash.js';
import { idfTable } from '../src/fingerprint/tfidf.js';
import { countTable, tableFrequencies } from '../src/fingerprint/vector-table.js';

const hasher = new MinHasher({ permutations: 128, seed: 1 });
const words = (n: number, from: number): string => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const signatureOf = (text: string): Uint32Array => hasher.signature(shingles(Uint32Array.from(text.split(' '), (w) => hashString(w)), 5));

describe('copy groups for document frequencies', () => {
  it('groups copies by their MinHash estimate and weighs each 1 / its group size, the first article standing for it', () => {
    const base = words(200, 0);
    const edited = base.replace('w50 ', 'x50 ').replace('w120 ', 'x120 ');
    const texts = [base, words(200, 1000), edited, base, words(200, 5000)];
    const estimate = estimatedCopies(texts.map(signatureOf), 0.5, 128);
    expect([...(estimate.representative ?? [])]).toEqual([0, 1, 0, 0, 4]);
    expect([...(estimate.weights ?? [])].map((w) => w.toFixed(3))).toEqual(['0.333', '1.000', '0.333', '0.333', '1.000']);
    // The candidates the exact search will confirm: the three pairs of the group, in key order.
    expect([...estimate.candidates.keys].map((k) => [Math.floor(k / 2 ** 26), k % 2 ** 26])).toEqual([[0, 2], [0, 3], [2, 3]]);
  });

  it('gives nothing when no article has a copy, so document frequencies stay counts', () => {
    const none = estimatedCopies([words(200, 0), words(200, 1000), words(200, 2000)].map(signatureOf), 0.5, 128);
    expect(none.weights).toBeUndefined();
    expect(none.representative).toBeUndefined();
    expect(none.candidates.keys).toHaveLength(0);
    expect(estimatedCopies([signatureOf(words(50, 0))], 0.5, 128).weights).toBeUndefined();
  });

  it('counts a group once in document frequencies: three copies and one other text weigh as two documents', () => {
    const table = countTable([
      { ids: Uint32Array.of(0, 1), counts: Float32Array.of(1, 1) },
      { ids: Uint32Array.of(0, 1), counts: Float32Array.of(1, 1) },
      { ids: Uint32Array.of(0, 1), counts: Float32Array.of(1, 1) },
      { ids: Uint32Array.of(0, 2), counts: Float32Array.of(1, 1) },
    ]);
    const third = 1 / 3;
    const df = tableFrequencies(table, 3, Float64Array.of(third, third, third, 1));
    expect([...df].map((x) => Math.round(x * 1000) / 1000)).toEqual([2, 1, 1]);
    expect([...tableFrequencies(table, 3)]).toEqual([4, 3, 1]);
    // Term 1 (in the copies only) is then as rare as term 2 (in the other text only).
    const idf = idfTable(df, 2, 1000);
    expect(idf[1]).toBeCloseTo(idf[2] as number, 6);
  });
});

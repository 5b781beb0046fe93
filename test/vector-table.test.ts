/**
 * Vectors in compressed rows: the same vectors as one weigh() per document, read back through rowVector.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idfTable, weigh, type TermCounts } from '../src/fingerprint/tfidf.js';
import { CountRows, countTable, rowCount, rowVector, tableFrequencies, weighRows } from '../src/fingerprint/vector-table.js';

/** Term counts with sorted distinct ids; some counts 0 (a headline weight of 0), whose terms weigh() drops. */
const doc = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 })
  .chain((ids) => fc.array(fc.constantFrom(0, 1, 2, 3.5, 7), { minLength: ids.length, maxLength: ids.length }).map((counts): TermCounts => ({ ids: Uint32Array.from(ids).sort(), counts: Float32Array.from(counts) })));

describe('vector table', () => {
  it('holds exactly the vectors weigh() gives document by document, on shared memory (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 20 }), (docs) => {
        const counts = countTable(docs);
        const df = tableFrequencies(counts, 41);
        for (let t = 0; t < 41; t++) expect(df[t]).toBe(docs.filter((d) => d.ids.includes(t)).length);
        const idf = idfTable(df, docs.length);
        const table = weighRows(counts, idf);
        expect(rowCount(table)).toBe(docs.length);
        expect(table.terms.buffer).toBeInstanceOf(SharedArrayBuffer);
        docs.forEach((d, i) => {
          const want = weigh(d, idf);
          const got = rowVector(table, i);
          expect(Array.from(got.terms)).toEqual(Array.from(want.terms));
          expect(Array.from(got.weights)).toEqual(Array.from(want.weights));
        });
      }),
    );
  });

  it('writes the vectors over an exactly filled count table, the same vectors as over a copy (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 20 }), (docs) => {
        const entries = docs.reduce((n, d) => n + d.ids.length, 0);
        const rows = new CountRows(docs.length, entries);
        docs.forEach((d) => rows.add(d));
        const exact = rows.finish();
        const copy = { start: exact.start.slice(), ids: exact.ids.slice(), counts: exact.counts.slice() };
        expect(copy.ids.buffer).not.toBeInstanceOf(SharedArrayBuffer);
        const idf = idfTable(tableFrequencies(copy, 41), docs.length);
        const fresh = weighRows(copy, idf);
        expect(Array.from(copy.counts)).toEqual(Array.from(exact.counts)); // a copy is left as it was
        const over = weighRows(exact, idf);
        expect(over.terms.buffer).toBe(exact.ids.buffer);
        expect(over.weights.buffer).toBe(exact.counts.buffer);
        expect(Array.from(over.start)).toEqual(Array.from(fresh.start));
        expect(Array.from(over.terms)).toEqual(Array.from(fresh.terms));
        expect(Array.from(over.weights)).toEqual(Array.from(fresh.weights));
      }),
    );
  });

  it('builds the same count table whatever room it is given beforehand: exact, too little or too much', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 20 }), fc.integer({ min: -3, max: 3 }), (docs, slack) => {
        const entries = docs.reduce((n, d) => n + d.ids.length, 0);
        const rows = new CountRows(Math.max(0, docs.length + slack), Math.max(0, entries + slack));
        docs.forEach((d) => rows.add(d));
        const got = rows.finish();
        const want = countTable(docs);
        expect(Array.from(got.start)).toEqual(Array.from(want.start));
        expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
        expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      }),
    );
  });
});

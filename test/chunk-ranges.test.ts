/** chunkRanges (src/parallel/chunk-queue.ts): how reading, cleaning and the facts stage cut their work. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkRanges } from '../src/parallel/chunk-queue.js';

describe('chunkRanges', () => {
  it('covers every item in order, each range ending with the item that reaches the size, and at most `most` long', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 60 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 8 }), (sizes, size, most) => {
        const ranges = chunkRanges(sizes.length, size, (i) => sizes[i] as number, most);
        expect(ranges.flatMap((r) => Array.from({ length: r.to - r.from }, (_, k) => r.from + k))).toEqual(sizes.map((_, i) => i));
        for (const [k, r] of ranges.entries()) {
          expect(r.to - r.from).toBeGreaterThan(0);
          expect(r.to - r.from).toBeLessThanOrEqual(most);
          const before = sizes.slice(r.from, r.to - 1).reduce((x, y) => x + y, 0);
          expect(before).toBeLessThan(size); // only the last item may take it to the size
          const total = before + (sizes[r.to - 1] as number);
          // A range stops short of the size only when it is full or the items run out.
          if (total < size && r.to - r.from < most) expect(k).toBe(ranges.length - 1);
        }
      }),
    );
  });

  it('gives a big item a range of its own when it comes first, and none for no items', () => {
    expect(chunkRanges(3, 10, (i) => [50, 1, 1][i] as number)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 3 }]);
    expect(chunkRanges(0, 10, () => 1)).toEqual([]);
    expect(chunkRanges(5, 10, () => 1, 2)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 4 }, { from: 4, to: 5 }]);
  });
});

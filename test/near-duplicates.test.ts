import { describe, expect, it } from 'vitest';
import { CONFIRM_SLACK, nearDuplicates } from '../src/cluster/stories.js';
import { exactJaccard } from '../src/fingerprint/articles.js';

/** Two 128-slot signatures that agree on their first `same` slots. */
function pair(same: number): Uint32Array[] {
  const a = Uint32Array.from({ length: 128 }, (_, i) => i + 1);
  const b = Uint32Array.from({ length: 128 }, (_, i) => (i < same ? i + 1 : 100_000 + i));
  return [a, b];
}

describe('near-duplicate confirmation', () => {
  it('confirms an LSH candidate whose estimate is just under the threshold by its exact Jaccard', () => {
    const signatures = pair(60); // estimate 60/128 = 0.469 < 0.5, but within the slack
    expect(60 / 128).toBeGreaterThan(0.5 - CONFIRM_SLACK);
    expect(nearDuplicates(signatures, 0.5, 128, () => 0.62)).toEqual([{ a: 0, b: 1, jaccard: 0.62 }]);
    expect(nearDuplicates(signatures, 0.5, 128)).toEqual([]); // without an exact check the estimate decides
  });

  it('rejects a candidate whose exact Jaccard is under the threshold, whatever the estimate', () => {
    expect(nearDuplicates(pair(128), 0.5, 128, () => 0.3)).toEqual([]);
  });

  it('does not check pairs whose estimate is far below the threshold', () => {
    let checked = 0;
    nearDuplicates(pair(6), 0.5, 128, () => {
      checked++;
      return 1;
    });
    expect(checked).toBe(0);
  });
});

describe('exactJaccard', () => {
  it('is |A ∩ B| / |A ∪ B| on sorted sets', () => {
    expect(exactJaccard(Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([3, 4, 5, 6]))).toBeCloseTo(2 / 6, 12);
    expect(exactJaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
    expect(exactJaccard(Uint32Array.from([7]), new Uint32Array(0))).toBe(0);
  });
});

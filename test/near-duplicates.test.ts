import { describe, expect, it } from 'vitest';
import { CONFIRM_SLACK, nearDuplicates, nearDuplicatesInTurns } from '../src/cluster/stories.js';
import { exactJaccard } from '../src/fingerprint/articles.js';
import { signatureFamilies } from './signature-families.js';

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
    expect(nearDuplicates(signatures, 0.5, 128, () => 0.62).pairs).toEqual([{ a: 0, b: 1, jaccard: 0.62 }]);
    expect(nearDuplicates(signatures, 0.5, 128).pairs).toEqual([]); // without an exact check the estimate decides
  });

  it('rejects a candidate whose exact Jaccard is under the threshold, whatever the estimate', () => {
    expect(nearDuplicates(pair(128), 0.5, 128, () => 0.3).pairs).toEqual([]);
  });

  it('takes threshold 1 (the top of its range): exactly the pairs of equal shingle sets', () => {
    const [a, b] = pair(128) as [Uint32Array, Uint32Array];
    const [, near] = pair(127) as [Uint32Array, Uint32Array];
    expect(nearDuplicates([a, b, near], 1, 128, (x, y) => (x === 0 && y === 1 ? 1 : 0.99)).pairs).toEqual([{ a: 0, b: 1, jaccard: 1 }]);
    expect(nearDuplicates([a, near], 1, 128).pairs).toEqual([]);
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

/** `groups` groups of `size` signatures: each a base signature with a random share of its slots changed. */
function families(groups: number, size: number, seed: number): Uint32Array[] {
  return signatureFamilies(groups, size, seed, (base, next) => {
    const changed = (next() % 100) / 100;
    return base.map((v) => ((next() % 1000) / 1000 < changed ? next() : v));
  });
}

describe('near-duplicates in turns', () => {
  it('finds the same pairs in the same order as all at once', async () => {
    const signatures = families(60, 12, 7);
    const exact = (a: number, b: number): number => ((a * 31 + b * 17) % 100) / 100;
    const once = nearDuplicates(signatures, 0.5, 128, exact);
    expect(once.pairs.length).toBeGreaterThan(20);
    expect(await nearDuplicatesInTurns(signatures, 0.5, 128, exact, async () => {})).toEqual(once);
    expect(await nearDuplicatesInTurns(signatures, 0.5, 128, undefined, async () => {})).toEqual(nearDuplicates(signatures, 0.5, 128));
  });

  it('pauses between turns when the work takes long', async () => {
    const signatures = families(40, 10, 3);
    const slow = (): number => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return 0.9;
    };
    let pauses = 0;
    const found = await nearDuplicatesInTurns(signatures, 0.5, 128, slow, async () => {
      pauses++;
    });
    expect(found.pairs.length).toBeGreaterThan(30); // at least 60 ms of checks, so more than one 20 ms turn
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('exactJaccard', () => {
  it('is |A ∩ B| / |A ∪ B| on sorted sets', () => {
    expect(exactJaccard(Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([3, 4, 5, 6]))).toBeCloseTo(2 / 6, 12);
    expect(exactJaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
    expect(exactJaccard(Uint32Array.from([7]), new Uint32Array(0))).toBe(0);
  });
});

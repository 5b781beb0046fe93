import { describe, expect, it } from 'vitest';
import { nearDuplicates } from '../src/cluster/near-duplicates.js';
import { jaccard } from '../src/fingerprint/minhash.js';
import { copyGroupsOf } from '../src/report/copy-groups.js';
import { UnionFind } from '../src/util/union-find.js';
import { signatureFamilies } from './signature-families.js';

/** `groups` texts, `size` copies each: a base signature with `changed` of its 128 slots changed in each copy. */
function copies(groups: number, size: number, changed: number, seed = 5): Uint32Array[] {
  return signatureFamilies(groups, size, seed, (base, next) => {
    const copy = base.slice();
    for (let c = 0; c < changed; c++) copy[next() % 128] = next();
    return copy;
  });
}

/** A made-up exact Jaccard: the estimate nudged by the two indices (so values differ from pair to pair). */
const exactOf = (signatures: readonly Uint32Array[]) => (a: number, b: number): number =>
  Math.min(1, jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array) + ((a * 7 + b * 3) % 5) / 100);

/** Every pair i < j with estimate at least `floor` and exact Jaccard at least the threshold: what checking all gives. */
function everyPair(signatures: readonly Uint32Array[], threshold: number, exact: (a: number, b: number) => number) {
  const out: { a: number; b: number; jaccard: number }[] = [];
  for (let a = 0; a < signatures.length; a++) {
    for (let b = a + 1; b < signatures.length; b++) {
      if (jaccard(signatures[a] as Uint32Array, signatures[b] as Uint32Array) < threshold - 0.15) continue;
      const j = exact(a, b);
      if (j >= threshold) out.push({ a, b, jaccard: j });
    }
  }
  return out;
}

const components = (n: number, pairs: readonly { a: number; b: number }[]): number[] => {
  const sets = new UnionFind(n);
  for (const p of pairs) sets.union(p.a, p.b);
  return Array.from({ length: n }, (_, i) => sets.find(i));
};

describe('near-duplicate search: copy groups and the bound', () => {
  it('lists every pair of a group no larger than the bound, as checking every candidate does', () => {
    const signatures = copies(4, 6, 8);
    const exact = exactOf(signatures);
    const found = nearDuplicates(signatures, 0.5, 128, exact, 6);
    expect(found.pairs).toEqual(everyPair(signatures, 0.5, exact));
    expect(found.pairs.length).toBe(4 * 15);
    expect(found.bounded.size).toBe(0);
  });

  it('lists a spanning tree of a larger group, of pairs that are copies, with the same groups and far fewer exact checks', () => {
    const signatures = [...copies(1, 40, 8, 11), ...copies(1, 5, 8, 12)];
    const exact = exactOf(signatures);
    let checks = 0;
    const counted = (a: number, b: number): number => (checks++, exact(a, b));
    const found = nearDuplicates(signatures, 0.5, 128, counted, 10);
    const all = everyPair(signatures, 0.5, exact);
    expect(all.length).toBe(780 + 10);
    // The big group: 39 pairs (a tree); the small one: all 10.
    expect(found.pairs.length).toBe(39 + 10);
    expect(components(signatures.length, found.pairs)).toEqual(components(signatures.length, all));
    const key = (p: { a: number; b: number }): number => p.a * 1000 + p.b;
    const listed = new Map(all.map((p) => [key(p), p.jaccard]));
    for (const p of found.pairs) expect(listed.get(key(p))).toBe(p.jaccard);
    expect([...found.bounded].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(checks).toBeLessThan(100);
  });

  it('joins each article of a large group by its strongest pair first (a maximum spanning tree by estimate)', () => {
    // Article 2 is much nearer to 1 than to 0: its tree pair is (1, 2).
    const base = Uint32Array.from({ length: 128 }, (_, i) => i + 1);
    const one = base.map((v, i) => (i < 30 ? v + 1000 : v));
    const two = one.map((v, i) => (i >= 120 ? v + 5000 : v));
    const found = nearDuplicates([base, one, two], 0.5, 128, undefined, 2);
    expect(found.pairs.map((p) => [p.a, p.b])).toEqual([[0, 1], [1, 2]]);
    expect(found.bounded.size).toBe(3);
  });
});

describe('copyGroupsOf', () => {
  const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

  it('makes one group of each connected set of copies, in story order, with the Jaccard range of its pairs', () => {
    const pairs = [
      { a: 'a5', b: 'a2', jaccard: 0.8 },
      { a: 'a2', b: 'a4', jaccard: 0.95 },
      { a: 'a3', b: 'a6', jaccard: 0.7 },
    ];
    expect(copyGroupsOf(ids, pairs, new Set())).toEqual([
      { articles: ['a2', 'a4', 'a5'], pairs: 2, allPairs: true, minJaccard: 0.8, maxJaccard: 0.95 },
      { articles: ['a3', 'a6'], pairs: 1, allPairs: true, minJaccard: 0.7, maxJaccard: 0.7 },
    ]);
  });

  it('says when a group lists a spanning tree only, and nothing for a story without copies', () => {
    const groups = copyGroupsOf(ids, [{ a: 'a1', b: 'a2', jaccard: 0.9 }, { a: 'a3', b: 'a4', jaccard: 0.9 }], new Set(['a3', 'a4']));
    expect(groups.map((g) => g.allPairs)).toEqual([true, false]);
    expect(copyGroupsOf(ids, [], new Set())).toEqual([]);
  });
});

describe('UnionFind', () => {
  it('joins sets and tells their sizes', () => {
    const u = new UnionFind(5);
    expect(u.union(0, 1)).toBe(true);
    expect(u.union(3, 1)).toBe(true);
    expect(u.union(0, 3)).toBe(false);
    expect(u.find(3)).toBe(u.find(0));
    expect(u.find(2)).not.toBe(u.find(0));
    expect([u.sizeOf(1), u.sizeOf(2)]).toEqual([3, 1]);
    expect(() => new UnionFind(-1)).toThrow(RangeError);
  });
});

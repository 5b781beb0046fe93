import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageLink, type AverageLinkOptions, type Edge } from '../src/cluster/average-link.js';
import { EdgeList } from '../src/cluster/edge-list.js';
import { referenceAverageLink } from './average-link-reference.js';

const edge = (a: number, b: number, sim: number): Edge => ({ a, b, sim });

/** Every pair within each group, at similarity `sim`. */
function clique(items: readonly number[], sim: number): Edge[] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b) => edge(a, b, sim)));
}

/** Clusters as sorted lists of members, so tests read as the partition they expect. */
function partition(labels: readonly number[]): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((l, i) => groups.set(l, [...(groups.get(l) ?? []), i]));
  return [...groups.values()].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}

describe('averageLink: basics', () => {
  it('labels each item with the smallest index of its cluster', () => {
    expect(averageLink(4, [edge(3, 1, 0.9)], 0.5)).toEqual([0, 1, 2, 1]);
  });

  it('leaves items without edges alone and handles no items', () => {
    expect(averageLink(3, [], 0.5)).toEqual([0, 1, 2]);
    expect(averageLink(0, [], 0.5)).toEqual([]);
  });

  it('merges a pair at exactly the threshold but not below it', () => {
    expect(averageLink(2, [edge(0, 1, 0.5)], 0.5)).toEqual([0, 0]);
    expect(averageLink(2, [edge(0, 1, 0.49)], 0.5)).toEqual([0, 1]);
  });

  it('accepts a threshold of 1 and refuses thresholds outside (0, 1]', () => {
    expect(averageLink(2, [edge(0, 1, 1)], 1)).toEqual([0, 0]);
    for (const bad of [0, -0.1, 1.01, 7, Number.NaN]) {
      expect(() => averageLink(2, [edge(0, 1, 1)], bad)).toThrow(RangeError);
    }
    expect(() => averageLink(2, [], 0)).toThrow(/threshold must be in \(0, 1\]/);
  });
});

describe('averageLink: no chaining', () => {
  // A–B and B–C strong, A–C absent (counts as 0): the mean over the three pairs is 0.6,
  // and once A and B are one cluster, C's mean link to it is (0 + 0.9) / 2 = 0.45.
  const chain = [edge(0, 1, 0.9), edge(1, 2, 0.9)];

  it('does not join a chain A–B–C into one cluster at a threshold above its average link', () => {
    expect(partition(averageLink(3, chain, 0.65))).toEqual([[0, 1], [2]]);
    expect(partition(averageLink(3, chain, 0.5))).toEqual([[0, 1], [2]]);
  });

  it('does join it once the threshold is below the newcomer’s average link', () => {
    expect(partition(averageLink(3, chain, 0.4))).toEqual([[0, 1, 2]]);
  });

  it('keeps two dense groups apart although one strong link bridges them', () => {
    const edges = [...clique([0, 1, 2], 0.8), ...clique([3, 4, 5], 0.8), edge(2, 3, 0.7)];
    expect(partition(averageLink(6, edges, 0.3))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('joins two groups whose members all resemble each other', () => {
    const edges = [...clique([0, 1, 2], 0.8), ...clique([3, 4, 5], 0.8)];
    for (const a of [0, 1, 2]) for (const b of [3, 4, 5]) edges.push(edge(a, b, 0.4));
    expect(partition(averageLink(6, edges, 0.3))).toEqual([[0, 1, 2, 3, 4, 5]]);
  });
});

describe('averageLink: options', () => {
  it('puts initial groups together even without edges, chaining overlapping groups', () => {
    expect(partition(averageLink(5, [], 0.5, { initial: [[3, 0]] }))).toEqual([[0, 3], [1], [2], [4]]);
    expect(partition(averageLink(5, [], 0.5, { initial: [[0, 1], [1, 2]] }))).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('counts an initial group as a whole when averaging', () => {
    // 0 resembles 1 strongly but 2 not at all; with [1, 2] already one cluster the mean is 0.45.
    expect(partition(averageLink(3, [edge(0, 1, 0.9)], 0.5, { initial: [[1, 2]] }))).toEqual([[0], [1, 2]]);
    expect(partition(averageLink(3, [edge(0, 1, 0.9)], 0.4, { initial: [[1, 2]] }))).toEqual([[0, 1, 2]]);
  });

  it('respects a canMerge veto and goes on with other merges', () => {
    const edges = clique([0, 1, 2, 3], 0.9);
    const apart = (a: readonly number[], b: readonly number[]): boolean => {
      const all = [...a, ...b];
      return !(all.includes(0) && all.includes(1));
    };
    const labels = averageLink(4, edges, 0.5, { canMerge: apart });
    expect(labels[0]).not.toBe(labels[1]);
    expect(partition(labels).map((g) => g.length).sort()).toEqual([1, 3]);
  });

  it('sees the members of both clusters in canMerge', () => {
    const seen: number[][] = [];
    averageLink(3, clique([0, 1, 2], 0.9), 0.5, {
      canMerge: (a, b) => {
        seen.push([...a, ...b].sort());
        return true;
      },
    });
    expect(seen).toEqual([
      [0, 1],
      [0, 1, 2],
    ]);
  });
});

describe('averageLink: determinism', () => {
  const graph = fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), sim: fc.integer({ min: 1, max: 16 }).map((k) => k / 16) }).filter((e) => e.a !== e.b),
        { selector: (e) => `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}`, maxLength: 30 },
      ),
      threshold: fc.integer({ min: 1, max: 16 }).map((k) => k / 16),
    }),
  );

  it('gives the same clusters whatever the order and direction of the edges', () => {
    fc.assert(
      fc.property(graph, fc.infiniteStream(fc.boolean()), fc.func(fc.integer()), ({ n, edges, threshold }, flips, key) => {
        const shuffled = [...edges]
          .map((e, i) => ({ e, k: key(i) }))
          .sort((x, y) => x.k - y.k)
          .map(({ e }) => e)
          .map((e) => (flips.next().value ? edge(e.b, e.a, e.sim) : e));
        expect(averageLink(n, shuffled, threshold)).toEqual(averageLink(n, edges, threshold));
      }),
    );
  });

  it('only merges through edges: every member of a merged cluster has an edge to another member', () => {
    fc.assert(
      fc.property(graph, ({ n, edges, threshold }) => {
        const labels = averageLink(n, edges, threshold);
        for (const group of partition(labels)) {
          if (group.length < 2) continue;
          for (const m of group) {
            const linked = edges.some((e) => (e.a === m && group.includes(e.b)) || (e.b === m && group.includes(e.a)));
            expect(linked).toBe(true);
          }
        }
      }),
    );
  });
});

describe('averageLink on typed edges', () => {
  // Small graphs with tied and untied similarities, both linkages, sizes, inner sums, initial groups and a veto.
  const runOf = (most: number, edgesAtMost: number) => fc.integer({ min: 1, max: most }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.record({
          a: fc.nat(n - 1),
          b: fc.nat(n - 1),
          sim: fc.oneof(fc.integer({ min: 1, max: 16 }).map((k) => k / 16), fc.double({ min: 0.01, max: 1, noNaN: true })),
        }),
        { selector: (e) => `${e.a}-${e.b}`, maxLength: edgesAtMost },
      ),
      threshold: fc.double({ min: 0.05, max: 1, noNaN: true }),
      linkage: fc.constantFrom<'average' | 'centroid'>('average', 'centroid'),
      sizes: fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n })),
      internal: fc.option(fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: n, maxLength: n })),
      initial: fc.array(fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      apart: fc.option(fc.tuple(fc.nat(n - 1), fc.nat(n - 1))),
    }),
  );

  // Small graphs, and larger ones where clusters grow through many merges with many weak links (what the
  // re-offering of only the pairs that can have risen above the threshold is about).
  it.each([
    [12, 40, 500],
    [40, 200, 150],
  ])('gives the clusters and the merge order of the object-edge implementation it replaced (up to %i items, %i edges)', (most, edgesAtMost, numRuns) => {
    fc.assert(
      fc.property(runOf(most, edgesAtMost), ({ n, edges, threshold, linkage, sizes, internal, initial, apart }) => {
        // Every merge asked for, in order, as the members on both sides.
        const traced = (): { asked: number[][]; options: AverageLinkOptions } => {
          const asked: number[][] = [];
          const canMerge = (a: readonly number[], b: readonly number[]): boolean => {
            asked.push([...a, -1, ...b]);
            return !apart || !([...a, ...b].includes(apart[0]) && [...a, ...b].includes(apart[1]));
          };
          // Edges that happen to join distinct pairs are also run as such (edges between parts left out).
          const distinctPairs = new Set(edges.map((e) => `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}`)).size === edges.length;
          return { asked, options: { linkage, initial, canMerge, distinctPairs, ...(sizes ? { sizes } : {}), ...(internal ? { internal } : {}) } };
        };
        const old = traced();
        const expected = referenceAverageLink(n, edges, threshold, old.options);
        for (const input of [EdgeList.from(edges), edges]) {
          const now = traced();
          expect(averageLink(n, input, threshold, now.options)).toEqual(expected);
          expect(now.asked).toEqual(old.asked);
        }
      }),
      { numRuns },
    );
  });
});

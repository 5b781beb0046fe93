import { describe, expect, it } from 'vitest';
import { EdgeList } from '../src/cluster/edge-list.js';
import { strongestEdges } from '../src/cluster/strongest-edges.js';

/** The edges of a list as `[a, b, sim]`, after checking that its arrays hold exactly `count`. */
const triples = (list: EdgeList): number[][] => {
  expect([list.a.length, list.b.length, list.sim.length]).toEqual([list.count, list.count, list.count]);
  return Array.from({ length: list.count }, (_, e) => [list.a[e] as number, list.b[e] as number, list.sim[e] as number]);
};
const pairs = (list: EdgeList): string[] => triples(list).map(([a, b]) => `${a}-${b}`);

const edgesOf = (list: [number, number, number][]): EdgeList[] => {
  const edges = new EdgeList(2);
  for (const [a, b, s] of list) edges.push(a, b, s);
  return [edges];
};

describe('strongestEdges', () => {
  it('keeps every edge when no node has more than k', () => {
    const list: [number, number, number][] = [[0, 1, 0.5], [1, 2, 0.3], [0, 2, 0.1]];
    expect(triples(strongestEdges(3, 2, edgesOf(list)))).toEqual(list);
  });

  it('drops an edge that is weak at both of its ends', () => {
    // Node 0 has three edges; with k = 2 its weakest (0–3, 0.1) goes unless node 3 keeps it — and node 3 has
    // a stronger pair of its own, so the edge is dropped.
    const list: [number, number, number][] = [[0, 1, 0.9], [0, 2, 0.8], [0, 3, 0.1], [3, 4, 0.7], [3, 5, 0.6]];
    const kept = pairs(strongestEdges(6, 2, edgesOf(list)));
    expect(kept).toEqual(['0-1', '0-2', '3-4', '3-5']);
  });

  it('keeps an edge that is among the strongest of one end only', () => {
    const list: [number, number, number][] = [[0, 1, 0.9], [0, 2, 0.8], [0, 3, 0.2]];
    expect(pairs(strongestEdges(4, 2, edgesOf(list)))).toEqual(['0-1', '0-2', '0-3']);
  });
});

import { describe, expect, it } from 'vitest';
import { EdgeList } from '../src/cluster/edge-list.js';
import { strongestEdges } from '../src/cluster/strongest-edges.js';

const edgesOf = (list: [number, number, number][]): EdgeList[] => {
  const edges = new EdgeList(2);
  for (const [a, b, s] of list) edges.push(a, b, s);
  return [edges];
};

describe('strongestEdges', () => {
  it('keeps every edge when no node has more than k', () => {
    const list: [number, number, number][] = [[0, 1, 0.5], [1, 2, 0.3], [0, 2, 0.1]];
    expect(strongestEdges(3, 2, edgesOf(list)).map((e) => [e.a, e.b, e.sim])).toEqual(list);
  });

  it('drops an edge that is weak at both of its ends', () => {
    // Node 0 has three edges; with k = 2 its weakest (0–3, 0.1) goes unless node 3 keeps it — and node 3 has
    // a stronger pair of its own, so the edge is dropped.
    const list: [number, number, number][] = [[0, 1, 0.9], [0, 2, 0.8], [0, 3, 0.1], [3, 4, 0.7], [3, 5, 0.6]];
    const kept = strongestEdges(6, 2, edgesOf(list)).map((e) => `${e.a}-${e.b}`);
    expect(kept).toEqual(['0-1', '0-2', '3-4', '3-5']);
  });

  it('keeps an edge that is among the strongest of one end only', () => {
    const list: [number, number, number][] = [[0, 1, 0.9], [0, 2, 0.8], [0, 3, 0.2]];
    expect(strongestEdges(4, 2, edgesOf(list)).map((e) => `${e.a}-${e.b}`)).toEqual(['0-1', '0-2', '0-3']);
  });
});

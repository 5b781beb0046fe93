/**
 * The `k` strongest edges of every node of a graph, kept while edges are offered one at a time: a bounded
 * min-heap per node (allocated on the node's first edge). An edge is kept when it is among the `k` strongest
 * of either of its ends. Ties: the smaller partner index counts as stronger, so the result does not depend on
 * the order of offers.
 */
import type { Edge } from '../cluster/average-link.js';

export class TopEdges {
  private readonly sims: (Float64Array | undefined)[];
  private readonly partners: (Int32Array | undefined)[];
  private readonly counts: Int32Array;

  constructor(
    nodes: number,
    private readonly k: number,
  ) {
    this.sims = new Array(nodes);
    this.partners = new Array(nodes);
    this.counts = new Int32Array(nodes);
  }

  /** Offer the undirected edge {a, b} (a ≠ b) to both ends. */
  offer(a: number, b: number, sim: number): void {
    this.push(a, b, sim);
    this.push(b, a, sim);
  }

  /** Every kept edge once, with a < b, unsorted. */
  edges(): Edge[] {
    const seen = new Set<number>();
    const out: Edge[] = [];
    const n = this.counts.length;
    for (let node = 0; node < n; node++) {
      const sims = this.sims[node];
      const partners = this.partners[node];
      if (!sims || !partners) continue;
      for (let i = 0; i < (this.counts[node] ?? 0); i++) {
        const other = partners[i] as number;
        const [a, b] = node < other ? [node, other] : [other, node];
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ a, b, sim: sims[i] as number });
      }
    }
    return out;
  }

  /** True when (s1, p1) is weaker than (s2, p2). */
  private static weaker(s1: number, p1: number, s2: number, p2: number): boolean {
    return s1 < s2 || (s1 === s2 && p1 > p2);
  }

  private push(node: number, partner: number, sim: number): void {
    let sims = this.sims[node];
    let partners = this.partners[node];
    if (!sims || !partners) {
      sims = this.sims[node] = new Float64Array(this.k);
      partners = this.partners[node] = new Int32Array(this.k);
    }
    const count = this.counts[node] ?? 0;
    let i: number;
    if (count < this.k) {
      // Sift up from the end.
      i = count;
      this.counts[node] = count + 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopEdges.weaker(sim, partner, sims[parent] as number, partners[parent] as number)) break;
        sims[i] = sims[parent] as number;
        partners[i] = partners[parent] as number;
        i = parent;
      }
    } else {
      if (!TopEdges.weaker(sims[0] as number, partners[0] as number, sim, partner)) return;
      // Replace the weakest (the root) and sift down.
      i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = -1;
        let ws = sim;
        let wp = partner;
        if (l < count && TopEdges.weaker(sims[l] as number, partners[l] as number, ws, wp)) {
          w = l;
          ws = sims[l] as number;
          wp = partners[l] as number;
        }
        if (r < count && TopEdges.weaker(sims[r] as number, partners[r] as number, ws, wp)) w = r;
        if (w < 0) break;
        sims[i] = sims[w] as number;
        partners[i] = partners[w] as number;
        i = w;
      }
    }
    sims[i] = sim;
    partners[i] = partner;
  }
}

/**
 * Union-find (disjoint sets) over the integers [0, n): path halving and union by size, so a run of `find` and
 * `union` calls costs about constant time each. What copy groups are made of (cluster/near-duplicates.ts,
 * report/copy-groups.ts).
 */
export class UnionFind {
  readonly #parent: Int32Array;
  readonly #size: Int32Array;

  /** `n`: how many elements, an integer ≥ 0; each starts in a set of its own. */
  constructor(n: number) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${n}`);
    this.#parent = Int32Array.from({ length: n }, (_, i) => i);
    this.#size = new Int32Array(n).fill(1);
  }

  /** The representative of `x`'s set. */
  find(x: number): number {
    const parent = this.#parent;
    let at = x;
    while (parent[at] !== at) {
      const up = parent[parent[at] as number] as number;
      parent[at] = up;
      at = up;
    }
    return at;
  }

  /** Joins the sets of `a` and `b`; false when they were one set already. */
  union(a: number, b: number): boolean {
    let x = this.find(a);
    let y = this.find(b);
    if (x === y) return false;
    if ((this.#size[x] as number) < (this.#size[y] as number)) [x, y] = [y, x];
    this.#parent[y] = x;
    this.#size[x] = (this.#size[x] as number) + (this.#size[y] as number);
    return true;
  }

  /** How many elements `x`'s set has. */
  sizeOf(x: number): number {
    return this.#size[this.find(x)] as number;
  }
}

/**
 * A max-heap of merge candidates (score, a, b and the two cluster versions) on growable typed arrays: about
 * 24 bytes an entry instead of an object each. Ordered by score, then the smaller `a`, then the smaller `b`;
 * the sift steps are those of {@link Heap}, so entries come out in exactly the same order.
 */
export class PairHeap {
  private score = new Float64Array(64);
  private ids = new Int32Array(4 * 64);
  private length = 0;

  get size(): number {
    return this.length;
  }

  push(score: number, a: number, b: number, va: number, vb: number): void {
    if (this.length === this.score.length) this.grow();
    let i = this.length++;
    this.set(i, score, a, b, va, vb);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the top entry and writes it to `out` as [score, a, b, va, vb]; false when empty. */
  pop(out: Float64Array): boolean {
    if (this.length === 0) return false;
    out[0] = this.score[0] as number;
    for (let k = 0; k < 4; k++) out[k + 1] = this.ids[k] as number;
    const last = --this.length;
    if (last > 0) {
      this.copy(last, 0);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < this.length && this.before(l, best)) best = l;
        if (r < this.length && this.before(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return true;
  }

  private before(x: number, y: number): boolean {
    const sx = this.score[x] as number;
    const sy = this.score[y] as number;
    if (sx !== sy) return sx > sy;
    const ax = this.ids[4 * x] as number;
    const ay = this.ids[4 * y] as number;
    return ax < ay || (ax === ay && (this.ids[4 * x + 1] as number) < (this.ids[4 * y + 1] as number));
  }

  private set(i: number, score: number, a: number, b: number, va: number, vb: number): void {
    this.score[i] = score;
    this.ids[4 * i] = a;
    this.ids[4 * i + 1] = b;
    this.ids[4 * i + 2] = va;
    this.ids[4 * i + 3] = vb;
  }

  private copy(from: number, to: number): void {
    this.score[to] = this.score[from] as number;
    this.ids.copyWithin(4 * to, 4 * from, 4 * from + 4);
  }

  private swap(x: number, y: number): void {
    const s = this.score[x] as number;
    this.score[x] = this.score[y] as number;
    this.score[y] = s;
    for (let k = 0; k < 4; k++) {
      const t = this.ids[4 * x + k] as number;
      this.ids[4 * x + k] = this.ids[4 * y + k] as number;
      this.ids[4 * y + k] = t;
    }
  }

  private grow(): void {
    const score = new Float64Array(this.score.length * 2);
    score.set(this.score);
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.score = score;
    this.ids = ids;
  }
}

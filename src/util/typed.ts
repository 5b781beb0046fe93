/** Small helpers for typed arrays. */

/** `array` copied into a new one of the same type, twice as long, at least 16 (for arrays grown as items are added). */
export function grown<T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float32Array<ArrayBuffer>>(array: T): T {
  const out = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  out.set(array);
  return out;
}

/** The first place in the ascending `sorted` whose value is not below `x` (its length when none). */
export function lowerBound(sorted: Uint32Array | Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Small helpers for typed arrays. */

/** `array` copied into a new one of the same type, twice as long, at least 16 (for arrays grown as items are added). */
export function grown<T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float32Array<ArrayBuffer>>(array: T): T {
  const out = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  out.set(array);
  return out;
}

/**
 * 32-bit non-cryptographic hashing for fingerprints.
 *
 * All arithmetic stays in 32 bits (`Math.imul`, `>>> 0`), so no intermediate ever leaves the range where
 * JavaScript numbers are exact. Results are unsigned 32-bit integers. Not suitable where an adversary
 * chooses the input.
 */

/** FNV-1a's starting value and multiplier, for hashers that must agree with {@link hashString} code unit by code unit. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Rotate a 32-bit value left by `r` bits (0 < r < 32). */
function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * The murmur3 finaliser: a bijection on 32-bit integers in which every input bit affects every output bit
 * with probability close to 1/2. Returns an unsigned 32-bit integer.
 */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash a string's UTF-16 code units with FNV-1a, then pass the result through {@link mix32} so that short,
 * similar strings (words) spread over all 32 bits. `seed` (any 32-bit integer, default 0) selects an
 * independent-looking hash function. Returns an unsigned 32-bit integer.
 */
export function hashString(s: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return mix32(h ^ s.length);
}

/**
 * Fold one 32-bit value `x` into a running hash `h` (the murmur3 block step). Order-sensitive:
 * `combine(combine(h, a), b)` differs from `combine(combine(h, b), a)`. Finish a sequence with
 * {@link mix32} (ideally after xoring in its length). Returns an unsigned 32-bit integer.
 */
export function combine(h: number, x: number): number {
  let k = Math.imul(x | 0, C1);
  k = rotl(k, 15);
  k = Math.imul(k, C2);
  let r = (h | 0) ^ k;
  r = rotl(r, 13);
  r = (Math.imul(r, 5) + 0xe6546b64) | 0;
  return r >>> 0;
}

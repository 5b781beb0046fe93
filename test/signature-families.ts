/**
 * Made-up MinHash signatures for the near-duplicate and copy-group tests: `groups` base signatures of 128 slots, each
 * with `size` copies that `copyOf` makes from it, all from one seeded linear congruential generator.
 */
export function signatureFamilies(groups: number, size: number, seed: number, copyOf: (base: Uint32Array, next: () => number) => Uint32Array): Uint32Array[] {
  let state = seed;
  const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out: Uint32Array[] = [];
  for (let g = 0; g < groups; g++) {
    const base = Uint32Array.from({ length: 128 }, next);
    for (let k = 0; k < size; k++) out.push(copyOf(base, next));
  }
  return out;
}

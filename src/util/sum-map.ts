/**
 * A map from non-negative integer keys to float64 sums, on typed arrays with open addressing (linear probing,
 * deletion by backward shift): 12 bytes a slot at load ≤ 3/4, keys and sums in one buffer, where a
 * `Map<number, number>` costs over 100 bytes an entry once its values are boxed doubles. Iteration order is
 * slot order, not insertion.
 */
const EMPTY = -1;

/** Empty key and sum arrays of `size` slots, in one buffer (one allocation, not two). */
function table(size: number): [Int32Array, Float64Array] {
  const buffer = new ArrayBuffer(size * 12);
  return [new Int32Array(buffer, size * 8, size).fill(EMPTY), new Float64Array(buffer, 0, size)];
}

/**
 * The table of every empty map until its first entry: one slot, never written (it is full at any entry, so the
 * first entry rehashes into a table of the map's own). Most maps of a clustering stay empty or are emptied once
 * merged (an item without links, a cluster merged away), and an array buffer each cost more than their use.
 */
const [NO_KEYS, NO_SUMS] = table(1);

export class SumMap {
  private keys: Int32Array;
  private vals: Float64Array;
  private count = 0;
  private mask: number;

  /** `capacity`: entries it will hold without growing (size it for what it will hold: few tables outgrown and let go). */
  constructor(capacity = 0) {
    let size = 4;
    while (4 * capacity > 3 * size) size *= 2;
    [this.keys, this.vals] = capacity > 0 ? table(size) : [NO_KEYS, NO_SUMS];
    this.mask = this.keys.length - 1;
  }

  get size(): number {
    return this.count;
  }

  get(key: number): number | undefined {
    const i = this.find(key);
    return this.keys[i] === key ? this.vals[i] : undefined;
  }

  set(key: number, value: number): void {
    const i = this.slot(key); // first: it may replace this.vals
    this.vals[i] = value;
  }

  /** Adds `value` to the sum at `key` (0 when absent) and returns the new sum: {@link set} of {@link get} + value, one lookup. */
  add(key: number, value: number): number {
    const i = this.slot(key);
    const sum = (this.vals[i] as number) + value;
    this.vals[i] = sum;
    return sum;
  }

  /** The slot of `key`, given a sum of 0 when it was absent (the table grown first if it would pass load 3/4). */
  private slot(key: number): number {
    let i = this.find(key);
    if (this.keys[i] !== key) {
      if (4 * (this.count + 1) > 3 * this.keys.length) {
        this.rehash(Math.max(4, this.keys.length * 2));
        i = this.find(key);
      }
      this.keys[i] = key;
      this.vals[i] = 0;
      this.count++;
    }
    return i;
  }

  delete(key: number): void {
    let i = this.find(key);
    if (this.keys[i] !== key) return;
    this.count--;
    // Backward-shift: pull later entries of the probe run into the hole.
    for (let j = (i + 1) & this.mask; ; j = (j + 1) & this.mask) {
      const k = this.keys[j] as number;
      if (k === EMPTY) break;
      const home = this.home(k);
      // Move k into the hole at i when its home slot is not cyclically within (i, j].
      if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
        this.keys[i] = k;
        this.vals[i] = this.vals[j] as number;
        i = j;
      }
    }
    this.keys[i] = EMPTY;
  }

  forEach(visit: (value: number, key: number) => void): void {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if ((keys[i] as number) !== EMPTY) visit(this.vals[i] as number, keys[i] as number);
  }

  /** Empties the map and releases its storage. */
  clear(): void {
    [this.keys, this.vals] = [NO_KEYS, NO_SUMS];
    this.mask = 0;
    this.count = 0;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: number): number {
    let i = this.home(key);
    for (;;) {
      const k = this.keys[i] as number;
      if (k === key || k === EMPTY) return i;
      i = (i + 1) & this.mask;
    }
  }

  private rehash(size: number): void {
    const keys = this.keys;
    const vals = this.vals;
    [this.keys, this.vals] = table(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k === EMPTY) continue;
      const j = this.find(k);
      this.keys[j] = k;
      this.vals[j] = vals[i] as number;
    }
  }
}

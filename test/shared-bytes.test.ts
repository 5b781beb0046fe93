import { describe, expect, it } from 'vitest';
import { SharedBytes } from '../src/util/shared-bytes.js';

describe('SharedBytes', () => {
  it('copies bytes into shared blocks, end to end', () => {
    const store = new SharedBytes(8);
    const a = store.copy(Uint8Array.of(1, 2, 3));
    const b = store.copy(Uint8Array.of(4, 5, 6, 7, 8));
    const c = store.copy(Uint8Array.of(9));
    expect([...a, ...b, ...c]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(3);
    expect(c.buffer).not.toBe(a.buffer); // the first block was full
  });

  it('gives an array longer than a block a block of its own', () => {
    const store = new SharedBytes(4);
    const big = store.copy(new Uint8Array(10).fill(7));
    expect(big.length).toBe(10);
    expect(big.buffer.byteLength).toBe(10);
    expect(store.copy(Uint8Array.of(1)).buffer).not.toBe(big.buffer);
  });

  it('hands out views that are shared, not copied, when sent on (as to a worker)', () => {
    const store = new SharedBytes();
    const view = store.copy(Uint8Array.of(1, 2, 3));
    const sent = structuredClone(view);
    view[0] = 42;
    expect(sent[0]).toBe(42);
  });

  it('copies an empty array', () => {
    expect(new SharedBytes().copy(new Uint8Array(0)).length).toBe(0);
  });
});

/**
 * Byte arrays copied end to end into large blocks of shared memory. A view into a SharedArrayBuffer goes to a
 * worker thread without being copied (the block is shared, only the view is sent), so the workers of every
 * stage read the articles' packed texts in place instead of each holding copies. And one block per
 * {@link BLOCK_BYTES} instead of one allocation per article leaves the allocator nothing to fragment: when the
 * last view into a block goes, the whole block goes back to the system.
 */

/** Bytes per block: big enough that blocks are few, small enough that the unused end of the last one is small. */
export const BLOCK_BYTES = 16 << 20;

export class SharedBytes {
  #block = new Uint8Array(new SharedArrayBuffer(0));
  #used = 0;

  constructor(private readonly blockBytes = BLOCK_BYTES) {}

  /** A copy of `bytes` in shared memory; an array longer than a block gets a block of its own. */
  copy(bytes: Uint8Array): Uint8Array {
    if (bytes.length > this.#block.length - this.#used) {
      this.#block = new Uint8Array(new SharedArrayBuffer(Math.max(this.blockBytes, bytes.length)));
      this.#used = 0;
    }
    const view = this.#block.subarray(this.#used, this.#used + bytes.length);
    view.set(bytes);
    this.#used += bytes.length;
    return view;
  }
}

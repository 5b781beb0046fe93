/**
 * Packed texts (an article's paragraphs, then its cleaned sentences) held in memory up to a budget and, past
 * it, written to a temporary file and read back by whichever stage needs them. A stage reads each text once
 * (cleaning its paragraphs; fingerprinting, then working out the facts of, its sentences), and between those
 * reads nothing looks at it, so on a large feed the text need not be held at all: the file's pages sit in the
 * operating system's cache, which gives them up under pressure, not in the process.
 *
 * The file is created in the system's temporary folder (`TMPDIR`, see os.tmpdir()), or in /var/tmp when that
 * one is held in memory (tmpfs) and /var/tmp is not, with owner-only access, and unlinked as soon as it is open,
 * so it never shows in a folder and is gone when the process ends, however it ends. If it cannot be created or
 * written (no such folder, disk full), texts stay in memory.
 *
 * A text past the budget is referred to by a {@link Spilled} record: the file descriptor and the byte range.
 * File descriptors belong to the process, so a worker thread reads the range itself.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SharedBytes } from './shared-bytes.js';

/** Where a spilled text is: `length` bytes at offset `at` of the open file `fd`. */
export interface Spilled {
  readonly fd: number;
  readonly at: number;
  readonly length: number;
}

/** A packed text: its bytes, or where they are in the spill file. */
export type Packed = Uint8Array | Spilled;

/**
 * Bytes of packed text kept in memory per store before the rest goes to the spill file: one block of shared
 * memory, a few thousand articles, so small runs never touch the disk.
 */
export const MEMORY_BYTES = 16 << 20;

/** statfs types of file systems held in memory: tmpfs, ramfs. */
const IN_MEMORY = new Set([0x01021994, 0x858458f6]);

/** Where spill files go: the temporary folder, unless it is held in memory and /var/tmp is not. */
export function spillFolder(tmp = os.tmpdir(), fallback = '/var/tmp', typeOf = (dir: string): number => statfsSync(dir).type): string {
  const onDisk = (dir: string): boolean => {
    try {
      return !IN_MEMORY.has(typeOf(dir));
    } catch {
      return false;
    }
  };
  return onDisk(tmp) || !onDisk(fallback) ? tmp : fallback;
}

/** The bytes of `p` (read from the spill file when it is there). */
export function bytesOf(p: Packed): Uint8Array {
  if (p instanceof Uint8Array) return p;
  const out = new Uint8Array(p.length);
  for (let done = 0; done < p.length; ) {
    const n = readSync(p.fd, out, done, p.length - done, p.at + done);
    if (n === 0) throw new Error(`spill file ended at ${p.at + done}, before the end of a text (${p.at}+${p.length})`);
    done += n;
  }
  return out;
}

/**
 * Packed texts, the first `memoryBytes` of them in shared memory (see util/shared-bytes.ts), the rest in a spill
 * file. {@link close} once no text of it will be read again.
 */
export class PackedStore {
  readonly #memory = new SharedBytes();
  #inMemory = 0;
  #over = false;
  #wrote = false;
  #fd = -1;
  #size = 0;
  /** Why the file could not be created or written, when it could not: everything stays in memory from then on. */
  #failure: string | undefined;
  /** A path to remove on close, where the file could not be unlinked while open (Windows). */
  #leftover: string | undefined;

  constructor(
    private readonly memoryBytes = MEMORY_BYTES,
    private readonly dir?: string,
  ) {}

  /** Whether any text went to the spill file. */
  get spilled(): boolean {
    return this.#wrote;
  }

  /** Why texts past the budget stayed in memory after all (the error of creating or writing the file), if so. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** `bytes` kept: copied to shared memory, or written to the spill file. */
  put(bytes: Uint8Array): Packed {
    // Once over the budget, every later text goes to the file too (the memory part is not topped up).
    this.#over ||= this.#inMemory + bytes.length > this.memoryBytes;
    if (this.#over && this.#failure === undefined) {
      const spilled = this.#write(bytes);
      if (spilled) return spilled;
    }
    this.#inMemory += bytes.length;
    return this.#memory.copy(bytes);
  }

  /** Let the spill file go (its texts can no longer be read). Safe to call more than once. */
  close(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
    if (this.#leftover) {
      remove(this.#leftover);
      this.#leftover = undefined;
    }
  }

  #write(bytes: Uint8Array): Spilled | undefined {
    try {
      if (this.#fd < 0) this.#open();
      for (let done = 0; done < bytes.length; ) done += writeSync(this.#fd, bytes, done, bytes.length - done, this.#size + done);
    } catch (e) {
      // Texts written so far stay readable; this one and the rest stay in memory.
      this.#failure = e instanceof Error ? e.message : String(e);
      return undefined;
    }
    const spilled = { fd: this.#fd, at: this.#size, length: bytes.length };
    this.#size += bytes.length;
    this.#wrote = true;
    return spilled;
  }

  #open(): void {
    const folder = this.#folder();
    const file = path.join(folder, 'texts');
    try {
      this.#fd = openSync(file, 'wx+', 0o600);
    } catch (e) {
      remove(file);
      throw e;
    }
    if (!remove(file)) this.#leftover = file; // Windows: an open file cannot be unlinked
  }

  /** A new private folder for the file: in `dir`, else where {@link spillFolder} says, else the temporary folder. */
  #folder(): string {
    if (this.dir !== undefined) return mkdtempSync(path.join(this.dir, 'dedupe-'));
    const chosen = spillFolder();
    try {
      return mkdtempSync(path.join(chosen, 'dedupe-'));
    } catch (e) {
      if (chosen === os.tmpdir()) throw e;
      return mkdtempSync(path.join(os.tmpdir(), 'dedupe-'));
    }
  }
}

/** Remove a spill file (if there) and its folder; whether both are gone. */
function remove(file: string): boolean {
  const gone = (rm: () => void): boolean => {
    try {
      rm();
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT';
    }
  };
  return gone(() => unlinkSync(file)) && gone(() => rmdirSync(path.dirname(file)));
}

/**
 * Safari's web archives (`.webarchive`, what "Save As… Web Archive" writes): a binary property list whose
 * `WebMainResource` holds the page's HTML bytes (`WebResourceData`), its address (`WebResourceURL`) and its charset
 * (`WebResourceTextEncodingName`); the images and frames beside it are passed over. Only the objects on that path
 * are read, each checked against the file's bounds, so a damaged or hostile file is refused in one line rather
 * than read out of bounds. Unwrapped when the file is read (read.ts), as gzip is; the page is then read as an
 * `.html` page is.
 */

/** The page of a web archive, or why there is none. */
export type WebArchivePage = { readonly html: Uint8Array; readonly url?: string; readonly encoding?: string } | { readonly reason: string };

/** Whether a path names a Safari web archive (gzipped or not). */
export const isWebArchive = (path: string): boolean => /\.webarchive(?:\.gz)?$/i.test(path);

const NOT_ARCHIVE = 'not a Safari web archive (no binary property list)';
const DAMAGED = 'a damaged web archive (its property list points outside the file)';

/** A binary property list (`bplist00`), read an object at a time. */
class PropertyList {
  readonly #buf: Uint8Array;
  readonly #offsetSize: number;
  readonly #refSize: number;
  readonly #count: number;
  readonly #table: number;
  readonly top: number;

  constructor(buf: Uint8Array) {
    this.#buf = buf;
    const t = buf.length - 32;
    this.#offsetSize = buf[t + 6] ?? 0;
    this.#refSize = buf[t + 7] ?? 0;
    this.#count = this.#uint(t + 8, 8);
    this.top = this.#uint(t + 16, 8);
    this.#table = this.#uint(t + 24, 8);
    const sizes = [1, 2, 4, 8];
    if (!sizes.includes(this.#offsetSize) || !sizes.includes(this.#refSize) || this.#table + this.#count * this.#offsetSize > t || this.top >= this.#count) throw new Error(DAMAGED);
  }

  /** A big-endian unsigned integer of `size` bytes at `at` (up to 2^53). */
  #uint(at: number, size: number): number {
    if (at < 0 || at + size > this.#buf.length) throw new Error(DAMAGED);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + (this.#buf[at + i] as number);
    return n;
  }

  /** Where object `i` starts. */
  #offset(i: number): number {
    if (i < 0 || i >= this.#count) throw new Error(DAMAGED);
    const at = this.#uint(this.#table + i * this.#offsetSize, this.#offsetSize);
    if (at >= this.#table) throw new Error(DAMAGED);
    return at;
  }

  /** Object `i`'s type (the marker's high nibble), its length or count, and where its content starts. */
  #head(i: number): { type: number; length: number; at: number } {
    const at = this.#offset(i);
    const marker = this.#buf[at] as number;
    const low = marker & 0x0f;
    if (low !== 0x0f) return { type: marker >> 4, length: low, at: at + 1 };
    // A longer length: an integer object of 2^k bytes follows the marker.
    const int = this.#buf[at + 1] ?? 0;
    if (int >> 4 !== 0x1) throw new Error(DAMAGED);
    const size = 1 << (int & 0x0f);
    return { type: marker >> 4, length: this.#uint(at + 2, size), at: at + 2 + size };
  }

  /** Object `i` as bytes (data) or text (an ASCII or UTF-16 string); undefined for other types. */
  value(i: number): Uint8Array | string | undefined {
    const { type, length, at } = this.#head(i);
    const bytes = type === 0x6 ? length * 2 : length;
    if (type !== 0x4 && type !== 0x5 && type !== 0x6) return undefined;
    if (at + bytes > this.#table) throw new Error(DAMAGED);
    const content = this.#buf.subarray(at, at + bytes);
    if (type === 0x4) return content;
    if (type === 0x5) return Buffer.from(content).toString('latin1');
    return new TextDecoder('utf-16be').decode(content);
  }

  /** The object that dictionary `i` holds under `key`, or undefined (also when `i` is no dictionary). */
  get(i: number, key: string): number | undefined {
    const { type, length, at } = this.#head(i);
    if (type !== 0xd) return undefined;
    for (let k = 0; k < length; k++) {
      if (this.value(this.#uint(at + k * this.#refSize, this.#refSize)) === key) return this.#uint(at + (length + k) * this.#refSize, this.#refSize);
    }
    return undefined;
  }
}

/** The page a web archive holds: its HTML bytes, address and charset. */
export function webArchivePage(buf: Uint8Array): WebArchivePage {
  if (buf.length < 40 || Buffer.from(buf.subarray(0, 8)).toString('latin1') !== 'bplist00') return { reason: NOT_ARCHIVE };
  try {
    const plist = new PropertyList(buf);
    const main = plist.get(plist.top, 'WebMainResource');
    const data = main === undefined ? undefined : plist.get(main, 'WebResourceData');
    const html = data === undefined ? undefined : plist.value(data);
    if (!(html instanceof Uint8Array)) return { reason: 'no web page (WebMainResource) in the web archive' };
    const text = (key: string): string | undefined => {
      const at = main === undefined ? undefined : plist.get(main, key);
      const v = at === undefined ? undefined : plist.value(at);
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const url = text('WebResourceURL');
    const encoding = text('WebResourceTextEncodingName');
    return { html, ...(url ? { url } : {}), ...(encoding ? { encoding } : {}) };
  } catch (err) {
    return { reason: err instanceof Error && err.message === DAMAGED ? DAMAGED : NOT_ARCHIVE };
  }
}

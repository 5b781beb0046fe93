/**
 * Read: load one file and decode it to text, or say in one line why it cannot be used.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded, and a page or feed not in UTF-8 in the encoding it
 * declares; other bytes that are not UTF-8 as windows-1252, or, when they are mostly UTF-8, with U+FFFD replacement
 * characters, with a warning either way; binary files, files
 * over the size limit and dedupe's own reports (own-report.ts) are skipped.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { constants as bufferConstants } from 'node:buffer';
import type { Diagnostic, RawFile } from '../types.js';
import { ownReportKind, ownReportReason } from './own-report.js';
import { isWebArchive, webArchivePage } from './webarchive.js';

export type ReadResult =
  | { readonly ok: true; readonly file: RawFile; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The largest buffer Node makes. */
const MAX_LENGTH = bufferConstants.MAX_LENGTH;

/**
 * A JSON Lines file, by its name, gzipped or not: one larger than a chunk of reading, or gzipped, is read a line
 * at a time (input/lines.ts).
 */
export const isJsonLinesFile = (path: string): boolean => /\.(jsonl|ndjson)(\.gz)?$/i.test(path);
/** A gzipped file, by its name. */
export const isGzipped = (path: string): boolean => /\.gz$/i.test(path);
/** Bytes that start as gzip data do (0x1f 0x8b), whatever the file is named. */
export const startsGzip = (buf: Uint8Array): boolean => buf[0] === 0x1f && buf[1] === 0x8b;

/**
 * Whether the file at `path` starts with gzip's magic bytes (its first two bytes read). Throws as opening it
 * does (no such file, permission denied).
 */
export function fileStartsGzip(path: string): boolean {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const head = new Uint8Array(2);
    return readSync(fd, head, 0, 2, 0) === 2 && startsGzip(head);
  } finally {
    closeSync(fd);
  }
}

/** Why decompressed bytes are skipped when they are gzip data again: one layer is decompressed, not more. */
export const GZIP_TWICE = 'gzip data inside gzip data (one layer is decompressed), not text';

/** The invalid UTF-8 warning's reason. */
export const INVALID_UTF8 = 'invalid UTF-8; bad bytes shown as \uFFFD';

/** The warning's reason for bytes that are not UTF-8 and declare nothing, read as windows-1252 (see {@link decode}). */
export const READ_AS_CP1252 = 'not UTF-8 and no encoding declared: read as windows-1252';

/** The warning a decoded text gets, if any: invalid UTF-8 shown as U+FFFD, or bytes read as windows-1252. */
export function decodeWarning(d: { readonly invalid: boolean; readonly guessed?: string }): string | undefined {
  return d.guessed !== undefined ? READ_AS_CP1252 : d.invalid ? INVALID_UTF8 : undefined;
}

const MAGIC: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

function skip(path: string, reason: string): ReadResult {
  return { ok: false, diagnostic: { path, reason, level: 'skipped' } };
}

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * Why bytes starting with `buf` (a whole file, or its first chunk) are not text: a known file signature, NUL
 * bytes, or more than 5% control bytes in the first 64 KB; undefined when they may be text. UTF-16 with a
 * byte-order mark is text.
 */
export function notText(buf: Uint8Array): string | undefined {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return undefined;
  for (const m of MAGIC) if (startsWith(buf, m.bytes)) return `${m.name}, not text`;
  const sampled = Math.min(buf.length, 65536);
  let control = 0;
  for (let i = 0; i < sampled; i++) {
    const b = buf[i] as number;
    if (b === 0) return 'binary data (NUL bytes), not text';
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > sampled * 0.05 ? 'binary data (control bytes), not text' : undefined;
}

/** The encoding bytes starting with `buf` are decoded from: UTF-16 by its byte-order mark, else UTF-8. */
export function encodingOf(buf: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  return buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : 'utf-8';
}

const DECLARED = /<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]{1,40})["']|<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]{1,40})/i;

/**
 * The encoding a feed or page declares in its first 1,024 bytes (`<?xml … encoding="…"?>`, `<meta charset="…">` or
 * its `http-equiv` form), by its WHATWG name, when it is one other than UTF-8 and UTF-16 that Node knows.
 */
export function declaredEncoding(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 1024)).toString('latin1');
  const m = DECLARED.exec(head);
  const label = m?.[1] ?? m?.[2];
  const encoding = label === undefined ? undefined : encodingNamed(label);
  return encoding === 'utf-8' ? undefined : encoding;
}

/**
 * The WHATWG name of the encoding `label` names (`ISO-8859-1`, `latin1` and `US-ASCII` are windows-1252), if Node
 * knows it; UTF-16 is told by a byte-order mark, not a label, so it is none.
 */
export function encodingNamed(label: string): string | undefined {
  try {
    const { encoding } = new TextDecoder(label);
    return encoding.startsWith('utf-16') ? undefined : encoding;
  } catch {
    return undefined;
  }
}

/** windows-1252's characters for the bytes 0x80–0x9F, which Node 20's decoder gives as C1 controls (ISO-8859-1). */
const CP1252 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Bytes decoded in `encoding` (a WHATWG name); windows-1252, which ISO-8859-1 and ASCII labels also name, as the standard has it. */
export function decodeAs(encoding: string, buf: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(buf);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009F]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] as string) : text;
}

/**
 * Decode bytes to text, or name why they are not text. Bytes that are not valid UTF-8 are decoded in the encoding
 * a feed or page declares (ISO-8859-1, windows-1252, …), else as UTF-8 with U+FFFD and `invalid` set. Valid UTF-8
 * is read as UTF-8 whatever is declared: a page saved as UTF-8 often keeps its old declaration. `sent`: the
 * encoding (a WHATWG name, see {@link encodingNamed}) declared outside the bytes, by an HTTP header, which comes
 * before the page's own declaration, as in a browser; `utf-8` there means invalid bytes are shown as U+FFFD.
 */
export function decode(buf: Uint8Array, sent?: string): { text: string; invalid: boolean; guessed?: 'windows-1252' } | { binary: string } {
  const encoding = encodingOf(buf);
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(buf.subarray(2)), invalid: false };
  const binary = notText(buf);
  if (binary !== undefined) return { binary };
  try {
    return { text: STRICT_UTF8.decode(buf), invalid: false };
  } catch {
    const declared = sent ?? declaredEncoding(buf);
    if (declared && declared !== 'utf-8') return { text: decodeAs(declared, buf), invalid: false };
    // Nothing declared (a text file, Markdown, JSON, CSV; a page that names no charset), no UTF-8 byte-order mark,
    // and no more valid UTF-8 sequences than bad bytes: text an older Windows program or CMS wrote, read as
    // windows-1252 (as browsers read an undeclared page), where "Café" came out "Caf\uFFFD" (QA 29). UTF-8 with a
    // few bad bytes, or a declared or BOM-marked UTF-8, keeps its U+FFFD.
    return sent === undefined && !startsWith(buf, UTF8_BOM) && mostlyNotUtf8(buf)
      ? { text: decodeAs('windows-1252', buf), invalid: false, guessed: 'windows-1252' }
      : { text: LENIENT_UTF8.decode(buf), invalid: true };
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether the bytes above 0x7F of `buf` are mostly not UTF-8: no more well-formed multi-byte sequences than bytes
 * that start none. "Caf\xe9" has one bad byte and no sequence; UTF-8 text with a stray byte has many sequences.
 */
function mostlyNotUtf8(buf: Uint8Array): boolean {
  let valid = 0;
  let bad = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0x80) continue;
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n > 0 && i + n < buf.length;
    for (let k = 1; ok && k <= n; k++) ok = ((buf[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n;
    } else bad++;
  }
  return valid <= bad;
}

/** An MHTML file not gzipped (`.mhtml`, `.mht`): one whose start can be read alone. */
export const isPlainMhtml = (path: string): boolean => /\.mht(?:ml)?$/i.test(path);

/** The first `bytes` bytes of an open file (fewer when it is shorter). */
function readPrefix(fd: number, bytes: number): Uint8Array {
  const buf = Buffer.alloc(bytes);
  let got = 0;
  for (let n = 1; got < bytes && n > 0; got += n) n = readSync(fd, buf, got, bytes - got, got);
  return buf.subarray(0, got);
}

/**
 * Read one file, refusing those over `maxBytes` before loading them (but an MHTML file, read up to `maxBytes`). A file named `.gz`, or whose bytes are gzip
 * data whatever its name, is decompressed (one layer) within `maxBytes`. Synchronous: on local files one
 * open-stat-read-close in a row costs a tenth of the same through the thread pool (measured: 20,000 articles
 * in 0.33 s instead of 2.6 s with 16 reads in flight). Opened non-blocking, so a named pipe among the inputs is
 * refused at once instead of waiting for a writer.
 */
export function readArticleFile(path: string, maxBytes: number = DEFAULT_MAX_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return skip(path, describeError(err));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return skip(path, 'not a regular file');
    // A saved page of one file (MHTML) is mostly its images, after the page: read up to the limit (see mhtml.ts).
    const prefix = info.size > maxBytes && isPlainMhtml(path);
    if (info.size > maxBytes && !prefix) return skip(path, `${formatBytes(info.size)} is over the size limit of ${formatBytes(maxBytes)} (--max-size)`);
    let buf: Uint8Array = prefix ? readPrefix(fd, maxBytes) : readFileSync(fd);
    // Named .gz, or gzip data under another name (news.rss saved gzipped): decompressed once, and read as named.
    if ((isGzipped(path) || startsGzip(buf)) && buf.length > 0) {
      const inflated = gunzipWithin(buf, maxBytes);
      if ('reason' in inflated) return skip(path, inflated.reason);
      buf = inflated.bytes;
      if (startsGzip(buf)) return skip(path, GZIP_TWICE);
    }
    if (buf.length === 0) return skip(path, 'empty file');
    // A Safari web archive: its page's HTML, unwrapped here as gzip is, read as a page is.
    let sent: string | undefined;
    let address: string | undefined;
    if (isWebArchive(path)) {
      const page = webArchivePage(buf);
      if ('reason' in page) return skip(path, page.reason);
      ({ html: buf, url: address } = page);
      sent = page.encoding === undefined ? undefined : encodingNamed(page.encoding);
      if (buf.length === 0) return skip(path, 'empty web page in the web archive');
    }
    const decoded = decode(buf, sent);
    if ('binary' in decoded) return skip(path, decoded.binary);
    if (decoded.text.trim().length === 0) return skip(path, 'only white space');
    const report = ownReportKind(decoded.text);
    if (report !== undefined) return skip(path, ownReportReason(report));
    const warning = decodeWarning(decoded);
    const warnings: Diagnostic[] = warning !== undefined ? [{ path, reason: warning, level: 'warning' }] : [];
    return { ok: true, file: { path, text: decoded.text, ...(address ? { address } : {}) }, warnings };
  } catch (err) {
    return skip(path, describeError(err));
  } finally {
    closeSync(fd);
  }
}

/**
 * A gzipped file's bytes, decompressed up to `maxBytes` (`--max-size` applies to what is read, so a small file that
 * inflates past it is refused without being inflated whole), or why not.
 */
export function gunzipWithin(buf: Uint8Array, maxBytes: number): { bytes: Uint8Array } | { reason: string } {
  try {
    return { bytes: gunzipSync(buf, { maxOutputLength: Math.max(1, Math.min(maxBytes, MAX_LENGTH)) }) };
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
    if (code === 'ERR_BUFFER_TOO_LARGE') return { reason: `over the size limit of ${formatBytes(maxBytes)} (--max-size) once decompressed` };
    return { reason: `not gzip data, or cut short: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/** Why reading a stream failed part-way: zlib's reason for gzip data that is bad or cut short, else {@link describeError}'s. */
export function streamFailure(err: unknown): string {
  const zlib = typeof err === 'object' && err !== null && String((err as { code?: unknown }).code).startsWith('Z_');
  return zlib ? `not readable as gzip: ${(err as Error).message}` : describeError(err);
}

export function describeError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file (or a broken symbolic link)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `cannot read: ${err instanceof Error ? err.message : String(err)}`;
  }
}

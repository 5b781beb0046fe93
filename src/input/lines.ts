/**
 * JSON Lines read a line at a time, as they come: from standard input (`dedupe -`, see stdin.ts) and from a
 * large or gzipped JSON Lines file (see {@link readsByLine}). A feed of any size is never held
 * whole, and `--max-size` applies to each line: a longer one is skipped, named `<stdin>:7` or `feed.jsonl:7`
 * with its size, without being held. Lines are counted from 1, blank lines included, as an editor counts.
 */
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { streamFailure, encodingOf, fileStartsGzip, formatBytes, GZIP_TWICE, INVALID_UTF8, isGzipped, isJsonLinesFile, notText, startsGzip } from './read.js';
import type { Diagnostic } from '../types.js';
import { ownReportKind, ownReportReason } from './own-report.js';

/** Text given whole, or its chunks as they come (bytes are UTF-8; strings are taken as they are). */
export type LineSource = string | AsyncIterable<Uint8Array | string>;

/**
 * A line of input: its text without the `\n`, and its size in bytes of UTF-8. A line over the size limit is not
 * kept: `text` is then its first {@link KEPT_OF_LONG} code units.
 */
export interface Line {
  readonly text: string;
  readonly bytes: number;
  readonly over: boolean;
}

/** What is kept of a line over the size limit: enough to tell JSON from a path. */
const KEPT_OF_LONG = 64;

/**
 * Whether bytes decoded as UTF-8 held invalid sequences: the text has more U+FFFD than the bytes spelt out
 * (EF BF BD). Fed chunk by chunk, each with what it decoded to; a U+FFFD spelt across two chunks is counted once.
 */
class Utf8Check {
  #spelt = 0;
  #shown = 0;
  #tail: Buffer = Buffer.alloc(0);

  /** Takes a chunk and its text; true once the text so far has a U+FFFD that the bytes did not spell. */
  add(chunk: Uint8Array | undefined, text: string): boolean {
    if (chunk !== undefined && chunk.length > 0) {
      const bytes = Buffer.concat([this.#tail, chunk]);
      for (let at = bytes.indexOf(REPLACEMENT_BYTES); at >= 0; at = bytes.indexOf(REPLACEMENT_BYTES, at + 3)) this.#spelt++;
      // The last two bytes may start a U+FFFD that the next chunk ends; they cannot hold a whole one counted here.
      this.#tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2)));
    }
    for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) this.#shown++;
    return this.#shown > this.#spelt;
  }
}

const REPLACEMENT_BYTES = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * The lines of `input` as they come, each over `limit.bytes` of UTF-8 cut short (see {@link Line}); a byte-order
 * mark dropped (from bytes). The limit is read as lines come, so it can be lifted half-way. Bytes are decoded as
 * UTF-8, bad ones as U+FFFD; `onInvalid` is called once, at the first. Chunks of bytes are also added to
 * `raw.chunks` while it is set (a document on stdin may declare another encoding).
 */
export async function* linesOf(input: LineSource, limit: { bytes: number }, onInvalid?: () => void, raw?: { chunks?: Uint8Array[] }): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8'); // drops a leading byte-order mark; bad bytes become U+FFFD
  const check = onInvalid ? new Utf8Check() : undefined;
  let invalid = false;
  const decoded = (chunk: Uint8Array | undefined): string => {
    const text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    if (check && !invalid && check.add(chunk, text)) {
      invalid = true;
      onInvalid?.();
    }
    return text;
  };
  let pieces: string[] = [];
  let bytes = 0;
  let over = false;
  const take = (piece: string): void => {
    if (piece === '') return;
    bytes += Buffer.byteLength(piece, 'utf8');
    if (over) return;
    if (bytes > limit.bytes) {
      over = true;
      pieces = [(pieces.join('') + piece).slice(0, KEPT_OF_LONG)];
    } else pieces.push(piece);
  };
  const line = (): Line => {
    const done = { text: pieces.join(''), bytes, over };
    pieces = [];
    bytes = 0;
    over = false;
    return done;
  };
  const chunks: AsyncIterable<Uint8Array | string> | Iterable<string> = typeof input === 'string' ? [input] : input;
  for await (const chunk of chunks) {
    // A byte-order mark left in text given whole is white space to the trimming of every line.
    if (typeof chunk !== 'string') raw?.chunks?.push(chunk);
    const text = typeof chunk === 'string' ? chunk : decoded(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      yield line();
      from = nl + 1;
    }
    take(text.slice(from));
  }
  take(decoded(undefined));
  if (pieces.length > 0 || bytes > 0) yield line();
}

/**
 * A line of JSON Lines, named `feed.jsonl:n` or `<stdin>:n`: its text, or a diagnostic in its place (the line over
 * the size limit, not kept; or the feed's own: not text, invalid UTF-8, unreadable part-way).
 */
export type StreamedLine = { readonly where: string; readonly text: string } | { readonly where: string; readonly diagnostic: Diagnostic };

/** JSON Lines in batches of lines as they come (see {@link LINE_BATCH}); blank lines left out. */
export type LineStream = AsyncIterable<readonly StreamedLine[]>;

/** Lines a batch of {@link LineStream} holds at most, and bytes (a batch ends with the line that reaches it). */
export const LINE_BATCH = 4096;
const BATCH_BYTES = 16 << 20;

export const overLimit = (bytes: number, maxBytes: number): string => `${formatBytes(bytes)} is over the size limit of ${formatBytes(maxBytes)} (--max-size)`;

/**
 * The lines so far (`head`) and the rest, in batches, each line named `name:n`. `notes`: what the source found
 * wrong on the way (see {@link jsonLinesFile}), put in the batch as they are found, named `name`.
 */
export async function* streamLines(name: string, head: readonly Line[], rest: AsyncIterator<Line>, maxBytes: number, notes: Diagnostic[] = []): LineStream {
  let n = 0;
  let batch: StreamedLine[] = [];
  let bytes = 0;
  const noted = (): void => {
    for (const d of notes.splice(0)) batch.push({ where: name, diagnostic: d });
  };
  const add = (l: Line): void => {
    const where = `${name}:${++n}`;
    noted();
    if (l.over) batch.push({ where, diagnostic: { path: where, reason: `a line of ${overLimit(l.bytes, maxBytes)}`, level: 'skipped' } });
    else if (l.text.trim() !== '') batch.push({ where, text: l.text });
    bytes += l.bytes;
  };
  const full = (): boolean => batch.length >= LINE_BATCH || bytes >= BATCH_BYTES;
  const taken = (): StreamedLine[] => {
    const out = batch;
    batch = [];
    bytes = 0;
    return out;
  };
  head.forEach(add);
  try {
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      add(r.value);
      if (full()) yield taken();
    }
  } finally {
    // Stopped early (the reader failed): the source is let go too (a file is closed).
    await rest.return?.();
  }
  noted();
  if (batch.length > 0) yield taken();
}

/** Thrown by a file's content when reading it failed part-way (and was noted), so its unfinished line is left out. */
const CUT_SHORT = new Error('cut short');

/** Bytes a JSON Lines file is read in at once. */
const READ_BYTES = 1 << 20;

/**
 * JSON Lines files larger than this are read a line at a time whatever the size limit: with `--max-size 500MB`
 * a feed of hundreds of megabytes would otherwise be held whole by one read worker.
 */
export const STREAM_FROM = 64 << 20;

/**
 * Whether the file at `path` is read a line at a time: a regular JSON Lines file (`.jsonl`, `.ndjson`) larger
 * than the size limit (a feed that used to be skipped) or than {@link STREAM_FROM}, or gzipped (`.jsonl.gz`, or
 * gzip data under a plain `.jsonl` name). One no larger is read whole, as other files are, in the read workers
 * beside them; none of its lines can then be over the limit, so `--max-size` means a line's size for every JSON
 * Lines file. Only JSON Lines files are looked at (stat, and the first two bytes of one not named `.gz`).
 */
export function readsByLine(path: string, maxBytes: number): boolean {
  if (!isJsonLinesFile(path)) return false;
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined || !info.isFile()) return false;
    return isGzipped(path) || info.size > Math.min(maxBytes, STREAM_FROM) || fileStartsGzip(path);
  } catch {
    return false; // reading it whole will say why it cannot be read
  }
}

/**
 * A JSON Lines file, a line at a time, named `shown` (`shown:n` a line). Its first bytes tell its encoding
 * (UTF-16 by its byte-order mark, else UTF-8), or that it is not text, which skips it whole. Invalid UTF-8 is
 * decoded with U+FFFD and warned of once; an error part-way (the file gone, a disk error) skips the rest, the
 * whole lines before it kept. A file with no line of text is skipped as "no JSON lines", as one read whole is. A file
 * named `.gz`, or starting with gzip's magic bytes, is decompressed as it is read (gzip; several members in a row
 * are read on; one layer: gzip data inside is skipped), and `--max-size` applies to its lines as decompressed;
 * data that is not gzip, or is cut short, skips the rest of the file with zlib's reason.
 */
export function jsonLinesFile(path: string, shown: string, maxBytes: number): LineStream {
  const notes: Diagnostic[] = [];
  let skipped = false;
  const note = (reason: string, level: Diagnostic['level']): void => {
    skipped ||= level === 'skipped';
    notes.push({ path: shown, reason, level });
  };
  let lines = 0;
  let read = 0; // bytes, decompressed
  /** The file's bytes (UTF-8, checked as linesOf decodes them) or, for UTF-16, its text. */
  async function* content(): AsyncGenerator<Uint8Array | string> {
    let utf16: TextDecoder | undefined;
    let first = true;
    try {
      const gzipped = isGzipped(path) || fileStartsGzip(path);
      const file = createReadStream(path, { highWaterMark: READ_BYTES });
      // pipeline: an error of either (no such file, bad gzip data) ends the loop below with it; leaving the loop destroys both.
      const bytes = gzipped ? pipeline(file, createGunzip({ chunkSize: READ_BYTES }), () => undefined) : file;
      for await (const chunk of bytes as AsyncIterable<Buffer>) {
        read += chunk.length;
        if (first) {
          first = false;
          const binary = gzipped && startsGzip(chunk) ? GZIP_TWICE : notText(chunk);
          if (binary !== undefined) return note(binary, 'skipped');
          const encoding = encodingOf(chunk);
          // UTF-16 as a file read whole is decoded: bad units as U+FFFD, without a warning (see read.ts).
          if (encoding !== 'utf-8') utf16 = new TextDecoder(encoding);
        }
        yield utf16 ? utf16.decode(chunk, { stream: true }) : chunk;
      }
      if (utf16) yield utf16.decode();
    } catch (err) {
      const why = streamFailure(err);
      note(`${why}${lines > 0 ? ` (after line ${lines.toLocaleString('en-US')})` : ''}`, 'skipped');
      throw CUT_SHORT; // the line it was in is not given: it is not whole
    }
  }
  const counted = async function* (): AsyncGenerator<Line> {
    try {
      for await (const line of linesOf(content(), { bytes: maxBytes }, () => note(INVALID_UTF8, 'warning'))) {
        lines++;
        yield line;
      }
    } catch (err) {
      if (err !== CUT_SHORT) throw err;
    }
  };
  return (async function* (): LineStream {
    let any = false; // a line of text, or a line skipped
    for await (const batch of streamLines(shown, [], counted()[Symbol.asyncIterator](), maxBytes, notes)) {
      // dedupe's own NDJSON report: skipped whole, by its first line of text (leaving the loop closes the file).
      const first = any ? undefined : batch.find((l) => 'text' in l);
      const report = first && 'text' in first ? ownReportKind(first.text) : undefined;
      if (report !== undefined) {
        yield [{ where: shown, diagnostic: { path: shown, reason: ownReportReason(report), level: 'skipped' } }];
        return;
      }
      any ||= batch.some((l) => 'text' in l || l.where !== shown);
      yield batch;
    }
    // Nothing but white space: skipped as one file, in the words of one read whole.
    if (!any && !skipped) yield [{ where: shown, diagnostic: { path: shown, reason: read === 0 ? 'empty file' : 'only white space', level: 'skipped' } }];
  })();
}

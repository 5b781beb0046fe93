/**
 * JSON Lines read a line at a time, as they come: from standard input (`dedupe -`, see stdin.ts) and from a
 * JSON Lines file larger than a chunk of reading (see {@link readsByLine}). A feed of any size is never held
 * whole, and `--max-size` applies to each line: a longer one is skipped, named `<stdin>:7` or `feed.jsonl:7`
 * with its size, without being held. Lines are counted from 1, blank lines included, as an editor counts.
 */
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { describeError, encodingOf, formatBytes, INVALID_UTF8, isGzipped, isJsonLinesFile, notText } from './read.js';
import type { Diagnostic } from '../types.js';

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
 * The lines of `input` as they come, each over `limit.bytes` of UTF-8 cut short (see {@link Line}); a byte-order
 * mark dropped (from bytes). The limit is read as lines come, so it can be lifted half-way.
 */
export async function* linesOf(input: LineSource, limit: { bytes: number }): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8'); // drops a leading byte-order mark; bad bytes become U+FFFD
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
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      yield line();
      from = nl + 1;
    }
    take(text.slice(from));
  }
  take(decoder.decode());
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
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    add(r.value);
    if (full()) yield taken();
  }
  noted();
  if (batch.length > 0) yield taken();
}

/** Thrown by a file's text when reading it failed part-way (and was noted), so its unfinished line is left out. */
const CUT_SHORT = new Error('cut short');

/** Bytes a JSON Lines file is read in at once. */
const READ_BYTES = 1 << 20;

/**
 * Whether the file at `path` is read a line at a time: a regular JSON Lines file (`.jsonl`, `.ndjson`) larger
 * than `chunkBytes` (what reading hands a worker at once) or than the size limit, or gzipped (`.jsonl.gz`). One no larger is read whole,
 * as other files are; none of its lines can then be over the limit, so `--max-size` means a line's size for every
 * JSON Lines file. Only JSON Lines files are looked at (stat).
 */
export function readsByLine(path: string, maxBytes: number, chunkBytes: number): boolean {
  if (!isJsonLinesFile(path)) return false;
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && (isGzipped(path) || info.size > Math.min(maxBytes, chunkBytes));
  } catch {
    return false; // reading it whole will say why it cannot be read
  }
}

/**
 * A JSON Lines file, a line at a time, named `shown` (`shown:n` a line). Its first bytes tell its encoding
 * (UTF-16 by its byte-order mark, else UTF-8), or that it is not text, which skips it whole. Invalid UTF-8 is
 * decoded with U+FFFD and warned of once; an error part-way (the file gone, a disk error) skips the rest, the
 * whole lines before it kept. A file with no line of text is skipped as "no JSON lines", as one read whole is. A file
 * named `.gz` is decompressed as it is read (gzip; several members in a row are read on), and `--max-size` applies
 * to its lines as decompressed; data that is not gzip, or is cut short, skips the rest of the file with zlib's
 * reason.
 */
export function jsonLinesFile(path: string, shown: string, maxBytes: number): LineStream {
  const notes: Diagnostic[] = [];
  let skipped = false;
  const note = (reason: string, level: Diagnostic['level']): void => {
    skipped ||= level === 'skipped';
    notes.push({ path: shown, reason, level });
  };
  let lines = 0;
  async function* text(): AsyncGenerator<string> {
    let decoder: TextDecoder | undefined;
    try {
      const file = createReadStream(path, { highWaterMark: READ_BYTES });
      // pipeline: an error of either (no such file, bad gzip data) ends the loop below with it; leaving the loop destroys both.
      const bytes = isGzipped(path) ? pipeline(file, createGunzip({ chunkSize: READ_BYTES }), () => undefined) : file;
      for await (const chunk of bytes as AsyncIterable<Buffer>) {
        if (decoder === undefined) {
          const binary = notText(chunk);
          if (binary !== undefined) return note(binary, 'skipped');
          decoder = new TextDecoder(encodingOf(chunk), { fatal: true });
        }
        yield decodeOn(chunk, { stream: true });
      }
      if (decoder !== undefined) yield decodeOn(undefined);
    } catch (err) {
      const zlib = typeof err === 'object' && err !== null && String((err as { code?: unknown }).code).startsWith('Z_');
      const why = zlib ? `not readable as gzip: ${(err as Error).message}` : describeError(err);
      note(`${why}${lines > 0 ? ` (after line ${lines.toLocaleString('en-US')})` : ''}`, 'skipped');
      throw CUT_SHORT; // the line it was in is not given: it is not whole
    }
    /** Decoded strictly until the first bad byte, then warned of once and decoded with U+FFFD. */
    function decodeOn(chunk: Buffer | undefined, options?: { stream: boolean }): string {
      const d = decoder as TextDecoder;
      try {
        return d.decode(chunk, options);
      } catch {
        note(INVALID_UTF8, 'warning');
        decoder = new TextDecoder(d.encoding);
        return decoder.decode(chunk, options);
      }
    }
  }
  const counted = async function* (): AsyncGenerator<Line> {
    try {
      for await (const line of linesOf(text(), { bytes: maxBytes })) {
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
      any ||= batch.some((l) => 'text' in l || l.where !== shown);
      yield batch;
    }
    // Nothing but white space: skipped as one file, as when it is read whole.
    if (!any && !skipped) yield [{ where: shown, diagnostic: { path: shown, reason: 'no JSON lines', level: 'skipped' } }];
  })();
}

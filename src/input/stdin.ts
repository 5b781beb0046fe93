/**
 * `dedupe -`: what came on standard input. Either articles as JSON Lines (or one JSON document), an RSS or Atom
 * feed or a web page (`curl -s … | dedupe -`), or a list of paths, one a line (as `find … | dedupe -` writes).
 * Detection (after a byte-order mark: UTF-16 is decoded first): if the first non-blank line starts with `{` or `[`, the input is JSON; with `<`, a feed or a page
 * (by its root element); otherwise, when its lines look like paths (path-list.ts), every non-blank line is a path,
 * taken literally, not as a glob pattern (leading and trailing white space and a trailing `\r` are removed; there is
 * no quoting, so a path cannot start or end with white space), and any other text is one article, as a `.txt` file
 * (or `.md`, when it starts with front matter or a `#` heading).
 * Articles from stdin are named `<stdin>:3` (JSON Lines, line 3), `<stdin>[2]` (JSON array or feed, index 2) or
 * `<stdin>` (a page, or text).
 *
 * A news API response or JSON Feed on one line (see json.ts, `isListDocument`) with no line after it is one JSON
 * document, read as a `.json` file of it is (`<stdin>[2]`); with lines after it, a line of JSON Lines (`<stdin>:1[2]`).
 *
 * JSON Lines are taken a line at a time as they come (see {@link expandStdin} and lines.ts): a feed of any size is
 * never held whole, and `--max-size` applies to each line. A JSON document, a feed or a page is held whole, and
 * `--max-size` applies to it as it does to a file; a feed or page that is not UTF-8 is decoded in the encoding it
 * declares, as a file is. Gzip data is decompressed as it comes (`zcat`-free: `gzip -c feed.jsonl | dedupe -`), one
 * layer, as a `.gz` file is; other binary data (an image, an archive, NUL bytes) is skipped with its kind named,
 * not read as a list of paths.
 */
import { isListDocument, parseJson, parseJsonLines, type ParsedFile } from './json.js';
import { parseFile } from './formats.js';
import { looksLikeFeed } from './feed.js';
import { parseTable, tableDelimiter } from './csv.js';
import { looksLikeHtml } from './html.js';
import { linesOf, overLimit, streamLines, type Line, type LineSource, type LineStream } from './lines.js';
import { decode, decodeWarning, encodingOf, GZIP_TWICE, INVALID_UTF8, notText, streamFailure } from './read.js';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import type { Diagnostic } from '../types.js';
import { ownReportKind, ownReportReason } from './own-report.js';
import { isPathList } from './path-list.js';

export const STDIN_NAME = '<stdin>';

export type StdinInput =
  | { readonly kind: 'paths'; readonly paths: readonly string[] }
  | { readonly kind: 'articles'; readonly parsed: ParsedFile }
  | { readonly kind: 'empty' };

/** What standard input is given as: all its text, or its chunks as they come (a stream). */
export type StdinText = LineSource;

/** The start of a JSON array: "[" then a value's first character, or the end of the line (a pretty-printed one). */
const JSON_ARRAY_START = /^\[\s*(?:$|[{["\]\-0-9]|(?:true|false|null)(?![\p{L}\p{N}]))/u;

/**
 * What the whole of standard input's text is (see the module comment). `exists`: whether a line names a file or
 * folder, which helps tell a list of paths from an article (path-list.ts).
 */
export function readStdin(text: string, exists: (path: string) => boolean = () => false): StdinInput {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split('\n').find((l) => l.trim() !== '')?.trim();
  if (first === undefined) return { kind: 'empty' };
  if (first.startsWith('{')) {
    // One pretty-printed JSON object spans many lines (read as a .json file, `<stdin>`); JSON Lines, or objects
    // pretty-printed one after another (`jq '.items[]'`), are read a record at a time (`<stdin>:3`).
    if (!isJsonLine(first) && isJsonLine(clean)) return { kind: 'articles', parsed: parseJson(STDIN_NAME, clean) };
    const { articles, diagnostics } = parseJsonLines(STDIN_NAME, clean);
    return { kind: 'articles', parsed: { articles, diagnostics } };
  }
  if (JSON_ARRAY_START.test(first)) return { kind: 'articles', parsed: parseJson(STDIN_NAME, clean) };
  // A feed or a page, read as a file of no telling ending is: by what its text starts with. Other text that starts
  // with "[" or "<" ("[UPDATED] Rebels…", a file named "[TRT] Syria.txt" first in a listing) is text or paths.
  if (first.startsWith('<') && (looksLikeFeed(clean) || looksLikeHtml(clean))) return { kind: 'articles', parsed: parseFile({ path: STDIN_NAME, text: clean }) };
  // A table of articles with its header row (`cat news.csv | dedupe -`), named `<stdin>:3` by line as a file's are.
  const delimiter = tableDelimiter(first);
  if (delimiter !== undefined) return { kind: 'articles', parsed: parseTable(STDIN_NAME, clean, delimiter) };
  const paths = clean.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (isPathList(paths, exists)) return { kind: 'paths', paths: [...new Set(paths)] };
  return { kind: 'articles', parsed: textArticle(clean, first) };
}

/**
 * Text that is not a list of paths (`cat article.txt | dedupe -`): one article named `<stdin>`, read as a `.txt`
 * file is, or as a `.md` file when it starts as Markdown does (front matter's `---`, or a `#` heading).
 */
function textArticle(text: string, first: string): ParsedFile {
  if (!/^(?:---$|#{1,6}\s)/.test(first)) return parseFile({ path: STDIN_NAME, text });
  const parsed = parseFile({ path: `${STDIN_NAME}.md`, text });
  return { articles: parsed.articles.map((a) => ({ ...a, path: STDIN_NAME })), diagnostics: parsed.diagnostics.map((d) => ({ ...d, path: STDIN_NAME })) };
}

function isJsonLine(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** What `-` among the inputs gives: more paths, articles parsed (a JSON document), or articles still to read. */
export interface ExpandedInputs {
  /** The command line's paths: files, folders and glob patterns. */
  readonly paths: string[];
  /** Paths listed on stdin: files and folders taken literally (`*` is a character of a name, not a pattern). */
  readonly listed?: readonly string[];
  readonly fromStdin?: ParsedFile;
  /** JSON Lines on stdin, read as this is iterated (after the first line, which told the format). */
  readonly streamed?: LineStream;
}

/**
 * The command line's inputs with `-` replaced by what stdin holds: more paths, articles already parsed, or
 * (JSON Lines) a reader of its articles that takes them one line at a time. Stdin is read up to its first
 * non-blank line here, which tells the format; JSON Lines are read on as {@link ExpandedInputs.streamed} is
 * iterated. `maxBytes`: the size limit of a line of JSON Lines, and of a JSON document as a whole (a list of paths
 * has none).
 */
export async function expandStdin(inputs: readonly string[], stdin: StdinText | undefined, maxBytes = Number.POSITIVE_INFINITY, exists: (path: string) => boolean = () => false): Promise<ExpandedInputs> {
  const paths = inputs.filter((i) => i !== '-');
  if (paths.length === inputs.length) return { paths };
  const limit = { bytes: maxBytes };
  // Invalid UTF-8 is warned of once, as in a file: among the lines where it is found, or before a document.
  const notes: Diagnostic[] = [];
  const sniff = await textOf(stdin ?? '', notes);
  if ('reason' in sniff) return { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: sniff.reason, level: 'skipped' }] } };
  // Bytes are kept until the input is known not to be a document: one that is not UTF-8 may declare its encoding.
  const raw: { chunks?: Uint8Array[] } = { chunks: [] };
  const lines = linesOf(sniff.text, limit, () => notes.push({ path: STDIN_NAME, reason: INVALID_UTF8, level: 'warning' }), raw)[Symbol.asyncIterator]();
  const head: Line[] = [];
  let first: Line | undefined;
  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    head.push(r.value);
    if (r.value.text.trim() !== '') {
      first = r.value;
      break;
    }
  }
  const nothing = { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: 'nothing on standard input', level: 'skipped' as const }] } };
  if (first === undefined) return nothing;
  const start = first.text.trim();
  // A feed or page may declare an encoding, and text that declares none may be windows-1252: JSON Lines streamed on
  // would otherwise be kept here whole, as bytes (JSON read whole is decoded as UTF-8, as it comes).
  if (start.startsWith('{') || start.startsWith('[')) delete raw.chunks;
  const ownReport = (text: string): ExpandedInputs | undefined => {
    const kind = ownReportKind(text);
    return kind === undefined ? undefined : { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: ownReportReason(kind), level: 'skipped' }] } };
  };
  // dedupe's NDJSON report (`dedupe a/ --format ndjson | dedupe -`), told by its first line, is not read on.
  if (start.startsWith('{') && !first.over && ownReportKind(start) !== undefined) {
    await lines.return?.(undefined);
    return ownReport(start) as ExpandedInputs;
  }
  if (start.startsWith('{') && !first.over && isListDocument(start)) {
    // A news API response or a JSON Feed on one line (as APIs and `jq -c` write them): one document when no other
    // line follows, named `<stdin>[2]` as a file's articles are; else JSON Lines of such responses (`<stdin>:1[2]`).
    let next = await lines.next();
    for (; !next.done; next = await lines.next()) {
      head.push(next.value);
      if (next.value.text.trim() !== '') break;
    }
    if (next.done) return { paths, fromStdin: withNotes(parseJson(STDIN_NAME, start), notes) };
  }
  if (start.startsWith('{') && (first.over || isJsonLine(start))) return { paths, streamed: streamLines(STDIN_NAME, head, lines, maxBytes, notes) };
  // A list of paths has no size limit (a large feed's is megabytes); a JSON document, a feed or a page is held
  // whole, as a file is.
  const document = /^[{[<]/.test(start);
  if (!document) limit.bytes = Number.POSITIVE_INFINITY;
  let bytes = -1; // no newline after the last line
  const text: string[] = [];
  const add = (l: Line): void => {
    bytes += l.bytes + 1;
    if (bytes <= maxBytes || !document) text.push(l.text);
  };
  head.forEach(add);
  for (let r = await lines.next(); !r.done; r = await lines.next()) add(r.value);
  if (document && bytes > maxBytes) return { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: overLimit(bytes, maxBytes), level: 'skipped' }] } };
  // A page or feed that is not UTF-8 is decoded in the encoding it declares, as a file is, and not warned of.
  // Text that declares nothing and is mostly not UTF-8 is read as windows-1252, as a file is, and warned of so.
  const again = notes.length > 0 && raw.chunks ? decode(Buffer.concat(raw.chunks)) : undefined;
  const declared = again && 'text' in again && !again.invalid ? again.text : undefined;
  if (declared !== undefined) notes.length = 0;
  if (again && 'text' in again && again.guessed !== undefined) notes.push({ path: STDIN_NAME, reason: decodeWarning(again) as string, level: 'warning' });
  const whole = declared ?? text.join('\n');
  const report = ownReport(whole);
  if (report !== undefined) return report;
  const input = readStdin(whole, exists);
  if (input.kind === 'paths') return { paths, listed: input.paths };
  // Text read as an article is held whole, as a file is, within the same limit.
  if (!document && bytes > maxBytes) return { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: overLimit(bytes, maxBytes), level: 'skipped' }] } };
  if (input.kind === 'articles') return { paths, fromStdin: withNotes(input.parsed, notes) };
  return nothing;
}

/** What was parsed, after what reading found wrong on the way (invalid UTF-8). */
const withNotes = (parsed: ParsedFile, notes: readonly Diagnostic[]): ParsedFile => ({ ...parsed, diagnostics: [...notes, ...parsed.diagnostics] });

/** Bytes of standard input looked at before it is read as text: a file signature, and the share of control bytes. */
const SNIFF_BYTES = 4096;

/**
 * Standard input as text to read: as it is, or decompressed when it is gzip data (one layer: gzip inside gzip is
 * refused, as in a file); or why it is not text at all. A string (as tests give it) is text. What goes wrong
 * part-way through decompressing is put in `notes`, and the text ends there.
 */
async function textOf(stdin: StdinText, notes: Diagnostic[], layer = 0): Promise<{ text: LineSource } | { reason: string }> {
  if (typeof stdin === 'string') return { text: stdin };
  const it = stdin[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    head.push(chunk);
    size += chunk.length;
  }
  const all = async function* (): AsyncGenerator<Uint8Array> {
    yield* head;
    if (ended) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
  };
  const start = Buffer.concat(head);
  const gzip = start[0] === 0x1f && start[1] === 0x8b;
  if (gzip && layer === 0) return textOf(gunzipped(all(), notes), notes, 1);
  // `find … -print0`: names ended by NUL bytes instead of line breaks, read as lines.
  if (!gzip && isNulSeparated(start)) return { text: nulsAsNewlines(all()) };
  const why = gzip ? GZIP_TWICE : notText(start);
  if (why !== undefined) {
    await it.return?.();
    return { reason: why };
  }
  // UTF-16 by its byte-order mark (`iconv -t UTF-16`), decoded before anything is told from the text, as a file is.
  const encoding = encodingOf(start);
  return { text: encoding === 'utf-8' ? all() : utf16(all(), encoding) };
}

/**
 * Whether bytes look like `find -print0` output: NUL bytes between runs of printable text (UTF-8 or ASCII, no other
 * control byte but a tab), not first.
 */
function isNulSeparated(start: Uint8Array): boolean {
  if (start.length === 0 || start[0] === 0 || encodingOf(start) !== 'utf-8') return false;
  let nul = false;
  let last = -1;
  for (let i = 0; i < start.length; i++) {
    const b = start[i] as number;
    if (b === 0) {
      // A name of one byte at most between two NULs is UTF-16 without a byte-order mark, not a list of names.
      if (i - last < 3) return false;
      nul = true;
      last = i;
    } else if (b < 0x20 && b !== 9) return false;
  }
  return nul;
}

/** Chunks with every NUL byte made a line break. */
async function* nulsAsNewlines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield Uint8Array.from(chunk, (b) => (b === 0 ? 10 : b));
}

/** Chunks of UTF-16 decoded as they come (the byte-order mark dropped; bad units as U+FFFD, as in a file). */
async function* utf16(chunks: AsyncIterable<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/** `chunks` decompressed as gzip data; failing part-way, noted in `notes` (and the text ends). */
async function* gunzipped(chunks: AsyncIterable<Uint8Array>, notes: Diagnostic[]): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip();
  const feed = (async (): Promise<void> => {
    try {
      for await (const chunk of chunks) {
        // Let go (the reader stopped early, or the data was bad): no more is written, nor waited for.
        if (gunzip.destroyed) break;
        if (!gunzip.write(chunk)) await Promise.race([once(gunzip, 'drain'), once(gunzip, 'close')]);
      }
      if (!gunzip.destroyed) gunzip.end();
    } catch (err) {
      gunzip.destroy(err as Error);
    }
  })();
  try {
    for await (const out of gunzip) yield out as Uint8Array;
  } catch (err) {
    notes.push({ path: STDIN_NAME, reason: streamFailure(err), level: 'skipped' });
  } finally {
    gunzip.destroy();
    await feed;
  }
}

/**
 * `dedupe -`: what came on standard input. Either articles as JSON Lines (or one JSON document), or a list of
 * paths, one a line (as `find … | dedupe -` writes). Detection: if the first non-blank line starts with `{`
 * or `[`, the input is JSON; otherwise every non-blank line is a path (leading and trailing white space and a
 * trailing `\r` are removed; there is no quoting, so a path cannot start or end with white space).
 * Articles from stdin are named `<stdin>:3` (JSON Lines, line 3) or `<stdin>[2]` (JSON array, index 2).
 *
 * JSON Lines are taken a line at a time as they come (see {@link expandStdin}): a feed of any size is never held
 * whole, and `--max-size` applies to each line. A JSON document is held whole, and `--max-size` applies to it as
 * it does to a file.
 */
import { parseJson, parseJsonLines, type ParsedFile } from './json.js';
import { formatBytes } from './read.js';
import type { Diagnostic } from '../types.js';

export const STDIN_NAME = '<stdin>';

export type StdinInput =
  | { readonly kind: 'paths'; readonly paths: readonly string[] }
  | { readonly kind: 'articles'; readonly parsed: ParsedFile }
  | { readonly kind: 'empty' };

/** What standard input is given as: all its text, or its chunks as they come (a stream). */
export type StdinText = string | AsyncIterable<Uint8Array | string>;

export function readStdin(text: string): StdinInput {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split('\n').find((l) => l.trim() !== '')?.trim();
  if (first === undefined) return { kind: 'empty' };
  if (first.startsWith('{')) {
    // One pretty-printed JSON object spans many lines; JSON Lines has a whole object on its first line.
    const jsonl = parseJsonLines(STDIN_NAME, clean);
    const oneDocument = jsonl.articles.length === 0 && !isJsonLine(first);
    return { kind: 'articles', parsed: oneDocument ? parseJson(STDIN_NAME, clean) : jsonl };
  }
  if (first.startsWith('[')) return { kind: 'articles', parsed: parseJson(STDIN_NAME, clean) };
  const paths = clean.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { kind: 'paths', paths: [...new Set(paths)] };
}

function isJsonLine(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * A line of input: its text without the `\n`, and its size in bytes of UTF-8. A line over the size limit is not
 * kept: `text` is then its first {@link KEPT_OF_LONG} code units.
 */
interface Line {
  readonly text: string;
  readonly bytes: number;
  readonly over: boolean;
}

/** What is kept of a line over the size limit: enough to tell JSON from a path. */
const KEPT_OF_LONG = 64;

/**
 * The lines of `input` as they come, each over `limit.bytes` of UTF-8 cut short (see {@link Line}); a byte-order
 * mark dropped (from a stream). The limit is read as lines come, so it can be lifted half-way.
 */
async function* linesOf(input: StdinText, limit: { bytes: number }): AsyncGenerator<Line> {
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
 * A line of JSON Lines from standard input, named `<stdin>:n`: its text, or (over the size limit, not kept) why
 * it is skipped.
 */
export type StdinLine = { readonly where: string; readonly text: string } | { readonly where: string; readonly skipped: Diagnostic };

/** JSON Lines from standard input, in batches of lines as they come (see {@link STDIN_BATCH_LINES}); blank lines left out. */
export type StdinStream = AsyncIterable<readonly StdinLine[]>;

/** Lines a batch of {@link StdinStream} holds at most, and bytes (a batch ends with the line that reaches it). */
export const STDIN_BATCH_LINES = 4096;
const BATCH_BYTES = 16 << 20;

/** What `-` among the inputs gives: more paths, articles parsed (a JSON document), or articles still to read. */
export interface ExpandedInputs {
  readonly paths: string[];
  readonly fromStdin?: ParsedFile;
  /** JSON Lines on stdin, read as this is iterated (after the first line, which told the format). */
  readonly streamed?: StdinStream;
}

const overLimit = (bytes: number, maxBytes: number): string => `${formatBytes(bytes)} is over the size limit of ${formatBytes(maxBytes)} (--max-size)`;

/**
 * The command line's inputs with `-` replaced by what stdin holds: more paths, articles already parsed, or
 * (JSON Lines) a reader of its articles that takes them one line at a time. Stdin is read up to its first
 * non-blank line here, which tells the format; JSON Lines are read on as {@link ExpandedInputs.streamed} is
 * iterated. `maxBytes`: the size limit of a line of JSON Lines, and of a JSON document as a whole (a list of paths
 * has none).
 */
export async function expandStdin(inputs: readonly string[], stdin: StdinText | undefined, maxBytes = Number.POSITIVE_INFINITY): Promise<ExpandedInputs> {
  const paths = inputs.filter((i) => i !== '-');
  if (paths.length === inputs.length) return { paths };
  const limit = { bytes: maxBytes };
  const lines = linesOf(stdin ?? '', limit)[Symbol.asyncIterator]();
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
  if (start.startsWith('{') && (first.over || isJsonLine(start))) return { paths, streamed: streamLines(head, lines, maxBytes) };
  // A list of paths has no size limit (a large feed's is megabytes); a JSON document is held whole, as a file is.
  const document = start.startsWith('{') || start.startsWith('[');
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
  const input = readStdin(text.join('\n'));
  if (input.kind === 'paths') return { paths: [...paths, ...input.paths] };
  if (input.kind === 'articles') return { paths, fromStdin: input.parsed };
  return nothing;
}

/** JSON Lines from stdin, the lines read so far (`head`) and the rest, in batches, each line named `<stdin>:n`. */
async function* streamLines(head: readonly Line[], rest: AsyncIterator<Line>, maxBytes: number): StdinStream {
  let n = 0;
  let batch: StdinLine[] = [];
  let bytes = 0;
  const add = (l: Line): void => {
    const where = `${STDIN_NAME}:${++n}`;
    if (l.over) batch.push({ where, skipped: { path: where, reason: `a line of ${overLimit(l.bytes, maxBytes)}`, level: 'skipped' } });
    else if (l.text.trim() !== '') batch.push({ where, text: l.text });
    bytes += l.bytes;
  };
  const full = (): boolean => batch.length >= STDIN_BATCH_LINES || bytes >= BATCH_BYTES;
  const taken = (): StdinLine[] => {
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
  if (batch.length > 0) yield taken();
}

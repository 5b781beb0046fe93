/**
 * Reading on up to `--jobs` cores, where there are files enough (see {@link READ_SHARE}): worker threads (node:worker_threads) read, decode and parse the files, and prepare each
 * article for the intake (its paragraphs packed, its lines hashed; see clean/articles.ts), a chunk of files at a
 * time. This thread takes each answer in as it comes (the intake does not depend on the order articles arrive
 * in) and reports the files' diagnostics in input order, so the report is identical for every `--jobs`.
 */
import { statSync } from 'node:fs';
import { chunkRanges, runChunks, WorkerSet } from './chunk-queue.js';
import { jsonLine } from '../input/json.js';
import { LINE_BATCH, type LineStream } from '../input/lines.js';
import { readArticleFile } from '../input/read.js';
import { parseFile } from '../input/formats.js';
import { prepareArticle, type PreparedArticle } from '../clean/articles.js';
import type { Diagnostic } from '../types.js';
import { threadsFor, type ThreadBudget, type ThreadShare } from './threads.js';

/** A file to read: where it is, and how it is named in messages and in the report. */
export interface FileToRead {
  readonly path: string;
  readonly shown: string;
  /** Its position in the input, echoed in the answer. */
  readonly at: number;
}

/** What reading a file gave: why it was skipped, or its articles and what was noticed on the way. */
export type FileAnswer =
  | { readonly at: number; readonly ok: false; readonly diagnostic: Diagnostic }
  | { readonly at: number; readonly ok: true; readonly diagnostics: readonly Diagnostic[]; readonly articles: readonly PreparedArticle[] };

/** Read, decode, parse and prepare one file, on any thread. */
export function readFile(file: FileToRead, maxBytes: number): FileAnswer {
  const result = readArticleFile(file.path, maxBytes);
  if (!result.ok) return { at: file.at, ok: false, diagnostic: { ...result.diagnostic, path: file.shown } };
  const parsed = parseFile({ ...result.file, path: file.shown });
  const warnings = result.warnings.map((w) => ({ ...w, path: file.shown }));
  return { at: file.at, ok: true, diagnostics: [...warnings, ...parsed.diagnostics], articles: parsed.articles.map(prepareArticle) };
}

/** A line of JSON Lines (standard input, or a large feed file) to parse and prepare, named `where` (see input/lines.ts). */
export interface LineToRead {
  readonly line: string;
  readonly where: string;
  /** Its position in its batch, echoed in the answer. */
  readonly at: number;
}

/** Parse and prepare one line of JSON Lines, on any thread: its article (or those of a news API response on one line), or why it is skipped. */
export function readLine(item: LineToRead): FileAnswer {
  const r = jsonLine(item.line, item.where);
  if (r === undefined) return { at: item.at, ok: true, diagnostics: [], articles: [] };
  const [only] = r.diagnostics;
  if (r.articles.length === 0 && r.diagnostics.length === 1 && only !== undefined) return { at: item.at, ok: false, diagnostic: only };
  return { at: item.at, ok: true, diagnostics: r.diagnostics, articles: r.articles.map(prepareArticle) };
}

/** What a read worker is given: a file, or a line of JSON Lines. */
export type ReadItem = FileToRead | LineToRead;

/** Files per chunk: small enough to balance the threads, big enough to make messages rare. */
const CHUNK = 200;
/**
 * Bytes of files per chunk (a chunk ends with the file that reaches it, so it holds at most this plus one file):
 * a worker holds a chunk's prepared text until it answers, and up to two chunks are in flight per worker, so this
 * bounds what reading holds besides the intake's store (which spills past `--spill-after`).
 */
const CHUNK_BYTES = 4 << 20;
/**
 * Workers from 6,000 files, then one per 500 (see threads.ts): reading 5,000 files took 0.7 s on this thread and
 * 0.9 s on two workers, 10,000 took 1.7 s and 1.3 s (2-core machine, medians of three).
 */
export const READ_SHARE: ThreadShare = { from: 6000, each: 500 };
/** The size of a file as it is now (0 when it cannot be told: reading it will say why). */
function sizeOf(file: FileToRead): number {
  try {
    return statSync(file.path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/** The read workers of a whole read, for every call of it (see {@link ReadPlan}). */
export function readWorkers(maxBytes: number): WorkerSet {
  return new WorkerSet(new URL('./read-worker.js', import.meta.url), maxBytes);
}

/**
 * A read done in several calls (runs of files between large feeds, the feeds, stdin): the workers they share, so
 * that none starts its own, and the number of files the whole read has, which decides the threads of each run as it
 * would for one call. The caller closes the workers.
 */
export interface ReadPlan {
  readonly workers: WorkerSet;
  readonly files: number;
}

/** Files read on this thread between two looks at the event loop (progress, signals). */
const BATCH = 256;

/**
 * Read every file on the threads `budget` allows (see threads.ts): `take` gets each file's answer, in any order,
 * and `report` each diagnostic, in input order (a file's read warnings, then its parse diagnostics), each as soon
 * as the files before it are done. `onRead` is told how many files are done now and then.
 */
export async function readAll(
  files: readonly FileToRead[],
  maxBytes: number,
  budget: ThreadBudget,
  take: (answer: FileAnswer) => void,
  report: (d: Diagnostic) => void,
  onRead?: (done: number) => void,
  plan?: ReadPlan,
): Promise<void> {
  const said: (readonly Diagnostic[] | undefined)[] = new Array(files.length);
  let next = 0; // every file before this one has had its diagnostics reported
  let done = 0;
  const use = (answer: FileAnswer): void => {
    take(answer);
    said[answer.at] = answer.ok ? answer.diagnostics : [answer.diagnostic];
    for (; next < files.length && said[next] !== undefined; next++) {
      (said[next] as readonly Diagnostic[]).forEach(report);
      said[next] = [];
    }
    if (++done % BATCH === 0) onRead?.(done);
  };
  const threads = threadsFor(plan?.files ?? files.length, READ_SHARE, budget);
  if (threads <= 1) {
    for (const [i, file] of files.entries()) {
      use(readFile(file, maxBytes));
      if (i % BATCH === BATCH - 1) await new Promise((resumed) => setImmediate(resumed));
    }
    return;
  }
  await runChunks<FileToRead, true, FileAnswer>({
    items: files,
    chunks: chunkRanges(files.length, CHUNK_BYTES, (i) => sizeOf(files[i] as FileToRead), CHUNK),
    threads,
    thisThread: false,
    ...(plan ? { worker: plan.workers } : { worker: new URL('./read-worker.js', import.meta.url), workerData: maxBytes }),
    here: () => true, // never called: this thread does not take chunks (thisThread: false)
    received: (answer) => (use(answer), true),
    name: 'read',
  });
}

/**
 * JSON Lines (standard input, or a large feed file), batch by batch as they come: parsed and prepared on this
 * thread while the lines so far are few, on the read workers (kept between batches) once they are as many as
 * files would need ({@link READ_SHARE}); the next batch is read while the workers parse one. `take` gets each
 * line's answer and `report` its diagnostic, in input order; `onRead` how many lines (not blank) are done, after
 * each batch. With a `plan`, its workers are used and left open.
 */
export async function readLines(
  batches: LineStream,
  maxBytes: number,
  budget: ThreadBudget,
  take: (answer: FileAnswer) => void,
  report: (d: Diagnostic) => void,
  onRead?: (lines: number) => void,
  plan?: ReadPlan,
): Promise<void> {
  const workers = plan?.workers ?? readWorkers(maxBytes);
  let seen = 0;
  /** The batch in the workers' hands, if any: done when its answers have been taken and reported. */
  let running: Promise<void> = Promise.resolve();
  let done = 0;
  const deliver = (answers: readonly FileAnswer[]): void => {
    for (const answer of answers) {
      take(answer);
      (answer.ok ? answer.diagnostics : [answer.diagnostic]).forEach(report);
    }
    onRead?.((done += answers.length));
  };
  try {
    for await (const batch of batches) {
      seen += batch.length;
      const answers: FileAnswer[] = new Array(batch.length);
      const items: LineToRead[] = [];
      batch.forEach((l, at) => {
        if ('diagnostic' in l) answers[at] = { at, ok: false, diagnostic: l.diagnostic };
        else items.push({ line: l.text, where: l.where, at });
      });
      // A full batch says more is coming: counted twice, so a long feed gets its workers from its first batch.
      const threads = threadsFor(batch.length < LINE_BATCH ? seen : seen + batch.length, READ_SHARE, budget);
      // One batch at a time in the workers' hands (a second run would start more workers), in order.
      await running;
      if (threads <= 1) {
        for (const answer of items.map(readLine)) answers[answer.at] = answer;
        deliver(answers);
        continue;
      }
      running = runChunks<LineToRead, FileAnswer>({
        items,
        chunks: chunkRanges(items.length, CHUNK_BYTES, (i) => (items[i] as LineToRead).line.length, CHUNK),
        threads,
        thisThread: false,
        worker: workers,
        here: readLine,
        name: 'read',
      }).then((parsed) => {
        for (const answer of parsed) answers[answer.at] = answer;
        deliver(answers);
      });
      // A failure is seen when the next batch (or the end) waits for this one; until then it must not be unhandled.
      running.catch(() => undefined);
    }
    await running;
  } finally {
    await running.catch(() => undefined);
    if (!plan) await workers.close();
  }
}

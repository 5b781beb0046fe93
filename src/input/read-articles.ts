/**
 * The stages before fingerprints: read and parse every input (files, standard input, the records of web archives
 * and the lines of large JSON Lines files), then clean and segment the articles' text.
 */
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic, ProgressEvent, StoredArticle, StoredVersion } from '../types.js';
import { readAll, readLines, readWorkers, type FileAnswer } from '../parallel/read.js';
import { jsonLinesFile, readsByLine } from './lines.js';
import { isWarcFile, warcFile } from './warc.js';
import { STDIN_NAME, type ExpandedInputs } from './stdin.js';
import { ArticleIntake, NO_SENTENCES } from '../clean/articles.js';
import { ArchiveTally } from './archive-tally.js';
import { unsourcedWarnings } from './unsourced.js';
import { unreadDateWarnings } from './unread-dates.js';
import { MAX_FACT_SENTENCES } from '../facts/story-facts.js';
import type { ThreadBudget } from '../parallel/threads.js';
import type { StageName } from '../timings.js';
import type { PackedStore } from '../util/spill.js';

/** What reading needs of the run's options (see RunOptions in run.ts). */
export interface ReadSettings {
  readonly maxBytes: number;
  readonly threads: ThreadBudget;
  readonly memoryBytes?: number;
  /** Facts are compared (above 0): an article longer than the facts stage takes gets a warning. */
  readonly factThreshold: number;
}

/** Whom reading tells how far it got. */
export interface ReadHooks {
  readonly onProgress?: (p: ProgressEvent) => void;
  readonly onStage?: (stage: StageName) => void;
}

/**
 * Read, parse, clean and segment every input. Each file's text is parsed as soon as it is read and let go: the
 * intake keeps its articles' paragraphs packed until they are cleaned together.
 */
export async function readArticles(
  files: readonly string[],
  { fromStdin, streamed }: ExpandedInputs,
  cwd: string,
  options: ReadSettings,
  report: (d: Diagnostic) => void,
  hooks: ReadHooks,
): Promise<{ articles: StoredArticle[]; texts: PackedStore; versions: StoredVersion[] }> {
  const intake = new ArticleIntake(options.memoryBytes);
  const take = (answer: FileAnswer): void => {
    if (answer.ok) answer.articles.forEach((a) => intake.addPrepared(a));
  };
  // One set of read workers for stdin, the runs of files and the large feeds between them.
  const plan = { workers: readWorkers(options.maxBytes), files: files.length };
  // A web archive's pages with no article text are summed into one line an archive, not one a page.
  const tally = new ArchiveTally();
  const reportPage = (d: Diagnostic): void => void (tally.absorb(d) || report(d));
  try {
    fromStdin?.articles.forEach((a) => intake.add(a));
    fromStdin?.diagnostics.forEach(report);
    if (streamed) await readLines(streamed, options.maxBytes, options.threads, take, report, (done) => hooks.onProgress?.({ stage: 'lines', done, total: 0, from: STDIN_NAME }), plan);
    const toRead = files.map((shown, at) => ({ path: path.resolve(cwd, shown), shown, at }));
    // In input order: runs of files read whole, and between them each large or gzipped JSON Lines file a line at a
    // time, and each web archive a record at a time.
    let from = 0;
    for (let i = 0; i <= toRead.length; i++) {
      const file = toRead[i];
      if (file !== undefined && !isWarcFile(file.path) && !readsByLine(file.path, options.maxBytes)) continue;
      const before = from;
      const whole = toRead.slice(from, i).map((f, at) => ({ ...f, at })); // files read whole, renumbered
      if (whole.length > 0) await readAll(whole, options.maxBytes, options.threads, take, report, (done) => hooks.onProgress?.({ stage: 'read', done: before + done, total: files.length }), plan);
      if (file !== undefined) {
        // A web archive, a page record at a time (input/warc.ts), or JSON Lines, a line at a time.
        const lines = isWarcFile(file.path) ? tally.count(file.shown, warcFile(file.path, file.shown, options.maxBytes)) : jsonLinesFile(file.path, file.shown, options.maxBytes);
        await readLines(lines, options.maxBytes, options.threads, take, reportPage, (done) => hooks.onProgress?.({ stage: 'lines', done, total: 0, from: file.shown }), plan);
      }
      from = i + 1;
    }
  } catch (e) {
    intake.close();
    throw e;
  } finally {
    await plan.workers.close();
  }
  hooks.onStage?.('read');
  const { articles, empty, texts, repeats, versions } = await intake.clean(options.threads);
  const failure = intake.spillFailure ?? texts.failure;
  if (failure !== undefined) report({ path: os.tmpdir(), reason: `no temporary file for the articles' text (${failure}); it is kept in memory`, level: 'warning' });
  for (const file of empty) reportPage({ path: file, reason: NO_SENTENCES, level: 'skipped' });
  tally.diagnostics().forEach(report);
  repeats.forEach(report);
  unsourcedWarnings(articles).forEach(report);
  unreadDateWarnings(articles).forEach(report);
  for (const a of options.factThreshold > 0 ? articles : []) {
    if (a.sentenceCount > MAX_FACT_SENTENCES) report({ path: a.path, reason: `facts compared over its first ${MAX_FACT_SENTENCES.toLocaleString('en-US')} of ${a.sentenceCount.toLocaleString('en-US')} sentences, so no omits are listed for it`, level: 'warning' });
  }
  hooks.onStage?.('clean');
  return { articles, texts, versions };
}


/**
 * The pipeline, top to bottom: discover → read → parse → clean and segment → fingerprint → cluster stories →
 * align facts → report. Bad files become diagnostics; the run goes on with the rest.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Article, Diagnostic, ProgressEvent, Report, ReportOptions, StoredArticle } from './types.js';
import { discover } from './input/discover.js';
import { isOwnReportReason } from './input/own-report.js';
import { expandStdin, type StdinText } from './input/stdin.js';
import { readArticles } from './input/read-articles.js';
import { findStories } from './cluster/find-stories.js';
import { toPartialCopies } from './cluster/partial-copies.js';
import { unpacked } from './clean/packed.js';
import { toCopyPairs } from './cluster/stories.js';
import { completeReport, planReport, type PlannedReport } from './report/build.js';
import { threadBudget, type ThreadBudget } from './parallel/threads.js';
import type { StageName } from './timings.js';

export interface RunOptions extends ReportOptions {
  readonly maxBytes: number;
  readonly titleWeight: number;
  readonly nameWeight: number;
  readonly yearPenalty: number;
  /** Factor on the story similarity of two articles that report from different countries (text/countries.ts); 1: none. */
  readonly countryPenalty: number;
  /** Days fully dated articles may be apart without a penalty on their story similarity. */
  readonly dateWindow: number;
  /**
   * The threads each heavy stage may use and the factor on how much work it needs before it starts worker threads
   * (see parallel/threads.ts): `--jobs` and `DEDUPE_WORKER_SCALE`; one thread by default. The report is identical
   * for every value.
   */
  readonly threads: ThreadBudget;
  /**
   * Bytes of packed text (paragraphs, then cleaned sentences) held in memory before the rest goes to a temporary
   * file (see util/spill.ts); default `MEMORY_BYTES` there. The report is identical for every value.
   */
  readonly memoryBytes?: number;
}

export const DEFAULT_OPTIONS: RunOptions = {
  storyThreshold: 0.25,
  duplicateThreshold: 0.5,
  partialThreshold: 0.8,
  factThreshold: 0.25,
  permutations: 128,
  shingle: 5,
  seed: 1,
  singleStory: false,
  maxBytes: 5 * 1024 * 1024,
  titleWeight: 2,
  nameWeight: 2,
  yearPenalty: 0.7,
  countryPenalty: 1,
  dateWindow: 30,
  threads: threadBudget(1),
};

/**
 * A run that did not get as far as a report: no file found to read (`no-input`), or, for {@link run} alone, no
 * article in what was read (`no-articles`; {@link runPlanned} gives an empty report then, for the CLI to write).
 */
export type RunFailure = { readonly ok: false; readonly reason: 'no-input' | 'no-articles'; readonly skipped: readonly Diagnostic[] };

/** What every run that got as far as a report has (`A`: the articles, with their sentences or packed). */
interface RunDone<A> {
  readonly ok: true;
  readonly articles: readonly A[];
  /**
   * Every file discovered, read or skipped, resolved against cwd (so `--output` can refuse to overwrite one), but
   * those skipped as dedupe's own reports (input/own-report.ts), which a new report may replace.
   * Resolved when asked: a path built by `path.resolve` is a chain of string pieces, about a dozen heap objects a
   * file, which the main thread's collector marked again and again through the facts stage (a third of the heap's
   * objects at 20,000 articles); the paths as discovered are held instead.
   */
  files(): readonly string[];
}

export type RunResult = (RunDone<Article> & { readonly report: Report }) | RunFailure;

/**
 * A run whose stories get their facts only as they are written (see {@link PlannedReport}). `close` lets go of
 * the articles' texts (and their temporary file, if any): call it once the report is written.
 */
export type PlannedRun = (RunDone<StoredArticle> & { readonly planned: PlannedReport; close(): void }) | RunFailure;

export interface RunHooks {
  /** Called for each diagnostic as it happens, so the CLI can print it at once. */
  readonly onDiagnostic?: (d: Diagnostic) => void;
  /**
   * Standard input, when the inputs include `-` (paths, JSON Lines articles or a JSON document): all its text, or
   * the stream (JSON Lines are then read a line at a time, never held whole).
   */
  readonly stdin?: StdinText;
  /** Called as stages advance, so the CLI can show progress on long runs. */
  readonly onProgress?: (p: ProgressEvent) => void;
  /** Called as each stage ends (`--timings`). */
  readonly onStage?: (stage: StageName) => void;
}

/**
 * The whole report at once: {@link runPlanned} with every story's facts worked out and kept, and the articles
 * with their sentences (for callers that look into them: explain, eval).
 */
export async function run(inputs: readonly string[], cwd: string, options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const result = await runPlanned(inputs, cwd, options, hooks);
  if (!result.ok) return result;
  const { planned, articles, files } = result;
  if (articles.length === 0) {
    // Explain and eval have nothing to look at: a failure for them, as before empty reports.
    result.close();
    return { ok: false, reason: 'no-articles', skipped: planned.outline.skipped };
  }
  try {
    return { ok: true, articles: articles.map(unpacked), files, report: await completeReport(planned) };
  } finally {
    result.close();
  }
}

/**
 * Every stage up to the report's outline (stories, copies, articles, diagnostics); the facts of the stories are
 * worked out as they are asked for, so a caller that writes each story as it comes (the JSON formats) never
 * holds the facts of every story at once.
 */
export async function runPlanned(inputs: readonly string[], cwd: string, options: RunOptions, hooks: RunHooks = {}): Promise<PlannedRun> {
  const skipped: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  // Files skipped as dedupe's own reports: not inputs to protect, so `--output` may write a new report over one.
  const ownReports = new Set<string>();
  const report = (d: Diagnostic): void => {
    if (d.level === 'skipped' && isOwnReportReason(d.reason)) ownReports.add(d.path);
    (d.level === 'skipped' ? skipped : warnings).push(d);
    hooks.onDiagnostic?.(d);
  };

  const stdin = await expandStdin(inputs, hooks.stdin, options.maxBytes, (p) => existsSync(path.resolve(cwd, p)));
  const { paths, listed = [] } = stdin;
  const found = paths.length + listed.length > 0 ? await discover(paths, cwd, listed) : { files: [], diagnostics: [] };
  found.diagnostics.forEach(report);
  if (found.files.length === 0 && !stdin.fromStdin && !stdin.streamed) return { ok: false, reason: 'no-input', skipped };

  const { articles, texts, versions } = await readArticles(found.files, stdin, cwd, options, report, hooks);
  try {
    // No article (an empty feed, a quiet hour's dump, empty stdin, every file skipped): an empty report, which
    // lists the skipped files, not a failure (README, Exit codes and diagnostics).
    const ids = articles.map((a) => a.id);
    const progress = (stage: ProgressEvent['stage'], done: number, total: number): void => hooks.onProgress?.({ stage, done, total });
    const { groups, copies, partial } = await findStories({ articles, versions, options, progress, ...(hooks.onStage ? { onStage: hooks.onStage } : {}) });
    progress('stories', groups.length, groups.length);
    return {
      ok: true,
      articles,
      files: () => found.files.filter((f) => !ownReports.has(f)).map((f) => path.resolve(cwd, f)),
      planned: planReport({ articles, groups, copies: toCopyPairs(copies.pairs, ids, versions.map((v) => v.path)), boundedCopies: new Set([...copies.bounded].map((i) => ids[i] ?? '')), partialCopies: toPartialCopies(partial, ids), skipped, warnings, options: reportOptions(options) }, options.threads),
      close: () => texts.close(),
    };
  } catch (e) {
    texts.close();
    throw e;
  }
}

function reportOptions(o: RunOptions): ReportOptions {
  return {
    storyThreshold: o.storyThreshold,
    duplicateThreshold: o.duplicateThreshold,
    ...(o.partialThreshold !== undefined ? { partialThreshold: o.partialThreshold } : {}),
    factThreshold: o.factThreshold,
    permutations: o.permutations,
    shingle: o.shingle,
    seed: o.seed,
    singleStory: o.singleStory,
    nameWeight: o.nameWeight,
    titleWeight: o.titleWeight,
    yearPenalty: o.yearPenalty,
    ...(o.countryPenalty !== 1 ? { countryPenalty: o.countryPenalty } : {}),
    dateWindow: o.dateWindow,
    maxSize: o.maxBytes,
  };
}

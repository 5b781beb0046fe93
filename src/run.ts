/**
 * The pipeline, top to bottom: discover → read → parse → clean and segment → fingerprint → cluster stories →
 * align facts → report. Bad files become diagnostics; the run goes on with the rest.
 */
import os from 'node:os';
import path from 'node:path';
import type { Article, Diagnostic, ProgressEvent, Report, ReportOptions, StoredArticle } from './types.js';
import { discover } from './input/discover.js';
import { isOwnReportReason } from './input/own-report.js';
import { readAll, readLines, readWorkers, type FileAnswer } from './parallel/read.js';
import { jsonLinesFile, readsByLine } from './input/lines.js';
import { isWarcFile, warcFile } from './input/warc.js';
import { expandStdin, STDIN_NAME, type ExpandedInputs, type StdinText } from './input/stdin.js';
import { ArticleIntake, NO_SENTENCES } from './clean/articles.js';
import { ArchiveTally } from './input/archive-tally.js';
import { exactJaccard, fingerprintsFrom, shingleSet } from './fingerprint/articles.js';
import { partialCopiesInStory, toPartialCopies, type PartialCopyIndices } from './cluster/partial-copies.js';
import type { Sketch } from './fingerprint/sketch.js';
import { unpacked } from './clean/packed.js';
import { clusterStories, MAX_NEIGHBOURS, toCopyPairs, nearDuplicatesInTurns, type StoryClusters } from './cluster/stories.js';
import { completeReport, planReport, type PlannedReport } from './report/build.js';
import { signaturesParallel } from './parallel/signatures.js';
import { storyEdgesParallel } from './parallel/story-edges.js';
import { threadBudget, type ThreadBudget } from './parallel/threads.js';
import type { StageName } from './timings.js';
import type { PackedStore } from './util/spill.js';
import type { EdgeList } from './cluster/edge-list.js';
import { teaserLeadEdges, withTeaserEdges, type ArticleTimes } from './cluster/teasers.js';
import { MAX_FACT_SENTENCES } from './facts/story-facts.js';

export interface RunOptions extends ReportOptions {
  readonly maxBytes: number;
  readonly titleWeight: number;
  readonly nameWeight: number;
  readonly yearPenalty: number;
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
  dateWindow: 30,
  threads: threadBudget(1),
};

/** A run that did not get as far as a report. */
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

  const stdin = await expandStdin(inputs, hooks.stdin, options.maxBytes);
  const { paths } = stdin;
  const found = paths.length > 0 ? await discover(paths, cwd) : { files: [], diagnostics: [] };
  found.diagnostics.forEach(report);
  if (found.files.length === 0 && !stdin.fromStdin && !stdin.streamed) return { ok: false, reason: 'no-input', skipped };

  const { articles, texts } = await articlesOf(found.files, stdin, cwd, options, report, hooks);
  try {
    if (articles.length === 0) {
      texts.close();
      return { ok: false, reason: 'no-articles', skipped };
    }
    const ids = articles.map((a) => a.id);
    const progress = (stage: ProgressEvent['stage'], done: number, total: number): void => hooks.onProgress?.({ stage, done, total });
    const { groups, copies, partial } = await storiesOf({ articles, options, progress, ...(hooks.onStage ? { onStage: hooks.onStage } : {}) });
    progress('stories', groups.length, groups.length);
    return {
      ok: true,
      articles,
      files: () => found.files.filter((f) => !ownReports.has(f)).map((f) => path.resolve(cwd, f)),
      planned: planReport({ articles, groups, copies: toCopyPairs(copies, ids), partialCopies: toPartialCopies(partial, ids), skipped, warnings, options: reportOptions(options) }, options.threads),
      close: () => texts.close(),
    };
  } catch (e) {
    texts.close();
    throw e;
  }
}

/**
 * Read, parse, clean and segment every input. Each file's text is parsed as soon as it is read and let go: the
 * intake keeps its articles' paragraphs packed until they are cleaned together.
 */
async function articlesOf(
  files: readonly string[],
  { fromStdin, streamed }: ExpandedInputs,
  cwd: string,
  options: RunOptions,
  report: (d: Diagnostic) => void,
  hooks: RunHooks,
): Promise<{ articles: StoredArticle[]; texts: PackedStore }> {
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
  const { articles, empty, texts } = await intake.clean(options.threads);
  const failure = intake.spillFailure ?? texts.failure;
  if (failure !== undefined) report({ path: os.tmpdir(), reason: `no temporary file for the articles' text (${failure}); it is kept in memory`, level: 'warning' });
  for (const file of empty) reportPage({ path: file, reason: NO_SENTENCES, level: 'skipped' });
  tally.diagnostics().forEach(report);
  for (const a of options.factThreshold > 0 ? articles : []) {
    if (a.sentenceCount > MAX_FACT_SENTENCES) report({ path: a.path, reason: `facts compared over its first ${MAX_FACT_SENTENCES.toLocaleString('en-US')} of ${a.sentenceCount.toLocaleString('en-US')} sentences, so no omits are listed for it`, level: 'warning' });
  }
  hooks.onStage?.('clean');
  return { articles, texts };
}

/** What the stages from fingerprints to clustering work on, and whom they tell how far they got. */
interface StoryWork {
  readonly articles: readonly StoredArticle[];
  readonly options: RunOptions;
  readonly progress: (stage: ProgressEvent['stage'], done: number, total: number) => void;
  readonly onStage?: (stage: StageName) => void;
}

/**
 * Fingerprint the articles and group them into stories, with the near-duplicate pairs and, within the stories, the
 * partial copies. A function of its own so that the fingerprints (signatures, vectors) are garbage once the
 * stories' edges and copies are found, before clustering and the facts stage.
 */
async function storiesOf(work: StoryWork): Promise<{ groups: number[][]; copies: StoryClusters['copies']; partial: PartialCopyIndices[] }> {
  const { copies, edges, times, sketches } = await copiesAndEdges(work);
  const { articles, options } = work;
  if (!edges) {
    const groups = [articles.map((_, i) => i)];
    return { groups, copies, partial: partialCopiesOf(articles, sketches, groups, copies, options) };
  }
  const { labels } = clusterStories(articles.length, options, withTeaserEdges(edges, teaserLeadEdges(articles, options, undefined, times), articles.length), copies);
  const groups = groupsOf(labels);
  const partial = partialCopiesOf(articles, sketches, groups, copies, options);
  work.onStage?.('clustering');
  return { groups, copies, partial };
}

/**
 * The partial copies of every story (cluster/partial-copies.ts), a story at a time: the shingle sets of the
 * articles its sketches leave in doubt are made and let go with it. Nothing when the threshold is absent (options
 * made before it).
 */
function partialCopiesOf(articles: readonly StoredArticle[], sketches: readonly Sketch[], groups: readonly number[][], copies: StoryClusters['copies'], options: RunOptions): PartialCopyIndices[] {
  const threshold = options.partialThreshold;
  if (threshold === undefined) return [];
  const n = articles.length;
  const copied = new Set(copies.map((c) => Math.min(c.a, c.b) * n + Math.max(c.a, c.b)));
  const isCopy = (a: number, b: number): boolean => copied.has(Math.min(a, b) * n + Math.max(a, b));
  const setOf = (i: number): Uint32Array => shingleSet(unpacked(articles[i] as StoredArticle), options.shingle);
  const idOf = (i: number): string => (articles[i] as StoredArticle).id;
  const sketchOf = (i: number): Sketch => sketches[i] as Sketch;
  return groups.flatMap((g) => partialCopiesInStory(g, { sketchOf, setOf, idOf }, { threshold, isCopy }));
}

/** Exact Jaccard similarity of two articles' shingle sets, by index; each set is made once, when first asked for. */
function exactJaccardOf(articles: readonly StoredArticle[], width: number): (a: number, b: number) => number {
  // Shingle sets only for the few articles near-duplicate candidates name.
  const shingleSets = new Map<number, Uint32Array>();
  const setOf = (i: number): Uint32Array => {
    let set = shingleSets.get(i);
    if (!set) shingleSets.set(i, (set = shingleSet(unpacked(articles[i] as StoredArticle), width)));
    return set;
  };
  return (a, b) => exactJaccard(setOf(a), setOf(b));
}

/** Lets this thread take the messages waiting for it (worker threads' answers) before it goes on. */
const pause = (): Promise<void> => new Promise((resume) => setImmediate(resume));

/**
 * The articles' near-duplicate pairs, and their story edges unless all are one story. The pairs are looked for
 * on this thread while the story scan runs on worker threads (where there are any), a little at a time so that
 * the workers get their next rows without waiting.
 */
async function copiesAndEdges(work: StoryWork): Promise<{ copies: StoryClusters['copies']; edges?: EdgeList; times: ArticleTimes; sketches: Sketch[] }> {
  const started = await fingerprintsThenSearch(work);
  const [edges, copies] = await started.both;
  const { times, sketches } = started;
  if (!edges) return { copies, times, sketches };
  work.onStage?.('story scan');
  return { copies, edges, times, sketches };
}

/**
 * Fingerprints the articles, then starts the story scan and the near-duplicate search on them, and returns (the
 * two in a box, or they would be awaited here). A function of its own so that no suspended frame holds the
 * fingerprints while the two run: the signatures (51 MB at 100,000 articles) are garbage once the near-duplicates
 * are found, before the end of the scan, where the run's memory peaks; the term counts and TF-IDF vectors (the
 * largest arrays of the run after the texts) once the scan is done, before clustering.
 */
async function fingerprintsThenSearch(work: StoryWork): Promise<{ both: Promise<[EdgeList | undefined, StoryClusters['copies']]>; times: ArticleTimes; sketches: Sketch[] }> {
  const { articles, options } = work;
  const prints = await fingerprintsOf(work);
  work.onStage?.('fingerprints');
  // Whichever of the two fails stops the other, so the failure is reported at once, not after the rest of the scan.
  const halt = new AbortController();
  const stopOther = (err: unknown): never => {
    halt.abort(err);
    throw err;
  };
  const edges = options.singleStory ? undefined : storyEdgesParallel(prints.vectors, prints.years, prints.days, options, options.threads, MAX_NEIGHBOURS, halt.signal);
  const turn = async (): Promise<void> => {
    await pause();
    halt.signal.throwIfAborted();
  };
  const copies = nearDuplicatesInTurns(prints.signatures, options.duplicateThreshold, options.permutations, exactJaccardOf(articles, options.shingle), turn);
  // The articles' years and days (two numbers an article) outlive the fingerprints, for the teaser pass, and so do
  // their sketches (128 bytes an article), for the partial copies.
  return { both: Promise.all([edges?.catch(stopOther), copies.catch(stopOther)]), times: { years: prints.years, days: prints.days }, sketches: prints.sketches };
}

/**
 * The articles' fingerprints (signatures and vectors). A function of its own so that the workers' term counts
 * (hundreds of megabytes on a large feed) are garbage once it returns: a suspended async function may keep the
 * value of an awaited call referenced from its frame until it returns, here through the whole story scan.
 */
async function fingerprintsOf({ articles, options, progress }: StoryWork): Promise<ReturnType<typeof fingerprintsFrom>> {
  progress('fingerprinted', 0, articles.length);
  const onDone = (done: number): void => progress('fingerprinted', done, articles.length);
  return fingerprintsFrom(await signaturesParallel(articles, options, options.threads, onDone), articles.map((a) => a.date));
}

export function groupsOf(labels: readonly number[]): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((l, i) => {
    let g = groups.get(l);
    if (!g) groups.set(l, (g = []));
    g.push(i);
  });
  return [...groups.values()];
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
    dateWindow: o.dateWindow,
    maxSize: o.maxBytes,
  };
}

/**
 * Build the report: order stories, name them, and attach each story's facts, conflicts, coverage and copies.
 * Everything here is ordered by content (sources, ids, text), never by input order.
 */
import { compareArticleIds } from '../util/natural-order.js';
import { sourceSummary } from './sources.js';
import type { Article, CopyGroup, CopyPair, Diagnostic, EarlierVersion, PartialCopy, Report, ReportArticle, ReportOptions, ReportVersion, SourceFactCounts, Story, StoredArticle } from '../types.js';
import { storyFacts, withFacts } from '../facts/story-facts.js';
import { factJobs, factsWorkers, factThreads, storyFactsParallel, storyTextsParallel, type FactsStory, type TextStory } from '../parallel/story-facts.js';
import { chunkRanges, type WorkerSet } from '../parallel/chunk-queue.js';
import { threadBudget, type ThreadBudget } from '../parallel/threads.js';
import { factsShown, storyBytes, type StoryForm } from '../render/story-text.js';
import { storyArticles } from '../render/ndjson.js';
import { firstReport } from './first-report.js';
import { copyGroupsOf } from './copy-groups.js';
import { storyKey } from './story-key.js';
import { withLatestValues } from './latest-value.js';
import { storyVoices, voiceGroups } from '../facts/voices.js';
import { withoutOutletSuffix } from '../input/outlet.js';
import { withoutWireSlug } from '../clean/versions.js';
import { isoDate } from '../input/date.js';
import { textsOf, unpacked } from '../clean/packed.js';

export interface BuildInput {
  /** With their sentences packed (see clean/packed.ts). */
  readonly articles: readonly StoredArticle[];
  /** Groups of article indices, one group per story. */
  readonly groups: readonly (readonly number[])[];
  readonly copies: readonly CopyPair[];
  /** Ids of the articles of the copy groups whose `copies` are a spanning tree only (cluster/near-duplicates.ts); absent, none. */
  readonly boundedCopies?: ReadonlySet<string>;
  /** The partial copies, each within a story (cluster/partial-copies.ts); absent, none. */
  readonly partialCopies?: readonly PartialCopy[];
  readonly skipped: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly options: ReportOptions;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** How many headlines a tie between headlines is settled over (each against each: a story of thousands stays quick). */
const TITLE_SAMPLE = 200;

/** A headline's words of three letters or more, lower case. */
function headlineWords(title: string): Set<string> {
  return new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  const either = x.size + y.size - both;
  return either === 0 ? 0 : both / either;
}

/**
 * The headline most of the story's articles carry, without a known outlet's name after a dash or bar ("… - BBC
 * News", "… | Reuters": input/outlet.ts) and without an agency's version slug or a live page's label before it
 * ("UPDATE 1-", "CORRECTED-UPDATE 3-", "REFILE-", "WRAPUP 2-", "Live:": clean/versions.ts). Among headlines carried equally often, the most typical: the
 * one whose words the story's other headlines share most (summed Jaccard similarity of their words), so a story
 * of five outlets is not named by whichever sorts first; then the first in story order.
 */
export function storyTitle(articles: readonly Pick<Article, 'title'>[]): string {
  const counts = new Map<string, { n: number; title: string }>();
  for (const a of articles) {
    const title = withoutWireSlug(withoutOutletSuffix(a.title));
    const key = title.toLowerCase().replace(/\s+/g, ' ');
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, title });
  }
  let most = 0;
  for (const c of counts.values()) most = Math.max(most, c.n);
  const tied = [...counts.values()].filter((c) => c.n === most).slice(0, TITLE_SAMPLE);
  if (tied.length <= 1) return tied[0]?.title ?? '';
  const others = articles.slice(0, TITLE_SAMPLE).map((a) => headlineWords(a.title));
  let best = { score: -1, title: '' };
  for (const c of tied) {
    const words = headlineWords(c.title);
    let score = 0;
    for (const o of others) score += jaccard(words, o);
    if (score > best.score + 1e-9) best = { score, title: c.title };
  }
  return best.title;
}

function reportArticle(a: StoredArticle): ReportArticle {
  const published = isoDate(a.date);
  return {
    id: a.id,
    path: a.path,
    source: a.source,
    sourceOrigin: a.sourceOrigin,
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    ...(a.date ? { date: a.date } : {}),
    ...(published ? { published } : {}),
    ...(a.byline ? { byline: a.byline } : {}),
    ...(a.externalId ? { externalId: a.externalId } : {}),
    ...(a.excerpt ? { excerpt: true as const } : {}),
    ...(a.language ? { language: a.language } : {}),
    sentences: a.sentenceCount,
    ...(a.corrections ? { corrections: a.corrections } : {}),
    dropped: a.dropped,
    ...(a.droppedUnlisted ? { droppedUnlisted: a.droppedUnlisted } : {}),
    ...(a.earlierVersions ? { earlierVersions: a.earlierVersions.map(reportVersion) } : {}),
  };
}

function reportVersion(v: EarlierVersion): ReportVersion {
  const published = isoDate(v.date);
  return { path: v.path, title: v.title, ...(v.date ? { date: v.date } : {}), ...(published ? { published } : {}) };
}

/** A story in report order: its articles in story order, its sources and its headline. */
interface OrderedStory {
  readonly id: string;
  readonly articles: readonly StoredArticle[];
  readonly sources: readonly string[];
  readonly title: string;
}

/** The stories in report order (most sources, then most articles, then headline, then first article id). */
function orderStories(input: BuildInput): OrderedStory[] {
  return input.groups
    .map((g) => g.map((i) => input.articles[i] as StoredArticle).sort((x, y) => byText(x.source, y.source) || compareArticleIds(x.id, y.id)))
    .map((articles) => ({ articles, sources: [...new Set(articles.map((a) => a.source))].sort(byText), title: storyTitle(articles) }))
    .sort(
      (x, y) =>
        y.sources.length - x.sources.length ||
        y.articles.length - x.articles.length ||
        byText(x.title, y.title) ||
        byText(x.articles[0]?.id ?? '', y.articles[0]?.id ?? ''),
    )
    .map((g, k) => ({ ...g, id: `s${k + 1}` }));
}

/** Per story, the copies whose first article is in it, in input order. */
function copiesByStory(input: BuildInput, stories: readonly OrderedStory[]): CopyPair[][] {
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => s.articles.forEach((a) => storyOf.set(a.id, k)));
  const copies = stories.map((): CopyPair[] => []);
  for (const c of input.copies) {
    const k = storyOf.get(c.a);
    if (k !== undefined) copies[k]?.push(c);
  }
  return copies;
}

/** Per story, its partial copies in story order by part (each story holds both articles of its partial copies). */
function partialCopiesByStory(input: BuildInput, stories: readonly OrderedStory[]): PartialCopy[][] {
  const place = new Map<string, { story: number; at: number }>();
  stories.forEach((s, k) => s.articles.forEach((a, at) => place.set(a.id, { story: k, at })));
  const partial = stories.map((): PartialCopy[] => []);
  for (const c of input.partialCopies ?? []) {
    const k = place.get(c.part)?.story;
    if (k !== undefined && place.get(c.whole)?.story === k) partial[k]?.push(c);
  }
  const at = (id: string): number => place.get(id)?.at ?? 0;
  for (const list of partial) list.sort((x, y) => at(x.part) - at(y.part));
  return partial;
}

/** How many voices (facts/voices.ts) `story` has with its copy groups `groups` and partial copies `partial` (an excerpt is in its whole's voice). */
function independentSources(story: OrderedStory, groups: readonly CopyGroup[], partial: readonly PartialCopy[]): number {
  const sourceOf = new Map(story.articles.map((a) => [a.id, a.source]));
  return storyVoices(story.articles.map((a) => a.id), (id) => sourceOf.get(id) ?? id, voiceGroups(groups.map((c) => c.articles), partial)).count;
}

/**
 * The report with every story's facts, conflicts, coverage and shared facts still empty: all that choosing and
 * ordering stories needs (`--min-sources`, `--sort`). Field order is the report's.
 */
function outlineOf(input: BuildInput, ordered: readonly OrderedStory[]): Report {
  const copies = copiesByStory(input, ordered);
  const partial = partialCopiesByStory(input, ordered);
  const stories: Story[] = ordered.map((g, k) => {
    const first = firstReport(g.articles);
    const partialCopies = partial[k] ?? [];
    const articles = g.articles.map((a) => a.id);
    const pairs = copies[k] ?? [];
    const copyGroups = copyGroupsOf(articles, pairs, input.boundedCopies ?? new Set());
    const independent = copyGroups.length > 0 || partialCopies.length > 0 ? independentSources(g, copyGroups, partialCopies) : g.sources.length;
    return {
      id: g.id,
      key: storyKey(g.articles),
      title: g.title,
      articles,
      sources: g.sources,
      copies: pairs,
      ...(copyGroups.length > 0 ? { copyGroups } : {}),
      ...(copyGroups.some((c) => !c.allPairs) ? { copiesComplete: false as const } : {}),
      ...(independent < g.sources.length ? { independentSources: independent } : {}),
      ...(partialCopies.length > 0 ? { partialCopies } : {}),
      shared: [],
      facts: [],
      conflicts: [],
      coverage: [],
      ...(first ? { firstReported: first } : {}),
    };
  });
  const articles = [...input.articles].sort((x, y) => byText(x.path, y.path)).map(reportArticle);
  return { version: 1, options: input.options, articles, stories, sources: sourceSummary({ articles, stories }), skipped: input.skipped, warnings: input.warnings };
}

/**
 * Sentences whose facts are worked out together before they are handed on: enough to keep every thread busy,
 * few enough that a batch's facts (about 400 bytes a sentence) stay small next to the articles.
 */
export const BATCH_SENTENCES = 100_000;

/** A report whose stories get their facts only as they are asked for, a batch at a time. */
export interface PlannedReport {
  /** The report with empty facts fields (see {@link outlineOf}). */
  readonly outline: Report;
  /**
   * The given stories of the outline (any of them, in any order; say, the ones a view shows) with their facts,
   * in the order given. Facts are worked out a batch of about {@link BATCH_SENTENCES} sentences at a time on the
   * threads the plan's budget allows, so a caller that writes each story and lets it go never holds the facts of
   * all stories.
   */
  stories(stories: readonly Story[]): AsyncGenerator<Story>;
  /**
   * The same stories as their text in `form` (render/story-text.ts), in UTF-8, in the order given. When worker
   * threads are worth it (see parallel/story-facts.ts), they work out each story's facts and write its text, so
   * that only text comes back to this thread, which is left free to write it out; else this thread does it all.
   */
  texts(stories: readonly Story[], form: StoryForm, onCounts?: (counts: readonly SourceFactCounts[]) => void): AsyncGenerator<Uint8Array>;
  /** Each article of a story of the outline as its headline then sentences, one article at a time (`--match`). */
  articleTexts(story: Story): Generator<string[]>;
}

/**
 * How a batch of stories is worked out: the stories with their articles, the same as asked for (outline entries),
 * the facts workers to use when the batch is worth threads, and the budget of every batch of the run: at most as
 * many threads as the whole run is worth (see {@link factJobs}), the shares scaled as the plan's.
 */
type BatchWork<R> = (batch: readonly OrderedStory[], wanted: readonly Story[], workers: WorkerSet, budget: ThreadBudget) => Promise<R[]>;

/**
 * The report's outline now and its facts on demand; the stories come out as in {@link buildReportAsync}.
 * `budget`: the threads the facts may use (see parallel/threads.ts); `batchSentences`: see {@link BATCH_SENTENCES}
 * (the tests make it small to get many batches).
 */
export function planReport(input: BuildInput, budget: ThreadBudget, batchSentences = BATCH_SENTENCES): PlannedReport {
  const ordered = orderStories(input);
  const outline = outlineOf(input, ordered);
  const threshold = input.options.factThreshold;
  const byId = new Map(ordered.map((s) => [s.id, s]));
  const sentences = (s: Story): number => byId.get(s.id)?.articles.reduce((n, a) => n + a.sentenceCount, 0) ?? 0;
  /**
   * The results of `run` for every story of `wanted`, in order, batch by batch; `work` tells the stories whose facts
   * are worked out (the others weigh one sentence in the batches and the threads).
   */
  async function* inBatches<R>(wanted: readonly Story[], run: BatchWork<R>, work: (s: Story) => boolean = () => true): AsyncGenerator<R> {
    // A story whose facts are not worked out still has a text to write: it counts as one sentence, so that a run of
    // such stories (a feed of one outlet) is still cut into batches written as they are done.
    const weight = (s: Story): number => (work(s) ? sentences(s) : 1);
    // Consecutive ranges of `wanted` of about `batchSentences` sentences to work on each (one story may be more).
    const batches = chunkRanges(wanted.length, batchSentences, (i) => weight(wanted[i] as Story));
    const batch = (k: number): { stories: OrderedStory[]; wanted: readonly Story[] } => {
      const b = batches[k];
      const part = b ? wanted.slice(b.from, b.to) : [];
      return { stories: part.map((s) => byId.get(s.id) as OrderedStory), wanted: part };
    };
    // When a batch gets worker threads, it is worked out while the one before is handed on (rendered, written),
    // so the threads never wait for the writing; at most two batches' results are held. On this thread alone
    // there is nothing to overlap, and a batch is worked out when it is needed. The workers serve every batch.
    const workers = factsWorkers(threshold);
    // Whether worker threads pay is weighed on all the stories wanted, since the same workers serve every batch.
    const threads = factJobs(wanted.reduce((n, s) => n + weight(s), 0), budget);
    const runBudget = threadBudget(threads, budget.scale);
    const ahead = (k: number): Promise<R[]> | undefined => {
      const next = batch(k);
      if (next.stories.length === 0 || factThreads(next.stories, runBudget) <= 1) return undefined;
      const results = run(next.stories, next.wanted, workers, runBudget);
      // Its failure is taken up when it is awaited; until then (or if the reader stops first) it must not
      // count as unhandled, which would end the process before the CLI's own error handling.
      results.catch(() => undefined);
      return results;
    };
    let next = ahead(0);
    try {
      for (let k = 0; k < batches.length; k++) {
        let now = next;
        if (!now) {
          const b = batch(k);
          now = run(b.stories, b.wanted, workers, runBudget);
        }
        const results: (R | undefined)[] = await now;
        next = ahead(k + 1);
        // Each result let go once handed on (a batch's texts are tens of megabytes).
        for (let i = 0; i < results.length; i++) {
          const result = results[i] as R;
          results[i] = undefined;
          yield result;
        }
      }
    } finally {
      // A reader that stops early (a closed pipe) must not let the articles' texts go while the batch worked out
      // ahead still reads them (see util/spill.ts): wait for it; its result or failure no longer matters.
      await next?.catch(() => undefined);
      await workers.close();
    }
  }
  async function* stories(wanted: readonly Story[]): AsyncGenerator<Story> {
    if (threshold <= 0) return yield* wanted;
    const factsStories = (b: readonly OrderedStory[], w: readonly Story[]): FactsStory[] => b.map((s, i) => withCopyGroups(s, w[i] as Story));
    yield* inBatches(wanted, async (b, w, workers, runBudget) => (await storyFactsParallel(factsStories(b, w), threshold, runBudget, workers)).map((f, i) => withFacts(w[i] as Story, f)));
  }
  const articles = new Map(outline.articles.map((a) => [a.id, a]));
  const reportArticles = (form: StoryForm, s: Story): ReportArticle[] => (form === 'json' ? [] : storyArticles(articles, s));
  async function* texts(wanted: readonly Story[], form: StoryForm, onCounts?: (counts: readonly SourceFactCounts[]) => void): AsyncGenerator<Uint8Array> {
    if (threshold <= 0) {
      for (const s of wanted) yield storyBytes(form, s, reportArticles(form, s));
      return;
    }
    // A story whose facts the form does not show is sent without its articles' text: nothing is worked out for it.
    const textStories = (b: readonly OrderedStory[], w: readonly Story[]): TextStory[] =>
      b.map((s, i) => {
        const outline = w[i] as Story;
        return { ...withCopyGroups({ id: s.id, articles: factsShown(form, outline) ? s.articles : [] }, outline), form, outline, reportArticles: reportArticles(form, outline) };
      });
    for await (const text of inBatches(wanted, (b, w, workers, runBudget) => storyTextsParallel(textStories(b, w), threshold, runBudget, workers), (s) => factsShown(form, s))) {
      onCounts?.(text.counts);
      yield text.bytes;
    }
  }
  function* articleTexts(story: Story): Generator<string[]> {
    for (const a of byId.get(story.id)?.articles ?? []) yield textsOf(a);
  }
  return { outline, stories, texts, articleTexts };
}

/** The article ids of each of `story`'s copy groups, for the facts stage (their sources are one voice: facts/voices.ts). */
const copyGroupArticles = (story: Story): (readonly string[])[] | undefined => story.copyGroups?.map((g) => g.articles);

/**
 * The pairs of `story` whose copy is of an earlier version of the other, as [copy, the version's article] (no conflict
 * between them, and the copy's figures are not the latest: facts/conflicts.ts, report/latest-value.ts), or undefined.
 * The version's article is the one of `articles` (the story's) whose earlier versions hold the copied one.
 */
function versionCopyPairs(story: Story, articles: readonly Pick<StoredArticle, 'id' | 'earlierVersions'>[]): (readonly [string, string])[] | undefined {
  const pairs = story.copies.flatMap((p) => {
    if (p.ofVersion === undefined) return [];
    const bHasIt = articles.some((a) => a.id === p.b && (a.earlierVersions ?? []).some((v) => v.path === p.ofVersion));
    return [bHasIt ? ([p.a, p.b] as const) : ([p.b, p.a] as const)];
  });
  return pairs.length > 0 ? pairs : undefined;
}

/** `s` (its id and articles) as the facts stage takes it, with the copy groups, partial copies and copies of earlier versions of its outline entry `outline`. */
function withCopyGroups(s: { readonly id: string; readonly articles: readonly StoredArticle[] }, outline: Story): FactsStory {
  const copyGroups = copyGroupArticles(outline);
  const partialCopies = outline.partialCopies?.map((p) => ({ part: p.part, whole: p.whole }));
  const versionCopies = versionCopyPairs(outline, s.articles);
  return { id: s.id, articles: s.articles, ...(copyGroups ? { copyGroups } : {}), ...(partialCopies ? { partialCopies } : {}), ...(versionCopies ? { versionCopies } : {}) };
}

/** The report, with every story's facts worked out on this thread. */
export function buildReport(input: BuildInput): Report {
  const ordered = orderStories(input);
  const outline = outlineOf(input, ordered);
  const threshold = input.options.factThreshold;
  if (threshold <= 0) return outline;
  const stories = outline.stories.map((s, k) => {
    const articles = ordered[k]?.articles ?? [];
    const versionCopies = versionCopyPairs(s, articles);
    return withFacts(s, withLatestValues(storyFacts(s.id, articles.map(unpacked), threshold, copyGroupArticles(s), s.partialCopies, versionCopies), articles, versionCopies));
  });
  return { ...outline, stories, sources: sourceSummary({ articles: outline.articles, stories }) };
}

/** The report of `planned` with the facts of every story, all held (for callers that need the whole report). */
export async function completeReport(planned: PlannedReport): Promise<Report> {
  const stories: Story[] = [];
  for await (const s of planned.stories(planned.outline.stories)) stories.push(s);
  return { ...planned.outline, stories, sources: sourceSummary({ articles: planned.outline.articles, stories }) };
}

/** The same report as {@link buildReport}, with the stories' facts worked out on the threads `budget` allows (see parallel/threads.ts). */
export function buildReportAsync(input: BuildInput, budget: ThreadBudget): Promise<Report> {
  return completeReport(planReport(input, budget));
}

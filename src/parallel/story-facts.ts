/**
 * The facts stage on up to `--jobs` cores, where the run is big enough (see {@link FACTS_SHARE}). Stories are cut into chunks of about {@link CHUNK_SENTENCES} sentences, kept
 * in story order. Worker threads (node:worker_threads) take chunks from the front of that queue, where the
 * big stories are, a few at a time as they finish; this thread takes them from the back, where the small
 * stories are, so it is never long away from handing out the next chunk. When the stories' text is wanted
 * (`storyTextsParallel`, for the JSON formats), the workers do all of it and this thread only writes what they
 * send. A story's facts depend only on its own articles and the threshold, so the result is identical for every
 * `--jobs`.
 */
import { chunkRanges, runChunks, WorkerSet } from './chunk-queue.js';
import { MAX_FACT_SENTENCES, storyFacts, withFacts, type StoryFacts } from '../facts/story-facts.js';
import { storySourceFacts } from '../report/sources.js';
import { withLatestValues } from '../report/latest-value.js';
import { unpackSentences } from '../clean/packed.js';
import { factsShown, storyBytes, type StoryForm } from '../render/story-text.js';
import type { PartialCopy, ReportArticle, SourceFactCounts, Story, StoredArticle } from '../types.js';
import { threadsFor, type ThreadBudget, type ThreadShare } from './threads.js';

/** What the facts of an article are worked out from: its sentences, packed, and its language; its date, for a disputed count's newest value. */
export type PackedFactsArticle = Pick<StoredArticle, 'id' | 'source' | 'sentenceCount' | 'text' | 'excerpt' | 'language' | 'date'>;

export interface FactsStory {
  readonly id: string;
  /** In story order. */
  readonly articles: readonly PackedFactsArticle[];
  /** Its copy groups' article ids (`Story.copyGroups`): their sources count as one voice (facts/voices.ts); absent when none. */
  readonly copyGroups?: readonly (readonly string[])[];
  /** Its partial copies (`Story.partialCopies`, part and whole): an excerpt is in its whole's voice (facts/voices.ts); absent when none. */
  readonly partialCopies?: readonly Pick<PartialCopy, 'part' | 'whole'>[];
  /** Its copies of an earlier version (`Story.copies` with `ofVersion`), as [copy, the version's article]: no conflict between the two (facts/conflicts.ts), and the copy's figures are not the latest (report/latest-value.ts); absent when none. */
  readonly versionCopies?: readonly (readonly [string, string])[];
}

/** The facts of a story, its articles' sentences unpacked for the while (on any thread), with its conflicts' newest values. */
export function packedStoryFacts(story: FactsStory, threshold: number): StoryFacts {
  const articles = story.articles.map((a) => ({ id: a.id, source: a.source, sentences: unpackSentences(a.text), ...(a.excerpt ? { excerpt: a.excerpt } : {}), ...(a.language ? { language: a.language } : {}) }));
  return withLatestValues(storyFacts(story.id, articles, threshold, story.copyGroups, story.partialCopies, story.versionCopies), story.articles, story.versionCopies);
}

/** A story whose text is wanted rather than its facts (see render/story-text.ts). */
export interface TextStory extends FactsStory {
  readonly form: StoryForm;
  /** The story's entry in the report's outline (facts empty). */
  readonly outline: Story;
  /** The report entries of its articles, in story order (for an NDJSON line; empty for JSON). */
  readonly reportArticles: readonly ReportArticle[];
}

/** A story's text, and its sources' fact counts (see report/sources.ts; none when its facts are not worked out). */
export interface StoryText {
  readonly bytes: Uint8Array;
  readonly counts: readonly SourceFactCounts[];
}

/** The text of a story with its facts, in UTF-8, and its sources' fact counts, worked out on any thread. */
export function packedStoryText(story: TextStory, threshold: number): StoryText {
  if (!factsShown(story.form, story.outline)) return { bytes: storyBytes(story.form, story.outline, story.reportArticles), counts: [] };
  const shown = withFacts(story.outline, packedStoryFacts(story, threshold));
  const sourceOf = new Map(story.articles.map((a) => [a.id, a.source]));
  const partial = new Set(story.articles.filter((a) => a.excerpt || a.sentenceCount > MAX_FACT_SENTENCES).map((a) => a.id));
  return { bytes: storyBytes(story.form, shown, story.reportArticles), counts: storySourceFacts(shown, sourceOf, partial) };
}

const WORKER = new URL('./story-facts-worker.js', import.meta.url);

/** Sentences per chunk: small enough to balance the threads at the end, big enough to make messages rare. */
const CHUNK_SENTENCES = 1000;
/**
 * What a batch needs a thread to keep it busy. There used to be a second rule, 150 stories a thread: on big
 * feeds the first batches hold the biggest stories (report order), a hundred or so of them a batch, so those
 * batches, the costliest of the run, ran on this thread alone while the workers waited (300,000 articles: 8 s
 * at the start of the facts stage). A thread now needs only sentences, and a chunk of its own.
 */
const MIN_SENTENCES_PER_THREAD = 10_000;

const sentencesOf = (s: FactsStory): number => s.articles.reduce((n, a) => n + a.sentenceCount, 0);

/**
 * Facts workers from 150,000 sentences in the whole run, then a thread per 10,000 (see threads.ts); the same
 * workers serve every batch of a run, so this is weighed once, on all of it. 5,000 articles (about 137,000
 * sentences) took 3.5 s on this thread and 3.7 s on two workers, 10,000 took 7.1 s and 5.5 s (2-core machine,
 * medians of three).
 */
// `each` never binds here: every batch is then split by factThreads, at the same 10,000 sentences a thread.
export const FACTS_SHARE: ThreadShare = { from: 150_000, each: MIN_SENTENCES_PER_THREAD };

/** Threads the facts of a run of `sentences` sentences in all are worth, within `budget` (then split by {@link factThreads}). */
export const factJobs = (sentences: number, budget: ThreadBudget): number => threadsFor(sentences, FACTS_SHARE, budget);

/**
 * How many threads the facts of `stories` (a batch) can keep busy, at most `budget.jobs` (see threads.ts): one per
 * 10,000 sentences (scaled), and never more than there are chunks to hand out (`chunks`, when the caller has
 * them already).
 */
export function factThreads(stories: readonly FactsStory[], budget: ThreadBudget, chunks = chunksOf(stories)): number {
  const { jobs, scale } = budget;
  const sentences = stories.reduce((n, s) => n + sentencesOf(s), 0);
  return Math.max(1, Math.min(jobs, chunks.length, Math.floor(sentences / (MIN_SENTENCES_PER_THREAD * scale))));
}

/** Consecutive story ranges [from, to) of about {@link CHUNK_SENTENCES} sentences each (one story may be more). */
// A story sent without its articles (its facts not wanted: see report/build.ts) counts as one sentence.
const chunksOf = (stories: readonly FactsStory[]): { from: number; to: number }[] => chunkRanges(stories.length, CHUNK_SENTENCES, (i) => Math.max(1, sentencesOf(stories[i] as FactsStory)));

/** Only the fields the facts stage reads, so a worker is not sent paths, headlines or dropped lines. */
const slim = (s: FactsStory): FactsStory => ({
  id: s.id,
  articles: s.articles.map((a) => ({ id: a.id, source: a.source, sentenceCount: a.sentenceCount, text: a.text, ...(a.excerpt ? { excerpt: a.excerpt } : {}), ...(a.language ? { language: a.language } : {}), ...(a.date ? { date: a.date } : {}) })),
  ...(s.copyGroups ? { copyGroups: s.copyGroups } : {}),
  ...(s.partialCopies ? { partialCopies: s.partialCopies } : {}),
  ...(s.versionCopies ? { versionCopies: s.versionCopies } : {}),
});
const slimText = (s: TextStory): TextStory => ({ ...slim(s), form: s.form, outline: s.outline, reportArticles: s.reportArticles });

/**
 * `storyFacts` of every story, in story order, on the threads `budget` allows (1 = this thread only).
 * `threshold` is the fact similarity threshold, in (0, 1].
 */
export async function storyFactsParallel(stories: readonly FactsStory[], threshold: number, budget: ThreadBudget, workers?: WorkerSet): Promise<StoryFacts[]> {
  const here = (s: FactsStory): StoryFacts => packedStoryFacts(s, threshold);
  const chunks = chunksOf(stories);
  const threads = factThreads(stories, budget, chunks);
  if (threads <= 1) return stories.map(here);

  return runChunks({
    items: stories,
    chunks,
    threads,
    worker: workers ?? WORKER,
    workerData: threshold,
    slim,
    here,
    name: 'facts',
  });
}

/**
 * {@link packedStoryText} of every story, in story order, on the threads `budget` allows. When worker threads are
 * worth it, they do all the work (facts and text) and this thread stays free to write out what came before.
 */
export async function storyTextsParallel(stories: readonly TextStory[], threshold: number, budget: ThreadBudget, workers?: WorkerSet): Promise<StoryText[]> {
  const here = (s: TextStory): StoryText => packedStoryText(s, threshold);
  const chunks = chunksOf(stories);
  const threads = factThreads(stories, budget, chunks);
  if (threads <= 1) return stories.map(here);
  return runChunks({ items: stories, chunks, threads, thisThread: false, worker: workers ?? WORKER, workerData: threshold, slim: slimText, here, name: 'facts' });
}

/**
 * Facts workers for `threshold`, to pass to every {@link storyFactsParallel} of a run that works out its facts
 * in batches, so that they start once (30–50 ms each, then compiling the facts code anew); close it at the end.
 */
export function factsWorkers(threshold: number): WorkerSet {
  return new WorkerSet(WORKER, threshold);
}

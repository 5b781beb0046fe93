/**
 * The facts stage on every core. Stories are cut into chunks of about {@link CHUNK_SENTENCES} sentences, kept
 * in story order. Worker threads (node:worker_threads) take chunks from the front of that queue, where the
 * big stories are, a few at a time as they finish; this thread takes them from the back, where the small
 * stories are, so it is never long away from handing out the next chunk. A story's facts depend only on its
 * own articles and the threshold, so the result is identical for every `jobs`.
 */
import { Worker } from 'node:worker_threads';
import { storyFacts, type FactsArticle, type StoryFacts } from '../facts/story-facts.js';

export interface FactsStory {
  readonly id: string;
  /** In story order. */
  readonly articles: readonly FactsArticle[];
}

/** What a worker is sent: consecutive stories, the first being story number `at`. */
export interface FactsChunk {
  readonly at: number;
  readonly stories: readonly FactsStory[];
}

/** What a worker answers: the facts of each story of the chunk, in order. */
export interface ChunkFacts {
  readonly at: number;
  readonly facts: readonly StoryFacts[];
}

/** Sentences per chunk: small enough to balance the threads at the end, big enough to make messages rare. */
const CHUNK_SENTENCES = 1000;
/** Below this much work per thread, starting a worker (30–50 ms) costs more than it saves. */
const MIN_STORIES_PER_THREAD = 150;
const MIN_SENTENCES_PER_THREAD = 10_000;
/** Chunks a worker holds at once, so it has the next one while this thread is busy with its own. */
const IN_FLIGHT = 2;

const sentencesOf = (s: FactsStory): number => s.articles.reduce((n, a) => n + a.sentences.length, 0);

/** How many threads (this one included) the facts of `stories` are worth, for `jobs` ≥ 1. */
export function factThreads(stories: readonly FactsStory[], jobs: number): number {
  const sentences = stories.reduce((n, s) => n + sentencesOf(s), 0);
  return Math.max(1, Math.min(jobs, Math.floor(stories.length / MIN_STORIES_PER_THREAD), Math.floor(sentences / MIN_SENTENCES_PER_THREAD)));
}

/** Consecutive story ranges [from, to) of about {@link CHUNK_SENTENCES} sentences each (one story may be more). */
function chunksOf(stories: readonly FactsStory[]): { from: number; to: number }[] {
  const chunks: { from: number; to: number }[] = [];
  let from = 0;
  let size = 0;
  stories.forEach((s, i) => {
    size += sentencesOf(s);
    if (size < CHUNK_SENTENCES) return;
    chunks.push({ from, to: i + 1 });
    from = i + 1;
    size = 0;
  });
  if (from < stories.length) chunks.push({ from, to: stories.length });
  return chunks;
}

/** Only the fields the facts stage reads, so a worker is not sent paths, headlines or dropped lines. */
const slim = (s: FactsStory): FactsStory => ({ id: s.id, articles: s.articles.map((a) => ({ id: a.id, source: a.source, sentences: a.sentences })) });

/**
 * `storyFacts` of every story, in story order, on up to `jobs` threads (an integer ≥ 1; 1 = this thread only).
 * `threshold` is the fact similarity threshold, in (0, 1].
 */
export async function storyFactsParallel(stories: readonly FactsStory[], threshold: number, jobs: number): Promise<StoryFacts[]> {
  const here = (s: FactsStory): StoryFacts => storyFacts(s.id, s.articles, threshold);
  const threads = factThreads(stories, jobs);
  if (threads <= 1) return stories.map(here);

  const chunks = chunksOf(stories);
  const out = new Array<StoryFacts>(stories.length);
  const put = (at: number, facts: readonly StoryFacts[]): void => facts.forEach((f, i) => (out[at + i] = f));
  let front = 0; // chunks[front, back) are not handed out yet
  let back = chunks.length;

  const feed = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let held = 0;
      const send = (): void => {
        for (; held < IN_FLIGHT && front < back; held++) {
          const { from, to } = chunks[front++] as { from: number; to: number };
          worker.postMessage({ at: from, stories: stories.slice(from, to).map(slim) } satisfies FactsChunk);
        }
        if (held === 0) resolve();
      };
      worker.on('message', (answer: ChunkFacts) => {
        put(answer.at, answer.facts);
        held--;
        send();
      });
      worker.once('error', reject);
      worker.once('messageerror', reject);
      worker.once('exit', (code) => reject(new Error(`facts worker stopped with exit code ${code}`)));
      send();
    });

  const onThisThread = async (): Promise<void> => {
    while (front < back) {
      const { from, to } = chunks[--back] as { from: number; to: number };
      put(from, stories.slice(from, to).map(here));
      await new Promise((next) => setImmediate(next)); // let the workers' answers in, and send them more
    }
  };

  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./story-facts-worker.js', import.meta.url), { workerData: threshold }));
  try {
    await Promise.all([...workers.map(feed), onThisThread()]);
  } finally {
    back = front; // after a failure, hand out nothing more
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/**
 * Cleaning and sentence splitting on up to `--jobs` cores, where the input is big enough (see {@link CLEAN_SHARE}). The articles are cut into chunks of {@link CHUNK} articles
 * (fewer when they are long), kept in order; worker threads (node:worker_threads) take chunks from the front, a few at a time as they
 * finish, and this thread takes them from the back. An article's text depends only on its paragraphs and the
 * recurring lines (found beforehand over all articles), so the result is identical for every `--jobs`.
 */
import { chunkRanges, runChunks } from './chunk-queue.js';
import { cleanPacked, kept, type PackedText } from '../clean/sentences.js';
import type { Packed, PackedStore } from '../util/spill.js';
import { threadsFor, type ThreadBudget, type ThreadShare } from './threads.js';

/** Articles per chunk: small enough to balance the threads at the end, big enough to make messages rare. */
const CHUNK = 250;
/** Packed bytes per chunk (a chunk ends with the article that reaches it): what a worker holds of a chunk is bounded too. */
const CHUNK_BYTES = 4 << 20;
/**
 * A worker from 5,000 articles, then a thread per 1,000 (see threads.ts): 5,000 articles took 0.9 s on this thread
 * alone and with a worker (even: it starts there), 10,000 took 1.7 s and 1.1 s (2-core machine, medians of three).
 */
export const CLEAN_SHARE: ThreadShare = { from: 5000, each: 1000 };

/**
 * `cleanPacked` of every article, in order, on the threads `budget` allows (see threads.ts; 1 = this thread only).
 * `recurring` holds the hashes of the lines that recur across articles (see recurringLines). Each text goes to
 * `store` as it comes in (see util/spill.ts).
 */
export async function cleanTextParallel(articles: readonly Packed[], recurring: ReadonlySet<number>, budget: ThreadBudget, store: PackedStore): Promise<PackedText<Packed>[]> {
  const keep = (cleaned: PackedText): PackedText<Packed> => kept(cleaned, store);
  const here = (paragraphs: Packed): PackedText<Packed> => keep(cleanPacked(paragraphs, recurring));
  const threads = threadsFor(articles.length, CLEAN_SHARE, budget);
  if (threads <= 1) return articles.map(here);

  const chunks = chunkRanges(articles.length, CHUNK_BYTES, (i) => (articles[i] as Packed).length, CHUNK);
  return runChunks<Packed, PackedText<Packed>, PackedText>({
    items: articles,
    chunks,
    threads,
    worker: new URL('./clean-worker.js', import.meta.url),
    workerData: Uint32Array.from(recurring),
    here,
    received: keep,
    name: 'clean',
  });
}

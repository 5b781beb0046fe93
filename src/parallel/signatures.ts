/**
 * MinHash signatures on every core: the articles are cut into `jobs` contiguous slices, each hashed by its own
 * worker thread (node:worker_threads), and the results put back in article order. A signature depends only on
 * its article's text and the hasher settings, so the result is identical for every `jobs`.
 */
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.js';
import { signature } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';

export interface SignatureJob {
  readonly permutations: number;
  readonly seed: number;
  readonly shingle: number;
  /** Per article: headline then sentences. */
  readonly texts: readonly (readonly string[])[];
}

/** Below this many articles per extra thread, starting a worker costs more than it saves. */
const MIN_PER_WORKER = 500;

const textsOf = (a: Article): string[] => [a.title, ...a.sentences.map((s) => s.text)];

function inWorker(job: SignatureJob): Promise<Uint32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./signature-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (out: Uint32Array) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`signature worker stopped with exit code ${code}`)));
  });
}

/**
 * Signatures of `articles` using up to `jobs` threads (an integer ≥ 1; 1 = this thread only). `onProgress`
 * is called with the number of articles done so far.
 */
export async function signaturesParallel(
  articles: readonly Article[],
  options: { readonly permutations: number; readonly seed: number; readonly shingle: number },
  jobs: number,
  onProgress?: (done: number) => void,
): Promise<Uint32Array[]> {
  const threads = Math.max(1, Math.min(jobs, Math.floor(articles.length / MIN_PER_WORKER)));
  if (threads <= 1) {
    const hasher = new MinHasher({ permutations: options.permutations, seed: options.seed });
    return articles.map((a, i) => {
      if (i % 1000 === 999) onProgress?.(i + 1);
      return signature(a, hasher, options.shingle);
    });
  }
  const size = Math.ceil(articles.length / threads);
  let done = 0;
  const slices = await Promise.all(
    Array.from({ length: threads }, async (_, k) => {
      const slice = articles.slice(k * size, (k + 1) * size);
      const out = await inWorker({ ...options, texts: slice.map(textsOf) });
      done += slice.length;
      onProgress?.(done);
      return out;
    }),
  );
  const result: Uint32Array[] = [];
  for (const out of slices) for (let i = 0; i < out.length; i += options.permutations) result.push(out.subarray(i, i + options.permutations));
  return result;
}

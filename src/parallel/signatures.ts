/**
 * MinHash signatures and TF-IDF term counts on every core: the articles are cut into `jobs` contiguous slices,
 * each read by its own worker thread (node:worker_threads), and the results put back in article order. A
 * signature depends only on its article's text and the settings. Term ids are numbered in the order terms first
 * appear in the corpus; a worker numbers them in the order they first appear in its slice, and this thread
 * renumbers the slices in order, which gives every term the id one thread would have given it. So the result
 * is identical for every `jobs`.
 */
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.js';
import { signature, type FingerprintOptions, type Precomputed } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';
import { SequentialTermCounter, Vocabulary, type TermCounts } from '../fingerprint/tfidf.js';

export interface SignatureJob extends Pick<FingerprintOptions, 'permutations' | 'seed' | 'shingle' | 'titleWeight' | 'nameWeight'> {
  /** Per article: headline then sentences. */
  readonly texts: readonly (readonly string[])[];
}

/**
 * A slice's term counts against the worker's own vocabulary: article `i`'s terms are `ids/sums[starts[i] ..
 * starts[i+1])`, in the order they first appear in it; `terms[id]` is the term of a worker id.
 */
export interface SliceCounts {
  readonly starts: Int32Array;
  readonly ids: Uint32Array;
  readonly sums: Float64Array;
  readonly terms: readonly string[];
}

/** A worker's answer: the slice's signatures end to end, and its term counts. */
export interface SliceAnswer {
  readonly signatures: Uint32Array;
  readonly counts: SliceCounts;
}

/** Below this many articles per extra thread, starting a worker costs more than it saves. */
const MIN_PER_WORKER = 500;

const textsOf = (a: Article): string[] => [a.title, ...a.sentences.map((s) => s.text)];

function inWorker(job: SignatureJob): Promise<SliceAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./signature-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (out: SliceAnswer) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`signature worker stopped with exit code ${code}`)));
  });
}

/** The slices' term counts renumbered against one vocabulary, slice after slice (see the top of this file). */
function renumber(slices: readonly SliceCounts[]): { counts: TermCounts[]; vocabularySize: number } {
  const vocab = new Vocabulary();
  const counter = new SequentialTermCounter();
  const counts: TermCounts[] = [];
  for (const slice of slices) {
    const global = new Int32Array(slice.terms.length).fill(-1);
    for (let i = 0; i + 1 < slice.starts.length; i++) {
      for (let j = slice.starts[i] as number; j < (slice.starts[i + 1] as number); j++) {
        const local = slice.ids[j] as number;
        let id = global[local] as number;
        if (id < 0) global[local] = id = vocab.id(slice.terms[local] as string);
        counter.add(id, slice.sums[j] as number);
      }
      counts.push(counter.finish());
    }
  }
  return { counts, vocabularySize: vocab.size };
}

/**
 * Signatures of `articles`, and on worker threads their term counts too, using up to `jobs` threads (an
 * integer ≥ 1; 1 = this thread only, where `fingerprint` counts the terms). `onProgress` is called with the
 * number of articles done so far.
 */
export async function signaturesParallel(
  articles: readonly Article[],
  options: Omit<SignatureJob, 'texts'>,
  jobs: number,
  onProgress?: (done: number) => void,
): Promise<Precomputed> {
  const threads = Math.max(1, Math.min(jobs, Math.floor(articles.length / MIN_PER_WORKER)));
  if (threads <= 1) {
    const hasher = new MinHasher({ permutations: options.permutations, seed: options.seed });
    return {
      signatures: articles.map((a, i) => {
        if (i % 1000 === 999) onProgress?.(i + 1);
        return signature(a, hasher, options.shingle);
      }),
    };
  }
  const size = Math.ceil(articles.length / threads);
  let done = 0;
  const { permutations, seed, shingle, titleWeight, nameWeight } = options;
  const slices = await Promise.all(
    Array.from({ length: threads }, async (_, k) => {
      const slice = articles.slice(k * size, (k + 1) * size);
      const out = await inWorker({ permutations, seed, shingle, titleWeight, nameWeight, texts: slice.map(textsOf) });
      done += slice.length;
      onProgress?.(done);
      return out;
    }),
  );
  const signatures: Uint32Array[] = [];
  for (const { signatures: out } of slices) for (let i = 0; i < out.length; i += permutations) signatures.push(out.subarray(i, i + permutations));
  return { signatures, ...renumber(slices.map((s) => s.counts)) };
}

/**
 * MinHash signatures and TF-IDF term counts on up to `--jobs` cores: the articles are cut into contiguous slices (as
 * many as threads pay for: see {@link FINGERPRINT_SHARE}),
 * each read by its own worker thread (node:worker_threads), and the results put back in article order. A
 * signature depends only on its article's text and the settings. Term ids are numbered in the order terms first
 * appear in the corpus; a worker numbers them in the order they first appear in its slice, and this thread
 * renumbers the slices in order, which gives every term the id one thread would have given it. So the result
 * is identical for every `--jobs`.
 */
import type { StoredArticle } from '../types.js';
import { latestYear, signatureAndTermCounts, type FingerprintOptions, type Precomputed } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';
import { SKETCH_SIZE, type Sketch } from '../fingerprint/sketch.js';
import { SequentialTermCounter, Vocabulary } from '../fingerprint/tfidf.js';
import { CountRows, type CountTable } from '../fingerprint/vector-table.js';
import { grown } from '../util/typed.js';
import { unpackSentences } from '../clean/packed.js';
import { articleCountry } from '../text/countries.js';
import { startWorker, threadsFor, type ThreadBudget, type ThreadShare } from './threads.js';

/** What a slice's fingerprints are made of, per article: the headline, the date, the packed sentences, the language. */
export type SliceArticle = Pick<StoredArticle, 'title' | 'date' | 'text' | 'dropped' | 'language'>;

export interface SignatureJob extends Pick<FingerprintOptions, 'permutations' | 'seed' | 'shingle' | 'titleWeight' | 'nameWeight'> {
  readonly articles: readonly SliceArticle[];
  /**
   * `--country-penalty`: the articles' countries are read (text/countries.ts, about 35 µs an article) only when it
   * is set below 1; else each is 0 (none), which the penalty of 1 makes no use of.
   */
  readonly countryPenalty?: number;
}

/**
 * A slice's term counts against the worker's own vocabulary: article `i`'s terms are `ids/sums[starts[i] ..
 * starts[i+1])`, in the order they first appear in it (the arrays may be longer than the last start: room to
 * spare); `terms[id]` is the term of a worker id. The sums are
 * rounded to float32 here, as the count table holds them: each term of an article is added to its count once
 * when renumbered, so rounding before or after gives the same count, and a third less memory on the way.
 */
export interface SliceCounts {
  readonly starts: Int32Array<ArrayBuffer>;
  readonly ids: Uint32Array<ArrayBuffer>;
  readonly sums: Float32Array<ArrayBuffer>;
  readonly terms: readonly string[];
}

/**
 * A slice's fingerprint pieces: its signatures end to end, its containment sketches (SKETCH_SIZE slots an
 * article, the first min(SKETCH_SIZE, size) used) with each article's count of distinct shingles, its term counts,
 * each article's latest year (NaN: none) and country id (0: none).
 */
export interface SliceAnswer {
  readonly signatures: Uint32Array<ArrayBuffer>;
  readonly sketches: Uint32Array<ArrayBuffer>;
  readonly sketchSizes: Uint32Array<ArrayBuffer>;
  readonly counts: SliceCounts;
  readonly years: Float64Array<ArrayBuffer>;
  readonly countries: Uint32Array<ArrayBuffer>;
}

/**
 * Workers from 5,000 articles, then one per 500 (see threads.ts): 5,000 articles took 1.7 s on this thread and
 * 1.8 s on two workers (about even: it starts there), 10,000 took 3.3 s and 2.2 s (2-core machine, medians of
 * three).
 */
export const FINGERPRINT_SHARE: ThreadShare = { from: 5000, each: 500 };

/**
 * The fingerprint pieces of a slice of articles, against a vocabulary of the slice's own (what a worker
 * answers; on one thread, the whole corpus is one slice). `onProgress`: articles done so far, now and then.
 */
export function fingerprintSlice(job: SignatureJob, onProgress?: (done: number) => void): SliceAnswer {
  const hasher = new MinHasher({ permutations: job.permutations, seed: job.seed });
  const signatures = new Uint32Array(job.articles.length * job.permutations);
  const sketches = new Uint32Array(job.articles.length * SKETCH_SIZE);
  const sketchSizes = new Uint32Array(job.articles.length);
  const years = new Float64Array(job.articles.length);
  const countries = new Uint32Array(job.articles.length);
  const readCountries = job.countryPenalty !== undefined && job.countryPenalty !== 1;
  const vocab = new Vocabulary();
  const starts = new Int32Array(job.articles.length + 1);
  // Grown as counts come, and sent with their spare room (`starts` says how much is used): no array per article
  // and no copy at the end.
  let ids = new Uint32Array(1 << 16);
  let sums = new Float32Array(1 << 16);
  job.articles.forEach((a, i) => {
    const sentences = unpackSentences(a.text);
    const texts = [a.title, ...sentences.map((s) => s.text)];
    const c = signatureAndTermCounts(texts, hasher, job.shingle, vocab, job, a.language);
    signatures.set(c.signature, i * job.permutations);
    sketches.set(c.sketch.hashes, i * SKETCH_SIZE);
    sketchSizes[i] = c.sketch.size;
    years[i] = latestYear({ title: a.title, ...(a.date ? { date: a.date } : {}), sentences, dropped: a.dropped }) ?? Number.NaN;
    if (readCountries) countries[i] = articleCountry({ title: a.title, sentences, dropped: a.dropped });
    const at = starts[i] as number;
    const end = at + c.ids.length;
    while (end > ids.length) {
      ids = grown(ids);
      sums = grown(sums);
    }
    ids.set(c.ids, at);
    sums.set(c.sums, at);
    starts[i + 1] = end;
    if (i % 1000 === 999) onProgress?.(i + 1);
  });
  return { signatures, sketches, sketchSizes, counts: { starts, ids, sums, terms: vocab.terms() }, years, countries };
}

function inWorker(job: SignatureJob): Promise<SliceAnswer> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./signature-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (out: SliceAnswer) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`signature worker stopped with exit code ${code}`)));
  });
}

/**
 * The slices' term counts renumbered against one vocabulary, slice after slice (see the top of this file).
 * Takes the slices out of `slices` as it goes, so each is garbage once renumbered.
 */
function renumber(slices: SliceCounts[]): { counts: CountTable; vocabularySize: number } {
  const vocab = new Vocabulary();
  const counter = new SequentialTermCounter();
  const counts = new CountRows(
    slices.reduce((n, s) => n + s.starts.length - 1, 0),
    slices.reduce((n, s) => n + (s.starts[s.starts.length - 1] as number), 0),
  );
  for (let slice = slices.shift(); slice; slice = slices.shift()) {
    const global = new Int32Array(slice.terms.length).fill(-1);
    for (let i = 0; i + 1 < slice.starts.length; i++) {
      for (let j = slice.starts[i] as number; j < (slice.starts[i + 1] as number); j++) {
        const local = slice.ids[j] as number;
        let id = global[local] as number;
        if (id < 0) global[local] = id = vocab.id(slice.terms[local] as string);
        counter.add(id, slice.sums[j] as number);
      }
      counts.add(counter.finish());
    }
  }
  return { counts: counts.finish(), vocabularySize: vocab.size };
}

/**
 * The signatures, term counts, latest years and countries of `articles`, on the threads `budget` allows (see threads.ts;
 * 1 = this thread only). `onProgress` is called with the number of articles done so far.
 */
export async function signaturesParallel(
  articles: readonly SliceArticle[],
  options: Omit<SignatureJob, 'articles'>,
  budget: ThreadBudget,
  onProgress?: (done: number) => void,
): Promise<Precomputed> {
  const threads = threadsFor(articles.length, FINGERPRINT_SHARE, budget);
  const { permutations, seed, shingle, titleWeight, nameWeight, countryPenalty } = options;
  const job = (slice: readonly SliceArticle[]): SignatureJob => ({ permutations, seed, shingle, titleWeight, nameWeight, ...(countryPenalty === undefined ? {} : { countryPenalty }), articles: slice.map(({ title, date, text, dropped, language }) => ({ title, ...(date ? { date } : {}), text, dropped, ...(language ? { language } : {}) })) });
  const size = Math.ceil(articles.length / threads);
  let done = 0;
  const slices =
    threads <= 1
      ? [fingerprintSlice(job(articles), onProgress)]
      : await Promise.all(
          Array.from({ length: threads }, async (_, k) => {
            const out = await inWorker(job(articles.slice(k * size, (k + 1) * size)));
            done += out.years.length;
            onProgress?.(done);
            return out;
          }),
        );
  const signatures: Uint32Array[] = [];
  for (const { signatures: out } of slices) for (let i = 0; i < out.length; i += permutations) signatures.push(out.subarray(i, i + permutations));
  const sketches: Sketch[] = [];
  for (const s of slices) {
    s.sketchSizes.forEach((size, i) => sketches.push({ hashes: s.sketches.subarray(i * SKETCH_SIZE, i * SKETCH_SIZE + Math.min(size, SKETCH_SIZE)), size }));
  }
  const years = slices.flatMap((s) => Array.from(s.years, (y) => (Number.isNaN(y) ? undefined : y)));
  const countries = new Uint32Array(years.length);
  let at = 0;
  for (const s of slices) {
    countries.set(s.countries, at);
    at += s.countries.length;
  }
  const counts = slices.map((s) => s.counts);
  slices.length = 0; // so that renumber can let each slice's counts go when it is done with them
  return { signatures, sketches, years, countries, ...renumber(counts) };
}

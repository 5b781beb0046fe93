/**
 * Worker thread: MinHash signatures and term counts for a slice of articles. Receives the texts (headline then
 * sentences) of each article and the settings; answers with all signatures in one transferred Uint32Array and
 * the term counts against a vocabulary of its own ({@link SliceCounts}), renumbered by the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { signatureOfTexts, termCountsInOrder } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';
import { Vocabulary } from '../fingerprint/tfidf.js';
import type { SignatureJob, SliceCounts, SliceAnswer } from './signatures.js';

const job = workerData as SignatureJob;
const hasher = new MinHasher({ permutations: job.permutations, seed: job.seed });
const signatures = new Uint32Array(job.texts.length * job.permutations);
const vocab = new Vocabulary();
const starts = new Int32Array(job.texts.length + 1);
const ids: Uint32Array[] = [];
const sums: Float64Array[] = [];
job.texts.forEach((texts, i) => {
  signatures.set(signatureOfTexts(texts, hasher, job.shingle), i * job.permutations);
  const c = termCountsInOrder(texts, vocab, job);
  ids.push(c.ids);
  sums.push(c.sums);
  starts[i + 1] = (starts[i] as number) + c.ids.length;
});
const total = starts[job.texts.length] as number;
const allIds = new Uint32Array(total);
const allSums = new Float64Array(total);
ids.forEach((x, i) => allIds.set(x, starts[i] as number));
sums.forEach((x, i) => allSums.set(x, starts[i] as number));
const counts: SliceCounts = { starts, ids: allIds, sums: allSums, terms: vocab.terms() };
parentPort?.postMessage({ signatures, counts } satisfies SliceAnswer, [signatures.buffer, starts.buffer, allIds.buffer, allSums.buffer]);

/**
 * Worker thread: MinHash signatures for a slice of articles. Receives the texts (headline then sentences) of
 * each article and the hasher settings; answers with all signatures in one transferred Uint32Array.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { signatureOfTexts } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';
import type { SignatureJob } from './signatures.js';

const job = workerData as SignatureJob;
const hasher = new MinHasher({ permutations: job.permutations, seed: job.seed });
const out = new Uint32Array(job.texts.length * job.permutations);
job.texts.forEach((texts, i) => out.set(signatureOfTexts(texts, hasher, job.shingle), i * job.permutations));
parentPort?.postMessage(out, [out.buffer]);

/**
 * Worker thread: the fingerprint pieces of a slice of articles (see parallel/signatures.ts), answered with its
 * typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintSlice, type SignatureJob } from './signatures.js';

const out = fingerprintSlice(workerData as SignatureJob);
const { starts, ids, sums } = out.counts;
parentPort?.postMessage(out, [out.signatures.buffer, out.sketches.buffer, out.sketchSizes.buffer, out.years.buffer, starts.buffer, ids.buffer, sums.buffer]);

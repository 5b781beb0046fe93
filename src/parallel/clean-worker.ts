/**
 * Worker thread: cleaning and sentence splitting of chunks of articles (see parallel/clean.ts). Started with
 * the hashes of the recurring lines.
 */
import { workerData } from 'node:worker_threads';
import { cleanPacked } from '../clean/sentences.js';
import { serveChunks } from './chunk-queue.js';
import type { Packed } from '../util/spill.js';

const recurring = new Set(workerData as Uint32Array);
serveChunks((paragraphs: Packed) => cleanPacked(paragraphs, recurring));

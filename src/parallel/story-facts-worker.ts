/**
 * Worker thread: the facts of chunks of stories (see parallel/story-facts.ts). Started with the fact threshold.
 */
import { workerData } from 'node:worker_threads';
import { packedStoryFacts, type FactsStory } from './story-facts.js';
import { serveChunks } from './chunk-queue.js';

const threshold = workerData as number;
serveChunks((s: FactsStory) => packedStoryFacts(s, threshold));

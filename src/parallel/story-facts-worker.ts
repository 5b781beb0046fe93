/**
 * Worker thread: the facts of chunks of stories. Started with the fact threshold; answers each chunk it is
 * sent with the facts of its stories, in order, until it is terminated.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { storyFacts } from '../facts/story-facts.js';
import type { ChunkFacts, FactsChunk } from './story-facts.js';

const threshold = workerData as number;
parentPort?.on('message', (chunk: FactsChunk) => {
  const answer: ChunkFacts = { at: chunk.at, facts: chunk.stories.map((s) => storyFacts(s.id, s.articles, threshold)) };
  parentPort?.postMessage(answer);
});

/**
 * Worker thread: the facts of chunks of stories, or their text (see parallel/story-facts.ts). Started with the fact threshold.
 */
import { workerData } from 'node:worker_threads';
import { packedStoryFacts, packedStoryText, type FactsStory, type TextStory } from './story-facts.js';
import { serveChunks } from './chunk-queue.js';

const threshold = workerData as number;
// A story's text (UTF-8 bytes of its own) is handed over, not copied.
serveChunks(
  (s: FactsStory | TextStory) => ('form' in s ? packedStoryText(s, threshold) : packedStoryFacts(s, threshold)),
  (result) => ('bytes' in result ? [result.bytes.buffer] : []),
);

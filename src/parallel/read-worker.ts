/**
 * Worker thread: reading, parsing and preparing chunks of files, or of lines of JSON Lines (standard input, large
 * feed files; see parallel/read.ts). Started with the size limit.
 */
import { workerData } from 'node:worker_threads';
import { readFile, readLine, type ReadItem } from './read.js';
import { serveChunks } from './chunk-queue.js';

const maxBytes = workerData as number;
// The packed text and line hashes are handed over, not copied (they are each article's own buffers).
serveChunks(
  (item: ReadItem) => ('line' in item ? readLine(item) : readFile(item, maxBytes)),
  (answer) => (answer.ok ? answer.articles.flatMap((a) => [a.paragraphs.buffer, a.lines.buffer]) : []),
);

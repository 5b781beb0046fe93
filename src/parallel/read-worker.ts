/** Worker thread: reading, parsing and preparing chunks of files (see parallel/read.ts). Started with the size limit. */
import { workerData } from 'node:worker_threads';
import { readFile, type FileToRead } from './read.js';
import { serveChunks } from './chunk-queue.js';

const maxBytes = workerData as number;
// The packed text and line hashes are handed over, not copied (they are each article's own buffers).
serveChunks(
  (file: FileToRead) => readFile(file, maxBytes),
  (answer) => (answer.ok ? answer.articles.flatMap((a) => [a.paragraphs.buffer, a.lines.buffer]) : []),
);

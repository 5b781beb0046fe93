/** Worker thread: reading, parsing and preparing chunks of files (see parallel/read.ts). Started with the size limit. */
import { workerData } from 'node:worker_threads';
import { readFile, type FileToRead } from './read.js';
import { serveChunks } from './chunk-queue.js';

const maxBytes = workerData as number;
serveChunks((file: FileToRead) => readFile(file, maxBytes));

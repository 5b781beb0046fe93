// Worker thread for test/chunk-queue.test.ts: answers every item with the id of the thread that took it.
import { threadId } from 'node:worker_threads';

const { serveChunks } = await import(new URL('../dist/parallel/chunk-queue.js', import.meta.url).href);
serveChunks(() => threadId);

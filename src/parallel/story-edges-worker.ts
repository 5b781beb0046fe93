/**
 * Worker thread of parallel/story-edges.ts: holds the shared scan (workerData) and answers each row range
 * with its edges, transferring the typed arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EdgeList } from '../cluster/edge-list.js';
import { scanRows, type StoryScan } from '../cluster/story-scan.js';
import type { EdgeRange, EdgeReply } from './story-edges.js';

const scan = workerData as StoryScan;
parentPort?.on('message', (range: EdgeRange) => {
  const list = new EdgeList();
  scanRows(scan, range.from, range.to, list);
  const reply: EdgeReply = { id: range.id, a: list.a, b: list.b, sim: list.sim, count: list.count };
  parentPort?.postMessage(reply, [list.a.buffer, list.b.buffer, list.sim.buffer]);
});

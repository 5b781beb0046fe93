/**
 * Worker thread of parallel/story-edges.ts: holds the shared scan (workerData) and answers each row range
 * with its edges, transferring the typed arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EdgeList } from '../cluster/edge-list.js';
import { scanRows } from '../cluster/story-scan.js';
import { TopK } from '../cluster/top-k.js';
import type { EdgeRange, EdgeReply, EdgeWork } from './story-edges.js';

const { scan, keep } = workerData as EdgeWork;
// One per thread, kept across ranges: the strongest edges seen so far by this thread.
const strongest = new TopK(scan.start.length - 1, keep);
// The floors only rise, so an edge of the range below them at both of its ends now would be dropped by
// strongestEdges anyway (see scanRows): it is not sent, and neither is the list's spare capacity.
const wanted = (a: number, b: number, sim: number): boolean => sim >= strongest.floor(a) || sim >= strongest.floor(b);
// Kept across ranges too, emptied for each: a new list a range, grown by doubling to tens of megabytes, left the
// allocator's free memory scattered, which it kept from the system (about 100 MB more peak RSS at 100,000 articles).
const scanned = new EdgeList();
parentPort?.on('message', (range: EdgeRange) => {
  scanned.clear();
  scanRows(scan, range.from, range.to, scanned, strongest);
  const list = EdgeList.kept([scanned], wanted);
  const reply: EdgeReply = { id: range.id, a: list.a, b: list.b, sim: list.sim, count: list.count };
  parentPort?.postMessage(reply, [list.a.buffer, list.b.buffer, list.sim.buffer]);
});

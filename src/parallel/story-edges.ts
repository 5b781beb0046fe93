/**
 * The story-similarity scan (src/cluster/story-scan.ts) on worker threads: the vectors and the top-term index
 * go to every worker once, on shared memory; the rows are cut into ranges that workers take one at a time as
 * they finish the last; each range's edges come back in transferred typed arrays and are put back in row
 * order; the strongest of them are kept (see {@link storyEdgesParallel}).
 */
import { rowCount, type VectorTable } from '../fingerprint/vector-table.js';
import { EdgeList } from '../cluster/edge-list.js';
import { strongestEdges } from '../cluster/strongest-edges.js';
import { scanRows, storyScan, type StoryScan, type TimeOptions } from '../cluster/story-scan.js';
import { TopK } from '../cluster/top-k.js';
import { startWorker, threadsFor, type ThreadBudget, type ThreadShare } from './threads.js';

/**
 * Workers from 10,000 articles, then one per 1,000 (see threads.ts): the scan of 10,000 articles took 1.3 s on this
 * thread and on two workers alike, of 20,000 4.5 s and 3.0–3.7 s (2-core machine).
 */
export const SCAN_SHARE: ThreadShare = { from: 10_000, each: 1000 };

/** Ranges per thread: enough that a thread finishing early takes more, few enough to keep messages rare. */
const RANGES_PER_THREAD = 16;

export interface EdgeRange {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

/** What every worker gets once: the scan on shared memory, and the `k` of the strongest edges kept per node. */
export interface EdgeWork {
  readonly scan: StoryScan;
  readonly keep: number;
}

/** A worker's answer for one range: its edges in typed arrays of exactly `count` (transferred). */
export interface EdgeReply {
  readonly id: number;
  readonly a: Int32Array<ArrayBuffer>;
  readonly b: Int32Array<ArrayBuffer>;
  readonly sim: Float64Array<ArrayBuffer>;
  readonly count: number;
}

/**
 * `parts` ranges of rows of roughly equal work. Row `a` is compared with candidates `b > a` only, so early rows
 * cost more: with work about proportional to n − a, equal shares of the triangle start at n(1 − √(1 − k/parts)).
 */
export function rowRanges(n: number, parts: number): EdgeRange[] {
  const bounds = [0];
  for (let k = 1; k < parts; k++) bounds.push(Math.round(n * (1 - Math.sqrt(1 - k / parts))));
  bounds.push(n);
  const ranges: EdgeRange[] = [];
  for (let k = 0; k < parts; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    if (to > from) ranges.push({ id: ranges.length, from, to });
  }
  return ranges;
}

/**
 * Ranges a worker holds at a time: the one it scans and the next, waiting in its message queue, so that it goes on
 * while this thread is busy elsewhere (it looks for near-duplicates meanwhile, in turns, but some steps take longer).
 */
const AHEAD = 2;

/**
 * Scan all rows on `threads` workers; the ranges' edge lists in row order. Resolves once every worker has exited,
 * so that no listener still holds the lists (or the scan) while the caller goes on. Rejects if any worker fails
 * or stops unasked, or when `stop` is aborted (its reason), terminating the workers.
 */
function scanOnWorkers(work: EdgeWork, threads: number, n: number, stop?: AbortSignal): Promise<EdgeList[]> {
  const ranges = rowRanges(n, threads * RANGES_PER_THREAD);
  const results = new Array<EdgeList>(ranges.length);
  let next = 0;
  return new Promise((resolve, reject) => {
    let running = threads;
    let settled = false;
    const workers = Array.from({ length: threads }, () => startWorker(new URL('./story-edges-worker.js', import.meta.url), { workerData: work }));
    const stopAll = (err: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    if (stop?.aborted) stopAll(stop.reason);
    stop?.addEventListener('abort', () => stopAll(stop.reason), { once: true });
    for (const worker of workers) {
      let done = false;
      let held = 0;
      const give = (): void => {
        const range = next < ranges.length ? ranges[next++] : undefined;
        if (range) {
          held++;
          worker.postMessage(range);
        } else if (held === 0 && !done) {
          done = true;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: EdgeReply) => {
        results[reply.id] = EdgeList.of(reply);
        held--;
        give();
      });
      worker.once('error', stopAll);
      worker.once('messageerror', stopAll);
      // A worker that stops before it is told to would otherwise leave the run waiting forever.
      worker.once('exit', (code) => {
        if (!done) stopAll(new Error(`story-scan worker stopped with exit code ${code}`));
        else if (--running === 0 && !settled) {
          settled = true;
          resolve(results);
        }
      });
      for (let k = 0; k < AHEAD; k++) give();
    }
  });
}

/**
 * The story edges that `strongestEdges` keeps (each article's `keep` strongest, an edge staying when either end
 * keeps it), in row order, scanned on the threads `budget` allows (see threads.ts; 1 = this thread only). While
 * scanning, each thread leaves out edges already known to be below the `keep` strongest of both their ends (see
 * `scanRows`); which those are depends on how rows fall to threads, but the kept edges do not, so the result is
 * identical for every budget. `stop`: aborting it ends a scan on workers at once, rejecting with its reason (a scan
 * on this thread alone is over before the caller gets the promise). `representatives`: see story-scan.ts.
 */
export async function storyEdgesParallel(
  vectors: VectorTable,
  years: readonly (number | undefined)[],
  days: readonly (number | undefined)[],
  countries: Uint32Array,
  options: TimeOptions,
  budget: ThreadBudget,
  keep: number,
  stop?: AbortSignal,
  representatives?: Int32Array,
): Promise<EdgeList> {
  const n = rowCount(vectors);
  const threads = threadsFor(n, SCAN_SHARE, budget);
  const scan = storyScan(vectors, years, days, countries, options, threads > 1, representatives);
  let lists: EdgeList[];
  if (threads === 1) {
    const list = new EdgeList();
    scanRows(scan, 0, n, list, new TopK(n, keep));
    lists = [list];
  } else lists = await scanOnWorkers({ scan, keep }, threads, n, stop);
  return strongestEdges(n, keep, lists);
}

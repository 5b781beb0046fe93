/**
 * How many threads a stage is worth. Worker threads are not free: each starts a V8 isolate (30–50 ms), loads the
 * stage's code and compiles its hot functions anew, and on a machine with few cores V8's own background threads
 * (compiling, collecting garbage) then compete with the workers for the cores. Measured on the 2-core machine
 * (docs/performance.md, ninth session), two threads only beat one from about 5,000–10,000 articles, depending on
 * the stage; below that, `--jobs 2` made a whole run up to 40% slower than `--jobs 1`.
 *
 * So a stage starts worker threads only from `from` units of work (about where two threads overtook one there),
 * and then takes one thread per `each` units (at least 2, at most `jobs`): the shares used before, which weigh only
 * a worker's start (on a machine with more cores than workers, the background threads have cores of their own).
 * How many threads beat how many on such a machine was not measured.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** When a stage's work is worth worker threads. */
export interface ThreadShare {
  /** Work from which worker threads pay at all (two threads, where `jobs` allows). */
  readonly from: number;
  /** Work per thread once past `from`: the stage takes ⌊work / each⌋ threads, at least 2 and at most `jobs`. */
  readonly each: number;
}

/**
 * The threads a stage may use, built and checked once by {@link threadBudget} and handed down to every stage
 * instead of loose numbers (a swapped `jobs` and `scale` would still type-check).
 */
declare const checked: unique symbol;

export interface ThreadBudget {
  /** Only {@link threadBudget} makes one, so every budget has been checked (an object literal does not type-check). */
  readonly [checked]: true;
  /** The most threads a stage may use, this one included (an integer ≥ 1; 1 = this thread only): `--jobs`. */
  readonly jobs: number;
  /**
   * Factor on every stage's {@link ThreadShare} (a finite number above 0; 1 as measured): `DEDUPE_WORKER_SCALE`,
   * see cli/options.ts. The tests make it small to run the worker paths on small inputs.
   */
  readonly scale: number;
}

/**
 * A {@link ThreadBudget} of up to `jobs` threads with the shares scaled by `scale`. Throws a RangeError unless
 * `jobs` is an integer ≥ 1 and `scale` a finite number above 0 (the CLI checks both before it gets here).
 */
export function threadBudget(jobs: number, scale = 1): ThreadBudget {
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new RangeError(`the number of jobs must be an integer ≥ 1, got ${jobs}`);
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`the worker scale must be a finite number above 0, got ${scale}`);
  return { jobs, scale } as ThreadBudget;
}

/**
 * Threads for `work` units of a stage with `share`: 1 below `share.from`, else one per `share.each` units, from 2 up
 * to `budget.jobs`. `budget.scale` multiplies both `from` and `each`.
 */
export function threadsFor(work: number, share: ThreadShare, budget: ThreadBudget): number {
  const { jobs, scale } = budget;
  if (jobs < 2 || work < Math.max(2, share.from * scale)) return 1;
  // Never more threads than units of work (a tiny scale would otherwise start workers with nothing to do).
  return Math.min(jobs, Math.floor(work), Math.max(2, Math.floor(work / (share.each * scale))));
}

let started = 0;

/** A worker thread running `script`, counted (see {@link workersStarted}). */
export function startWorker(script: URL, options: WorkerOptions): Worker {
  started++;
  return new Worker(script, options);
}

/**
 * How many worker threads this process has started: how the tests know that a stage did use workers, and what
 * `--timings` counts per stage (two runs at once in one process would count each other's).
 */
export const workersStarted = (): number => started;

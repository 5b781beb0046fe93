/**
 * How many threads a stage is worth. Worker threads are not free: each starts a V8 isolate (30–50 ms), loads
 * the stage's code and compiles its hot functions anew, and on a machine with few cores V8's own background
 * threads (compiling, collecting garbage) then compete with the workers. Measured on the 2-core machine
 * (docs/performance.md, ninth session), two threads only beat one from about 5,000–10,000 articles,
 * depending on the stage; below that, `--jobs 2` made a whole run up to 40% slower than `--jobs 1`. So each
 * stage starts another thread only for each `perThread` of its work.
 *
 * `DEDUPE_WORKER_SCALE` (a number > 0, default 1) multiplies every stage's `perThread`: the tests set it small
 * to run the worker paths on small inputs, and a machine with many idle cores may want workers sooner.
 */

/** The factor on every stage's work per thread, from `DEDUPE_WORKER_SCALE` (1 when unset or not a number > 0). */
export function workerScale(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.DEDUPE_WORKER_SCALE);
  return Number.isFinite(value) && value > 0 ? value : 1;
}

/** Threads for `work` units at `perThread` units a thread: from 1 to `jobs` (an integer ≥ 1). */
export function threadsFor(work: number, perThread: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(work / Math.max(1e-9, perThread * workerScale()))));
}

/**
 * The worker-thread tests' scale on every stage's shares (src/parallel/threads.ts): with it, inputs of a few hundred
 * articles get worker threads. Passed to the stage functions in a budget ({@link atTestScale}), or as
 * `DEDUPE_WORKER_SCALE` to a child process.
 */
import { threadBudget, type ThreadBudget } from '../src/parallel/threads.js';

export const SMALL = 0.01;

/** A budget of up to `jobs` threads with the shares at the tests' scale. */
export const atTestScale = (jobs: number): ThreadBudget => threadBudget(jobs, SMALL);

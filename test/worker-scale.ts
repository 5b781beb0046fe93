/**
 * The worker-thread tests' scale on every stage's shares (src/parallel/threads.ts): with it, inputs of a few hundred
 * articles get worker threads. Passed to the stage functions, or as `DEDUPE_WORKER_SCALE` to a child process.
 */
export const SMALL = 0.01;

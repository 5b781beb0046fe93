/**
 * For the tests of the worker-thread paths: every stage's work per thread (src/parallel/threads.ts) scaled
 * down by `DEDUPE_WORKER_SCALE`, so that inputs of a few hundred articles get worker threads, for the tests
 * of this file (restored after them). Child processes are given it in their environment (see {@link SMALL}).
 */
import { afterAll, beforeAll } from 'vitest';

/** The scale the tests use: a stage of 2,500 articles a thread needs 25 here. */
export const SMALL = '0.01';

export function withSmallWorkerMinimums(): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.DEDUPE_WORKER_SCALE;
    process.env.DEDUPE_WORKER_SCALE = SMALL;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.DEDUPE_WORKER_SCALE;
    else process.env.DEDUPE_WORKER_SCALE = before;
  });
}

/** How many threads a stage is worth (src/parallel/threads.ts). */
import { describe, expect, it } from 'vitest';
import { threadsFor, workerScale } from '../src/parallel/threads.js';

describe('workerScale', () => {
  it('reads DEDUPE_WORKER_SCALE, a number above 0, and is 1 otherwise', () => {
    expect(workerScale({})).toBe(1);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '0.01' })).toBe(0.01);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '4' })).toBe(4);
    for (const bad of ['', '0', '-1', 'many', 'Infinity', 'NaN']) expect(workerScale({ DEDUPE_WORKER_SCALE: bad })).toBe(1);
  });
});

describe('threadsFor', () => {
  it('gives one more thread for each full share of work, from 1 up to jobs', () => {
    const before = process.env.DEDUPE_WORKER_SCALE;
    delete process.env.DEDUPE_WORKER_SCALE;
    try {
      expect([0, 2499, 2500, 4999, 5000, 7500, 1e6].map((n) => threadsFor(n, 2500, 2))).toEqual([1, 1, 1, 1, 2, 2, 2]);
      expect(threadsFor(7500, 2500, 8)).toBe(3);
      expect(threadsFor(1e6, 2500, 1)).toBe(1);
      process.env.DEDUPE_WORKER_SCALE = '0.01';
      expect(threadsFor(50, 2500, 2)).toBe(2);
      expect(threadsFor(49, 2500, 2)).toBe(1);
    } finally {
      if (before === undefined) delete process.env.DEDUPE_WORKER_SCALE;
      else process.env.DEDUPE_WORKER_SCALE = before;
    }
  });
});

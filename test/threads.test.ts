/** How many threads a stage is worth (src/parallel/threads.ts), and DEDUPE_WORKER_SCALE (src/cli/options.ts). */
import { describe, expect, it } from 'vitest';
import { checkScale, threadsFor } from '../src/parallel/threads.js';
import { workerScale } from '../src/cli/options.js';
import { UsageError } from '../src/cli/io.js';

describe('threadsFor', () => {
  const share = { from: 5000, each: 1000 };

  it('gives one thread below `from`, then one per `each`, from 2 up to jobs', () => {
    expect([0, 4999, 5000, 5999, 6000, 9999, 1e6].map((n) => threadsFor(n, share, 8))).toEqual([1, 1, 5, 5, 6, 8, 8]);
    expect([4999, 5000, 1e6].map((n) => threadsFor(n, share, 2))).toEqual([1, 2, 2]);
    expect(threadsFor(1e6, share, 1)).toBe(1);
    // Past `from` there are two threads at least, whatever `each` says.
    expect(threadsFor(5000, { from: 5000, each: 4000 }, 8)).toBe(2);
  });

  it('scales `from` and `each` alike', () => {
    expect([49, 50, 60, 1e6].map((n) => threadsFor(n, share, 8, 0.01))).toEqual([1, 5, 6, 8]);
    expect(threadsFor(9999, share, 8, 2)).toBe(1);
    expect(threadsFor(12_000, share, 8, 2)).toBe(6);
    // Never more threads than units of work, and one for a single unit.
    expect([1, 2, 3, 10].map((n) => threadsFor(n, share, 64, 1e-6))).toEqual([1, 2, 3, 10]);
  });

  it('refuses a scale that is not a finite number above 0 (a library caller past the CLI check)', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => threadsFor(10, share, 2, bad)).toThrow(RangeError);
      expect(() => checkScale(bad)).toThrow(`the worker scale must be a finite number above 0, got ${bad}`);
    }
  });
});

describe('workerScale (DEDUPE_WORKER_SCALE)', () => {
  it('is 1 when unset or empty, else the decimal number given', () => {
    expect(workerScale({})).toBe(1);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '' })).toBe(1);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '0.01' })).toBe(0.01);
    expect(workerScale({ DEDUPE_WORKER_SCALE: ' 4 ' })).toBe(4);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '.5' })).toBe(0.5);
    expect(workerScale({ DEDUPE_WORKER_SCALE: '1e3' })).toBe(1000);
  });

  it('refuses anything else with a message naming the variable and the value', () => {
    for (const bad of ['0', '-1', '0,5', 'many', 'Infinity', '1e400', '0x10', 'NaN']) {
      expect(() => workerScale({ DEDUPE_WORKER_SCALE: bad })).toThrow(UsageError);
      expect(() => workerScale({ DEDUPE_WORKER_SCALE: bad })).toThrow(`DEDUPE_WORKER_SCALE must be a number above 0, such as 0.5; got "${bad}"`);
    }
  });
});

/**
 * The threads a run may use and how many a stage is worth (src/parallel/threads.ts), and DEDUPE_WORKER_SCALE and
 * `--jobs` made into the run's budget (src/cli/options.ts).
 */
import { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadBudget, threadsFor } from '../src/parallel/threads.js';
import { runOptions, withRunOptions, workerScale, type ParsedFlags } from '../src/cli/options.js';
import { UsageError } from '../src/cli/io.js';

describe('threadBudget', () => {
  it('gives back the jobs and scale it was given, the scale 1 unless given', () => {
    expect(threadBudget(1)).toStrictEqual({ jobs: 1, scale: 1 });
    expect(threadBudget(8, 0.01)).toStrictEqual({ jobs: 8, scale: 0.01 });
    expect(threadBudget(256, 1e3)).toStrictEqual({ jobs: 256, scale: 1000 });
  });

  it('refuses a number of jobs that is not an integer ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => threadBudget(bad)).toThrow(RangeError);
      expect(() => threadBudget(bad, 1)).toThrow(`the number of jobs must be an integer ≥ 1, got ${bad}`);
    }
  });

  it('refuses a scale that is not a finite number above 0 (a library caller past the CLI check)', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => threadBudget(2, bad)).toThrow(RangeError);
      expect(() => threadBudget(2, bad)).toThrow(`the worker scale must be a finite number above 0, got ${bad}`);
    }
  });
});

describe('threadsFor', () => {
  const share = { from: 5000, each: 1000 };

  it('gives one thread below `from`, then one per `each`, from 2 up to jobs', () => {
    expect([0, 4999, 5000, 5999, 6000, 9999, 1e6].map((n) => threadsFor(n, share, threadBudget(8)))).toEqual([1, 1, 5, 5, 6, 8, 8]);
    expect([4999, 5000, 1e6].map((n) => threadsFor(n, share, threadBudget(2)))).toEqual([1, 2, 2]);
    expect(threadsFor(1e6, share, threadBudget(1))).toBe(1);
    // Past `from` there are two threads at least, whatever `each` says.
    expect(threadsFor(5000, { from: 5000, each: 4000 }, threadBudget(8))).toBe(2);
  });

  it('scales `from` and `each` alike', () => {
    expect([49, 50, 60, 1e6].map((n) => threadsFor(n, share, threadBudget(8, 0.01)))).toEqual([1, 5, 6, 8]);
    expect(threadsFor(9999, share, threadBudget(8, 2))).toBe(1);
    expect(threadsFor(12_000, share, threadBudget(8, 2))).toBe(6);
    // Never more threads than units of work, and one for a single unit.
    expect([1, 2, 3, 10].map((n) => threadsFor(n, share, threadBudget(64, 1e-6)))).toEqual([1, 2, 3, 10]);
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

describe('runOptions', () => {
  const flags = (...args: string[]): ParsedFlags => withRunOptions(new Command()).parse(args, { from: 'user' }).opts<ParsedFlags>();

  it('builds the run\'s thread budget once, from --jobs and DEDUPE_WORKER_SCALE', () => {
    expect(runOptions(flags('--jobs', '3'), { DEDUPE_WORKER_SCALE: '0.5' }).threads).toStrictEqual(threadBudget(3, 0.5));
    expect(runOptions(flags('--jobs', '1'), {}).threads).toStrictEqual(threadBudget(1));
    expect(() => runOptions(flags('--jobs', '2'), { DEDUPE_WORKER_SCALE: '0' })).toThrow(UsageError);
  });

  it('takes every core unless told, and says so once in the help', () => {
    expect(runOptions(flags(), {}).threads).toStrictEqual(threadBudget(availableParallelism()));
    const help = withRunOptions(new Command()).helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain(`(default: the number of cores, ${availableParallelism()} here)`);
    expect(help).not.toMatch(/number of cores\)[^(]*\(default/); // not two defaults for one option
  });
});

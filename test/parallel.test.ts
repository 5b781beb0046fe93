/**
 * `--jobs`: the report is byte-identical for every number of worker threads (and wherever the texts are kept,
 * see `--spill-after`), and the signatures computed on worker threads equal the ones computed in this thread.
 * Progress lines go to stderr only on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from '../src/progress.js';
import { SMALL } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SENTENCES = [
  'Rebels attacked a government-held area in northeastern Damascus on Tuesday.',
  'The army shelled the Jobar district for a third day, residents said.',
  'A magnitude 6.1 earthquake struck off the coast early on Sunday morning.',
  'Firefighters needed six hours to bring the blaze at the old mill under control.',
  'The lobster season opened two weeks late because of warm water in the bay.',
  'Prosecutors charged the former mayor with taking bribes worth 40,000 dollars.',
  'Shares of the carmaker fell 12 percent after it cut its forecast for the year.',
  'The storm left 30,000 homes without power across the northern counties.',
];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-jobs-'));
  // 1,200 articles, built from shuffled sentences; every 10th is a copy. At the tests' DEDUPE_WORKER_SCALE every
  // stage runs on worker threads.
  let state = 7;
  const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 1200; i++) {
    const lines = Array.from({ length: 5 }, () => SENTENCES[Math.floor(next() * SENTENCES.length)] as string);
    const text = i % 10 === 9 ? `Report ${i - 1}\n${lines.join('\n')}` : `Report ${i}\n${lines.join('\n')}\nCase number ${i * 7919}.`;
    mkdirSync(path.join(dir, String(i % 7)), { recursive: true });
    writeFileSync(path.join(dir, String(i % 7), `outlet-${i}.txt`), `${text}\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(jobs: number, ...more: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), dir, '--json', '--quiet', '--jobs', String(jobs), ...more], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, DEDUPE_WORKER_SCALE: String(SMALL) },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('--jobs', () => {
  it('gives a byte-identical report for 1, 2 and 3 threads', () => {
    const one = run(1);
    expect(JSON.parse(one).articles.length).toBeGreaterThanOrEqual(1000);
    expect(run(2)).toBe(one);
    expect(run(3)).toBe(one);
    // Every text in the temporary file (read back there by this thread and by the workers of each stage).
    expect(run(1, '--spill-after', '0')).toBe(one);
    expect(run(2, '--spill-after', '0')).toBe(one);
    // Part in memory, part in the file.
    expect(run(3, '--spill-after', '100KB')).toBe(one);
  }, 180_000);

  it('starts worker threads in the stages big enough for them, as --timings says', () => {
    const withTimings = (env: Record<string, string>): string => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), dir, '--json', '--quiet', '--jobs', '2', '--timings'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
      expect(r.status).toBe(0);
      return r.stderr;
    };
    // 1,200 articles are below every stage's share on their own: one thread throughout.
    const alone = withTimings({ DEDUPE_WORKER_SCALE: '1' });
    expect(alone).toContain('dedupe: timings: read');
    expect(alone).not.toContain('worker');
    // At the tests' scale every stage runs on worker threads: two read, fingerprint, scan and work out the JSON
    // facts (this thread only writes), and one cleans beside this thread.
    const line = withTimings({ DEDUPE_WORKER_SCALE: String(SMALL) });
    const stages = [['read', '2 workers'], ['clean', '1 worker'], ['fingerprints', '2 workers'], ['story scan', '2 workers'], ['facts and output', '2 workers']];
    for (const [stage, n] of stages) {
      expect(line).toMatch(new RegExp(`${stage} [\\d.]+ s \\(${n}, RSS`));
    }
  }, 60_000);

  it('refuses a DEDUPE_WORKER_SCALE that is not a number above 0, in one line', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'seeds/'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEDUPE_WORKER_SCALE: '0,5' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('dedupe: DEDUPE_WORKER_SCALE must be a number above 0, such as 0.5; got "0,5"\n');
    const explained = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'explain', 'seeds/000_599fd1684341c80a.txt', 'seeds/001_9d1f47d9723a6f2b.txt'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEDUPE_WORKER_SCALE: 'many' } });
    expect([explained.status, explained.stdout, explained.stderr]).toEqual([2, '', 'dedupe: DEDUPE_WORKER_SCALE must be a number above 0, such as 0.5; got "many"\n']);
    const evaluated = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'eval', 'seeds/', '--stories', 'no-such-file.tsv'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEDUPE_WORKER_SCALE: '-1' } });
    expect([evaluated.status, evaluated.stdout, evaluated.stderr]).toEqual([2, '', 'dedupe: DEDUPE_WORKER_SCALE must be a number above 0, such as 0.5; got "-1"\n']);
  });

  it('rejects a number of jobs that is not a whole number ≥ 1', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'seeds/', '--jobs', '0'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });

  it('prints no progress when stderr is not a terminal', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'seeds/', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('progress', () => {
  it('says how far a stage is and estimates the time left from the rate so far', () => {
    expect(progressLine({ stage: 'read', done: 2500, total: 10000 }, 0, 5000)).toBe('dedupe: 2,500 of 10,000 files read, about 15 s left');
    expect(progressLine({ stage: 'fingerprinted', done: 10000, total: 10000 }, 0, 5000)).toBe('dedupe: 10,000 of 10,000 articles fingerprinted');
    expect(progressLine({ stage: 'stories', done: 42, total: 42 }, 0, 1)).toBe('dedupe: 42 stories found');
    // The noun agrees with the number before it.
    expect(progressLine({ stage: 'stories', done: 1, total: 1 }, 0, 1)).toBe('dedupe: 1 story found');
    expect(progressLine({ stage: 'lines', done: 1, total: 0 }, 0, 1)).toBe('dedupe: 1 line read from standard input');
    expect(progressLine({ stage: 'read', done: 1, total: 1 }, 0, 1)).toBe('dedupe: 1 of 1 file read');
    expect(progressLine({ stage: 'facts', done: 1, total: 3 }, 0, 1)).toBe('dedupe: 1 of 3 stories with facts aligned');
    expect(progressLine({ stage: 'lines', done: 8192, total: 0 }, 0, 5000)).toBe('dedupe: 8,192 lines read from standard input');
    expect(progressLine({ stage: 'lines', done: 8192, total: 0, from: '<stdin>' }, 0, 5000)).toBe('dedupe: 8,192 lines read from standard input');
    expect(progressLine({ stage: 'lines', done: 4096, total: 0, from: 'feeds/day\u001b[2J.jsonl' }, 0, 5000)).toBe('dedupe: 4,096 lines read from feeds/day\\x1b[2J.jsonl');
  });

  it('redraws at most every interval, at once on a new stage, and clears its line at the end', () => {
    const out: string[] = [];
    let now = 0;
    const p = progressReporter((s) => out.push(s), () => now, 200);
    p.onProgress({ stage: 'read', done: 1, total: 4 });
    now = 100;
    p.onProgress({ stage: 'read', done: 2, total: 4 });
    now = 150;
    p.onProgress({ stage: 'fingerprinted', done: 0, total: 4 });
    p.done();
    expect(out).toHaveLength(3);
    expect(out[0]).toBe('\rdedupe: 1 of 4 files read');
    expect(out[1]?.startsWith('\rdedupe: 0 of 4 articles fingerprinted')).toBe(true);
    expect(out[2]).toMatch(/^\r +\r$/);
  });
});

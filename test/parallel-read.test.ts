/**
 * Reading on worker threads (src/parallel/read.ts): every file's answer is the one this thread gives, and the
 * diagnostics come in input order whatever thread read which file. Workers run the built JavaScript, so the
 * threaded side is imported from dist/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/types.js';
import type { FileAnswer, FileToRead, ReadPlan } from '../src/parallel/read.js';
import { threadBudget, type ThreadBudget } from '../src/parallel/threads.js';
import { atTestScale } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { readAll, readLines, readWorkers } = (await import(pathToFileURL(path.join(ROOT, 'dist/parallel/read.js')).href)) as typeof import('../src/parallel/read.js');
const { jsonLinesFile } = (await import(pathToFileURL(path.join(ROOT, 'dist/input/lines.js')).href)) as typeof import('../src/input/lines.js');
const { workersStarted } = (await import(pathToFileURL(path.join(ROOT, 'dist/parallel/threads.js')).href)) as typeof import('../src/parallel/threads.js');
const { expandStdin } = (await import(pathToFileURL(path.join(ROOT, 'dist/input/stdin.js')).href)) as typeof import('../src/input/stdin.js');

let dir = '';
const files: FileToRead[] = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-read-'));
  const add = (name: string, content: string | Uint8Array): void => {
    writeFileSync(path.join(dir, name), content);
    files.push({ path: path.join(dir, name), shown: `in/${name}`, at: files.length });
  };
  for (let i = 0; i < 700; i++) {
    if (i % 97 === 5) add(`empty-${i}.txt`, '');
    else if (i % 101 === 7) add(`binary-${i}.txt`, Uint8Array.of(0x41, 0, 0x42, 0));
    else if (i % 89 === 3) add(`latin1-${i}.txt`, Uint8Array.from([...Buffer.from(`Report ${i}\nThe caf`), 0xe9, ...Buffer.from(' opened on Monday.\n')]));
    else if (i % 83 === 11) add(`feed-${i}.jsonl`, `{"title":"A ${i}","text":"The ferry ran aground on Monday."}\nnot json\n{"title":"B ${i}","text":"Tugs refloated the ferry on Tuesday."}\n`);
    else if (i % 79 === 13) add(`page-${i}.html`, `<html><head><title>Page ${i}</title></head><body><article><p>The mayor opened the bridge on Friday, ${i} days late.</p></article></body></html>`);
    else if (i % 71 === 17) add(`big-${i}.txt`, 'x'.repeat(5000));
    else add(`story-${i}.txt`, `Report ${i}\nThe council voted ${i % 13} to ${i % 7} on the plan.\nDAMASCUS (Reuters) - Residents said the shelling went on.\n`);
  }
  files.push({ path: path.join(dir, 'missing.txt'), shown: 'in/missing.txt', at: files.length });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file read on the threads `budget` allows (see parallel/threads.ts). */
async function read(budget: ThreadBudget): Promise<{ answers: FileAnswer[]; said: Diagnostic[]; progress: number[] }> {
  const answers: FileAnswer[] = [];
  const said: Diagnostic[] = [];
  const progress: number[] = [];
  await readAll(files, 4000, budget, (a) => answers.push(a), (d) => said.push(d), (n) => progress.push(n));
  return { answers: answers.sort((x, y) => x.at - y.at), said, progress };
}

describe('readAll', () => {
  it('gives every file the answer this thread gives, and the diagnostics in input order, on 1 to 3 threads', async () => {
    const here = await read(threadBudget(1));
    expect(here.answers.map((a) => a.at)).toEqual(files.map((f) => f.at));
    const reasons = new Set(here.said.map((d) => d.reason.split(' ')[0]));
    expect(here.said.length).toBeGreaterThan(30);
    expect(reasons.size).toBeGreaterThan(4); // empty, binary, invalid UTF-8, bad JSON line, size, missing
    const order = here.said.map((d) => files.findIndex((f) => f.shown === d.path.replace(/:\d+$/, '')));
    expect(order.every((k, i) => k >= 0 && (i === 0 || k >= (order[i - 1] as number)))).toBe(true);
    expect(here.answers.filter((a) => a.ok).flatMap((a) => (a.ok ? a.articles : [])).length).toBeGreaterThan(650);
    for (const jobs of [2, 3]) {
      const before = workersStarted();
      const threaded = await read(atTestScale(jobs));
      expect(workersStarted() - before).toBe(jobs); // workers read, this thread takes the answers in
      expect(threaded.answers).toStrictEqual(here.answers);
      expect(threaded.said).toStrictEqual(here.said);
      expect(threaded.progress).toEqual(here.progress);
    }
  }, 60_000);

  it('fails the run, not the process, when taking an answer in throws, and ends its workers', async () => {
    let taken = 0;
    const take = (): void => {
      if (++taken === 300) throw new Error('store full');
    };
    const before = workersStarted();
    await expect(readAll(files, 4000, atTestScale(2), take, () => undefined)).rejects.toThrow('store full');
    expect(workersStarted() - before).toBe(2);
    // Nothing else arrives afterwards: the workers are gone.
    const after = taken;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(after);
  }, 60_000);
});

describe('a read in several calls (runs of files, a large feed between them)', () => {
  it('shares one set of workers, started once, and gives what one thread gives', async () => {
    const feedPath = path.join(dir, 'between.jsonl');
    writeFileSync(feedPath, Array.from({ length: 900 }, (_, i) => (i % 97 === 3 ? 'not json' : JSON.stringify({ title: `Feed ${i}`, text: `The ferry ran aground ${i} times.` }))).join('\n'));
    const [first, second] = [files.slice(0, 300).map((f, at) => ({ ...f, at })), files.slice(300).map((f, at) => ({ ...f, at }))];
    const readAllOf = async (budget: ThreadBudget, plan?: ReadPlan): Promise<{ answers: FileAnswer[][]; said: Diagnostic[] }> => {
      const answers: FileAnswer[][] = [[], [], []];
      const said: Diagnostic[] = [];
      const into = (k: number) => (a: FileAnswer) => (answers[k] as FileAnswer[]).push(a);
      await readAll(first, 4000, budget, into(0), (d) => said.push(d), undefined, plan);
      await readLines(jsonLinesFile(feedPath, 'in/between.jsonl', 4000), 4000, budget, into(1), (d) => said.push(d), undefined, plan);
      await readAll(second, 4000, budget, into(2), (d) => said.push(d), undefined, plan);
      return { answers: answers.map((list) => list.sort((x, y) => x.at - y.at)), said };
    };
    const here = await readAllOf(threadBudget(1));
    const before = workersStarted();
    const plan = { workers: readWorkers(4000), files: files.length };
    try {
      const threaded = await readAllOf(atTestScale(2), plan);
      expect(workersStarted() - before).toBe(2); // once, for all three calls
      expect(threaded.answers).toStrictEqual(here.answers);
      expect(threaded.said).toStrictEqual(here.said);
    } finally {
      await plan.workers.close();
    }
  }, 60_000);
});

describe('readLines (JSON Lines from standard input)', () => {
  /** Every line of `text` read as stdin, on the threads `budget` allows. */
  async function lines(text: string, budget: ThreadBudget): Promise<{ answers: FileAnswer[]; said: Diagnostic[] }> {
    const answers: FileAnswer[] = [];
    const said: Diagnostic[] = [];
    const { streamed } = await expandStdin(['-'], text, 3000);
    if (!streamed) throw new Error('not taken as JSON Lines');
    await readLines(streamed, 3000, budget, (a) => answers.push(a), (d) => said.push(d));
    return { answers, said };
  }

  it('gives every line the answer this thread gives, in input order, once the lines are many enough for workers', async () => {
    const text = Array.from({ length: 9000 }, (_, i) =>
      i % 997 === 5 ? 'not json' : i % 1009 === 7 ? JSON.stringify({ title: `Long ${i}`, text: 'Words. '.repeat(600) }) : i % 211 === 9 ? '' : JSON.stringify({ title: `Story ${i}`, text: `The council voted ${i % 13} to ${i % 7} on the plan.` }),
    ).join('\n');
    const here = await lines(text, threadBudget(1));
    expect(here.said.length).toBeGreaterThan(15); // malformed lines and lines over the limit
    expect(here.said.map((d) => Number(d.path.split(':')[1]))).toEqual([...here.said.map((d) => Number(d.path.split(':')[1]))].sort((x, y) => x - y));
    const before = workersStarted();
    const threaded = await lines(text, atTestScale(2));
    expect(workersStarted() - before).toBe(2); // started once, kept from batch to batch
    expect(threaded.answers.map(({ at: _, ...a }) => a)).toStrictEqual(here.answers.map(({ at: _, ...a }) => a));
    expect(threaded.said).toStrictEqual(here.said);
  }, 60_000);
});

describe('buffers handed over from worker threads', () => {
  it('are each result’s own: a packed text, its line hashes and a story’s text own their whole buffer or a prefix of it', async () => {
    // A worker transfers these buffers (serveChunks): one shared with another result (say, Node's Buffer pool)
    // would be detached under it, or refused by newer Node versions.
    const { prepareArticle } = await import('../src/clean/articles.js');
    const { storyBytes } = await import('../src/render/story-text.js');
    const { sampleReport } = await import('./render-fixture.js');
    const a = prepareArticle({ path: 'x.txt', title: 'T', paragraphs: ['One line.', 'Two lines.'], meta: {} });
    const b = prepareArticle({ path: 'y.txt', title: 'U', paragraphs: ['Another line.'], meta: {} });
    for (const view of [a.paragraphs, a.lines, b.paragraphs, b.lines]) expect(view.byteOffset).toBe(0);
    expect(a.paragraphs.buffer.byteLength).toBe(a.paragraphs.byteLength);
    expect(new Set([a.paragraphs.buffer, a.lines.buffer, b.paragraphs.buffer, b.lines.buffer]).size).toBe(4);
    const story = sampleReport().stories[0];
    if (!story) throw new Error('no story in the fixture');
    const x = storyBytes('json', story, []);
    const y = storyBytes('json', story, []);
    expect(x.buffer.byteLength).toBe(x.byteLength);
    expect(x.buffer).not.toBe(y.buffer);
  });
});

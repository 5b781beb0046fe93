/**
 * JSON Lines files read a line at a time (input/lines.ts): the same articles and diagnostics as the file read
 * whole, whatever its encoding; `--max-size` a line; a file that is not text skipped whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLinesFile, readsByLine } from '../src/input/lines.js';
import { parseJsonLines } from '../src/input/json.js';
import { readLines } from '../src/parallel/read.js';
import { threadBudget } from '../src/parallel/threads.js';
import { prepareArticle, type PreparedArticle } from '../src/clean/articles.js';
import type { Diagnostic } from '../src/types.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const at = path.join(dir, name);
  writeFileSync(at, bytes);
  return at;
}

/** An article as the intake gets it, its packed bytes as a digest: deep equality of large typed arrays is slow. */
const digest = (a: PreparedArticle): object => ({ ...a, paragraphs: createHash('sha1').update(a.paragraphs).digest('hex'), lines: createHash('sha1').update(a.lines).digest('hex') });

/** The file read a line at a time, as the intake gets it: articles, and diagnostics in the order reported. */
async function byLine(at: string, maxBytes = Number.POSITIVE_INFINITY): Promise<{ articles: PreparedArticle[]; diagnostics: Diagnostic[] }> {
  const articles: PreparedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  await readLines(jsonLinesFile(at, 'feed.jsonl', maxBytes), maxBytes, threadBudget(1), (a) => a.ok && articles.push(...a.articles), (d) => diagnostics.push(d));
  return { articles, diagnostics };
}

const record = (i: number): string => JSON.stringify({ title: `Ünïcödé ☃ story ${i}`, text: `The council met on Monday and voted ${i} to 2. It said “more” 😀.` });
const feed = [record(1), '', 'not json', record(2), '{"title":"No text"}', `  ${record(3)}\r`, record(4)].join('\n');

describe('a JSON Lines file read a line at a time', () => {
  it('gives the articles and diagnostics the file read whole gives, in UTF-8 with or without a byte-order mark, and UTF-16', async () => {
    const whole = parseJsonLines('feed.jsonl', feed);
    expect(whole.articles).toHaveLength(4);
    expect(whole.diagnostics.map((d) => d.path)).toEqual(['feed.jsonl:3', 'feed.jsonl:5']);
    const utf16 = (text: string, le: boolean): Buffer => {
      const b = Buffer.from(`\uFEFF${text}`, 'utf16le');
      if (!le) b.swap16();
      return b;
    };
    for (const [name, bytes] of [
      ['plain.jsonl', feed],
      ['bom.jsonl', `\uFEFF${feed}`],
      ['le.jsonl', utf16(feed, true)],
      ['be.jsonl', utf16(feed, false)],
    ] as const) {
      const got = await byLine(file(name, bytes));
      expect(got.articles, name).toEqual(whole.articles.map(prepareArticle));
      expect(got.diagnostics, name).toEqual(whole.diagnostics);
    }
  });

  it('decodes lines and characters cut across its reads (1 MB each)', async () => {
    // Lines of about 300 KB with four-byte characters: reads end inside lines and inside characters.
    const long = Array.from({ length: 12 }, (_, i) => JSON.stringify({ title: `Story ${i}`, text: `${'😀word'.repeat(50_000 + i)} End ${i}.` }));
    const got = await byLine(file('long.jsonl', long.join('\n')));
    expect(got.diagnostics).toEqual([]);
    expect(got.articles.map(digest)).toEqual(parseJsonLines('feed.jsonl', long.join('\n')).articles.map(prepareArticle).map(digest));
  });

  it('skips a line over the size limit, named file:line with its size, and goes on', async () => {
    const big = JSON.stringify({ title: 'Long', text: 'Words and more words. '.repeat(500) });
    const got = await byLine(file('big.jsonl', [record(1), big, record(2)].join('\n')), 8 * 1024);
    expect(got.articles.map((a) => a.path)).toEqual(['feed.jsonl:1', 'feed.jsonl:3']);
    expect(got.diagnostics).toEqual([{ path: 'feed.jsonl:2', reason: 'a line of 10.8 KB is over the size limit of 8.0 KB (--max-size)', level: 'skipped' }]);
  });

  it('skips a file that is not text whole, and one of white space as "no JSON lines"', async () => {
    const gzipped = execFileSync('gzip', ['-c'], { input: feed });
    expect((await byLine(file('gz.jsonl', gzipped))).diagnostics).toEqual([{ path: 'feed.jsonl', reason: 'a gzip archive, not text', level: 'skipped' }]);
    const blank = await byLine(file('blank.jsonl', ' \n\n  \n'));
    expect(blank).toEqual({ articles: [], diagnostics: [{ path: 'feed.jsonl', reason: 'no JSON lines', level: 'skipped' }] });
  });

  it('warns of invalid UTF-8 once, before the line it is in, and keeps the lines', async () => {
    const bytes = Buffer.concat([Buffer.from(`${record(1)}\n{"title":"Bad","text":"Caf`), Buffer.from([0xe9, 0xff]), Buffer.from(` here. And`), Buffer.from([0xe9]), Buffer.from(` more."}\n${record(2)}`)]);
    const got = await byLine(file('bad.jsonl', bytes));
    expect(got.articles.map((a) => a.path)).toEqual(['feed.jsonl:1', 'feed.jsonl:2', 'feed.jsonl:3']);
    expect(got.diagnostics).toEqual([{ path: 'feed.jsonl', reason: 'invalid UTF-8; bad bytes shown as \uFFFD', level: 'warning' }]);
  });

  it('says why a file that cannot be opened is skipped', async () => {
    const got = await byLine(path.join(dir, 'gone.jsonl'));
    expect(got.diagnostics).toEqual([{ path: 'feed.jsonl', reason: 'no such file (or a broken symbolic link)', level: 'skipped' }]);
  });
});

describe('a gzipped JSON Lines file (.jsonl.gz)', () => {
  it('is decompressed as it is read, several members in a row too: the articles of the plain file', async () => {
    const plain = await byLine(file('plain-for-gz.jsonl', feed));
    const [a, b] = [feed.slice(0, 200), feed.slice(200)];
    for (const [name, bytes] of [
      ['one.jsonl.gz', gzipSync(feed)],
      ['members.jsonl.gz', Buffer.concat([gzipSync(a), gzipSync(b)])],
    ] as const) {
      expect(await byLine(file(name, bytes)), name).toEqual(plain);
    }
  });

  it('keeps the whole lines before data cut short, with zlib\'s reason and the last line read', async () => {
    const long = Array.from({ length: 400 }, (_, i) => record(i)).join('\n');
    const zipped = gzipSync(long);
    const got = await byLine(file('cut.jsonl.gz', zipped.subarray(0, zipped.length - 20)));
    const last = got.articles.length;
    expect(last).toBeGreaterThan(300);
    expect(last).toBeLessThan(400);
    expect(got.articles.map((a) => a.path)).toEqual(Array.from({ length: last }, (_, i) => `feed.jsonl:${i + 1}`));
    expect(got.diagnostics).toEqual([{ path: 'feed.jsonl', reason: `not readable as gzip: unexpected end of file (after line ${last})`, level: 'skipped' }]);
    const notGzip = await byLine(file('plain.jsonl.gz', feed));
    expect(notGzip).toEqual({ articles: [], diagnostics: [{ path: 'feed.jsonl', reason: 'not readable as gzip: incorrect header check', level: 'skipped' }] });
  });
});

describe('readsByLine', () => {
  const kb = (n: number): string => 'x'.repeat(n * 1024);
  it('is true for a regular JSON Lines file larger than a chunk or than the size limit, or gzipped, and for no other file', () => {
    const feedFile = file('size.jsonl', kb(10));
    expect(readsByLine(feedFile, 1 << 30, 4 << 10)).toBe(true); // larger than a chunk
    expect(readsByLine(feedFile, 8 << 10, 1 << 30)).toBe(true); // larger than the size limit
    expect(readsByLine(feedFile, 1 << 30, 1 << 30)).toBe(false);
    expect(readsByLine(file('size.NDJSON', kb(10)), 1 << 30, 4 << 10)).toBe(true);
    expect(readsByLine(file('size.json', kb(10)), 1 << 30, 4 << 10)).toBe(false);
    expect(readsByLine(file('small.jsonl.gz', gzipSync('{}')), 1 << 30, 1 << 30)).toBe(true); // gzipped: always
    expect(readsByLine(file('small.json.gz', gzipSync('{}')), 1 << 30, 1 << 30)).toBe(false);
    expect(readsByLine(path.join(dir, 'none.jsonl'), 0, 0)).toBe(false);
    const fifo = path.join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(readsByLine(fifo, 0, 0)).toBe(false); // read whole, which refuses it at once (not a regular file)
  });
});

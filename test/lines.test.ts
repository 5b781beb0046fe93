/**
 * JSON Lines files read a line at a time (input/lines.ts): the same articles and diagnostics as the file read
 * whole, whatever its encoding; `--max-size` a line; a file that is not text skipped whole.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLinesFile, readsByLine, STREAM_FROM } from '../src/input/lines.js';
import { parseJsonLines } from '../src/input/json.js';
import { GZIP_TWICE } from '../src/input/read.js';
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

  it('skips a file that is not text whole, and one of white space or nothing in the words of one read whole', async () => {
    const zipped = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(feed)]);
    expect((await byLine(file('zip.jsonl', zipped))).diagnostics).toEqual([{ path: 'feed.jsonl', reason: 'a zip archive, not text', level: 'skipped' }]);
    const blank = await byLine(file('blank.jsonl', ' \n\n  \n'));
    expect(blank).toEqual({ articles: [], diagnostics: [{ path: 'feed.jsonl', reason: 'only white space', level: 'skipped' }] });
    const nothing = await byLine(file('nothing.jsonl.gz', gzipSync('')));
    expect(nothing).toEqual({ articles: [], diagnostics: [{ path: 'feed.jsonl', reason: 'empty file', level: 'skipped' }] });
  });

  it('keeps a character cut by a read whole, when a bad byte comes later in the same read (no article changed by it)', async () => {
    // helper-41: the read holding a bad byte was decoded again from scratch, and the "é" held over from the read before
    // became U+FFFD (the article's id changed with it).
    const head = JSON.stringify({ title: 'PPP', text: `${'x'.repeat((1 << 20) - 40)}` }).slice(0, -2);
    const cut = Buffer.from(`${head}`);
    const line1 = Buffer.concat([cut, Buffer.from('x'.repeat((1 << 20) - 1 - cut.length)), Buffer.from('é café"}\n')]);
    expect(line1.indexOf(Buffer.from('é'))).toBe((1 << 20) - 1); // "é" starts on the last byte of the first read
    const bytes = Buffer.concat([line1, Buffer.from('{"title":"Bad","text":"Caf'), Buffer.from([0xff]), Buffer.from(' here."}\n')]);
    const got = await byLine(file('boundary.jsonl', bytes));
    expect(got.diagnostics).toEqual([{ path: 'feed.jsonl', reason: 'invalid UTF-8; bad bytes shown as \uFFFD', level: 'warning' }]);
    const whole = parseJsonLines('feed.jsonl', new TextDecoder().decode(bytes)).articles.map(prepareArticle);
    expect(got.articles.map(digest)).toEqual(whole.map(digest));
    // A U+FFFD spelt out in the bytes is no bad byte, also when a read cuts it.
    const spelt = Buffer.concat([cut, Buffer.from('x'.repeat((1 << 20) - 2 - cut.length)), Buffer.from('\uFFFD"}\n')]);
    expect(spelt.indexOf(Buffer.from('\uFFFD'))).toBe((1 << 20) - 2);
    expect((await byLine(file('spelt.jsonl', spelt))).diagnostics).toEqual([]);
  });

  it('decodes UTF-16 as a file read whole does: bad units as U+FFFD without a warning, an odd last byte as one', async () => {
    const units = (text: string): Buffer => Buffer.from(`\uFEFF${text}`, 'utf16le');
    const lone = Buffer.concat([units(`${record(1)}\n{"title":"Lone","text":"A `), Buffer.from([0x00, 0xd8]), Buffer.from(' here."}\n', 'utf16le')]);
    const odd = Buffer.concat([units(`${record(1)}\n${record(2)}`), Buffer.from([0x41])]);
    for (const [name, bytes] of [['lone.jsonl', lone], ['odd.jsonl', odd]] as const) {
      const whole = parseJsonLines('feed.jsonl', new TextDecoder('utf-16le').decode(bytes));
      const got = await byLine(file(name, bytes));
      expect(got.articles, name).toEqual(whole.articles.map(prepareArticle));
      expect(got.diagnostics, name).toEqual(whole.diagnostics);
    }
  });

  it('closes the file when the reader stops early', async () => {
    const at = file('early.jsonl', Array.from({ length: 20_000 }, (_, i) => record(i)).join('\n'));
    const open = (): number => readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`) === at; } catch { return false; } }).length;
    const batches = jsonLinesFile(at, 'feed.jsonl', Number.POSITIVE_INFINITY)[Symbol.asyncIterator]();
    expect((await batches.next()).done).toBe(false);
    expect(open()).toBe(1);
    await batches.return?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open()).toBe(0);
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
      // Gzip data under a plain name, by its magic bytes (the gzip command's output too).
      ['gz.jsonl', execFileSync('gzip', ['-c'], { input: feed })],
      ['magic.ndjson', gzipSync(feed)],
    ] as const) {
      expect(await byLine(file(name, bytes)), name).toEqual(plain);
    }
  });

  it('decompresses one layer: gzip data inside is skipped whole, by name or by magic bytes', async () => {
    for (const name of ['twice.jsonl.gz', 'twice.jsonl']) {
      expect(await byLine(file(name, gzipSync(gzipSync(feed)))), name).toEqual({ articles: [], diagnostics: [{ path: 'feed.jsonl', reason: GZIP_TWICE, level: 'skipped' }] });
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
    const cutMagic = await byLine(file('cut-magic.jsonl', zipped.subarray(0, zipped.length - 20)));
    expect(cutMagic.articles.map((a) => a.path)).toEqual(got.articles.map((a) => a.path));
    expect(cutMagic.diagnostics).toEqual(got.diagnostics);
  });
});

describe('readsByLine', () => {
  const kb = (n: number): string => 'x'.repeat(n * 1024);
  it('is true for a regular JSON Lines file larger than the size limit or 64 MB, or gzipped (by name or magic bytes), and for no other file', () => {
    const feedFile = file('size.jsonl', kb(10));
    expect(readsByLine(feedFile, 8 << 10)).toBe(true); // larger than the size limit: it used to be skipped
    expect(readsByLine(feedFile, 10 << 10)).toBe(false); // as large as the limit: read whole, in the workers
    expect(readsByLine(file('size.NDJSON', kb(10)), 8 << 10)).toBe(true);
    expect(readsByLine(file('size.json', kb(10)), 8 << 10)).toBe(false);
    expect(readsByLine(file('small.jsonl.gz', gzipSync('{}')), 1 << 30)).toBe(true); // gzipped: always
    expect(readsByLine(file('small.json.gz', gzipSync('{}')), 1 << 30)).toBe(false);
    expect(readsByLine(file('small-magic.jsonl', gzipSync('{}')), 1 << 30)).toBe(true); // gzip data under a plain name
    expect(readsByLine(file('small-magic.json', gzipSync('{}')), 1 << 30)).toBe(false); // read whole, decompressed
    const huge = file('huge.jsonl', '');
    truncateSync(huge, STREAM_FROM + 1); // sparse: no disk written
    expect(readsByLine(huge, 1 << 30)).toBe(true); // larger than 64 MB: read a line at a time whatever the limit
    expect(readsByLine(path.join(dir, 'none.jsonl'), 0)).toBe(false);
    const fifo = path.join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(readsByLine(fifo, 0)).toBe(false); // read whole, which refuses it at once (not a regular file)
  });
});

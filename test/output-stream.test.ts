/**
 * Streamed output: pieces are batched, written to a file atomically or to a stream with backpressure; a
 * renderer error is not mistaken for a write error; the command line writes big json/ndjson reports through
 * it and still treats a reader that goes away (EPIPE) as success.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { batched, writeAtomic, writeStream } from '../src/output.js';
import type { TextPiece } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = ['000_599fd1684341c80a.txt', '001_9d1f47d9723a6f2b.txt'];
const BATCH = 1 << 16;

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-stream-'));
  mkdirSync(path.join(dir, 'big'));
  for (const s of SEEDS) copyFileSync(path.join(ROOT, 'seeds', s), path.join(dir, 'big', s));
  // One 2 MB word makes a report of several batches.
  writeFileSync(path.join(dir, 'big', 'word.txt'), `Orrin valley flood\nThe word ${'x'.repeat(2_000_000)} is long, officials said.\n`);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `count` numbered lines of about 100 characters, counting how many have been asked for. */
function lines(count: number): { pieces: Iterable<string>; pulled: () => number; text: () => string } {
  let pulled = 0;
  const line = (i: number): string => `${String(i).padStart(8, '0')} ${'y'.repeat(90)}\n`;
  function* pieces(): Generator<string> {
    for (let i = 0; i < count; i++) {
      pulled++;
      yield line(i);
    }
  }
  return { pieces: pieces(), pulled: () => pulled, text: () => Array.from({ length: count }, (_, i) => line(i)).join('') };
}

describe('batched', () => {
  const collect = async (pieces: AsyncIterable<TextPiece>): Promise<TextPiece[]> => {
    const out: TextPiece[] = [];
    for await (const piece of pieces) out.push(piece);
    return out;
  };
  it('joins pieces into batches of at least the size, in order, the last one shorter', async () => {
    expect(await collect(batched(['ab', 'cd', 'e', 'fghij', 'k'], 4))).toEqual(['abcd', 'efghij', 'k']);
    expect(await collect(batched([], 4))).toEqual([]);
  });
  it('takes pieces that come asynchronously', async () => {
    async function* slow(): AsyncGenerator<string> {
      for (const piece of ['ab', 'cd', 'e']) yield await Promise.resolve(piece);
    }
    expect(await collect(batched(slow(), 3))).toEqual(['abcd', 'e']);
  });
  it('joins strings and UTF-8 bytes into bytes, counting bytes of a byte piece and units of a string', async () => {
    const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
    const got = await collect(batched(['é', utf8('«b»'), 'cdéf', 'gh', utf8('i')], 6));
    expect(got.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8')))).toEqual(['é«b»', 'cdéfgh', 'i']);
    expect(got.map((p) => typeof p)).toEqual(['object', 'string', 'object']);
    // A byte piece of at least the batch size goes out as it is (the same object), after what was pending.
    const big = utf8('abcdef');
    const out = await collect(batched(['x', big, 'y'], 4));
    expect(out[0]).toBe('x');
    expect(out[1]).toBe(big);
    expect(out[2]).toBe('y');
  });
});

describe('writeAtomic with pieces', () => {
  it('writes over an existing file when an input can no longer be looked at (not a folder, a link loop), and refuses a hard link to it', async () => {
    const folder = mkdtempSync(path.join(dir, 'atomic-'));
    const file = path.join(folder, 'report.txt');
    writeFileSync(file, 'old');
    const plain = path.join(folder, 'input.txt');
    writeFileSync(plain, 'news');
    symlinkSync('loop.txt', path.join(folder, 'loop.txt'));
    const inputs = [path.join(plain, 'x'), path.join(folder, 'loop.txt'), path.join(folder, 'gone.txt'), plain];
    expect(await writeAtomic(file, ['new'], inputs)).toEqual({ ok: true, path: file });
    expect(readFileSync(file, 'utf8')).toBe('new');
    linkSync(plain, path.join(folder, 'same.txt'));
    expect(await writeAtomic(path.join(folder, 'same.txt'), ['new'], inputs)).toMatchObject({ ok: false });
    expect(readFileSync(plain, 'utf8')).toBe('news');
    // The inputs may come as a function that lists them (a run resolves its files only for this check).
    let asked = 0;
    const listed = (): string[] => (asked++, inputs);
    expect(await writeAtomic(path.join(folder, 'same.txt'), ['new'], listed)).toMatchObject({ ok: false, reason: expect.stringContaining('one of the input files') });
    expect(asked).toBe(1);
    expect(readFileSync(plain, 'utf8')).toBe('news');
    expect(await writeAtomic(file, ['newer'], listed)).toEqual({ ok: true, path: file });
    expect(readFileSync(file, 'utf8')).toBe('newer');
  });

  it('writes the pieces joined, replacing the file, and leaves no temporary file', async () => {
    const folder = mkdtempSync(path.join(dir, 'atomic-'));
    const file = path.join(folder, 'report.txt');
    writeFileSync(file, 'old');
    const { pieces, text } = lines(5_000);
    expect(await writeAtomic(file, pieces, [])).toEqual({ ok: true, path: file });
    expect(readFileSync(file, 'utf8')).toBe(text());
    expect(readdirSync(folder)).toEqual(['report.txt']);
  });

  it('rethrows an error of the pieces themselves (a bug), keeps the old file and removes the temporary one', async () => {
    const folder = mkdtempSync(path.join(dir, 'atomic-'));
    const file = path.join(folder, 'report.txt');
    writeFileSync(file, 'old');
    function* failing(): Generator<string> {
      yield 'x'.repeat(BATCH * 2);
      throw new Error('renderer bug');
    }
    await expect(writeAtomic(file, failing(), [])).rejects.toThrow('renderer bug');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['report.txt']);
  });
});

describe('writeStream', () => {
  it('writes everything in order and waits for a slow reader instead of buffering the whole text', async () => {
    let received = '';
    let mostBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        mostBuffered = Math.max(mostBuffered, slow.writableLength);
        received += chunk.toString();
        setImmediate(done);
      },
    });
    const { pieces, text } = lines(20_000);
    expect(await writeStream(slow, pieces)).toBe(true);
    expect(received).toBe(text());
    expect(received.length).toBeGreaterThan(BATCH * 20);
    expect(mostBuffered).toBeLessThanOrEqual(BATCH * 2);
  });

  it('stops asking for pieces and returns false when the stream goes away', async () => {
    const sink = new PassThrough({ highWaterMark: 1024 });
    sink.once('data', () => sink.destroy());
    const { pieces, pulled } = lines(100_000);
    expect(await writeStream(sink, pieces)).toBe(false);
    expect(pulled()).toBeLessThan(100_000);
  });
});

describe('the command line writes json and ndjson in pieces', () => {
  function io(argv: readonly string[], stdout: NodeJS.WritableStream): Io & { err: () => string } {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    return { argv: ['node', 'dedupe', ...argv], env: { NO_COLOR: '1' }, cwd: () => dir, stdout, stderr, err: () => err };
  }

  async function toStdout(argv: readonly string[]): Promise<string> {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    const cli = io(argv, stdout);
    await main(cli);
    expect(cli.exitCode).toBe(0);
    expect(cli.err()).toBe('');
    return out;
  }

  it('writes the same big report to stdout and to -o, for json and ndjson', async () => {
    for (const format of ['json', 'ndjson']) {
      const out = await toStdout(['big', '--format', format, '--jobs', '1']);
      expect(out.length).toBeGreaterThan(BATCH * 4);
      if (format === 'json') expect((JSON.parse(out) as { articles: unknown[] }).articles).toHaveLength(3);
      else for (const line of out.slice(0, -1).split('\n')) expect(JSON.parse(line)).toHaveProperty('story');
      expect(await toStdout(['big', '--format', format, '--jobs', '1', '-o', `report.${format}`])).toBe('');
      expect(readFileSync(path.join(dir, `report.${format}`), 'utf8')).toBe(out);
    }
  }, 60_000);

  it('exits 0 with nothing on stderr when stdout closes early (EPIPE), and 2 with one line on another write error', async () => {
    for (const [code, exit] of [['EPIPE', 0], ['EIO', 2]] as const) {
      const stdout = new PassThrough({ highWaterMark: 1024 });
      stdout.once('data', () => stdout.destroy(Object.assign(new Error(`write ${code}`), { code })));
      const cli = io(['big', '--json', '--jobs', '1'], stdout);
      await main(cli);
      expect(cli.exitCode).toBe(exit);
      expect(cli.err()).toBe(exit === 0 ? '' : `dedupe: cannot write the report: write ${code}\n`);
    }
  }, 60_000);
});

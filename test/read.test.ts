import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, fileStartsGzip, formatBytes, GZIP_TWICE, readArticleFile, type ReadResult } from '../src/input/read.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dedupe-read-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readBytes(name: string, bytes: Uint8Array | string, maxBytes?: number): Promise<ReadResult> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return readArticleFile(file, maxBytes);
}

/** The reason a file was skipped; fails the test if it was read. */
function skipped(result: ReadResult): string {
  if (result.ok) throw new Error(`expected the file to be skipped, it was read as ${JSON.stringify(result.file.text)}`);
  expect(result.diagnostic.level).toBe('skipped');
  return result.diagnostic.reason;
}

function text(result: ReadResult): string {
  if (!result.ok) throw new Error(`expected the file to be read, it was skipped: ${result.diagnostic.reason}`);
  return result.file.text;
}

describe('readArticleFile', () => {
  it('reads a UTF-8 file with no warnings and names it in the result', async () => {
    const r = await readBytes('plain.txt', 'Café opens\nBody ✓.\n');
    expect(text(r)).toBe('Café opens\nBody ✓.\n');
    expect(r.ok && r.file.path).toBe(path.join(dir, 'plain.txt'));
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    expect(text(await readBytes('bom.txt', '\uFEFFHeadline\nBody.'))).toBe('Headline\nBody.');
  });

  it('skips an empty file', async () => {
    expect(skipped(await readBytes('empty.txt', ''))).toBe('empty file');
  });

  it('skips a file of white space only', async () => {
    expect(skipped(await readBytes('blank.txt', '  \n\t\r\n   '))).toBe('only white space');
  });

  it('skips a PNG image even when named .txt', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(skipped(await readBytes('image.txt', png))).toBe('a PNG image, not text');
  });

  it('skips a zip archive', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]);
    expect(skipped(await readBytes('archive.md', zip))).toBe('a zip archive, not text');
  });

  it('decompresses gzip data whatever the file is named (news.rss, story.txt, no ending), as a .gz file is', async () => {
    const page = 'Council votes\nThe council voted on Monday.\n';
    for (const name of ['story.txt', 'news.rss', 'story']) expect(text(await readBytes(name, gzipSync(page))), name).toBe(page);
    expect(text(await readBytes('story.txt.gz', gzipSync(page)))).toBe(page);
  });

  it('applies the size limit to the decompressed bytes of gzip data under a plain name', async () => {
    const zipped = gzipSync(Buffer.alloc(64 * 1024, 32));
    expect(zipped.length).toBeLessThan(1024);
    expect(skipped(await readBytes('bomb.txt', zipped, 1024))).toBe('over the size limit of 1.0 KB (--max-size) once decompressed');
  });

  it('refuses cut gzip data under a plain name with zlib\'s reason, and gzip inside gzip (one layer is decompressed)', async () => {
    const zipped = gzipSync('Council votes\nThe council voted on Monday.\n'.repeat(50));
    expect(skipped(await readBytes('cut.txt', zipped.subarray(0, zipped.length - 10)))).toBe('not gzip data, or cut short: unexpected end of file');
    expect(skipped(await readBytes('twice.txt.gz', gzipSync(zipped)))).toBe(GZIP_TWICE);
    expect(skipped(await readBytes('twice.txt', gzipSync(zipped)))).toBe(GZIP_TWICE);
    // Two bytes of magic alone: not gzip data.
    expect(skipped(await readBytes('magic.txt', Uint8Array.from([0x1f, 0x8b])))).toBe('not gzip data, or cut short: unexpected end of file');
  });

  it('fileStartsGzip reads the first two bytes of a file', async () => {
    await writeFile(path.join(dir, 'head.jsonl'), gzipSync('{}'));
    await writeFile(path.join(dir, 'plain-head.jsonl'), '{}');
    await writeFile(path.join(dir, 'one.jsonl'), Uint8Array.from([0x1f]));
    expect(fileStartsGzip(path.join(dir, 'head.jsonl'))).toBe(true);
    expect(fileStartsGzip(path.join(dir, 'plain-head.jsonl'))).toBe(false);
    expect(fileStartsGzip(path.join(dir, 'one.jsonl'))).toBe(false);
  });

  it('skips random bytes that contain NUL bytes', async () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);
    expect(bytes.includes(0)).toBe(true);
    expect(skipped(await readBytes('random.txt', bytes))).toContain('binary data');
  });

  it('reads a file that is not UTF-8 and declares nothing as windows-1252, with a warning naming the file (QA 29)', async () => {
    const bytes = Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owner fined\nThe owner in M'), 0xfc, ...Buffer.from('nchen was fined '), 0x80, ...Buffer.from('500.\n')]);
    const r = await readBytes('cp1252.txt', bytes);
    expect(text(r)).toBe('Café owner fined\nThe owner in München was fined €500.\n');
    expect(r.ok && r.warnings).toEqual([{ path: path.join(dir, 'cp1252.txt'), reason: 'not UTF-8 and no encoding declared: read as windows-1252', level: 'warning' }]);
  });

  it('reads mostly-UTF-8 text with a bad byte with U+FFFD replacement characters and a warning naming the file', async () => {
    const bytes = Uint8Array.from([...Buffer.from('Café opens in München\nBody '), 0xe9, ...Buffer.from('.\n')]);
    const r = await readBytes('damaged.txt', bytes);
    expect(text(r)).toBe('Café opens in München\nBody \uFFFD.\n');
    expect(r.ok && r.warnings).toEqual([{ path: path.join(dir, 'damaged.txt'), reason: expect.stringContaining('invalid UTF-8'), level: 'warning' }]);
  });

  it('decodes UTF-16LE with a byte-order mark', async () => {
    const body = Buffer.from('Héadline\nBody ✓ — done.\n', 'utf16le');
    const r = await readBytes('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(text(r)).toBe('Héadline\nBody ✓ — done.\n');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('decodes UTF-16BE with a byte-order mark', async () => {
    const body = Buffer.from('Héadline\nBody ✓ — done.\n', 'utf16le').swap16();
    const r = await readBytes('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), body]));
    expect(text(r)).toBe('Héadline\nBody ✓ — done.\n');
  });

  it('skips a file over the size limit, saying both sizes, but reads one exactly at the limit', async () => {
    const reason = skipped(await readBytes('big.txt', `Headline\n${'x'.repeat(2000)}`, 1000));
    expect(reason).toContain('over the size limit');
    expect(reason).toContain('1000 bytes');
    expect(reason).toContain(formatBytes(2009));
    expect(text(await readBytes('exact.txt', 'a'.repeat(1000), 1000))).toHaveLength(1000);
  });

  it('skips a missing file', async () => {
    const r = await readArticleFile(path.join(dir, 'does-not-exist.txt'));
    expect(skipped(r)).toContain('no such file');
    expect(!r.ok && r.diagnostic.path).toBe(path.join(dir, 'does-not-exist.txt'));
  });

  it('skips a folder', async () => {
    const folder = path.join(dir, 'a-folder.txt');
    await mkdir(folder);
    expect(skipped(await readArticleFile(folder))).toMatch(/not a regular file|is a folder/);
  });

  it.skipIf(process.platform === 'win32')('skips a named pipe at once instead of waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(skipped(readArticleFile(fifo))).toBe('not a regular file');
  });
});

describe('decode', () => {
  const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

  it('returns valid UTF-8 unchanged and not invalid', () => {
    expect(decode(bytes('Damascus – “quoted”'))).toEqual({ text: 'Damascus – “quoted”', invalid: false });
  });

  it('lets tabs, form feeds and ESC through as text (ESC is made safe at rendering)', () => {
    expect(decode(bytes('a\tb\fc\u001b[2Jd\r\n'))).toEqual({ text: 'a\tb\fc\u001b[2Jd\r\n', invalid: false });
  });

  it('calls text with many control bytes binary', () => {
    expect(decode(Uint8Array.from([1, 2, 3, 4, 5, 65, 66]))).toEqual({ binary: 'binary data (control bytes), not text' });
  });

  it('names the common binary formats by their magic bytes', () => {
    expect(decode(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]))).toEqual({ binary: 'a PDF document, not text' });
    expect(decode(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toEqual({ binary: 'a gzip archive, not text' });
    expect(decode(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ binary: 'a JPEG image, not text' });
  });

  it('calls UTF-16 without a byte-order mark binary (it is full of NUL bytes)', () => {
    expect(decode(new Uint8Array(Buffer.from('Headline', 'utf16le')))).toEqual({ binary: 'binary data (NUL bytes), not text' });
  });

  it('takes an encoding sent with the bytes (an HTTP charset) before the declared one, but never over valid UTF-8', () => {
    const page = (body: string): Uint8Array => new Uint8Array(Buffer.from(`<meta charset="iso-8859-7"><p>${body}</p>`, 'latin1'));
    expect(decode(bytes('<meta charset="windows-1252"><p>Café</p>'), 'windows-1252')).toEqual({ text: '<meta charset="windows-1252"><p>Café</p>', invalid: false });
    expect(decode(page('Caf\xe9 \x93fermé\x94'), 'windows-1252')).toEqual({ text: '<meta charset="iso-8859-7"><p>Café “fermé”</p>', invalid: false });
    expect(decode(page('Caf\xe9'))).toEqual({ text: '<meta charset="iso-8859-7"><p>Cafι</p>', invalid: false });
    // UTF-8 sent: bad bytes are bad, whatever the page says.
    expect(decode(page('Caf\xe9'), 'utf-8')).toEqual({ text: '<meta charset="iso-8859-7"><p>Caf\uFFFD</p>', invalid: true });
  });
});

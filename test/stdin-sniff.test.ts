import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandStdin, readStdin } from '../src/input/stdin.js';
import { isPathList } from '../src/input/path-list.js';
import { discover } from '../src/input/discover.js';
import { runCli } from './cli-run.js';

const JSONL = '{"title":"Flood in Dhaka","text":"Rivers rose on Monday."}\n{"title":"Fire in Porto","text":"A warehouse burned on Tuesday."}\n';

/** `text` as UTF-16 with a byte-order mark (as `iconv -t UTF-16` writes it), little- or big-endian. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return order === 'le' ? le : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.subarray(2)).swap16()]);
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The titles of the articles stdin gives (JSON Lines streamed, or parsed whole). */
async function titles(bytes: Uint8Array, size: number): Promise<string[]> {
  const r = await expandStdin(['-'], pieces(bytes, size));
  expect(r.listed).toBeUndefined();
  const lines: string[] = [];
  for await (const batch of r.streamed ?? []) for (const l of batch) if ('text' in l) lines.push(JSON.parse(l.text).title);
  return [...lines, ...(r.fromStdin?.articles ?? []).map((a) => a.title)];
}

describe('stdin with a byte-order mark is decoded before it is told', () => {
  it('reads UTF-16 LE and BE JSON Lines as the UTF-8 ones, whatever the chunks (odd sizes cut characters)', async () => {
    for (const order of ['le', 'be'] as const) {
      for (const size of [1, 3, 7, 4096]) expect(await titles(utf16(JSONL, order), size)).toEqual(['Flood in Dhaka', 'Fire in Porto']);
    }
  });

  it('reads a UTF-8 byte-order mark and a UTF-16 feed too', async () => {
    expect(await titles(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSONL)]), 5)).toEqual(['Flood in Dhaka', 'Fire in Porto']);
    const feed = '<?xml version="1.0"?><rss><channel><title>Wire</title><item><title>Caf\u00e9 flooded</title><description>The caf\u00e9 was flooded on Monday.</description></item></channel></rss>';
    expect(await titles(utf16(feed, 'le'), 11)).toEqual(['Caf\u00e9 flooded']);
  });
});

describe('a list of paths or an article', () => {
  const none = (): boolean => false;

  it('takes find output (paths with / or an ending, spaces in names) as paths', () => {
    expect(isPathList(['news/a.html', './b c.md', 'feeds/day 1/x.jsonl', 'x/y.txt', 'README'], none)).toBe(true);
    // Names that exist count whatever their shape.
    expect(isPathList(['My Great Long Story From Today', 'notes'], (p) => p !== 'none')).toBe(true);
  });

  it('takes prose, a line over 1,000 characters, or mostly non-paths as text', () => {
    expect(isPathList(['Flood in Dhaka', 'Rivers rose on Monday, officials said.', '* Three people are missing.'], none)).toBe(false);
    expect(isPathList(['a.md', `b${'x'.repeat(1000)}.md`], none)).toBe(false);
    expect(isPathList(['a.md', 'b.md', 'c.md', 'The rivers rose on Monday and kept rising.'], none)).toBe(false);
    expect(isPathList(['a.md', 'b.md', 'c.md', 'd.md', 'The rivers rose on Monday and kept rising.'], none)).toBe(true);
    expect(isPathList([], none)).toBe(false);
  });

  it('reads article text as one article named <stdin>, a line with * included', () => {
    const r = readStdin('Flood in Dhaka\n\nRivers rose on Monday, officials said.\n* Three people are missing, police said.\n');
    expect(r.kind).toBe('articles');
    if (r.kind !== 'articles') return;
    expect(r.parsed.articles.map((a) => [a.path, a.title])).toEqual([['<stdin>', 'Flood in Dhaka']]);
  });

  it('takes a line of many spaces that ends as an article file does for a path, existing or not', () => {
    const names = [1, 2, 3, 4, 5, 6, 7].map((n) => `BBC News - Syria rebels storm Damascus district part ${n}.txt`);
    expect(isPathList(names, (p) => !p.includes('part 6') && !p.includes('part 7'))).toBe(true);
    expect(isPathList(names, () => false)).toBe(true);
    expect(isPathList(['The flood hit Dhaka on Monday and the river rose.', 'Police said three people are missing.'], () => false)).toBe(false);
  });

  it('reads text or a listing whose first line starts with "[" or "<" as text or paths, not as JSON or a page', () => {
    const text = readStdin('[UPDATED] Flood in Dhaka\n\nRivers rose on Monday, officials said.\nThree people are missing, police said.\n');
    expect(text.kind === 'articles' && text.parsed.articles.map((a) => [a.path, a.title])).toEqual([['<stdin>', '[UPDATED] Flood in Dhaka']]);
    const angle = readStdin('<<< Flood in Dhaka >>>\n\nRivers rose on Monday, officials said.\n');
    expect(angle.kind === 'articles' && angle.parsed.articles.map((a) => a.path)).toEqual(['<stdin>']);
    expect(readStdin('[TRT] Syria rebels.txt\nb.txt\n', () => true)).toEqual({ kind: 'paths', paths: ['[TRT] Syria rebels.txt', 'b.txt'] });
    // JSON arrays still are, on one line or pretty-printed, and so are broken ones.
    for (const json of ['[{"title":"T","text":"Rivers rose on Monday."}]', '[\n  {"title":"T","text":"Rivers rose on Monday."}\n]', '[ "a" ]', '[true]']) {
      expect(readStdin(json).kind).toBe('articles');
    }
    const broken = readStdin('[{"title": ');
    expect(broken.kind === 'articles' && broken.parsed.diagnostics[0]?.reason).toMatch(/malformed JSON/);
  });

  it('reads Markdown (front matter, or a # heading) as a .md file, still named <stdin>', () => {
    const r = readStdin('---\ntitle: Flood in Dhaka\nsource: Wire\n---\n\nRivers rose on Monday, officials said.\nThree people are missing.\n');
    expect(r.kind === 'articles' && r.parsed.articles.map((a) => [a.path, a.title, a.meta.source, a.paragraphs])).toEqual([['<stdin>', 'Flood in Dhaka', 'Wire', ['Rivers rose on Monday, officials said. Three people are missing.']]]);
    const h = readStdin('# Flood in *Dhaka*\n\nRivers rose on Monday, officials said.\n');
    expect(h.kind === 'articles' && h.parsed.articles.map((a) => [a.path, a.title])).toEqual([['<stdin>', 'Flood in Dhaka']]);
  });

  it('refuses article text over --max-size, as a file', async () => {
    const r = await expandStdin(['-'], `Flood in Dhaka\n${'Rivers rose on Monday, officials said. '.repeat(40)}\n`, 1024);
    expect(r.fromStdin?.diagnostics).toEqual([{ path: '<stdin>', reason: expect.stringMatching(/^1\.\d KB is over the size limit of 1\.0 KB/), level: 'skipped' }]);
  });
});

describe('a table on stdin', () => {
  it('reads a CSV or TSV table with a header naming the text and the title or address, a record an article', () => {
    const csv = 'id,title,content,publication\n1,Flood in Dhaka,"Rivers rose on Monday, officials said.",Daily Ledger\n2,Fire in Porto,A warehouse burned on Tuesday.,Harbor Post\n';
    const r = readStdin(csv);
    expect(r.kind === 'articles' && r.parsed.articles.map((a) => [a.path, a.title])).toEqual([['<stdin>:2', 'Flood in Dhaka'], ['<stdin>:3', 'Fire in Porto']]);
    const tsv = readStdin('url\ttext\nhttps://example.com/a\tRivers rose on Monday, officials said.\n');
    expect(tsv.kind === 'articles' && tsv.parsed.articles.map((a) => a.path)).toEqual(['<stdin>:2']);
  });

  it('reads a headline with commas and a column-like word as an article, not a table', () => {
    const r = readStdin('Summary, analysis and reaction\n\nRivers rose on Monday, officials said.\n');
    expect(r.kind === 'articles' && r.parsed.articles.map((a) => [a.path, a.title])).toEqual([['<stdin>', 'Summary, analysis and reaction']]);
  });
});

describe('find -print0 on stdin', () => {
  it('reads names ended by NUL bytes as a list of paths, names with spaces included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-print0-'));
    const seeds = ['000_599fd1684341c80a.txt', '001_9d1f47d9723a6f2b.txt'];
    const names = ['a seed.txt', 'the other seed.txt'];
    names.forEach((n, i) => writeFileSync(path.join(dir, n), readFileSync(path.join('seeds', seeds[i] ?? ''))));
    const r = runCli(['-', '--json'], { cwd: dir, input: Buffer.from(`${names[0]}\0${names[1]}\0`) });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { articles: { path: string }[] }).articles.map((a) => a.path).sort()).toEqual(names);
  });
});

describe('paths listed on stdin are literal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-listed-'));
  writeFileSync(path.join(dir, 'a1.md'), '# One\n\nBody one.\n');
  writeFileSync(path.join(dir, 'a2.md'), '# Two\n\nBody two.\n');

  it('a listed pattern is a missing name; the same on the command line is a pattern', async () => {
    const listed = await discover([], dir, ['a*.md']);
    expect(listed.files).toEqual([]);
    expect(listed.diagnostics).toEqual([{ path: 'a*.md', reason: 'no such file or folder', level: 'skipped' }]);
    expect((await discover(['a*.md'], dir)).files).toEqual(['a1.md', 'a2.md']);
    expect((await discover([], dir, ['a2.md'])).files).toEqual(['a2.md']);
  });

  it('end to end: article text with a * line is one article, not the folder’s files', () => {
    const text = 'Flood in Dhaka\n\nRivers rose on Monday, officials said, and three people are missing.\n*\n';
    const r = runCli(['-', '--json'], { cwd: dir, input: text });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).articles.map((a: { path: string }) => a.path)).toEqual(['<stdin>']);
    const list = runCli(['-', '--json'], { cwd: dir, input: 'a1.md\na2.md\n' });
    expect(JSON.parse(list.stdout).articles.map((a: { path: string }) => a.path)).toEqual(['a1.md', 'a2.md']);
  });

  it('end to end: UTF-16 JSON Lines are read, not taken for file names', () => {
    const r = runCli(['-', '--json'], { input: utf16(JSONL, 'le') });
    // Read as records: they name no source, which is the one thing said.
    expect(r.stderr).toBe('dedupe: warning: <stdin>: 2 records had no source (no source field, URL or credit line) and were credited to "<stdin>"\n');
    expect(JSON.parse(r.stdout).articles.map((a: { path: string }) => a.path)).toEqual(['<stdin>:1', '<stdin>:2']);
  });
});

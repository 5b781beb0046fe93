/**
 * Bad input through the built CLI: every unusable file gets one stderr line naming it and the reason, is listed
 * under `skipped`, and the run goes on; the inputs are never modified and nothing is written beside them.
 * Big, binary and symbolic-link cases are generated in a temporary folder at test time.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { runCli, ROOT } from './cli-run.js';

const SEEDS = ['000_599fd1684341c80a.txt', '001_9d1f47d9723a6f2b.txt'];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const dedupe = (args: readonly string[], cwd: string): Run => runCli(args, { cwd });

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

/** Deterministic pseudo-random bytes (a 32-bit LCG), `from`..255. */
function noise(n: number, from: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = from + ((x >>> 16) % (256 - from));
  }
  return out;
}

/** Every entry under `dir` (not following links) with its kind, size, mtime and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const s = lstatSync(p);
      const rel = path.relative(dir, p);
      if (s.isSymbolicLink()) out[rel] = 'link';
      else if (s.isDirectory()) {
        out[rel] = 'dir';
        walk(p);
      } else out[rel] = `${s.size} ${s.mtimeMs} ${s.mode} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

const ARTICLE = 'Storm floods the Orrin valley\nHeavy rain flooded the Orrin valley overnight and cut the rail line to Brask, officials said.\nAbout 80 homes were evacuated as the river Orrin burst its banks near the village of Tull.\n';

/** name → the words the skip (or warning) message must contain. */
const BAD: Readonly<Record<string, string>> = {
  'empty.txt': 'empty file',
  'blank.txt': 'only white space',
  'random.txt': 'binary data',
  'random-no-nul.txt': 'binary data',
  'png.txt': 'PNG image',
  'zip.txt': 'zip archive',
  'big.txt': 'over the size limit',
  'long-line.txt': 'no article body',
  'dots.txt': 'no article body',
  'no-sentences.txt': 'no sentences',
  'broken-link.txt': 'broken symbolic link',
  'loop-a.txt': 'symbolic link loop',
  'loop-b.txt': 'symbolic link loop',
  'sub/up': 'symbolic link loop (to a folder that contains it)',
  'sub/again': 'symbolic link loop (to a folder that contains it)',
  // The parser's time grows with the square of the depth: 200,000 levels took a minute before they were refused.
  'deep.html': 'elements nested more than 512 deep',
  'deep.rss': 'elements nested more than 512 deep',
  'sitemap.xml': 'XML, but not an RSS or Atom feed (its root is <urlset>)',
  // Markup with no element: linkedom's document then has no root, which once ended the whole run.
  'doctype-only.html': 'no article text found in the page',
  'text-only.htm': 'no article text found in the page',
  'cut.mhtml': 'no article text found in the page',
  'junk.webarchive': 'not a Safari web archive',
};

let tmp = '';
let dir = '';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dedupe-hostile-'));
  dir = path.join(tmp, 'in');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (const s of SEEDS) copyFileSync(path.join(ROOT, 'seeds', s), path.join(dir, s));
  const w = (name: string, data: string | Uint8Array): void => writeFileSync(path.join(dir, name), data);
  w('empty.txt', '');
  w('blank.txt', ' \n\t\r\n   \n');
  w('random.txt', noise(8192, 0));
  w('random-no-nul.txt', noise(8192, 1));
  w('png.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(200, 0)]));
  w('zip.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(200, 0)]));
  // UTF-8 (three good sequences) with two bad bytes: decoded with U+FFFD, not read as windows-1252.
  w('bad-utf8.txt', Buffer.concat([Buffer.from('Rail line cut\nHeavy rain cut the rail line — '), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(' to Brąsk overnight, officials in Łódź said.\n')]));
  w('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Orrin valley flood in UTF-16\n${ARTICLE.split('\n').slice(1).join('\n')}`, 'utf16le')]));
  w('big.txt', '');
  truncateSync(path.join(dir, 'big.txt'), 50 * 1024 * 1024); // sparse: 50 MB on paper, no disk used
  w('long-line.txt', 'x'.repeat(1024 * 1024));
  w('dots.txt', '.'.repeat(200_000));
  w('no-sentences.txt', 'Menu\nHome\nSports\nWeather\n');
  w('deep.html', `<!DOCTYPE html><html><body>${'<div>'.repeat(200_000)}<p>${ARTICLE}</p>${'</div>'.repeat(200_000)}</body></html>`);
  w('deep.rss', `<rss><channel>${'<x>'.repeat(200_000)}<item><title>Flood</title><description>${ARTICLE}</description></item>${'</x>'.repeat(200_000)}</channel></rss>`);
  w('sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>');
  w('doctype-only.html', '<!doctype html>\n');
  w('text-only.htm', 'Home | News | Sport\n');
  w('cut.mhtml', 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
  w('junk.webarchive', noise(300, 1));
  // ISO-8859-1 as it declares (é is one byte, 0xE9): decoded without a warning.
  w('latin1.rss', Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf\u00e9 flooded</title><description>${ARTICLE.replace('officials', 'caf\u00e9 owners')}</description></item></channel></rss>`, 'latin1'));
  symlinkSync('nowhere.txt', path.join(dir, 'broken-link.txt'));
  symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
  symlinkSync('..', path.join(dir, 'sub', 'up')); // a folder loop: links to folders are not followed, but reported
  symlinkSync(dir, path.join(dir, 'sub', 'again'));
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('a folder of bad files among good ones', () => {
  let before: Record<string, string>;
  let terminal: Run;
  let json: Run;
  let report: Report;

  beforeAll(() => {
    before = snapshot(tmp);
    terminal = dedupe(['in', 'missing-folder/'], tmp);
    json = dedupe(['in', 'missing-folder/', '--json'], tmp);
    report = JSON.parse(json.stdout) as Report;
  }, 120_000);

  it('goes on with the good files and exits 0', () => {
    expect(terminal.status).toBe(0);
    expect(json.status).toBe(0);
    expect(report.articles.map((a) => path.basename(a.path)).sort()).toEqual([...SEEDS, 'bad-utf8.txt', 'latin1.rss[0]', 'utf16.txt'].sort());
    expect(report.articles.find((a) => a.path === 'in/latin1.rss[0]')?.title).toBe('Caf\u00e9 flooded');
  });

  it('names each bad file in exactly one stderr line with its reason', () => {
    for (const run of [terminal, json]) {
      const err = lines(run.stderr);
      for (const [name, reason] of Object.entries(BAD)) {
        const mine = err.filter((l) => l.includes(`in/${name}`));
        expect(mine, name).toHaveLength(1);
        expect(mine[0], name).toContain(reason);
      }
      expect(err.filter((l) => l.includes('missing-folder/'))).toEqual(['dedupe: skipped missing-folder/: no such file or folder']);
      // One line per bad file, the missing folder and the invalid UTF-8 warning (the feed's one item with no source is
      // credited to "latin1" without a warning, as a file of its own would be).
      expect(err.filter((l) => l.includes('in/latin1.rss'))).toEqual([]);
      expect(err).toHaveLength(Object.keys(BAD).length + 2);
    }
  });

  it('lists the skipped files with their reasons in the report', () => {
    const skipped = new Map(report.skipped.map((d) => [d.path, d.reason]));
    for (const [name, reason] of Object.entries(BAD)) expect(skipped.get(`in/${name}`), name).toContain(reason);
    expect(skipped.get('missing-folder/')).toBe('no such file or folder');
    expect(terminal.stdout).toContain(`Skipped files (${report.skipped.length})`);
  });

  it('decodes invalid UTF-8 with replacement characters and a warning', () => {
    expect(report.warnings.filter((w) => w.path !== 'in/latin1.rss')).toEqual([{ path: 'in/bad-utf8.txt', reason: expect.stringContaining('invalid UTF-8') as unknown as string, level: 'warning' }]);
    const a = report.articles.find((x) => x.path === 'in/bad-utf8.txt');
    const mentions = report.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions)).filter((m) => m.article === a?.id);
    expect(mentions.some((m) => m.text.includes('\uFFFD'))).toBe(true);
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    expect(report.articles.find((x) => x.path === 'in/utf16.txt')?.title).toBe('Orrin valley flood in UTF-16');
  });

  it('does not follow links to folders, so a link loop lists no file twice', () => {
    expect(report.articles.some((a) => a.path.includes('sub/'))).toBe(false);
  });

  it('changes nothing in the input folder and creates nothing beside it', () => {
    expect(snapshot(tmp)).toEqual(before);
  });
});

describe('size limit, empty runs', () => {
  it('reads a 50 MB file when --max-size allows it (here it is NUL bytes, so binary)', () => {
    const r = dedupe(['in/big.txt', `in/${SEEDS[0]}`, '--max-size', '60MB'], tmp);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual(['dedupe: skipped in/big.txt: binary data (NUL bytes), not text']);
  });

  it('writes an empty report (exit 0) when no usable article remains, every bad file listed', () => {
    // The folder links are left out: a link named on the command line is followed like any folder.
    const names = Object.keys(BAD).filter((n) => !n.startsWith('sub/')).map((n) => `in/${n}`);
    const r = dedupe([...names, 'nope.txt', '--json'], tmp);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.stories).toEqual([]);
    expect(doc.skipped).toHaveLength(names.length + 1);
    const err = lines(r.stderr);
    expect(err.at(-1)).toBe(`dedupe: no article in the input (${names.length + 1} inputs skipped): the report is empty`);
    expect(err).toHaveLength(names.length + 2);
  });

  it('warns that a file of more sentences than any news article has its facts taken from the first 2,000', () => {
    const body = Array.from({ length: 2100 }, (_, i) => `Entry ${i} of the log notes that pump ${i % 7} ran for ${i % 50} minutes.`).join('\n');
    mkdirSync(path.join(tmp, 'long'), { recursive: true });
    writeFileSync(path.join(tmp, 'long', 'log.txt'), `Pump log\n${body}\n`);
    const r = dedupe(['long/log.txt', `in/${SEEDS[0]}`, '--json'], tmp);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual(['dedupe: warning: long/log.txt: facts compared over its first 2,000 of 2,100 sentences, so no omits are listed for it']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.warnings).toEqual([{ path: 'long/log.txt', reason: 'facts compared over its first 2,000 of 2,100 sentences, so no omits are listed for it', level: 'warning' }]);
    const log = report.articles.find((a) => a.path === 'long/log.txt');
    const mentions = report.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions.filter((m) => m.article === log?.id)));
    expect(mentions.length).toBeGreaterThan(0);
    expect(Math.max(...mentions.map((m) => m.sentence))).toBeLessThan(2000);
  });

  it('ends with exit 2 when a path does not exist and nothing else is given', () => {
    const r = dedupe(['does-not-exist/'], tmp);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe('dedupe: skipped does-not-exist/: no such file or folder');
  });
});

describe('a file named like an escape sequence', () => {
  it('is named escaped in its stderr line', () => {
    const name = 'evil\u001b]0;pwned\u0007.txt';
    writeFileSync(path.join(tmp, name), '');
    const r = dedupe([name, `in/${SEEDS[0]}`], tmp);
    rmSync(path.join(tmp, name));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('dedupe: skipped evil\\x1b]0;pwned\\x07.txt: empty file\n');
    expect(r.stdout).toContain('evil\\x1b]0;pwned\\x07.txt');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

/**
 * End to end on real-world inputs: the seed story as HTML pages, as a news-please JSON Lines feed and as
 * Markdown with front matter gives the same story and facts as the plain-text seeds; `dedupe -` reads JSON
 * Lines or a list of paths from stdin; dates separate stories and name the first report.
 * Runs the built CLI (test/global-setup.ts builds dist/ first when it is stale).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { runCli, type CliRun } from './cli-run.js';

const INPUTS = 'test/fixtures/inputs';

const dedupe = (args: readonly string[], input?: string): CliRun => runCli(args, input !== undefined ? { input } : {});

function report(args: readonly string[], input?: string): Report {
  const r = dedupe([...args, '--json'], input);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** A story's facts as sets of sentence texts: comparable across inputs whose ids and sources differ. */
function factTexts(r: Report): string[] {
  const story = r.stories[0];
  return (story?.facts ?? []).map((f) => f.mentions.map((m) => m.text).sort().join(' | ')).sort();
}

function conflictValues(r: Report): string[] {
  return (r.stories[0]?.conflicts ?? []).map((c) => `${c.kind}: ${c.values.map((v) => v.value).sort().join(' vs ')}`).sort();
}

describe('the seed story in every input format', () => {
  let seeds: Report;
  beforeAll(() => {
    seeds = report(['seeds/']);
  });

  it('names TRT World from its credit line in the plain-text seeds, and the other seed by its file name', () => {
    expect(seeds.articles.map((a) => [a.source, a.sourceOrigin])).toEqual([
      ['TRT World', 'credit'],
      ['001_9d1f47d9723a6f2b', 'filename'],
    ]);
  });

  for (const folder of ['seed-html', 'seed-jsonl', 'seed-md', 'seed-csv']) {
    it(`${folder}: one story with the same facts, conflicts and sentence counts; outlets and dates from metadata`, () => {
      const r = report([`${INPUTS}/${folder}`]);
      expect(r.stories).toHaveLength(1);
      expect(r.stories[0]?.articles).toHaveLength(2);
      expect(factTexts(r)).toEqual(factTexts(seeds));
      expect(factTexts(r).length).toBeGreaterThan(30);
      expect(conflictValues(r)).toEqual(conflictValues(seeds));
      expect(r.articles.map((a) => a.sentences).sort()).toEqual(seeds.articles.map((a) => a.sentences).sort());
      expect(r.stories[0]?.sources).toEqual(['Reuters', 'TRT World']);
      expect(r.articles.every((a) => a.sourceOrigin === 'metadata' && a.date !== undefined && a.url !== undefined)).toBe(true);
      // With times (HTML, JSON Lines), Reuters was first; the Markdown front matter gives both the same day only,
      // so who was first is not known and none is claimed.
      expect(r.stories[0]?.firstReported?.source).toBe(folder === 'seed-md' ? undefined : 'Reuters');
    });
  }

  it('every format together: each outlet one article, its full text kept over the teaser feed (QA 29)', () => {
    const r = report([INPUTS]);
    const story = r.stories.find((s) => s.sources.includes('TRT World'));
    const trt = r.articles.find((a) => a.source === 'TRT World');
    expect(trt?.path.includes('/teaser/')).toBe(false);
    expect(trt?.excerpt).toBeUndefined();
    expect(story?.shared.length).toBeGreaterThan(0);
  });

  it('names JSON Lines articles file:line', () => {
    const r = report([`${INPUTS}/seed-jsonl`]);
    expect(r.articles.map((a) => a.path)).toEqual([`${INPUTS}/seed-jsonl/news-please.jsonl:1`, `${INPUTS}/seed-jsonl/news-please.jsonl:2`]);
  });

  it('shows the first report and each article\'s time in the terminal view', () => {
    const out = dedupe([`${INPUTS}/seed-html`]).stdout;
    // In one form whatever the pages wrote, each time in the offset its page gave: TRT World's
    // 2017-03-21T14:20:00+03:00 (11:20 UTC) stays 14:20 at +03:00, and Reuters' 10:38 UTC is still the first.
    expect(out).toContain('2 articles from 2 sources · first reported 2017-03-21 10:38 UTC by Reuters');
    expect(out).toMatch(/Reuters 2017-03-21 10:38 UTC /);
    expect(out).toMatch(/TRT World 2017-03-21 14:20 UTC\+03:00 /);
  });
});

describe('bad records in feeds', () => {
  it('reports a malformed line with its file and line number on stderr, and uses the other lines', () => {
    const r = dedupe([`${INPUTS}/feeds/mixed.jsonl`, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`dedupe: skipped ${INPUTS}/feeds/mixed.jsonl:2: malformed JSON line`);
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.articles.map((a) => [a.path, a.source, a.sourceOrigin])).toEqual([
      [`${INPUTS}/feeds/mixed.jsonl:1`, 'Highland Herald', 'metadata'],
      [`${INPUTS}/feeds/mixed.jsonl:6`, 'harborpost.example', 'url'],
    ]);
  });
});

describe('dedupe - (stdin)', () => {
  const feed = readFileSync(`${INPUTS}/seed-jsonl/news-please.jsonl`, 'utf8');

  it('reads JSON Lines articles, named <stdin>:line', () => {
    const r = report(['-'], feed);
    expect(r.articles.map((a) => a.path)).toEqual(['<stdin>:1', '<stdin>:2']);
    expect(r.stories).toHaveLength(1);
  });

  it('reads a list of paths, one a line, as find writes it', () => {
    const list = `${INPUTS}/seed-html/reuters.html\n${INPUTS}/seed-md/trt-world.md\r\n\n`;
    const r = report(['-'], list);
    expect(r.articles.map((a) => a.path)).toEqual([`${INPUTS}/seed-html/reuters.html`, `${INPUTS}/seed-md/trt-world.md`]);
    expect(r.stories).toHaveLength(1);
  });

  it('combines stdin with paths on the command line, and says when stdin is empty', () => {
    expect(report(['-', 'seeds/000_599fd1684341c80a.txt'], `${INPUTS}/seed-md/reuters.md\n`).articles).toHaveLength(2);
    const empty = dedupe(['-', 'seeds/'], '');
    expect(empty.stderr).toContain('dedupe: skipped <stdin>: nothing on standard input');
    expect(empty.status).toBe(0);
  });

  it('skips a JSON line over --max-size in one stderr line and goes on with the others', () => {
    const [one, two] = feed.trim().split('\n');
    const big = JSON.stringify({ title: 'A very long article', text: 'Words and more words. '.repeat(500) });
    const r = dedupe(['-', '--json', '--max-size', '8KB'], [one, big, two].join('\n'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('dedupe: skipped <stdin>:2: a line of 10.8 KB is over the size limit of 8.0 KB (--max-size)\n');
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.articles.map((a) => a.path)).toEqual(['<stdin>:1', '<stdin>:3']);
    expect(doc.skipped.map((d) => d.path)).toEqual(['<stdin>:2']);
  });
});

describe('a JSON Lines file over --max-size', () => {
  it('is read a line at a time, each line under the limit, in input order among the other files: as the same feed on stdin', () => {
    const [one, two] = readFileSync(`${INPUTS}/seed-jsonl/news-please.jsonl`, 'utf8').trim().split('\n');
    const big = JSON.stringify({ title: 'A very long article', text: 'Words and more words. '.repeat(500) });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-feed-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), '');
      writeFileSync(path.join(dir, 'b.jsonl'), [one, big, 'not json', two].join('\n'));
      writeFileSync(path.join(dir, 'c.txt'), '');
      const r = dedupe([dir, '--json', '--max-size', '8KB']);
      expect(r.status).toBe(0);
      expect(r.stderr.split('\n')).toEqual([
        `dedupe: skipped ${dir}/a.txt: empty file`,
        `dedupe: skipped ${dir}/b.jsonl:2: a line of 10.8 KB is over the size limit of 8.0 KB (--max-size)`,
        `dedupe: skipped ${dir}/b.jsonl:3: malformed JSON line: Unexpected token 'o', "not json" is not valid JSON`,
        `dedupe: skipped ${dir}/c.txt: empty file`,
        '',
      ]);
      const doc = JSON.parse(r.stdout) as Report;
      expect(doc.articles.map((a) => a.path)).toEqual([`${dir}/b.jsonl:1`, `${dir}/b.jsonl:4`]);
      expect(doc.stories).toHaveLength(1);
      const piped = dedupe(['-', '--json', '--max-size', '8KB'], readFileSync(path.join(dir, 'b.jsonl'), 'utf8'));
      const fromStdin = JSON.parse(piped.stdout.replaceAll('<stdin>', `${dir}/b.jsonl`)) as Report;
      expect(fromStdin.articles).toEqual(doc.articles);
      expect(fromStdin.stories).toEqual(doc.stories);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a gzipped JSON Lines feed', () => {
  it('is found in a folder and read as the plain feed is, its outlet named after the feed', () => {
    const feed = readFileSync(`${INPUTS}/seed-jsonl/news-please.jsonl`, 'utf8');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-gz-'));
    try {
      writeFileSync(path.join(dir, 'day.jsonl.gz'), gzipSync(feed));
      const doc = report([dir]);
      const plain = report(['-'], feed);
      expect(doc.articles.map((a) => a.path)).toEqual([`${dir}/day.jsonl.gz:1`, `${dir}/day.jsonl.gz:2`]);
      expect(doc.stories.map((s) => s.facts.length)).toEqual(plain.stories.map((s) => s.facts.length));
      expect(factTexts(doc)).toEqual(factTexts(plain));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('RSS and Atom feeds', () => {
  it('the seed story as an RSS 2.0 and an Atom feed: one story with the seeds\' facts, outlets by their URLs', () => {
    const seeds = report(['seeds/']);
    const r = report([`${INPUTS}/seed-feeds`]);
    expect(r.articles.map((a) => [a.path, a.source, a.sourceOrigin, a.date])).toEqual([
      [`${INPUTS}/seed-feeds/reuters.rss[0]`, 'Reuters', 'url', 'Tue, 21 Mar 2017 10:38:00 GMT'],
      [`${INPUTS}/seed-feeds/trt-world.atom[0]`, 'TRT World', 'url', '2017-03-21T14:20:00+03:00'],
    ]);
    expect(r.stories).toHaveLength(1);
    expect(r.stories[0]?.firstReported?.source).toBe('Reuters');
    expect(factTexts(r)).toEqual(factTexts(seeds));
    expect(conflictValues(r)).toEqual(conflictValues(seeds));
  });

  it('reads a feed piped in (curl … | dedupe -), its items named <stdin>[i]', () => {
    const r = report(['-', `${INPUTS}/seed-feeds/trt-world.atom`], readFileSync(`${INPUTS}/seed-feeds/reuters.rss`, 'utf8'));
    expect(r.articles.map((a) => a.path)).toEqual(['<stdin>[0]', `${INPUTS}/seed-feeds/trt-world.atom[0]`]);
    expect(r.stories).toHaveLength(1);
  });

  it('an item with only a teaser is marked so, and no omits are claimed for it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-teaser-'));
    try {
      writeFileSync(path.join(dir, 'reuters.rss'), readFileSync(`${INPUTS}/seed-feeds/reuters.rss`));
      writeFileSync(path.join(dir, 'trt-world.atom'), readFileSync(`${INPUTS}/seed-feeds/trt-world.atom`, 'utf8').replace(/<content type="html">[\s\S]*?<\/content>\n/, ''));
      const r = report([dir, '--single-story']);
      expect(r.articles.map((a) => [a.source, a.excerpt, a.sentences])).toEqual([['Reuters', undefined, 29], ['TRT World', true, 1]]);
      const coverage = new Map(r.stories[0]?.coverage.map((c) => [c.source, c]));
      expect(coverage.get('TRT World')?.omits).toEqual([]);
      expect(coverage.get('Reuters')?.adds).toHaveLength(29);
      const view = dedupe([dir, '--single-story']).stdout;
      expect(view).toContain('teaser only, no omits listed');
      expect(view).toContain('Only A (Reuters) reports (29)\n');
      expect(view).toContain('Only B (TRT World) reports (1; A leaves them out)');
      // explain names an article of a feed by its place in it
      const explained = JSON.parse(dedupe(['explain', `${dir}/reuters.rss[0]`, `${dir}/trt-world.atom`, '--json']).stdout) as { a: { path: string }; b: { path: string } };
      expect([explained.a.path, explained.b.path]).toEqual([`${dir}/reuters.rss[0]`, `${dir}/trt-world.atom[0]`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips XML that is no feed and items with no text in one line each, counted as a file and a record', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-rss-'));
    try {
      const feed = readFileSync(`${INPUTS}/seed-feeds/reuters.rss`, 'utf8').replace('</channel>', '<item><title>Photo</title></item></channel>');
      writeFileSync(path.join(dir, 'news.xml'), feed);
      writeFileSync(path.join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>');
      const r = dedupe([dir]);
      expect(r.status).toBe(0);
      expect(r.stderr.split('\n')).toEqual([
        `dedupe: skipped ${dir}/news.xml[1]: no article text (content:encoded, content, description or summary)`,
        `dedupe: skipped ${dir}/sitemap.xml: XML, but not an RSS or Atom feed (its root is <urlset>)`,
        '',
      ]);
      expect(r.stdout).toContain('1 file and 1 record skipped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gzipped files of every kind', () => {
  it('are found in folders and read decompressed as their inner ending says, within --max-size; bad gzip is skipped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-gzall-'));
    try {
      writeFileSync(path.join(dir, 'news.csv.gz'), gzipSync(readFileSync(`${INPUTS}/seed-csv/all-the-news.csv`)));
      writeFileSync(path.join(dir, 'trt.atom.gz'), gzipSync(readFileSync(`${INPUTS}/seed-feeds/trt-world.atom`)));
      writeFileSync(path.join(dir, 'seed.txt.gz'), gzipSync(readFileSync('seeds/001_9d1f47d9723a6f2b.txt')));
      writeFileSync(path.join(dir, 'cut.json.gz'), gzipSync(readFileSync(`${INPUTS}/seed-csv/all-the-news.csv`)).subarray(0, 100));
      // 10 MB of spaces: 10 KB on disk, over the 5 MB limit once decompressed, refused without being inflated whole.
      writeFileSync(path.join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(10 * 1024 * 1024, 32)));
      const r = dedupe([dir, '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr.split('\n')).toEqual([
        `dedupe: skipped ${dir}/bomb.txt.gz: over the size limit of 5.0 MB (--max-size) once decompressed`,
        `dedupe: skipped ${dir}/cut.json.gz: not gzip data, or cut short: unexpected end of file`,
        // The Atom entry is the CSV's first row (same outlet, URL and text): read, and one article with it.
        `dedupe: skipped ${dir}/trt.atom.gz[0]: 1 repeat of one record (same outlet and URL, same text), not read as an article: this one; kept: ${dir}/news.csv.gz:2`,
        '',
      ]);
      const doc = JSON.parse(r.stdout) as Report;
      expect(doc.articles.map((a) => [a.path, a.source])).toEqual([
        [`${dir}/news.csv.gz:2`, 'TRT World'],
        [`${dir}/news.csv.gz:22`, 'Reuters'],
        [`${dir}/seed.txt.gz`, 'seed'],
      ]);
      expect(doc.stories).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gzip data under a plain name (no .gz)', () => {
  it('is found in folders and read decompressed as its name says; cut gzip data is skipped with zlib\'s reason', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-gzmagic-'));
    try {
      writeFileSync(path.join(dir, 'news.csv'), gzipSync(readFileSync(`${INPUTS}/seed-csv/all-the-news.csv`)));
      writeFileSync(path.join(dir, 'trt.atom'), gzipSync(readFileSync(`${INPUTS}/seed-feeds/trt-world.atom`)));
      writeFileSync(path.join(dir, 'seed.txt'), gzipSync(readFileSync('seeds/001_9d1f47d9723a6f2b.txt')));
      const records = readFileSync(`${INPUTS}/seed-jsonl/news-please.jsonl`);
      writeFileSync(path.join(dir, 'day.jsonl'), gzipSync(records));
      const cut = gzipSync(readFileSync(`${INPUTS}/seed-csv/all-the-news.csv`));
      writeFileSync(path.join(dir, 'cut.json'), cut.subarray(0, 100));
      const r = dedupe([dir, '--json']);
      expect(r.status).toBe(0);
      // The CSV rows and the Atom entry are the JSON Lines records again (same outlet, URL and text): read, and
      // one article with them.
      expect(r.stderr.split('\n')).toEqual([
        `dedupe: skipped ${dir}/cut.json: not gzip data, or cut short: unexpected end of file`,
        `dedupe: skipped ${dir}/news.csv:2: 2 repeats of one record (same outlet and URL, same text), not read as articles: this one to ${dir}/trt.atom[0]; kept: ${dir}/day.jsonl:1`,
        `dedupe: skipped ${dir}/news.csv:22: 1 repeat of one record (same outlet and URL, same text), not read as an article: this one; kept: ${dir}/day.jsonl:2`,
        '',
      ]);
      const doc = JSON.parse(r.stdout) as Report;
      expect(doc.articles.map((a) => a.path)).toEqual([`${dir}/day.jsonl:1`, `${dir}/day.jsonl:2`, `${dir}/seed.txt`]);
      // A file named explicitly, too.
      const one = report([path.join(dir, 'trt.atom')]);
      expect(one.articles.map((a) => [a.path, a.source])).toEqual([[`${dir}/trt.atom[0]`, 'TRT World']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dates in story clustering', () => {
  const records = readFileSync(`${INPUTS}/seed-jsonl/news-please.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const feed = (dates: readonly (string | null)[]): string => records.map((r, i) => JSON.stringify({ ...r, date_publish: dates[i] })).join('\n');

  it('keeps reports a day apart together and splits reports a year apart', () => {
    expect(report(['-'], feed(['2017-03-21 11:20:00', '2017-03-22 09:00:00'])).stories).toHaveLength(1);
    const apart = report(['-'], feed(['2017-03-21 11:20:00', '2018-03-25 09:00:00']));
    expect(apart.stories).toHaveLength(2);
    expect(apart.stories.map((s) => s.firstReported?.date).sort()).toEqual(['2017-03-21 11:20:00', '2018-03-25 09:00:00']);
  });

  it('ignores time when a date is missing', () => {
    const r = report(['-'], feed(['2017-03-21 11:20:00', null]));
    expect(r.stories).toHaveLength(1);
    // One of the two sources dated: who was first is not known, so no first report is claimed.
    expect(r.stories[0]?.firstReported).toBeUndefined();
  });
});

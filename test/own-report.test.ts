/**
 * dedupe's own reports are not read back as articles: a report written into the folder it was made from is
 * skipped by the next run, whatever its name, and `--output` may write the new report over it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderers } from '../src/render/index.js';
import { ownReportKind, ownReportReason } from '../src/input/own-report.js';
import { readArticleFile } from '../src/input/read.js';
import { jsonLinesFile } from '../src/input/lines.js';
import { expandStdin } from '../src/input/stdin.js';
import { sampleReport } from './render-fixture.js';
import type { Report } from '../src/types.js';
import { runCli, type CliRun, ROOT } from './cli-run.js';


function inTempFolder(body: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-own-'));
  return Promise.resolve(body(dir)).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const dedupe = (args: readonly string[], cwd: string): CliRun => runCli(args, { cwd });

describe('ownReportKind', () => {
  const report = sampleReport();
  it('tells every format the renderers write, coloured or not, narrow or wide', () => {
    expect(ownReportKind(renderers.json(report))).toBe('JSON');
    expect(ownReportKind(renderers.ndjson(report))).toBe('JSON');
    expect(ownReportKind(renderers.html(report))).toBe('HTML');
    expect(ownReportKind(renderers.markdown(report))).toBe('Markdown');
    for (const width of [40, 80, 120]) {
      for (const color of [false, true]) expect(ownReportKind(renderers.terminal(report, { color, width }))).toBe('terminal text');
    }
    expect(ownReportKind(`\uFEFF${renderers.json(report)}`)).toBe('JSON');
    // A big run's summary groups its counts.
    expect(ownReportKind('20,000 articles from 20,000 sources ·\n8,251 stories (5,013 with more than one article) · 1,188 near-duplicate pairs\n')).toBe('terminal text');
    expect(ownReportKind('# dedupe report\n\n1,234 articles from 12 sources · 900 stories (1,001 with more than one article)\n')).toBe('Markdown');
  });

  it('tells the JSON of dedupe explain and dedupe eval', () => {
    expect(ownReportKind(JSON.stringify({ version: 1, a: { id: 'a1', path: 'x.txt' }, b: {} }, null, 2))).toBe('JSON');
    expect(ownReportKind(JSON.stringify({ version: 1, options: {}, stories: {} }, null, 2))).toBe('JSON');
    expect(ownReportKind(JSON.stringify({ version: 1, sweep: 'story-threshold', results: [] }))).toBe('JSON');
  });

  it('takes articles for articles, in every format, also ones about dedupe reports', () => {
    const articles = [
      'Ferry runs aground\n\n2 articles from 2 sources said the ferry ran aground.',
      '# dedupe report\n\nThe team wrote a report on dedupe.',
      '<!doctype html><html><head><meta name="generator" content="WordPress"><title>x</title></head><body><p>Text.</p></body></html>',
      JSON.stringify({ version: 1, title: 'A', text: 'Body.' }),
      JSON.stringify({ status: 'ok', articles: [{ title: 'A', content: 'Body.' }] }),
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [] }),
      readFileSync(path.join(ROOT, 'seeds/000_599fd1684341c80a.txt'), 'utf8'),
    ];
    for (const text of articles) expect(ownReportKind(text)).toBeUndefined();
  });
});

describe('a report among the inputs is skipped with its reason', () => {
  const report: Report = sampleReport();

  it('read whole, whatever its name', () =>
    inTempFolder((dir) => {
      for (const [name, text] of [['r.json', renderers.json(report)], ['notes.txt', renderers.terminal(report, { color: false, width: 80 })], ['page.htm', renderers.html(report)]] as const) {
        writeFileSync(path.join(dir, name), text);
        const r = readArticleFile(path.join(dir, name));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.diagnostic.reason).toMatch(/^a dedupe report \((JSON|terminal text|HTML)\), not an article/);
      }
    }));

  it('an NDJSON report read a line at a time: one line for the file, no line of it read', () =>
    inTempFolder(async (dir) => {
      // Gzipped, so read a line at a time (see readsByLine).
      const file = path.join(dir, 'stories.ndjson.gz');
      writeFileSync(file, gzipSync(renderers.ndjson(report)));
      const batches = [];
      for await (const batch of jsonLinesFile(file, 'stories.ndjson.gz', 1 << 20)) batches.push(batch);
      expect(batches).toEqual([[{ where: 'stories.ndjson.gz', diagnostic: { path: 'stories.ndjson.gz', reason: ownReportReason('JSON'), level: 'skipped' } }]]);
    }));

  it('on standard input, as a document or as NDJSON', async () => {
    for (const text of [renderers.json(report), renderers.ndjson(report), renderers.markdown(report), renderers.terminal(report, { color: false, width: 80 })]) {
      const r = await expandStdin(['-'], text);
      expect(r.streamed).toBeUndefined();
      expect(r.paths).toEqual([]);
      expect(r.fromStdin?.articles).toEqual([]);
      expect(r.fromStdin?.diagnostics).toEqual([{ path: '<stdin>', reason: expect.stringMatching(/^a dedupe report/), level: 'skipped' }]);
    }
  });
});

describe('dedupe news/ -o news/…/report', () => {
  it('reads the same articles on the next run, says why the report is skipped, and writes the new report over it', () =>
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'news'), { recursive: true });
      const first = dedupe(['news', '--json'], dir);
      expect(first.status).toBe(0);
      mkdirSync(path.join(dir, 'news/coverage'));
      for (const [format, name] of [['json', 'report.json'], ['html', 'report.html'], ['markdown', 'report.md'], ['ndjson', 'report.ndjson'], ['terminal', 'report.txt']] as const) {
        const out = `news/coverage/${name}`;
        const args = ['news', '--format', format, '-o', out];
        expect(dedupe(args, dir).status).toBe(0);
        const written = readFileSync(path.join(dir, out), 'utf8');
        // The run after: the report is skipped, with a line saying why, and the new one written over it.
        const again = dedupe(args, dir);
        expect(again.status).toBe(0);
        expect(again.stderr).toContain(`dedupe: skipped ${out}: a dedupe report (`);
        if (format === 'json') {
          const before = JSON.parse(written) as Report;
          const after = JSON.parse(readFileSync(path.join(dir, out), 'utf8')) as Report;
          expect(after.articles).toEqual(before.articles);
          expect(after.stories).toEqual(before.stories);
          expect(after.skipped).toEqual([{ path: out, reason: ownReportReason('JSON'), level: 'skipped' }]);
        }
      }
      // With every report in the folder: the first run's articles, and a line for each report.
      const last = dedupe(['news', '--json'], dir);
      expect(last.status).toBe(0);
      expect((JSON.parse(last.stdout) as Report).articles).toEqual((JSON.parse(first.stdout) as Report).articles);
      const said = last.stderr.split('\n').filter((l) => l !== '');
      expect(said).toEqual(readdirSync(path.join(dir, 'news/coverage')).sort().map((n) => expect.stringMatching(new RegExp(`^dedupe: skipped news/coverage/${n.replace('.', '\\.')}: a dedupe report \\(`))));
      // -q: no line on stderr.
      expect(dedupe(['news', '--json', '-q'], dir).stderr).toBe('');
    }));

  it('still refuses to write over an article named as --output', () =>
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'news'), { recursive: true });
      const article = 'news/000_599fd1684341c80a.txt';
      const before = readFileSync(path.join(dir, article), 'utf8');
      const r = dedupe(['news', '-o', article], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('it is one of the input files');
      expect(readFileSync(path.join(dir, article), 'utf8')).toBe(before);
    }));
});

describe('feed records shaped a little like a report are read', () => {
  it('"version" then "story" (a headline, or an object with no story id) is a record, not a report', () => {
    const records = [
      JSON.stringify({ version: 2, story: 'Flood in Dhaka', text: 'Rivers rose on Monday, officials said.' }),
      JSON.stringify({ version: 1, story: { title: 'Flood in Dhaka' }, text: 'Rivers rose on Monday.' }),
      JSON.stringify({ version: 1, story: { id: 'x-17' }, text: 'Rivers rose on Monday.' }),
      JSON.stringify({ version: 1, options: 'none', text: 'Rivers rose on Monday.' }),
      JSON.stringify({ version: 1, sweep: 'daily', text: 'Rivers rose on Monday.' }),
    ];
    for (const text of records) expect(ownReportKind(text), text).toBeUndefined();
    // dedupe's own NDJSON line is still told.
    expect(ownReportKind('{"version":1,"story":{"id":"s12","title":"x"}}')).toBe('JSON');
  });

  it('end to end: a JSON Lines feed of such records is read, not skipped as a report', () =>
    inTempFolder((dir) => {
      const feed = [
        { version: 3, story: 'Flood in Dhaka', source: 'Wire', text: 'Rivers rose on Monday in Dhaka, officials said.' },
        { version: 3, story: 'Fire in Porto', source: 'Paper', text: 'A warehouse burned on Tuesday in Porto, police said.' },
      ];
      writeFileSync(path.join(dir, 'feed.jsonl'), feed.map((r) => JSON.stringify(r)).join('\n'));
      const r = runCli(['feed.jsonl', '--json'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).articles.map((a: { path: string }) => a.path).sort()).toEqual(['feed.jsonl:1', 'feed.jsonl:2']);
      const piped = runCli(['-', '--json'], { cwd: dir, input: feed.map((x) => JSON.stringify(x)).join('\n') });
      expect(JSON.parse(piped.stdout).articles).toHaveLength(2);
    }));
});

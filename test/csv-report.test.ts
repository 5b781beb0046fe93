/** `--format csv` (src/render/csv.ts): a row an article, RFC 4180, inert in terminals and spreadsheets. */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import { CSV_COLUMNS, renderCsv } from '../src/render/csv.js';
import { csvRows } from '../src/input/csv.js';
import { ownReportKind } from '../src/input/own-report.js';
import type { Report } from '../src/types.js';
import { article, OPTIONS, sampleReport } from './render-fixture.js';
import { ROOT, runCli } from './cli-run.js';

/** The records of a CSV text as objects by column, read back by dedupe's own RFC 4180 reader. */
function records(text: string): Record<string, string>[] {
  const [head, ...rows] = csvRows(text, ',');
  expect(head?.fields).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => Object.fromEntries(r.fields.map((f, k) => [CSV_COLUMNS[k] as string, f])));
}

describe('renderCsv', () => {
  it('gives a row an article, story by story, with what each adds, leaves out and disputes', () => {
    const report = sampleReport();
    const text = renderCsv(report);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = records(text);
    expect(rows).toHaveLength(report.articles.length);
    expect(rows.map((r) => r.story)).toEqual(report.stories.flatMap((s) => s.articles.map(() => s.id)));
    expect(rows.map((r) => r.article)).toEqual(report.stories.flatMap((s) => s.articles));
    for (const story of report.stories) {
      for (const id of story.articles) {
        const row = rows.find((r) => r.article === id);
        const cov = story.coverage.find((c) => c.article === id);
        const a = report.articles.find((x) => x.id === id);
        expect(row).toMatchObject({ story_title: story.title, story_articles: String(story.articles.length), story_sources: String(story.sources.length), source: a?.source, title: a?.title, path: a?.path, date: a?.date ?? '', published: a?.published ?? '' });
        expect(row?.adds).toBe(String(cov?.adds.length));
        expect(row?.omits).toBe(String(cov?.omits.length));
        expect(row?.conflicts).toBe(String(story.conflicts.filter((c) => c.values.some((v) => v.article === id)).length));
      }
    }
    // Dated articles carry the ISO date too, in the last column; the undated one has it empty.
    expect(Object.fromEntries(rows.map((r) => [r.article, [r.date, r.published]]))).toEqual({ a1: ['2031-04-08', '2031-04-08'], a2: ['', ''], a3: ['2031-04-09', '2031-04-09'], a4: ['2031-05-01', '2031-05-01'] });
    // The ferry story's conflict (212 vs 180 rescued) counts for both sides.
    expect(rows.filter((r) => r.conflicts === '1').map((r) => r.source).sort()).toEqual(['Gazette', 'Wire']);
  });

  it('names the copies and excerpts of each article, and teasers', () => {
    const wire = ['Storms cut power to 40,000 homes across the Orrin valley on Monday.', 'Crews expect to restore most lines by Wednesday.', 'Schools in Tull stay closed.'];
    const report = buildReport({
      articles: [
        article('w1', 'Wire', 'Storms cut power', wire),
        article('g1', 'Gazette', 'Storms cut power', wire),
        article('r1', 'Radio North', 'Power cut', wire.slice(0, 1), { excerpt: true }),
      ].map(stored),
      groups: [[0, 1, 2]],
      copies: [{ a: 'g1', b: 'w1', jaccard: 1 }],
      partialCopies: [{ part: 'r1', whole: 'w1', containment: 1, jaccard: 0.3 }],
      skipped: [], warnings: [], options: OPTIONS,
    });
    const rows = records(renderCsv(report));
    const by = (id: string): Record<string, string> | undefined => rows.find((r) => r.article === id);
    expect([by('w1')?.near_duplicate_of, by('g1')?.near_duplicate_of, by('r1')?.near_duplicate_of]).toEqual(['g1', 'w1', '']);
    expect([by('w1')?.excerpt_of, by('r1')?.excerpt_of]).toEqual(['', 'w1']);
    expect([by('w1')?.teaser, by('r1')?.teaser]).toEqual(['false', 'true']);
  });

  it('quotes what must be quoted, and keeps formulas and control characters inert', () => {
    const report: Report = sampleReport();
    const titles = ['Ferry, "Solveig" aground', '=HYPERLINK("http://evil.example","click")', '-2 degrees\nin Kallo', '@SUM(A1:A9)', 'Plain \u001b]0;owned\u0007 title'];
    const hostile = { ...report, articles: report.articles.map((a, i) => ({ ...a, title: titles[i] ?? a.title })) };
    const text = renderCsv(hostile);
    // A record a line: the line break in a title is shown escaped, not written.
    expect(text.split('\r\n')).toHaveLength(report.articles.length + 2);
    expect(text).not.toContain('\u001b');
    const rows = records(text);
    const titleOf = (id: string): string | undefined => rows.find((r) => r.article === id)?.title;
    const ids = hostile.articles.map((a) => a.id);
    expect(ids.map(titleOf)).toEqual(['Ferry, "Solveig" aground', `'=HYPERLINK("http://evil.example","click")`, `'-2 degrees\\x0ain Kallo`, `'@SUM(A1:A9)`, 'Plain \\x1b]0;owned\\x07 title'].slice(0, ids.length));
    expect(text).toContain('"Ferry, ""Solveig"" aground"');
  });
});

describe('dedupe --format csv', () => {
  it('writes what renderCsv makes of the JSON report, for every --jobs', () => {
    const json = runCli(['seeds/', 'test/fixtures/copies', '--json']);
    expect(json.status).toBe(0);
    const expected = renderCsv(JSON.parse(json.stdout) as Report);
    const env = { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.0001' };
    for (const jobs of ['1', '3']) {
      const r = runCli(['seeds/', 'test/fixtures/copies', '-f', 'csv', '--jobs', jobs], { env });
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toBe(expected);
    }
    const seeds = records(runCli(['seeds/', '-f', 'csv']).stdout);
    expect(seeds.map((r) => [r.source, r.adds, r.omits, r.conflicts])).toEqual([['001_9d1f47d9723a6f2b', '22', '8', '1'], ['TRT World', '8', '22', '1']]);
  });

  it('adds published (the ISO 8601 date) and story_key after the columns it had, which keep their places', () => {
    const before = ['story', 'story_title', 'story_articles', 'story_sources', 'article', 'source', 'date', 'title', 'path', 'url', 'teaser', 'near_duplicate_of', 'excerpt_of', 'adds', 'omits', 'conflicts'];
    expect([...CSV_COLUMNS].slice(0, before.length + 2)).toEqual([...before, 'published', 'story_key']);
    const rows = records(runCli(['test/fixtures/dates', '-f', 'csv', '--quiet']).stdout);
    const by = Object.fromEntries(rows.map((r) => [r.source, [r.date, r.published]]));
    expect(by).toEqual({
      Reuters: ['Tue, 03 Nov 2026 14:05:00 GMT', '2026-11-03T14:05:00Z'],
      AP: ['2026-11-03T14:05:00+01:00', '2026-11-03T13:05:00Z'],
      'Al Jazeera': ['Tue, 03 Nov 2026 09:05:00 EST', '2026-11-03T14:05:00Z'],
      BBC: ['2026-11-03 16:20', '2026-11-03T16:20:00'],
      AFP: ['November 4, 2026', '2026-11-04'],
      Aamulehti: ['4 November 2026', '2026-11-04'],
      DW: ['November 2026', ''],
      Yle: ['yesterday', ''],
      'Helsinki Times': ['', ''],
    });
  });

  it('adds earlier_versions, earlier_published, corrections and copies_version last: each article\'s as in the JSON, listed with " | "', () => {
    expect([...CSV_COLUMNS].slice(-6)).toEqual(['published', 'story_key', 'earlier_versions', 'earlier_published', 'corrections', 'copies_version']);
    type Entry = { id: string; path: string; corrections?: string[]; earlierVersions?: { path: string; published?: string }[] };
    for (const dir of ['test/fixtures/versions', 'test/fixtures/corrections']) {
      const articles = (JSON.parse(runCli([dir, '--json', '--quiet']).stdout) as { articles: Entry[] }).articles;
      const rows = records(runCli([dir, '-f', 'csv', '--quiet']).stdout);
      expect(rows).toHaveLength(articles.length);
      for (const a of articles) {
        const row = rows.find((r) => r.article === a.id);
        expect(row?.earlier_versions, a.path).toBe((a.earlierVersions ?? []).map((v) => v.path).join(' | '));
        expect(row?.earlier_published, a.path).toBe((a.earlierVersions ?? []).map((v) => v.published ?? '').join(' | '));
        expect(row?.corrections, a.path).toBe((a.corrections ?? []).join(' | '));
      }
    }
    // The literal cells of two articles: a version with its date, a version without one, four corrections.
    const versions = records(runCli(['test/fixtures/versions', '-f', 'csv', '--quiet']).stdout);
    expect(versions.find((r) => r.path === 'test/fixtures/versions/url/ap_v2.md')).toMatchObject({ earlier_versions: 'test/fixtures/versions/url/ap_v1.md', earlier_published: '2026-11-23T08:10:00Z' });
    expect(versions.find((r) => r.path === 'test/fixtures/versions/slug/reuters_1740.txt')).toMatchObject({ earlier_versions: 'test/fixtures/versions/slug/reuters_1205.txt', earlier_published: '' });
    expect(versions.find((r) => r.path === 'test/fixtures/versions/wire/liveblog.html')).toMatchObject({ earlier_versions: '', earlier_published: '', corrections: '' });
    const text = runCli(['test/fixtures/corrections', '-f', 'csv', '--quiet']).stdout;
    // Still a record a line: three articles, the header, and the empty string after the last CRLF.
    expect(text.split('\r\n')).toHaveLength(5);
    const reuters = records(text).find((r) => r.source === 'Reuters');
    expect(reuters?.corrections?.split(' | ')).toEqual([
      "(Corrects mayor's first name in paragraph 3 to Julio from Carlos)",
      'Correction: A previous version of this article gave the wrong first name for the mayor of Chaglla.',
      "This story has been corrected to show that the mayor's name is Julio Huamán.",
      'CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.',
    ]);
  });

  it('names the earlier version a copy copies, on the copy\'s row only, beside its near_duplicate_of', () => {
    const rows = records(runCli(['test/fixtures/version-copies', '-f', 'csv', '--quiet']).stdout);
    const row = (file: string) => rows.find((r) => r.path === `test/fixtures/version-copies/${file}`);
    expect(row('yahoo_news.md')).toMatchObject({ copies_version: 'test/fixtures/version-copies/reuters_update1.md', near_duplicate_of: row('reuters_update2.md')?.article });
    expect(row('reuters_update2.md')).toMatchObject({ copies_version: '', earlier_versions: 'test/fixtures/version-copies/reuters_update1.md' });
    expect(row('ap.md')).toMatchObject({ copies_version: '', near_duplicate_of: '' });
  });

  it('keeps a correction inert and guarded in its cell, as the titles are', () => {
    const report = sampleReport();
    const [first, ...rest] = report.articles;
    if (!first) throw new Error('the sample report has articles');
    const hostile = { ...report, articles: [{ ...first, corrections: ['=1+1 was wrong', 'line\nbreak \u001b[2J'], earlierVersions: [{ path: 'v, "1".txt', title: 'UPDATE 1-Story' }] }, ...rest] };
    const text = renderCsv(hostile);
    expect(text).not.toContain('\u001b');
    const row = records(text).find((r) => r.article === first.id);
    expect(row).toMatchObject({ corrections: "'=1+1 was wrong | line\\x0abreak \\x1b[2J", earlier_versions: 'v, "1".txt', earlier_published: '' });
  });

  it('is told as dedupe\'s own report when it meets one as input, and skipped', () => {
    expect(ownReportKind(renderCsv(sampleReport()))).toBe('CSV');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-csv-'));
    try {
      for (const f of ['000_599fd1684341c80a.txt', '001_9d1f47d9723a6f2b.txt']) copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, f));
      const first = runCli(['.', '-f', 'csv'], { cwd: dir });
      writeFileSync(path.join(dir, 'report.csv'), first.stdout);
      const again = runCli(['.', '-f', 'csv', '-o', 'report.csv'], { cwd: dir });
      expect(again.status).toBe(0);
      expect(again.stderr).toBe('dedupe: skipped report.csv: a dedupe report (CSV), not an article: dedupe does not read its own reports\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

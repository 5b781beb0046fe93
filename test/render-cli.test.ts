/**
 * The report formats and story selection end to end: the built CLI on the seeds and fixture folders, colour
 * off. test/global-setup.ts builds dist/ first when it is stale.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, Story } from '../src/types.js';
import { runCli, type CliRun } from './cli-run.js';


const dedupe = (args: readonly string[]): CliRun => runCli(args);

describe('formats on the seeds', () => {
  let report: Report;
  let story: Story;
  beforeAll(() => {
    report = JSON.parse(dedupe(['seeds/', '--json']).stdout) as Report;
    story = report.stories[0] as Story;
  });

  it('terminal: the matrix, at 80 columns, and --no-matrix removes it', () => {
    const on = dedupe(['seeds/', '--width', '80']);
    expect(on.status).toBe(0);
    const lines = on.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('Who reported what'));
    expect(at).toBeGreaterThan(0);
    const rows = lines.slice(at + 2, at + 2 + story.facts.length);
    for (const r of rows) {
      expect(r).toMatch(/^\s+\d+ [●·!] [●·!]  \S/);
      expect([...r].length).toBeLessThanOrEqual(80);
    }
    expect(rows.filter((r) => r.includes('! !'))).toHaveLength(1);
    expect(dedupe(['seeds/', '--no-matrix']).stdout).not.toContain('Who reported what');
  });

  it('markdown: heading, matrix table with a row per fact, lists', () => {
    const r = dedupe(['seeds/', '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`## s1 · ${story.title}`);
    expect(r.stdout.split('\n').filter((l) => /^\| \d+ \| /.test(l))).toHaveLength(story.facts.length);
    expect(r.stdout).toContain('### Conflicts (1)');
  });

  it('html: one page on stdout', () => {
    const r = dedupe(['seeds/', '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('ndjson: one line per story, the same story as in the JSON document', () => {
    const r = dedupe(['seeds/', '--format', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(report.stories.length);
    expect((JSON.parse(lines[0] ?? '') as { story: Story }).story).toEqual(story);
  });

  it('--help shows examples of the formats and explain', () => {
    const r = dedupe(['--help']);
    for (const s of ['--format markdown', '--format html', '--format ndjson', '--min-sources', 'dedupe explain']) expect(r.stdout).toContain(s);
  });
});

describe('--min-sources and --sort', () => {
  it('hides stories with fewer sources, says so on stderr, and keeps story ids', () => {
    const all = JSON.parse(dedupe(['test/fixtures/two-stories', 'test/fixtures/copies', '--json']).stdout) as Report;
    const r = dedupe(['test/fixtures/two-stories', 'test/fixtures/copies', '--json', '--min-sources', '3']);
    const some = JSON.parse(r.stdout) as Report;
    const expected = all.stories.filter((s) => s.sources.length >= 3);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.stories.length);
    expect(some.stories).toEqual(expected);
    expect(r.stderr).toBe(`dedupe: --min-sources 3: ${all.stories.length - expected.length} of ${all.stories.length} stories not shown\n`);
  });

  it('says in the summary which options chose the stories, and when none is left', () => {
    const first = (args: string[]): string => dedupe(['seeds/', '--width', '200', ...args]).stdout.split('\n')[0] ?? '';
    expect(first([])).toBe('2 articles from 2 sources · 1 story (1 with more than one article) · 0 near-duplicate pairs');
    expect(first(['--min-sources', '2', '--top', '1'])).toBe('2 articles from 2 sources · 1 story (1 with more than one article) · 0 near-duplicate pairs · shown: --min-sources 2 --top 1');
    // "0 articles from 0 sources" alone read as if nothing had been read.
    expect(first(['--min-sources', '3'])).toBe('0 articles from 0 sources · 0 stories (0 with more than one article) · 0 near-duplicate pairs · no story shown: --min-sources 3');
    expect(dedupe(['seeds/', '--format', 'markdown', '--source', 'TRT World']).stdout.split('\n')[2]).toMatch(/ · shown: --source "TRT World"$/);
  });

  it('--top shows the first stories of the order, says how many are not shown, and works them out alone', () => {
    const args = ['test/fixtures/two-stories', 'test/fixtures/copies', '--json'];
    const all = JSON.parse(dedupe(args).stdout) as Report;
    const r = dedupe([...args, '--top', '1']);
    expect(r.status).toBe(0);
    const one = JSON.parse(r.stdout) as Report;
    expect(one.stories).toEqual(all.stories.slice(0, 1));
    expect(one.articles.map((a) => a.id).sort()).toEqual([...(all.stories[0]?.articles ?? [])].sort());
    expect(r.stderr).toBe(`dedupe: --top 1: ${all.stories.length - 1} of ${all.stories.length} stories not shown\n`);
    const both = dedupe([...args, '--min-sources', '2', '--top', '1', '--sort', 'date']);
    expect(both.stderr).toMatch(/^dedupe: --min-sources 2 --top 1: \d+ of \d+ stories not shown\n$/);
    expect(dedupe([...args, '--top', '0']).status).toBe(2);
    // One story in all: "1 of 1 story", not "stories".
    expect(dedupe(['seeds/', '--min-sources', '3']).stderr).toBe('dedupe: --min-sources 3: 1 of 1 story not shown\n');
  });

  it('--sort date puts the dated story first, the undated ones after it in the default order', () => {
    const args = ['test/fixtures/two-stories', 'test/fixtures/copies', '--json'];
    const byDefault = (JSON.parse(dedupe(args).stdout) as Report).stories;
    const byDate = (JSON.parse(dedupe([...args, '--sort', 'date']).stdout) as Report).stories;
    const dated = byDefault.find((s) => s.title.includes('mill'));
    expect(byDefault[0]).not.toEqual(dated);
    expect(byDate[0]).toEqual(dated);
    expect(byDate.slice(1)).toEqual(byDefault.filter((s) => s !== dated));
  });

  it('refuses a bad value with exit code 2', () => {
    expect(dedupe(['seeds/', '--sort', 'size']).status).toBe(2);
    expect(dedupe(['seeds/', '--min-sources', '0']).status).toBe(2);
  });
});

describe('--since and --until', () => {
  const args = ['test/fixtures/inputs/feeds', '--json', '--no-color'];
  const titles = (extra: string[]): string[] => (JSON.parse(dedupe([...args, ...extra]).stdout) as Report).stories.map((s) => s.title);

  it('show the stories dated within them, and say how many are not shown', () => {
    // Ferry 2024-05-06, mill fire 2024-05-07 22:15, central bank 2024-05-09T12:00Z.
    expect(titles(['--since', '2024-05-07'])).toEqual(['Central bank holds rates steady for a third meeting', 'Mill fire destroys historic building']);
    expect(titles(['--since', '2024-05-07', '--until', '2024-05-08'])).toEqual(['Mill fire destroys historic building']);
    const r = dedupe([...args, '--until', '2024-05-06']);
    expect((JSON.parse(r.stdout) as Report).stories.map((s) => s.title)).toEqual(['Ferry runs aground off the coast of Skye']);
    expect(r.stderr).toContain('dedupe: --until 2024-05-06: 2 of 3 stories not shown\n');
  });

  it('refuse what is not a date, and a --since after --until', () => {
    const bad = dedupe([...args, '--since', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--since takes a date such as 2026-11-27');
    const backwards = dedupe([...args, '--since', '2024-05-09', '--until', '2024-05-01']);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toBe('dedupe: --since 2024-05-09 is after --until 2024-05-01: no story could be shown\n');
    expect(backwards.stdout).toBe('');
  });

  it('take a day alone as the day where the article was published, as the views show it, and a time as an instant', () => {
    // 23:30 on the 23rd at UTC-05:00 is 04:30 on the 24th in UTC: the views show the 23rd, and so do the filters.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-local-day-'));
    writeFileSync(path.join(dir, 'globe.md'), '---\ntitle: Storm hits Boston overnight\nsource: The Boston Globe\ndate: 2026-11-23T23:30:00-05:00\n---\n\nA storm hit Boston overnight, leaving thousands without power.\n');
    // (render-select.test.ts has the bounds; here the CLI end to end.) A story of one article gives its date on its
    // line, so that what a filter matched can be seen.
    expect(dedupe([dir, '-q', '--since', '2026-11-23']).stdout).toContain('Storm hits Boston overnight — The Boston Globe, 2026-11-23 23:30 UTC-05:00,');
    expect((JSON.parse(dedupe([dir, '--json', '-q', '--since', '2026-11-24']).stdout) as Report).stories).toEqual([]);
  });

  it('say so when no article of the run has a date', () => {
    const r = dedupe(['seeds/', '--json', '--since', '2020-01-01']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no article of the run has one");
  });
});

describe('a source named by its file', () => {
  it('is said once under the summary of every view, with how many articles name no outlet', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { renderMarkdown } = await import('../src/render/markdown.js');
    const { renderHtml } = await import('../src/render/html.js');
    const { sampleReport } = await import('./render-fixture.js');
    const report = sampleReport();
    const named = renderTerminal(report, { color: false, width: 120 });
    expect(named).not.toContain('names no outlet');
    const one = { ...report, articles: report.articles.map((a, i) => (i === 0 ? { ...a, sourceOrigin: 'filename' as const } : a)) };
    const note = `1 of ${report.articles.length} articles names no outlet (no metadata, URL, dateline or credit line): its source is its file name`;
    expect(renderTerminal(one, { color: false, width: 200 }).split('\n').slice(0, 4)).toContain(note);
    expect(renderMarkdown(one)).toContain(`_${note}_`);
    expect(renderHtml(one)).toContain(`<p class="muted">${note}</p></header>`);
    const all = { ...report, articles: report.articles.map((a) => ({ ...a, sourceOrigin: 'filename' as const })) };
    expect(renderTerminal(all, { color: false, width: 200 })).toContain(`All ${report.articles.length} articles name no outlet (no metadata, URL, dateline or credit line): their sources are their file names`);
  });
});

describe('--no-matrix', () => {
  it('hides the matrix in the Markdown and HTML views as in the terminal', () => {
    // The views' own tests draw them with and without; here the flag reaches the story texts the workers write.
    for (const format of ['markdown', 'html']) {
      const without = dedupe(['seeds/', '-f', format, '-q', '--no-matrix']).stdout;
      expect(without).not.toContain('Who reported what');
      expect(without).toContain('Syrian rebels stormed a government-held area');
    }
  });
});

describe('--source, --not-source and --match', () => {
  const args = ['test/fixtures/two-stories', '--json'];

  it('--match shows only the stories that mention the phrase, says so, and works only those out', () => {
    const all = JSON.parse(dedupe(args).stdout) as Report;
    const r = dedupe([...args, '--match', 'blue lobster']);
    expect(r.status).toBe(0);
    const some = JSON.parse(r.stdout) as Report;
    expect(some.stories.map((s) => s.title)).toEqual(all.stories.filter((s) => /lobster/i.test(s.title)).map((s) => s.title));
    expect(some.stories).toHaveLength(1);
    expect(some.options.match).toEqual(['blue lobster']);
    expect(r.stderr).toBe(`dedupe: --match "blue lobster": ${all.stories.length - 1} of ${all.stories.length} stories not shown\n`);
    // Every phrase must be found; in the terminal view too.
    expect(JSON.parse(dedupe([...args, '--match', 'lobster', '--match', 'mill']).stdout).stories).toEqual([]);
    expect(dedupe(['test/fixtures/two-stories', '--match', 'Varnby']).stdout).toContain('Fire destroys Lindqvist textile mill in Varnby');
  });

  it('--source and --not-source choose stories by who told them; a name that matches no source is named on stderr', () => {
    const told = JSON.parse(dedupe([...args, '--source', 'harbor post']).stdout) as Report;
    expect(told.stories.map((s) => s.sources)).toEqual([['Harbor Post', 'Nordic Wire']]);
    const missed = JSON.parse(dedupe([...args, '--not-source', 'Harbor Post']).stdout) as Report;
    expect(missed.stories.map((s) => s.sources)).toEqual([['Coastal Herald', 'Daily Ledger']]);
    const typo = dedupe([...args, '--source', 'Harbour Post']);
    expect(typo.stderr.split('\n')[0]).toBe('dedupe: --source "Harbour Post": no source of that name; the sources are "Coastal Herald", "Daily Ledger", "Harbor Post", "Nordic Wire"');
    expect(dedupe([...args, '--not-source', 'harbor']).stderr.split('\n')[0]).toBe('dedupe: --not-source "harbor": no source of that name; did you mean "Harbor Post"?');
    expect(dedupe([...args, '--source', 'Harbour Post', '--quiet']).stderr).toBe('');
    // An empty name is a usage error, not a filter that hides every story.
    for (const flag of ['--source', '--not-source', '--match']) {
      const empty = dedupe([...args, flag, ' ']);
      expect(empty.status).toBe(2);
      expect(empty.stderr).toContain('It is empty: give a name or a phrase.');
    }
  });

  it('a known outlet is found by any of its names or domains: BBC News, bbc.co.uk and an article from bbc.com are one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-bbc-'));
    try {
      for (const f of readdirSync('test/fixtures/two-stories')) {
        const text = readFileSync(path.join('test/fixtures/two-stories', f), 'utf8');
        writeFileSync(path.join(dir, f), text.replace('source: Harbor Post', 'url: https://www.bbc.com/news/articles/mill-fire'));
      }
      const told = dedupe([dir, '--json', '--source', 'BBC News']);
      expect(told.stderr).toBe('dedupe: --source "BBC News": 1 of 2 stories not shown\n');
      expect((JSON.parse(told.stdout) as Report).stories.map((s) => s.sources)).toEqual([['BBC', 'Nordic Wire']]);
      const missed = dedupe([dir, '--json', '--not-source', 'bbc.co.uk']);
      expect(missed.stderr).toBe('dedupe: --not-source bbc.co.uk: 1 of 2 stories not shown\n');
      expect((JSON.parse(missed.stdout) as Report).stories.map((s) => s.sources)).toEqual([['Coastal Herald', 'Daily Ledger']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('line and paragraph separators in the terminal view', () => {
  it('shows U+2028 and U+2029 in a file name escaped, the name in one piece, as --json does', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { sampleReport } = await import('./render-fixture.js');
    const report = sampleReport();
    const odd = report.articles.map((a, i) => (i === 0 ? { ...a, path: 'in/ls\u2028x\u2029y.txt' } : a));
    const out = renderTerminal({ ...report, articles: odd }, { color: false, width: 80, matrix: true });
    expect(out).not.toMatch(/[\u2028\u2029]/);
    expect(out).toContain('in/ls\\u{2028}x\\u{2029}y.txt');
  });
});

describe('--width in the terminal view', () => {
  it('breaks the summary between its parts and wraps section headings, so neither goes past the width', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { summary } = await import('../src/render/sections.js');
    const { sampleReport } = await import('./render-fixture.js');
    const report = sampleReport();
    const longSource = 'The Extraordinarily Long-Named Evening Chronicle of Kallo and the Outer Islands';
    const articles = report.articles.map((a) => (a.source === 'Gazette' ? { ...a, source: longSource } : a));
    const wide = { ...report, articles };
    for (const width of [45, 60]) {
      const lines = renderTerminal(wide, { color: false, width, matrix: false }).split('\n');
      // The head: the summary's parts, in order, with their separators, over lines that fit.
      const head = lines.slice(0, lines.indexOf(''));
      expect(head.length).toBeGreaterThan(1);
      expect(head.join(' ')).toBe(summary(wide));
      for (const l of head) expect(l.length).toBeLessThanOrEqual(width);
      // The line that names the sources with no fact of their own (the long-named one adds none) is wrapped: no
      // line of it past the width.
      const none = lines.findIndex((l) => l.startsWith('  No fact of their own:'));
      expect(none).toBeGreaterThan(0);
      const noneLines = [lines[none] as string];
      for (let k = none + 1; lines[k]?.startsWith('    ') && !lines[k]?.startsWith('    -'); k++) noneLines.push(lines[k] as string);
      expect(noneLines.length).toBeGreaterThan(1);
      expect(noneLines.map((l) => l.trim()).join(' ')).toBe(`No fact of their own: A (${longSource}), B (Radio North)`);
      for (const l of noneLines) expect(l.length).toBeLessThanOrEqual(width);
    }
    // Wide enough, the summary stays one line.
    expect(renderTerminal(wide, { color: false, width: 200, matrix: false }).split('\n')[0]).toBe(summary(wide));
  });
});

describe('counts in the views', () => {
  it('groups thousands, as a feed of tens of thousands of articles needs', async () => {
    const { summary, plural } = await import('../src/render/sections.js');
    const { sampleReport } = await import('./render-fixture.js');
    expect(plural(20000, 'article')).toBe('20,000 articles');
    expect(plural(1, 'story', 'stories')).toBe('1 story');
    const report = sampleReport();
    const many = { ...report, articles: Array.from({ length: 1234 }, (_, i) => ({ ...(report.articles[0] as Report['articles'][number]), id: `a${i}`, source: `s${i % 1001}` })) };
    expect(summary(many)).toMatch(/^1,234 articles from 1,001 sources · /);
  });
});

describe('the adds headings of a story of two sources', () => {
  it('agree with the articles they name: "A reports", "B, C report", "B, C leave them out"', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { renderMarkdown } = await import('../src/render/markdown.js');
    const { article, OPTIONS } = await import('./render-fixture.js');
    const { buildReport } = await import('../src/report/build.js');
    const { stored } = await import('../src/clean/packed.js');
    const articles = [
      article('ap', 'AP', 'Quake kills 95', ['An earthquake killed 95 people on Monday, officials said.', 'Aid trucks reached the valley.']),
      article('r1', 'Reuters', 'Quake kills 95', ['An earthquake killed 95 people on Monday, officials said.', 'The army sent helicopters.']),
      article('r2', 'Reuters', 'Quake toll rises', ['An earthquake killed 158 people on Monday, officials said.', 'The army sent helicopters.']),
    ];
    const report = buildReport({ articles: articles.map(stored), groups: [[0, 1, 2]], copies: [], skipped: [], warnings: [], options: OPTIONS });
    const views = [renderTerminal(report, { color: false, width: 120, matrix: false }), renderMarkdown(report)];
    for (const view of views) {
      const headings = view.split('\n').filter((l) => /Only /.test(l)).map((l) => l.replace(/^[#\s]*/, ''));
      expect(headings).toHaveLength(2);
      const one = headings.find((h) => h.includes('(AP)'));
      const two = headings.find((h) => h.includes('(Reuters)'));
      expect(one).toMatch(/^Only \w \(AP\) reports \(\d+; \w, \w leave them out\)$/);
      expect(two).toMatch(/^Only \w, \w \(Reuters\) report \(\d+; \w leaves them out\)$/);
    }
  });
});

describe('the near-duplicate note of a source line', () => {
  it('stays on the line when it fits the width, else takes lines of its own within the width', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { article, OPTIONS } = await import('./render-fixture.js');
    const { buildReport } = await import('../src/report/build.js');
    const { stored } = await import('../src/clean/packed.js');
    const text = ['An earthquake struck central Italy early on Wednesday, killing at least 38 people.', 'Rescue workers searched the rubble for survivors.'];
    const articles = [article('g', 'Guardian News and Media', 'Quake', text), article('r', 'Reuters', 'Quake', text)];
    const report = buildReport({ articles: articles.map(stored), groups: [[0, 1]], copies: [{ a: 'g', b: 'r', jaccard: 0.91 }], skipped: [], warnings: [], options: OPTIONS });
    const wide = renderTerminal(report, { color: false, width: 90, matrix: false }).split('\n');
    // The first of the two reports as many facts as the other: it is the story's most complete account (of facts in all:
    // a copy does not corroborate the text it copies, facts/voices.ts).
    // One note fits on its source line; the other, with "most complete" after it, takes a line of its own.
    expect(wide.filter((l) => /^ {4}[AB] .*near-duplicate of [AB] \(91% same text\)$/.test(l))).toHaveLength(1);
    expect(wide.filter((l) => /^ {6}near-duplicate of [AB] \(91% same text\); most complete: 2 of 2 facts$/.test(l))).toHaveLength(1);
    for (const width of [40, 60]) {
      const lines = renderTerminal(report, { color: false, width, matrix: false }).split('\n');
      const notes = lines.filter((l) => l.includes('near-duplicate of'));
      expect(notes).toHaveLength(2);
      for (const l of notes) expect(l.length).toBeLessThanOrEqual(width);
      // At 40 neither fits on its source line; at 60 the short one does, the long one takes its own.
      expect(notes.filter((l) => l.startsWith('      near-duplicate of'))).toHaveLength(width === 40 ? 2 : 1);
    }
  });
});

describe('what was skipped, counted as files and feed records', () => {
  it('says "files", "records" or both, in the summary and the headings of every view', async () => {
    const { renderTerminal } = await import('../src/render/terminal.js');
    const { renderMarkdown } = await import('../src/render/markdown.js');
    const { renderHtml } = await import('../src/render/html.js');
    const { skippedCount, summary } = await import('../src/render/sections.js');
    const { sampleReport } = await import('./render-fixture.js');
    const skip = (p: string) => ({ path: p, reason: 'why', level: 'skipped' as const });
    const files = [skip('a.txt'), skip('b/c.json')];
    const records = [skip('feed.jsonl:3'), skip('feed.NDJSON:12'), skip('feed.json[2]'), skip('<stdin>:7'), skip('day.jsonl.gz:2'), skip('news.rss[4]'), skip('c.rdf[0]'), skip('news.csv:9'), skip('crawl.warc.gz[17]')];
    expect(skippedCount(files)).toBe('2 files');
    expect(skippedCount(records)).toBe('9 records');
    expect(skippedCount([skip('<stdin>'), ...records.slice(0, 1)])).toBe('1 file and 1 record');
    // A path that only looks like a record is a file: "x.txt:3" is no feed's line.
    expect(skippedCount([skip('x.txt:3'), skip('feed.jsonl:3a')])).toBe('2 files');
    // An article of a news API response on a line of JSON Lines is a record too.
    expect(skippedCount([skip('<stdin>:1[2]'), skip('pages.jsonl:4[0]'), skip('x.txt:1[2]')])).toBe('1 file and 2 records');
    // One line summing up an archive's pages with no text counts as those records, not as a file.
    expect(skippedCount([skip('a.txt'), { ...skip('crawl.warc.gz'), records: 312 }])).toBe('1 file and 312 records');
    expect(renderTerminal({ ...sampleReport(), skipped: [{ ...skip('crawl.warc.gz'), records: 312 }] }, { color: false, width: 200, matrix: false })).toContain('\nSkipped records (312)\n');
    const report = { ...sampleReport(), skipped: [...files, ...records] };
    expect(summary(report)).toMatch(/ · 2 files and 9 records skipped$/);
    expect(renderTerminal(report, { color: false, width: 200, matrix: false })).toContain('\nSkipped files and records (11)\n');
    expect(renderMarkdown(report)).toContain('\n## Skipped files and records (11)\n');
    expect(renderHtml({ ...report, skipped: records })).toContain('<h2>Skipped records (9)</h2>');
    expect(renderTerminal({ ...report, skipped: files }, { color: false, width: 200, matrix: false })).toContain('\nSkipped files (2)\n');
    const warned = renderTerminal({ ...report, warnings: [{ path: 'in/big.txt', reason: 'only its first 2,000 sentences are compared', level: 'warning' }] }, { color: false, width: 200, matrix: false });
    expect(warned).toContain('\nWarnings (1)\n  in/big.txt: only its first 2,000 sentences are compared\n');
    expect(renderTerminal(report, { color: false, width: 200, matrix: false })).not.toContain('Warnings (');
  });
});

describe('the list of a story\'s articles in the terminal view', () => {
  it('spaces a line the same whether its near-duplicate note fits on it or goes below', () => {
    const lines = dedupe(['test/fixtures/copies', '--no-matrix', '--width', '200']).stdout.split('\n');
    const listed = lines.filter((l) => /^ {4}[A-Z] \S/.test(l) || /^ {4}[A-Z] {2}/.test(l));
    expect(listed.some((l) => l.includes('near-duplicate of'))).toBe(true);
    for (const l of listed) expect(l.trim()).not.toMatch(/ {2}/);
  });
});

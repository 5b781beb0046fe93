/** The run's sources side by side (src/report/sources.ts), in the JSON and in the views. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { sourceSummary } from '../src/report/sources.js';
import { selectStories } from '../src/render/select.js';
import { renderers } from '../src/render/index.js';
import { stored } from '../src/clean/packed.js';
import type { Report } from '../src/types.js';
import { article, OPTIONS, sampleReport } from './render-fixture.js';
import { columns } from '../src/render/columns.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './cli-run.js';


/** Wire copy republished by two outlets, one of them twice, and a story only the Gazette told. */
function wireReport(): Report {
  const wire = ['Storms cut power to 40,000 homes across the Orrin valley on Monday.', 'Crews expect to restore most lines by Wednesday, the utility said.'];
  const articles = [
    article('w1', 'Wire', 'Storms cut power in Orrin valley', wire, { date: '2031-04-08T06:00Z' }),
    article('g1', 'Gazette', 'Storms cut power in Orrin valley', wire, { date: '2031-04-08T09:00Z' }),
    article('g2', 'Gazette', 'Power cut: what we know', [...wire, 'Schools in Tull stay closed.'], { date: '2031-04-08T10:00Z' }),
    article('r1', 'Radio North', 'Orrin valley without power', ['Thousands of homes in the Orrin valley lost power in Monday storms.'], { date: '2031-04-08T07:00Z' }),
    article('g3', 'Gazette', 'Blue lobster caught off Pellworth', ['A fisherman caught a rare blue lobster off Pellworth pier.']),
  ];
  const copies = [
    { a: 'g1', b: 'w1', jaccard: 1 },
    { a: 'g1', b: 'g2', jaccard: 0.8 }, // the same outlet twice: not republishing another's text
  ];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2, 3], [4]], copies, skipped: [], warnings: [], options: OPTIONS });
}

describe('sourceSummary', () => {
  it('counts articles, stories, shared stories, first reports and copies of another source, per source', () => {
    expect(wireReport().sources).toEqual([
      // Facts of the storm story: the wire's two lines (all but Radio North report the second), Gazette's schools line.
      // The Gazette carries the wire's text (g1 is a copy of w1): the two are one voice, so the wire's second line, which
      // only they tell, is an add of each, and the Gazette's schools line is no omission of the wire's.
      { source: 'Gazette', articles: 3, stories: 2, sharedStories: 1, firstReports: 0, nearDuplicates: 1, partialCopies: 0, addedFacts: 2, omittedFacts: 0, conflicts: 0 },
      { source: 'Radio North', articles: 1, stories: 1, sharedStories: 1, firstReports: 0, nearDuplicates: 0, partialCopies: 0, addedFacts: 0, omittedFacts: 2, conflicts: 0 },
      { source: 'Wire', articles: 1, stories: 1, sharedStories: 1, firstReports: 1, nearDuplicates: 1, partialCopies: 0, addedFacts: 1, omittedFacts: 0, conflicts: 0 },
    ]);
  });

  it("counts articles that are an excerpt of another source's article, or that one is cut from, once each", () => {
    const wire = ['Storms cut power to 40,000 homes across the Orrin valley on Monday.', 'Crews expect to restore most lines by Wednesday, the utility said.', 'Schools in Tull stay closed.'];
    const articles = [
      article('w1', 'Wire', 'Storms cut power', wire),
      article('g1', 'Gazette', 'Storms cut power', wire.slice(0, 1)),
      article('r1', 'Radio North', 'Power cut', wire.slice(0, 2)),
      article('w2', 'Wire', 'Storms: in brief', wire.slice(1, 2)),
    ];
    const partialCopies = [
      { part: 'g1', whole: 'w1', containment: 1, jaccard: 0.3 },
      { part: 'r1', whole: 'w1', containment: 1, jaccard: 0.6 },
      { part: 'w2', whole: 'w1', containment: 1, jaccard: 0.3 }, // the wire's own brief: not another source's text
    ];
    const r = buildReport({ articles: articles.map(stored), groups: [[0, 1, 2, 3]], copies: [], partialCopies, skipped: [], warnings: [], options: OPTIONS });
    expect(r.sources.map((s) => [s.source, s.partialCopies, s.nearDuplicates])).toEqual([['Wire', 1, 0], ['Gazette', 1, 0], ['Radio North', 1, 0]]);
    // The views show the column (and say what it counts) only in a run that has such a copy.
    const terminal = renderers.terminal(r, { color: false, width: 100 });
    expect(terminal).toContain('  source        articles  stories  shared  first  near-dup  partial  adds  omits  confl\n  Wire                 2        1       1      0         0        1');
    expect(terminal.replace(/\s+/g, ' ')).toContain("partial: its articles that are excerpts of another source's, or that another source's excerpt is cut from");
    expect(renderers.markdown(r)).toContain('| Wire | 2 | 1 | 1 | 0 | 0 | 1 |');
    const none = buildReport({ articles: articles.map(stored), groups: [[0, 1, 2, 3]], copies: [], skipped: [], warnings: [], options: OPTIONS });
    expect(renderers.terminal(none, { color: false, width: 100 })).not.toContain('partial');
    expect(renderers.html(none)).not.toContain('<th scope="col">partial</th>');
    expect(renderers.html(r)).toContain('<th scope="col">partial</th>');
  });

  it('counts facts added, left out and disputed per source over stories of several sources, teasers omitting nothing', () => {
    const ferry = sampleReport(); // three sources, one conflict on the number rescued
    const story = ferry.stories[0];
    if (story === undefined) throw new Error('no story');
    const sourceOf = new Map(ferry.articles.map((a) => [a.id, a.source]));
    for (const row of ferry.sources) {
      const facts = story.facts.map((f) => new Set(f.articles.map((id) => sourceOf.get(id))));
      expect(row.addedFacts, row.source).toBe(facts.filter((by) => by.size === 1 && by.has(row.source)).length);
      expect(row.omittedFacts, row.source).toBe(facts.filter((by) => !by.has(row.source)).length);
      expect(row.conflicts, row.source).toBe(story.conflicts.filter((c) => c.values.some((v) => sourceOf.get(v.article) === row.source)).length);
    }
    expect(ferry.sources.reduce((n, s) => n + s.conflicts, 0)).toBeGreaterThan(0);
    // The same Radio North article as a teaser: it leaves out nothing, as its coverage says.
    const teaser = buildReport({
      articles: [
        article('w', 'Wire', 'Ferry aground', ['The ferry Solveig ran aground off Kallo island on Friday.', 'Coast guard boats rescued 212 passengers.']),
        article('h', 'Herald', 'Ferry aground', ['The ferry Solveig ran aground off Kallo island on Friday.', 'An inquiry will open next month.']),
        article('t', 'Teaser Post', 'Ferry aground', ['The ferry Solveig ran aground off Kallo island on Friday.'], { excerpt: true }),
      ].map(stored),
      groups: [[0, 1, 2]], copies: [], skipped: [], warnings: [], options: OPTIONS,
    });
    expect(teaser.sources.map((s) => [s.source, s.addedFacts, s.omittedFacts])).toEqual([['Herald', 1, 1], ['Teaser Post', 0, 0], ['Wire', 1, 1]]);
    // A story of one source counts nothing: nothing is added or left out next to no one.
    expect(sourceSummary({ articles: teaser.articles, stories: teaser.stories.map((s) => ({ ...s, sources: ['Wire'] })) }).every((s) => s.addedFacts + s.omittedFacts === 0)).toBe(true);
  });

  it('counts the stories a selection shows only', () => {
    const top = selectStories(wireReport(), { minSources: 1, sort: 'sources', top: 1 });
    expect(top.sources.find((s) => s.source === 'Gazette')).toEqual({ source: 'Gazette', articles: 2, stories: 1, sharedStories: 1, firstReports: 0, nearDuplicates: 1, partialCopies: 0, addedFacts: 2, omittedFacts: 0, conflicts: 0 });
    expect(sourceSummary(top)).toEqual(top.sources);
  });

  it('counts a first report only for a story whose dates tell', () => {
    const r = sampleReport(); // Wire (dated) before Radio North (dated); the Gazette's ferry report has no date
    expect(r.stories[0]?.firstReported?.source).toBe('Wire');
    expect(r.sources.map((s) => [s.source, s.firstReports])).toEqual([['Gazette', 0], ['Radio North', 0], ['Wire', 1]]);
    const undated = buildReport({
      articles: [article('a', 'A', 'T', ['One sentence here.'], { date: '2031-04-08' }), article('b', 'B', 'T', ['One sentence here.'])].map(stored),
      groups: [[0, 1]], copies: [], skipped: [], warnings: [], options: OPTIONS,
    });
    expect(undated.sources.map((s) => s.firstReports)).toEqual([0, 0]);
  });
});

describe('the sources table in the views', () => {
  it('is in the terminal view, Markdown and HTML from three sources, one of them with two articles', () => {
    const r = wireReport();
    const terminal = renderers.terminal(r, { color: false, width: 80 });
    expect(terminal).toContain('Sources (3)\n  source        articles  stories  shared  first  near-dup  adds  omits  confl\n  Gazette              3        2       1      0         1     2      0      0\n  Radio North          1        1       1      0         0     0      2      0\n');
    expect(terminal.indexOf('Sources (3)')).toBeGreaterThan(terminal.indexOf('Stories with a single article'));
    expect(renderers.markdown(r)).toContain('| Wire | 1 | 1 | 1 | 1 | 1 | 1 | 0 | 0 |');
    expect(renderers.html(r)).toContain('<tr><td>Radio North</td><td class="num">1</td>');
  });

  it('is left out with two sources, and when every source has one article', () => {
    const two = buildReport({
      articles: [article('a', 'A', 'T', ['One sentence here.']), article('b', 'B', 'T', ['One sentence here.'])].map(stored),
      groups: [[0, 1]], copies: [], skipped: [], warnings: [], options: OPTIONS,
    });
    const ones = buildReport({
      articles: ['a', 'b', 'c'].map((id) => stored(article(id, `file-${id}`, 'T', ['One sentence here.']))),
      groups: [[0, 1, 2]], copies: [], skipped: [], warnings: [], options: OPTIONS,
    });
    for (const r of [two, ones]) {
      expect(renderers.terminal(r, { color: false, width: 80 })).not.toContain('Sources (');
      expect(renderers.markdown(r)).not.toContain('## Sources');
      expect(r.sources.length).toBeGreaterThan(1); // still in the JSON
    }
  });

  it('lines the terminal table up in columns with names in Chinese, Japanese or Korean, cutting a long one', () => {
    const names = ['東京新聞', '조선일보', 'Coast 📰 News', 'Herald', '中央广播电视总台国际在线新闻中心特别报道组与合作伙伴联合编辑部'];
    const articles = names.flatMap((name, i) => [article(`a${i}`, name, 'T', ['One sentence here.']), article(`b${i}`, name, 'T', ['One sentence here.'])]);
    const r = buildReport({ articles: articles.map(stored), groups: [articles.map((_, i) => i)], copies: [], skipped: [], warnings: [], options: OPTIONS });
    const lines = renderers.terminal(r, { color: false, width: 80 }).split('\n');
    const head = lines.findIndex((l) => l.startsWith('  source '));
    const table = lines.slice(head, head + 1 + names.length);
    expect(table.map((l) => columns(l))).toEqual(table.map(() => columns(table[0] ?? '')));
    expect(table.some((l) => l.startsWith('  東京新聞 ') && l.includes(' 2 '))).toBe(true);
    const cut = table.find((l) => l.startsWith('  中央'));
    expect(cut).toMatch(/^ {2}中央\S*…\s+2 /);
    expect(columns(cut?.slice(0, cut.indexOf('…') + 1) ?? '')).toBeLessThanOrEqual(2 + 40);
  });

  it('lists at most 40 sources, saying how many more the JSON has', () => {
    const articles = Array.from({ length: 45 }, (_, i) => article(`a${i}`, `Outlet ${String(i).padStart(2, '0')}`, 'T', ['One sentence here.']));
    articles.push(article('b', 'Outlet 00', 'T', ['One sentence here.']));
    const r = buildReport({ articles: articles.map(stored), groups: [articles.map((_, i) => i)], copies: [], skipped: [], warnings: [], options: OPTIONS });
    const terminal = renderers.terminal(r, { color: false, width: 80 });
    expect(terminal).toContain('Sources (45)');
    expect(terminal).toContain('  … and 5 more (all of them in --json)');
    expect(terminal.split('\n').filter((l) => /^ {2}Outlet \d\d /.test(l))).toHaveLength(40);
  });
});

describe('the sources fact counts of the CLI, added up as the stories are written', () => {
  it('equal those of the stories it wrote, in --json and in the terminal table, for --jobs 1 and 3', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-source-facts-'));
    try {
      const storm = ['Storms cut power to 40,000 homes across the Orrin valley on Monday.', 'Crews expect to restore most lines by Wednesday, the utility said.'];
      const records = [
        { source: 'Wire', title: 'Storms cut power in Orrin valley', text: storm.join(' ') },
        { source: 'Gazette', title: 'Power cut in Orrin valley', text: [...storm, 'Schools in Tull stay closed on Tuesday.'].join(' ') },
        { source: 'Gazette', title: 'Orrin valley power cut latest', text: ['Storms cut power to 45,000 homes across the Orrin valley on Monday.', 'Schools in Tull stay closed on Tuesday.'].join(' ') },
        { source: 'Radio North', title: 'Orrin valley without power', text: 'Storms cut power to 40,000 homes in the Orrin valley on Monday.' },
        { source: 'Radio North', title: 'Blue lobster caught off Pellworth', text: 'A fisherman caught a rare blue lobster off Pellworth pier on Sunday.' },
      ];
      writeFileSync(path.join(dir, 'feed.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const run = (args: readonly string[]): string => {
        const r = runCli([dir, ...args], { env: { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.0001' } });
        expect(r.status, r.stderr).toBe(0);
        return r.stdout;
      };
      const json = run(['--json', '--jobs', '1']);
      expect(run(['--json', '--jobs', '3'])).toBe(json);
      const report = JSON.parse(json) as Report;
      expect(report.sources).toEqual(sourceSummary(report));
      const gazette = report.sources.find((s) => s.source === 'Gazette');
      expect(gazette?.addedFacts).toBeGreaterThan(0); // the schools line
      expect(report.sources.reduce((n, s) => n + s.conflicts, 0)).toBeGreaterThan(0); // 40,000 vs 45,000 homes
      const view = run(['--width', '100', '--jobs', '3']);
      expect(report.sources.every((row) => row.partialCopies === 0)).toBe(true); // so the view has no such column
      for (const row of report.sources) {
        const cells = [row.articles, row.stories, row.sharedStories, row.firstReports, row.nearDuplicates, row.addedFacts, row.omittedFacts, row.conflicts];
        expect(view).toMatch(new RegExp(`\\n  ${row.source} +${cells.join(' +')}\\n`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { md, renderMarkdown } from '../src/render/markdown.js';
import type { Story } from '../src/types.js';
import { sampleReport } from './render-fixture.js';

const HOSTILE = ' See [click](https://evil.example) <img src=x onerror=alert(1)> a | b *bold* `code` \u001b[2J';

describe('renderMarkdown', () => {
  const report = sampleReport();
  const story = report.stories[0] as Story;
  const out = renderMarkdown(report);
  const lines = out.split('\n');

  it('has a heading per multi-article story and lists the single-article ones', () => {
    expect(lines.filter((l) => l.startsWith('## s'))).toEqual([`## s1 · ${story.title}`]);
    expect(out).toContain('## Stories with a single article (1)');
    expect(out).toContain('Blue lobster caught off Pellworth');
  });

  it('draws the matrix as a table: a row per fact, a column per source', () => {
    const head = lines.findIndex((l) => l.startsWith('| # | fact |'));
    expect(head).toBeGreaterThan(0);
    expect(lines[head]?.split(' | ')).toHaveLength(2 + story.sources.length);
    const rows = lines.slice(head + 2).filter((_, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('|')));
    expect(rows).toHaveLength(story.facts.length);
    for (const r of rows) expect(r.split(' | ')).toHaveLength(2 + story.sources.length);
    expect(rows.some((r) => r.includes('⚠️'))).toBe(true);
  });

  it('leaves the matrix out with --no-matrix, and keeps the lists of facts', () => {
    const short = renderMarkdown(report, { matrix: false });
    expect(short).not.toContain('| # | fact |');
    expect(short).not.toContain('Who reported what');
    expect(short.length).toBeLessThan(out.length);
    for (const f of story.facts) expect(short).toContain(f.mentions[0]?.text.slice(0, 30) ?? '?');
  });

  it('lists adds, omits (three sources) and conflicts, with the conflicting values in bold', () => {
    expect(out).toMatch(/### Only [A-C] \(Wire\) reports \(\d+\)/);
    expect(out).toMatch(/### [A-C] \(Radio North\) leaves out \(\d+\)/);
    expect(out).toContain('### Conflicts (1)');
    expect(out).toContain('**212**');
    expect(out).toContain('**180**');
  });

  it('bolds a value that would need a line-start escape on its own ("5.00 a.m.") inside its sentence', () => {
    const fact = story.facts[0]?.id ?? '';
    const conflict = {
      kind: 'time' as const,
      fact,
      detail: 'time: 5.00 a.m. (A) vs 6.00 a.m. (B)',
      values: [{ article: 'a1', value: '5.00 a.m.', normalized: '05:00', dispute: 0 }, { article: 'a2', value: '6.00 a.m.', normalized: '06:00', dispute: 0 }],
      mentions: [{ article: 'a1', sentence: 0, text: 'The ferry left at 5.00 a.m. on Friday.' }, { article: 'a2', sentence: 0, text: 'The ferry left at 6.00 a.m. on Friday.' }],
    };
    const timed = renderMarkdown({ ...report, stories: report.stories.map((s, i) => (i === 0 ? { ...s, conflicts: [conflict] } : s)) });
    expect(timed).toContain('The ferry left at **5.00 a.m.** on Friday.');
    expect(timed).toContain('The ferry left at **6.00 a.m.** on Friday.');
  });

  it('lists the warnings at the end, escaped, and no such section without them', () => {
    expect(out).not.toContain('## Warnings');
    const warned = renderMarkdown({ ...report, warnings: [{ path: 'in/a*b\u001b.txt', reason: 'invalid UTF-8; bad bytes shown as \ufffd', level: 'warning' }] });
    expect(warned).toContain('## Warnings (1)\n\n- `in/a*b\\x1b.txt`: invalid UTF-8; bad bytes shown as \ufffd\n');
    expect(warned.indexOf('## Warnings')).toBeGreaterThan(warned.indexOf('## Skipped files'));
  });

  it('escapes article text so it cannot make links, HTML, table cells or terminal escapes', () => {
    const hostile = renderMarkdown(sampleReport(HOSTILE));
    expect(hostile).toContain('\\[click\\](https://evil.example)');
    expect(hostile).not.toMatch(/(^|[^\\])<img/);
    expect(hostile).toContain('\\<img');
    expect(hostile).toContain('a \\| b');
    expect(hostile).not.toContain('\u001b');
    const head = hostile.split('\n').find((l) => l.startsWith('| # | fact |')) ?? '';
    const rowsWithPipe = hostile.split('\n').filter((l) => l.includes('\\[click'));
    expect(rowsWithPipe.length).toBeGreaterThan(0);
    for (const r of rowsWithPipe.filter((l) => l.startsWith('|'))) expect(r.split(' | ')).toHaveLength(head.split(' | ').length);
  });

  it('shows a file name as it is: a line separator, a tab or two spaces in it are escaped or kept, not folded to a space', () => {
    const odd = 'in/ls\u2028x\ty  z.txt';
    const articles = report.articles.map((a, i) => (i === 0 ? { ...a, path: odd } : a));
    const shown = renderMarkdown({ ...report, articles, skipped: [{ path: odd, reason: 'empty file', level: 'skipped' }] });
    expect(shown).not.toMatch(/[\u2028\t]/);
    // In the sources table and in the skipped files, as the terminal view shows it.
    expect(shown.split('`in/ls\\u{2028}x\\x09y  z.txt`')).toHaveLength(3);
  });

  it('md() leaves plain prose readable', () => {
    expect(md('Rebels said on Tuesday (local time) it was 5.00 a.m. - not later!')).toBe('Rebels said on Tuesday (local time) it was 5.00 a.m. - not later!');
    expect(md('- starts a list')).toBe('\\- starts a list');
  });
});

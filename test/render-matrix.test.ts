import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { letter, storyMatrix } from '../src/render/matrix.js';
import { matrixLines } from '../src/render/terminal-matrix.js';
import { renderTerminal } from '../src/render/terminal.js';
import type { Story } from '../src/types.js';
import { sampleReport } from './render-fixture.js';

const report = sampleReport();
const articles = new Map(report.articles.map((a) => [a.id, a]));
const story = report.stories[0] as Story;
const plain = new Chalk({ level: 0 });

describe('storyMatrix', () => {
  const m = storyMatrix(story, articles);

  it('has a column per source and a row per fact, in story order', () => {
    expect(m.columns.map((c) => c.source)).toEqual(story.sources);
    expect(m.rows.map((r) => r.fact)).toEqual(story.facts.map((f) => f.id));
  });

  it('marks every cell from the facts and conflicts of the story', () => {
    const conflictFacts = new Set(story.conflicts.map((c) => c.fact));
    expect(conflictFacts.size).toBeGreaterThan(0);
    m.rows.forEach((row) => {
      const fact = story.facts.find((f) => f.id === row.fact);
      row.cells.forEach((cell, i) => {
        const col = m.columns[i];
        const reports = col?.articles.some((id) => fact?.articles.includes(id)) ?? false;
        if (cell === 'absent') expect(reports).toBe(false);
        else expect(reports).toBe(true);
        if (cell === 'conflict') expect(conflictFacts.has(row.fact)).toBe(true);
      });
    });
  });

  it('says the two sources disagree on the number rescued, and the third did not report it', () => {
    const row = m.rows.find((r) => r.text.includes('rescued'));
    const at = (source: string): string | undefined => row?.cells[m.columns.findIndex((c) => c.source === source)];
    expect(at('Wire')).toBe('conflict');
    expect(at('Gazette')).toBe('conflict');
    expect(at('Radio North')).toBe('absent');
  });

  it('labels articles A, B, … Z, AA', () => {
    expect([0, 1, 25, 26, 27].map(letter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('the terminal matrix', () => {
  it('never exceeds the width, for any width and number of sources', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 160 }), fc.integer({ min: 1, max: 60 }), (width, n) => {
        const many = { columns: Array.from({ length: n }, (_, i) => ({ source: `s${i}`, articles: [`a${i}`], labels: [letter(i)], teaser: false })), rows: [{ fact: 'x-f1', number: '1', text: 'word '.repeat(80), cells: Array.from({ length: n }, () => 'reported' as const) }] };
        const lines = matrixLines(many, plain, width);
        for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
        const header = lines.find((l) => l.trimEnd().endsWith('fact')) ?? '';
        const columns = header.trim().split(/\s+/).length - 1;
        expect(columns).toBeGreaterThanOrEqual(1);
        expect(lines.join(' ').includes('not shown')).toBe(columns < n);
      }),
    );
  });

  it('narrows its columns before it leaves a source out: six sources in 40 columns, one of three articles headed "C+"', () => {
    const labels = [['A'], ['B'], ['C', 'D', 'E'], ['F'], ['G'], ['H']];
    const m = { columns: labels.map((l, i) => ({ source: `s${i}`, articles: l.map((x) => `a${x}`), labels: l, teaser: false })), rows: [{ fact: 'x-f1', number: '1', text: 'A powerful earthquake struck the province', cells: labels.map(() => 'reported' as const) }] };
    const narrow = matrixLines(m, plain, 40);
    expect(narrow.find((l) => l.trimEnd().endsWith('fact'))?.trim().split(/\s+/)).toEqual(['A', 'B', 'C+', 'F', 'G', 'H', 'fact']);
    expect(narrow.join('\n')).not.toContain('not shown');
    for (const l of narrow) expect([...l].length).toBeLessThanOrEqual(40);
    // Wide enough, the source's column names all its articles.
    expect(matrixLines(m, plain, 100).find((l) => l.trimEnd().endsWith('fact'))?.trim().split(/\s+/)).toEqual(['A', 'B', 'C,D,E', 'F', 'G', 'H', 'fact']);
  });

  it('counts the sources it cannot fit', () => {
    const many = { columns: Array.from({ length: 40 }, (_, i) => ({ source: `s${i}`, articles: [`a${i}`], labels: [letter(i)], teaser: false })), rows: [{ fact: 'x-f1', number: '1', text: 'fact', cells: Array.from({ length: 40 }, () => 'absent' as const) }] };
    const text = matrixLines(many, plain, 80).join('\n');
    expect(text).toMatch(/\d+ more sources not shown/);
  });

  it('is in the terminal view by default and gone with matrix: false', () => {
    const on = renderTerminal(report, { color: false, width: 80 });
    const off = renderTerminal(report, { color: false, width: 80, matrix: false });
    expect(on).toContain('Who reported what');
    expect(off).not.toContain('Who reported what');
    expect(on.split('\n').length - off.split('\n').length).toBe(story.facts.length + 3);
  });
});

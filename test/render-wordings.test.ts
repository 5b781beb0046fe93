/** Mentions worded alike are shown once, with every article that words them so (render/sections.ts `wordings`). */
import { describe, expect, it } from 'vitest';
import { hiddenSectionsNotes, MAX_SOURCE_SECTIONS, sourceSections, wordings } from '../src/render/sections.js';
import { runCli } from './cli-run.js';

const mention = (article: string, text: string) => ({ article, sentence: 0, text });

describe('wordings', () => {
  it('puts mentions of one text (white space aside) in one entry, in order of first mention', () => {
    const each = wordings([mention('a', 'Fog was thick.'), mention('b', 'The fog  was thick.'), mention('c', 'Fog was\nthick.')], (id) => id.toUpperCase());
    expect(each.map((e) => [e.label, e.mention.text])).toEqual([
      ['A, C', 'Fog was thick.'],
      ['B', 'The fog  was thick.'],
    ]);
  });

  it('names four articles and counts the rest when more than five word it alike', () => {
    const many = Array.from({ length: 2000 }, (_, i) => mention(`a${i}`, 'Same words.'));
    expect(wordings(many, (id) => id).map((e) => e.label)).toEqual(['a0, a1, a2, a3 and 1,996 more']);
    expect(wordings(many.slice(0, 5), (id) => id).map((e) => e.label)).toEqual(['a0, a1, a2, a3, a4']);
  });
});

describe('the views of a story with copies', () => {
  it('show a sentence two copies share once, labelled by both (terminal and Markdown)', () => {
    const terminal = runCli(['test/fixtures/copies', '--width', '100']).stdout;
    expect(terminal).toContain('B, C: The passenger ferry Solveig ran aground on a sandbank off Kallo island on Friday');
    expect(terminal).not.toMatch(/^\s+C: The passenger ferry Solveig ran aground/m);
    const markdown = runCli(['test/fixtures/copies', '--format', 'markdown']).stdout;
    expect(markdown).toContain('  - B, C: The passenger ferry Solveig ran aground');
  });
});

describe('sourceSections', () => {
  it('shows every section up to 40; past that, the first 40 with something in them, counting the empty and the cut', () => {
    const few = Array.from({ length: MAX_SOURCE_SECTIONS }, (_, i) => i % 2);
    expect(sourceSections(few, (n) => n)).toEqual({ shown: few, empty: 0, cut: 0 });
    const many = Array.from({ length: 100 }, (_, i) => (i < 30 ? 0 : i));
    const { shown, empty, cut } = sourceSections(many, (n) => n);
    expect(shown).toEqual(many.slice(30, 70));
    expect([empty, cut]).toEqual([30, 30]);
    expect(hiddenSectionsNotes({ empty, cut }, 'article', 'leave out nothing')).toEqual([
      '30 articles leave out nothing',
      "30 more articles not shown (the JSON report's coverage has every article's adds and omits)",
    ]);
    expect(hiddenSectionsNotes({ empty: 0, cut: 0 }, 'source', 'x')).toEqual([]);
  });
});

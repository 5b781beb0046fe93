import { describe, expect, it } from 'vitest';
import { parseArticle, type ParseResult } from '../src/input/parse.js';
import { classifyLine } from '../src/clean/boilerplate.js';
import type { ParsedArticle } from '../src/types.js';

/** Parse and insist on success, so each test reads as "this text gives this article". */
function parsed(path: string, text: string): ParsedArticle {
  const result: ParseResult = parseArticle({ path, text });
  if (!result.ok) throw new Error(`expected ${path} to parse, got: ${result.reason}`);
  return result.article;
}

describe('parseArticle: plain text', () => {
  it('takes the first non-empty line as the headline and every further non-empty line as a paragraph', () => {
    const a = parsed('news/a.txt', '\n\n  Ferry runs aground  \n\nAll passengers were rescued.\n\n\nThe ship was towed away.\n');
    expect(a.title).toBe('Ferry runs aground');
    expect(a.paragraphs).toEqual(['All passengers were rescued.', 'The ship was towed away.']);
    expect(a.meta).toEqual({});
    expect(a.path).toBe('news/a.txt');
  });

  it('accepts Windows and old Mac line endings and a byte-order mark', () => {
    const a = parsed('a.txt', '\uFEFFHeadline\r\nBody one.\r\n\r\nBody two.\rBody three.');
    expect(a.title).toBe('Headline');
    expect(a.paragraphs).toEqual(['Body one.', 'Body two.', 'Body three.']);
  });

  it('leaves Markdown-looking text and front matter alone in a .txt file', () => {
    const a = parsed('a.txt', '---\ntitle: Not metadata\n---\n**Bold** stays [as written](http://x.test).');
    expect(a.meta).toEqual({});
    expect(a.title).toBe('---');
    expect(a.paragraphs).toContain('**Bold** stays [as written](http://x.test).');
  });

  it('refuses a file with a headline and no body', () => {
    expect(parseArticle({ path: 'a.txt', text: 'Only a headline\n\n\n' })).toEqual({ ok: false, reason: 'no article body after the headline' });
  });

  it('reads a file whose only line is a long sentence without its final stop as a one-sentence article (review 25, ECB+ 45_3ecb)', () => {
    const line =
      "Dozens of people in Laci Peterson's hometown who were donating blood in her memory applauded when they heard a jury's decision to execute Scott Peterson for the murder of his pregnant wife";
    const a = parsed('45_3ecb.txt', `${line}\n`);
    expect(a.title).toBe(line);
    expect(a.paragraphs).toEqual([line]);
    // A headline alone is still no article: short, or long and in title case.
    const headlines = [
      'Earthquake kills at least 42 in eastern Turkey as rescuers search the rubble',
      'Scott Peterson Sentenced To Death For The Murder Of His Pregnant Wife Laci And Their Unborn Son Conner',
    ];
    for (const h of headlines) expect(parseArticle({ path: 'h.txt', text: `${h}\n` })).toEqual({ ok: false, reason: 'no article body after the headline' });
    // Front matter's title with no text is metadata alone, however the title reads.
    expect(parseArticle({ path: 'a.md', text: `---\ntitle: ${line}\n---\n` }).ok).toBe(false);
  });

  it('does not take a first line that is only a stamp or a dateline for the headline: it is a paragraph, for cleaning to drop', () => {
    const a = parsed('a.txt', 'Tuesday, June 14, 2016 | 9: 05 AM\nLAGOS, June 14, 2016\nFerry runs aground\nAll passengers were rescued.');
    expect(a.title).toBe('Ferry runs aground');
    expect(a.paragraphs).toEqual(['Tuesday, June 14, 2016 | 9: 05 AM', 'LAGOS, June 14, 2016', 'All passengers were rescued.']);
    // A lead taken for the headline is still news, after the stamps.
    const lead = parsed('b.txt', 'Posted by Jane Doe on June 14, 2016 at 4:05 pm\nAll 212 passengers of a ferry were rescued on Tuesday.\nThe ship was towed away.');
    expect(lead.title).toBe('All 212 passengers of a ferry were rescued on Tuesday.');
    expect(lead.paragraphs).toEqual(['Posted by Jane Doe on June 14, 2016 at 4:05 pm', 'All 212 passengers of a ferry were rescued on Tuesday.', 'The ship was towed away.']);
  });

  it('parts a date before or after the headline on its line, and a date glued to a headline in capitals', () => {
    const a = parsed('a.txt', '14 / 06 / 2016 - Parliament approves new budget\nThe vote was 212 to 190.');
    expect(a.title).toBe('Parliament approves new budget');
    expect(a.paragraphs).toEqual(['14 / 06 / 2016', 'The vote was 212 to 190.']);
    expect(parsed('b.txt', 'FERRY RUNS AGROUND, COAST GUARD SAYSJUNE 14, 2016\nAll were rescued.').title).toBe('FERRY RUNS AGROUND, COAST GUARD SAYS');
    expect(parsed('c.txt', 'Jets beat Bills 24 - 10 on Sunday\nIt was close.').title).toBe('Jets beat Bills 24 - 10 on Sunday');
  });

  it('takes a stamp for the headline of a file of stamps alone, and refuses a stamp and a headline with no body', () => {
    expect(parsed('a.txt', 'June 14, 2016\nUpdated June 15, 2016').title).toBe('June 14, 2016');
    expect(parseArticle({ path: 'b.txt', text: 'June 14, 2016\nFerry runs aground\n' })).toEqual({ ok: false, reason: 'no article body after the headline' });
  });

  it('refuses a file with no text at all', () => {
    expect(parseArticle({ path: 'a.txt', text: ' \n\t\n' })).toEqual({ ok: false, reason: 'no text' });
  });
});

describe('parseArticle: Markdown front matter', () => {
  it('reads title, source, url and date, unquoting values and ignoring unknown keys', () => {
    const a = parsed(
      'a.md',
      [
        '---',
        'title: "Quoted: a title with a colon"',
        "source: 'Reuters'",
        'url: https://example.test/story?id=1',
        'date: 2017-03-21',
        'author: Somebody',
        'tags: [syria, damascus]',
        '---',
        '',
        'The first paragraph.',
      ].join('\n'),
    );
    expect(a.meta).toEqual({ title: 'Quoted: a title with a colon', source: 'Reuters', url: 'https://example.test/story?id=1', date: '2017-03-21', byline: 'Somebody' });
    expect(a.title).toBe('Quoted: a title with a colon');
    expect(a.paragraphs).toEqual(['The first paragraph.']);
  });

  it('accepts the key aliases (headline, outlet, link, published) and keeps the first value of a key', () => {
    const a = parsed('a.markdown', '---\nHeadline: Aliased\noutlet: AP\nsource: Second\nlink: http://x.test\npublished: Monday\n---\nBody.');
    expect(a.meta).toEqual({ title: 'Aliased', source: 'AP', url: 'http://x.test', date: 'Monday' });
  });

  it('accepts "..." as the closing line and ignores empty values', () => {
    const a = parsed('a.md', '---\ntitle:\nsource: X\n...\n# Heading title\nBody.');
    expect(a.meta).toEqual({ source: 'X' });
    expect(a.title).toBe('Heading title');
    expect(a.paragraphs).toEqual(['Body.']);
  });

  it('reads an author list (YAML block or flow list, or author objects) as one byline (review 25)', () => {
    const block = parsed('a.md', '---\ntitle: T\nauthor:\n  - Jane Doe\n  - "John Roe"\ntags: [a, b]\n---\nBody.');
    expect(block.meta).toEqual({ title: 'T', byline: 'Jane Doe, John Roe' });
    // Items at the key's own indentation are a list too, and the list ends at the next key.
    const flush = parsed('a.md', '---\nauthors:\n- Jane Doe\nsource: X\n---\nHeadline\nBody.');
    expect(flush.meta).toEqual({ byline: 'Jane Doe', source: 'X' });
    expect(parsed('a.md', '---\nauthor: [Jane Doe, \'John Roe\']\n---\nHeadline\nBody.').meta).toEqual({ byline: 'Jane Doe, John Roe' });
    expect(parsed('a.md', '---\nauthor:\n  - name: Jane Doe\n    url: https://x.test/jane\n  - name: John Roe\n---\nHeadline\nBody.').meta).toEqual({ byline: 'Jane Doe, John Roe' });
    // A list under a key that is no field is skipped, and a nested key is no field.
    expect(parsed('a.md', '---\ntags:\n  - fire\nimage:\n  url: https://x.test/a.jpg\n---\nHeadline\nBody.').meta).toEqual({});
  });

  it('treats a file without front matter as text, with the first # heading as the headline', () => {
    const a = parsed('a.md', '# Rebels attack Damascus\n\nSyrian rebels attacked on Tuesday.\n');
    expect(a.meta).toEqual({});
    expect(a.title).toBe('Rebels attack Damascus');
    expect(a.paragraphs).toEqual(['Syrian rebels attacked on Tuesday.']);
  });

  it('keeps a # heading as a body line, marker and all, when front matter already gave the title: cleaning drops it', () => {
    const a = parsed('a.md', '---\ntitle: From metadata\n---\n# From heading\nBody.');
    expect(a.title).toBe('From metadata');
    expect(a.paragraphs).toEqual(['# From heading', 'Body.']);
    // However long: a second headline is no fact.
    const long = parsed('a.md', '---\ntitle: Short\n---\n# Fire destroys the historic **Lindqvist** mill as dozens of firefighters battle the blaze\nBody.');
    expect(long.paragraphs[0]).toBe('# Fire destroys the historic Lindqvist mill as dozens of firefighters battle the blaze');
    expect(classifyLine(long.paragraphs[0] ?? '')).toBe('heading');
    // A text file's lines stand as they are written.
    expect(parsed('a.txt', 'Title\n\n# not a heading in a text file').paragraphs).toEqual(['# not a heading in a text file']);
  });

  it('reads unterminated front matter as ordinary text with no metadata, losing no line', () => {
    const a = parsed('a.md', '---\ntitle: Foo\nsource: Bar\n\nBody text here.\n');
    expect(a.meta).toEqual({});
    expect([a.title, ...a.paragraphs]).toEqual(['title: Foo', 'source: Bar', 'Body text here.']);
  });

  it('does not take --- later in the file for front matter', () => {
    const a = parsed('a.md', 'Headline\n---\ntitle: not meta\n---\nBody.');
    expect(a.meta).toEqual({});
    expect(a.title).toBe('Headline');
    expect(a.paragraphs).toEqual(['title: not meta', 'Body.']);
  });

  it('refuses front matter with no body', () => {
    const r = parseArticle({ path: 'a.md', text: '---\ntitle: Only metadata\n---\n\n' });
    expect(r.ok).toBe(false);
  });
});

describe('parseArticle: Markdown syntax removed', () => {
  it('strips links and images to their text, strong emphasis and code ticks', () => {
    const a = parsed('a.md', 'Title\n\nThe [UN envoy](https://un.test/envoy) said **all** parties had `confirmed` ![a photo](x.png) attendance.');
    expect(a.paragraphs).toEqual(['The UN envoy said all parties had confirmed a photo attendance.']);
  });

  it('strips heading, quote and list markers and skips horizontal rules', () => {
    const a = parsed('a.md', '## Title here\n\n> A quoted paragraph.\n\n- A bullet point.\n\n1. A numbered point.\n\n***\n\n___\n\nLast line.');
    expect(a.title).toBe('Title here');
    expect(a.paragraphs).toEqual(['A quoted paragraph.', 'A bullet point.', 'A numbered point.', 'Last line.']);
  });

  it('joins the lines of a hard-wrapped paragraph, up to a blank line or the start of another block', () => {
    const text = [
      '# Rebels attack Damascus',
      'Syrian rebels stormed a government-held area in',
      'northeastern Damascus on Sunday, activists said.',
      '',
      'The attack was the second in three days.',
      '## Reaction',
      'The government said it',
      'had repelled the attack.',
      '- A bullet that wraps',
      '  onto a second line.',
      '- Another bullet.',
      '> A quotation',
      '> on two lines.',
      '***',
      'After the rule.',
    ].join('\n');
    const a = parsed('a.md', text);
    expect(a.title).toBe('Rebels attack Damascus');
    expect(a.paragraphs).toEqual([
      'Syrian rebels stormed a government-held area in northeastern Damascus on Sunday, activists said.',
      'The attack was the second in three days.',
      '## Reaction',
      'The government said it had repelled the attack.',
      'A bullet that wraps onto a second line.',
      'Another bullet.',
      'A quotation on two lines.',
      'After the rule.',
    ]);
    // A plain-text file keeps a paragraph a line, as documented.
    expect(parsed('a.txt', 'Headline\nOne line\nand the next.').paragraphs).toEqual(['One line', 'and the next.']);
    // The headline of a Markdown file without a heading is still its first line.
    expect(parsed('a.md', 'Headline\nThe body starts here\nand goes on.').title).toBe('Headline');
  });

  it('joins a wrapped quotation and a line that starts with a year, keeps list items apart, drops a setext underline', () => {
    const text = [
      'Title',
      '',
      '> "We are prepared for a long eruption," the agency\'s director told',
      '> reporters at a briefing in Reykjavik.',
      '>',
      '> A second quoted paragraph.',
      '',
      'The company has grown every year since',
      '2017. Its revenue rose again,',
      '5. times the last.',
      '',
      '1. First item',
      '2. Second item',
      '3. Third item',
      '',
      'Quarterly Outlook',
      '=================',
      'The outlook is good.',
    ].join('\n');
    expect(parsed('a.md', text).paragraphs).toEqual([
      '"We are prepared for a long eruption," the agency\'s director told reporters at a briefing in Reykjavik.',
      'A second quoted paragraph.',
      'The company has grown every year since 2017. Its revenue rose again, 5. times the last.',
      'First item',
      'Second item',
      'Third item',
      'Quarterly Outlook',
      'The outlook is good.',
    ]);
  });

  it('leaves a literal asterisk or number that is not Markdown syntax', () => {
    const a = parsed('a.md', 'Title\n\nPrices rose 5*3 times in 2017. Not a list.');
    expect(a.paragraphs).toEqual(['Prices rose 5*3 times in 2017. Not a list.']);
  });
});

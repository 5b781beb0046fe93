/** CSV and TSV tables of articles (src/input/csv.ts): RFC 4180 records, the header's names, line numbers, bad records. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, parseTable } from '../src/input/csv.js';
import { parseFile } from '../src/input/formats.js';

const fields = (text: string, delimiter = ','): string[][] => csvRows(text, delimiter).map((r) => r.fields);

describe('csvRows', () => {
  it('splits records on line ends (LF, CRLF, CR) and fields on the delimiter', () => {
    expect(fields('a,b\r\nc,d\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
    expect(fields('a\tb,c\n', '\t')).toEqual([['a', 'b,c']]);
    expect(fields('a,,\n')).toEqual([['a', '', '']]);
  });

  it('reads quoted fields with delimiters, line breaks and doubled quotes, and counts lines through them', () => {
    const rows = csvRows('title,text\n"Ferry, aground","He said ""no"".\nA second paragraph."\nnext,row\n', ',');
    expect(rows.map((r) => r.fields)).toEqual([['title', 'text'], ['Ferry, aground', 'He said "no".\nA second paragraph.'], ['next', 'row']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('leaves out blank lines, and a BOM', () => {
    expect(csvRows('\uFEFFa,b\n\n   \nc,d\n', ',').map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [4, ['c', 'd']]]);
  });

  it('marks a record whose quoted field is never closed', () => {
    const rows = csvRows('a,b\n"open,text\nmore', ',');
    expect(rows[1]).toEqual({ fields: ['open,text\nmore'], line: 2, unclosed: true });
  });

  it('reads long fields whole: a run of text, and a quoted field of many doubled quotes and line breaks', () => {
    const long = 'word '.repeat(200_000);
    const quoted = 'say "hi"\r\n'.repeat(50_000);
    const rows = csvRows(`title,text\nx,${long}\ny,"${quoted.replaceAll('"', '""')}"\nz,end\n`, ',');
    expect(rows.map((r) => r.fields)).toEqual([['title', 'text'], ['x', long], ['y', quoted], ['z', 'end']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 50_004]);
  });

  it('gives back what an RFC 4180 writer wrote, whatever the fields hold', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'é', '\t') });
    const quote = (f: string): string => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((row) => row.map(quote).join(',')).join('\r\n');
        expect(fields(text)).toEqual(table);
      }),
    );
  });
});

describe('csvRows on a TSV written without quoting', () => {
  it('reads a field that starts with a quote as written, unless the quote closes before a tab or line end', () => {
    const tsv = 'title\ttext\nA\t"We will rebuild," the mayor said.\nB\t"It is over.\nC\t"Quoted\ttab"\nD\tplain\n';
    expect(fields(tsv, '\t')).toEqual([['title', 'text'], ['A', '"We will rebuild," the mayor said.'], ['B', '"It is over.'], ['C', 'Quoted\ttab'], ['D', 'plain']]);
    expect(csvRows(tsv, '\t').map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('still gives back what an RFC 4180 writer wrote with tabs', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', '\t') });
    const quote = (f: string): string => (/["\t\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        expect(fields(table.map((row) => row.map(quote).join('\t')).join('\n'), '\t')).toEqual(table);
      }),
    );
  });
});

describe('parseTable', () => {
  const table = [
    'date,author,title,article,url,publication',
    '2024-05-06,Morag Reid,Ferry runs aground off Skye,"A ferry ran aground off Skye on Monday.\nAll 112 passengers were rescued.",https://www.highlandherald.example/ferry,Highland Herald',
    '2024-05-07,,No text here,,https://a.example/x,Coast News',
    '2024-05-07,,Mill fire,A fire destroyed the old mill on Tuesday.,,',
  ].join('\n');

  it('reads a record an article, by the header\'s names, named file:line', () => {
    const r = parseTable('news.csv', table, ',');
    expect(r.articles.map((a) => [a.path, a.title, a.paragraphs])).toEqual([
      ['news.csv:2', 'Ferry runs aground off Skye', ['A ferry ran aground off Skye on Monday.', 'All 112 passengers were rescued.']],
      ['news.csv:5', 'Mill fire', ['A fire destroyed the old mill on Tuesday.']],
    ]);
    expect(r.articles[0]?.meta).toEqual({
      title: 'Ferry runs aground off Skye',
      source: 'Highland Herald',
      url: 'https://www.highlandherald.example/ferry',
      date: '2024-05-06',
      byline: 'Morag Reid',
    });
    expect(r.diagnostics).toEqual([{ path: 'news.csv:4', reason: 'no article text (fields text, body, content or maintext)', level: 'skipped' }]);
  });

  it('skips a table with no column of text, naming its columns, and one with no records', () => {
    expect(parseTable('prices.csv', 'date,price\n2024-01-01,3\n', ',').diagnostics).toEqual([
      { path: 'prices.csv', reason: 'no column of article text (text, body, content, article) in the header: date, price', level: 'skipped' },
    ]);
    expect(parseTable('e.csv', 'title,text\n', ',').diagnostics[0]?.reason).toBe('no records after the header');
    expect(parseTable('e.csv', '', ',').diagnostics[0]?.reason).toBe('no header row');
  });

  it('reads the first of two columns whose names differ only in case, as of two columns of one name', () => {
    for (const header of ['text,Text,title', 'Text,text,title', 'text,text,title']) {
      const r = parseTable('t.csv', `${header}\nFirst column text.,Second column text.,T\n`, ',');
      expect(r.articles.map((a) => a.paragraphs)).toEqual([['First column text.']]);
    }
  });

  it('says so when the header is separated by semicolons (or a .tsv by commas)', () => {
    expect(parseTable('eu.csv', '"title";"text";"source"\nFerry;A ferry ran aground.;Herald\n', ',').diagnostics).toEqual([
      { path: 'eu.csv', reason: 'no column of article text (text, body, content, article) in the header: title;"text";"source"; its names are separated by semicolons, and a .csv file is read with commas', level: 'skipped' },
    ]);
    expect(parseTable('t.tsv', 'title,body\nFerry,A ferry ran aground.\n', '\t').diagnostics[0]?.reason).toMatch(/separated by commas, and a \.tsv file is read with tabs$/);
    expect(parseTable('prices.csv', 'date;price\n2024-01-01;3\n', ',').diagnostics[0]?.reason).toBe('no column of article text (text, body, content, article) in the header: date;price');
  });

  it('skips a record whose quote is not closed, and keeps those before it', () => {
    const r = parseTable('t.csv', 'title,text\nOne,First story text.\nTwo,"Second story text\nthat never ends', ',');
    expect(r.articles.map((a) => a.path)).toEqual(['t.csv:2']);
    expect(r.diagnostics).toEqual([{ path: 't.csv:3', reason: 'a quoted field is not closed before the end of the file', level: 'skipped' }]);
  });

  it('reads .tsv with tabs, by the file ending', () => {
    const r = parseFile({ path: 'news.tsv', text: 'Title\tBody\tSource\nFerry aground\tA ferry ran aground off Skye on Monday.\tCoast News\n' });
    expect(r.articles.map((a) => [a.path, a.title, a.meta.source])).toEqual([['news.tsv:2', 'Ferry aground', 'Coast News']]);
  });
});

describe('date columns of exports (review 26 #12)', () => {
  it('reads "Published At" and other headers in words as the date', () => {
    const r = parseFile({ path: 'b.csv', text: readFileSync('test/fixtures/review26/published-at.csv', 'utf8') });
    expect(r.articles.map((a) => a.meta.date)).toEqual(['2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z']);
    expect(r.diagnostics).toEqual([]);
    for (const name of ['Publish Date', 'Publication Date', 'published-date', 'Date Published', 'pub_date', 'publishedAt']) {
      const t = parseTable('t.csv', `title,text,${name}\nFlood,"Rivers rose on Monday in Dhaka, officials said.",2026-11-25\n`, ',');
      expect([name, t.articles[0]?.meta.date, t.diagnostics]).toEqual([name, '2026-11-25', []]);
    }
  });

  it('warns once a file about a date-like column it does not read', () => {
    const t = parseTable('t.csv', 'title,text,Time Posted\nFlood,"Rivers rose on Monday in Dhaka, officials said.",2026-11-25\nFire,"A warehouse burned in Porto, police said.",2026-11-26\n', ',');
    expect(t.articles.map((a) => a.meta.date)).toEqual([undefined, undefined]);
    expect(t.diagnostics).toEqual([{ path: 't.csv', reason: 'column "Time Posted" is not read as the articles\' date (a date column is named date, published, published_at, publish_date, …)', level: 'warning' }]);
  });
});

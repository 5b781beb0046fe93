import { describe, expect, it } from 'vitest';
import { dateIn, headDate, headOf, outletIn } from '../src/input/head-lines.js';
import { isKnownOutlet } from '../src/input/outlet.js';
import { parseArticle } from '../src/input/parse.js';
import { detectOutlet } from '../src/input/outlet.js';
import { runCli } from './cli-run.js';

describe('the date of an article head', () => {
  it('is the longest stretch of a stamp that reads as a date', () => {
    expect(dateIn('Published 23 November 2026, 09:30 GMT')).toBe('23 November 2026, 09:30 GMT');
    expect(dateIn('The Herald, 23 November 2026')).toBe('23 November 2026');
    expect(dateIn('Posted on Thu Jun 13, 2013')).toBe('Thu Jun 13, 2013');
    expect(dateIn('Last updated at 12:42 GMT')).toBeUndefined();
  });

  it('comes from the head only, a publication stamp before an update', () => {
    expect(headDate(['By Jane Smith, BBC News', 'Published 23 November 2026, 09:30 GMT', 'A ferry ran aground on Monday.'])).toBe('23 November 2026, 09:30 GMT');
    expect(headDate(['Updated 24 November 2026 10:00 GMT', 'Published 23 November 2026', 'A ferry ran aground.'])).toBe('23 November 2026');
    expect(headDate(['Updated 24 November 2026 10:00 GMT', 'A ferry ran aground.'])).toBe('24 November 2026 10:00 GMT');
    // A date in the news, or a stamp after it, is not the article's.
    expect(headDate(['The ferry ran aground on 23 November 2026, the coastguard said.'])).toBeUndefined();
    expect(headDate(['A ferry ran aground off Skye on Monday.', 'Published 23 November 2026'])).toBeUndefined();
    expect(headOf(['By Jane Smith, BBC News', 'A ferry ran aground off Skye on Monday.', 'Published 23 November 2026'])).toEqual(['By Jane Smith, BBC News']);
  });

  it('is the article date of a text file unless its front matter gives one', () => {
    const txt = parseArticle({ path: 'herald.txt', text: 'Ferry aground off Skye\nThe Herald, 23 November 2026\n\nA ferry ran aground near Uig on Monday.\n' });
    expect(txt.ok && txt.article.meta.date).toBe('23 November 2026');
    const md = parseArticle({ path: 'herald.md', text: '---\ndate: 2026-11-24\n---\n# Ferry aground off Skye\n\nPublished 23 November 2026\n\nA ferry ran aground near Uig on Monday.\n' });
    expect(md.ok && md.article.meta.date).toBe('2026-11-24');
    const none = parseArticle({ path: 'plain.txt', text: 'Ferry aground off Skye\n\nA ferry ran aground near Uig on 23 November 2026.\n' });
    expect(none.ok && none.article.meta.date).toBeUndefined();
  });
});

describe('the outlet of an article head', () => {
  it('is a name with a news word before a date, or after a byline', () => {
    expect(outletIn('The Herald, 23 November 2026', isKnownOutlet)).toBe('The Herald');
    expect(outletIn('By Jane Smith, The Herald', isKnownOutlet)).toBe('The Herald');
    expect(outletIn('By Jane Smith and Tom Hill, Press and Journal, 23 November 2026', isKnownOutlet)).toBe('Press and Journal');
    expect(outletIn('Reuters, 23 November 2026', isKnownOutlet)).toBe('Reuters');
  });

  it('is never a place, a person or a job title', () => {
    for (const line of ['The Hague, 23 November 2026', 'WASHINGTON, March 3, 2014', 'Jane Smith, 23 November 2026', 'Times Square, 23 November 2026', 'By Jane Smith, Political Editor', 'By Jane Smith, in Glasgow']) {
      expect(outletIn(line, isKnownOutlet)).toBeUndefined();
    }
  });

  it('names the article when nothing else does, and loses to metadata and a URL', () => {
    const paragraphs = ['The Herald, 23 November 2026', 'A ferry ran aground near Uig on Monday.'];
    expect(detectOutlet('herald-copy.txt', {}, paragraphs)).toEqual({ source: 'The Herald', origin: 'credit' });
    expect(detectOutlet('x.txt', { source: 'Scottish Daily Mail' }, paragraphs).source).toBe('Scottish Daily Mail');
    expect(detectOutlet('x.txt', { url: 'https://www.bbc.co.uk/news/1' }, paragraphs).source).toBe('BBC');
    // Further down, the same line is news of another paper, not a credit.
    expect(detectOutlet('x.txt', {}, ['A ferry ran aground near Uig on Monday.', 'The Herald, 23 November 2026']).origin).toBe('filename');
  });
});

describe('end to end: plain-text files with a stamp and an outlet line', () => {
  it('are dated and named by them, so --since keeps them (QA 29 #11)', () => {
    const doc = JSON.parse(runCli(['test/fixtures/head-lines', '--json', '-q']).stdout);
    expect(doc.articles.map((a: { source: string; sourceOrigin: string; date: string; published: string }) => [a.source, a.sourceOrigin, a.date, a.published])).toEqual([
      ['BBC', 'credit', '23 November 2026, 09:30 GMT', '2026-11-23T09:30:00Z'],
      ['The Herald', 'credit', '23 November 2026', '2026-11-23'],
    ]);
    const since = JSON.parse(runCli(['test/fixtures/head-lines', '--json', '-q', '--since', '2026-11-23']).stdout);
    expect(since.articles).toHaveLength(2);
    const view = runCli(['test/fixtures/head-lines', '-q', '--no-matrix']).stdout;
    expect(view).toMatch(/A BBC 2026-11-23 09:30 UTC test\/fixtures\/head-lines\/bbc\.txt/);
    expect(view).toMatch(/B The Herald 2026-11-23 test\/fixtures\/head-lines\/herald\.txt/);
  });
});

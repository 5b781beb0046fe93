import { describe, expect, it } from 'vitest';
import { isStamp, isStampOrDateline, partHeadline } from '../src/clean/stamps.js';
import { classifyLine } from '../src/clean/boilerplate.js';
import { toArticles } from '../src/clean/articles.js';
import { parseArticle } from '../src/input/parse.js';

// Made-up stamps in the shapes pages give them, as web text has them and as text re-joined from tokens has them
// ("06: 44", "10 / 25 / 11", "p. m.").
const STAMPS = [
  '06:44 PM ET',
  'Updated 2:15 p.m. EST, Mon March 3, 2014',
  'Published: 12:01 AM',
  'Posted by Jane Doe on March 3, 2014 at 4:05 pm',
  'Last updated on 3 March 2014',
  'First Posted: 04 / 17 / 12 09: 12 AM ET Updated: 06 / 02 / 12 11: 40 PM ET',
  'on October 3, 2015 7: 02pm | Updated on October 4, 2015 8: 15am',
  'PUBLISHED: 14: 05 GMT, 9 June 2016 | UPDATED: 16: 40 GMT, 9 June 2016',
  'On behalf of Marisa K. Lowell, Esq. posted in Truck Accidents on Tuesday, June 14, 2016.',
  'On behalf of Brandt, Okafor & Reyes, PLLC posted in Slip and Fall Injuries on Monday, June 13, 2016.',
  'Posted in Local News on June 13, 2016',
  'Filed under: Courts, Public Safety on June 13, 2016',
  'Article posted on 14. 06. 2016',
  'Story published 6/14/2016 at 10:05 a.m.',
  'updated 9: 03 p. m. EDT, Wed June 15, 2016',
  'Date Published: Wednesday, June 15, 2016',
  'June 15, 2016 08: 51',
  '6 / 15 / 2016 @ 08: 51AM',
  'Wednesday 15 June 2016 18. 20 BST',
  'Published by Anna Kowalski',
];

// News that tells an update, a posting or a date in words of its own, and so is kept.
const NEWS = [
  'The company updated its forecast on Monday.',
  'Updated figures published on March 3, 2014 showed a rise of 4 percent.',
  'Published in 1998, the novel sold 2 million copies.',
  'First posted in Kabul in 2009, the battalion came home on June 3.',
  'Police posted a $5,000 reward on June 14, 2016.',
  'By June 14, 2016, the fund had posted gains of 12 percent.',
  'On behalf of the family, a lawyer thanked rescuers on June 14.',
  'Updated at 3 p.m.: Rescuers found two more survivors.',
  'The agency last updated its guidance on June 14, 2016 at 10 am.',
  'He posted bail on Tuesday, June 14, 2016.',
  'On June 14, 2016, the jury returned its verdict.',
  'The ruling was published on Monday at 9:30 a.m. ET.',
];

describe('isStamp: posting and updating stamps', () => {
  it.each(STAMPS)('%s', (line) => {
    expect(isStamp(line)).toBe(true);
    expect(classifyLine(line)).toBe('credit');
  });
});

describe('isStamp: news that mentions an update or a date is not one', () => {
  it.each(NEWS)('%s', (line) => {
    expect(isStamp(line)).toBe(false);
    expect(classifyLine(line)).toBeUndefined();
  });

  it('takes no score, no name that starts like a month, and no lone number for a stamp', () => {
    for (const line of ['24 - 17.', 'Jane Marsh, 41.', 'Mark 4, 2016', 'Sunny 3 Mayo 2']) expect(isStamp(line)).toBe(false);
    // A number is needed with a posting word, unless a name or heading is given.
    expect(isStamp('Updated: Monday')).toBe(false);
    expect(isStamp('Posted by the editor')).toBe(false);
  });
});

describe('isStampOrDateline and partHeadline: what is not a headline', () => {
  it('takes a place and a date alone for a dateline', () => {
    expect(isStampOrDateline('LAGOS, June 14, 2016')).toBe(true);
    expect(isStampOrDateline('New Delhi, 14 June 2016')).toBe(true);
    expect(isStampOrDateline('Flood waters rise, June 14, 2016')).toBe(false);
    expect(isStampOrDateline('Storm hits coast')).toBe(false);
  });

  it('parts a stamp before or after a headline past a dash or bar, or glued to a headline in capitals', () => {
    expect(partHeadline('14 / 06 / 2016 - Parliament approves new budget')).toEqual({ headline: 'Parliament approves new budget', stamp: '14 / 06 / 2016' });
    expect(partHeadline('Parliament approves new budget | Updated June 14, 2016 3:10 pm')).toEqual({
      headline: 'Parliament approves new budget',
      stamp: 'Updated June 14, 2016 3:10 pm',
    });
    expect(partHeadline('MAYOR CLOSES SCHOOLS AFTER FLOOD, OFFICIALS SAYJUNE 14, 2016')).toEqual({ headline: 'MAYOR CLOSES SCHOOLS AFTER FLOOD, OFFICIALS SAY', stamp: 'JUNE 14, 2016' });
  });

  it('leaves a headline whose end is a score or a day, not a date', () => {
    for (const line of ['Jets beat Bills 24 - 10 on Sunday', 'Hit - and - run driver charged', 'Election set for June 14, 2016', 'Vote count: 52 - 48']) {
      expect(partHeadline(line)).toEqual({ headline: line });
    }
  });
});

describe('stamps in articles', () => {
  it('a stamp above the headline is a paragraph that cleaning drops, and the next line is the headline', () => {
    const result = parseArticle({ path: 'a.txt', text: 'June 14, 2016 08: 51\nFerry runs aground off the coast\nAll 212 passengers were rescued on Tuesday.\n' });
    expect(result.ok && result.article.title).toBe('Ferry runs aground off the coast');
    const parsed = result.ok ? [result.article] : [];
    const { articles } = toArticles(parsed);
    expect(articles[0]?.title).toBe('Ferry runs aground off the coast');
    expect(articles[0]?.sentences.map((s) => s.text)).toEqual(['All 212 passengers were rescued on Tuesday.']);
    expect(articles[0]?.dropped).toEqual([{ text: 'June 14, 2016 08: 51', reason: 'credit' }]);
  });

  it('keeps news sentences beside the stamps of two copies of a story, and no stamp', () => {
    const parse = (path: string, text: string) => {
      const r = parseArticle({ path, text });
      if (!r.ok) throw new Error(r.reason);
      return r.article;
    };
    const { articles } = toArticles([
      parse('a.txt', 'Ferry runs aground\nOn behalf of Marisa K. Lowell, Esq. posted in Boating Accidents on Tuesday, June 14, 2016.\nAll 212 passengers were rescued on Tuesday.\nThe company updated its safety rules on Monday.'),
      parse('b.txt', 'Ferry aground, all safe\nPosted by Jane Doe on June 15, 2016 at 4:05 pm\nAll 212 passengers were rescued on Tuesday, officials said.'),
    ]);
    const kept = articles.flatMap((a) => a.sentences.map((s) => s.text)).sort();
    expect(kept).toEqual(['All 212 passengers were rescued on Tuesday, officials said.', 'All 212 passengers were rescued on Tuesday.', 'The company updated its safety rules on Monday.']);
  });
});

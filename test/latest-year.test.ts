/**
 * `latestYear` parses a sentence (for years only) for year slots only when four digits in it (19xx/20xx) could beat the latest
 * year so far. Checked against the reference that parses every sentence, over sentences built from years,
 * near-years, digit runs and the words that make a year a slot or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestYearDigits, latestYear } from '../src/fingerprint/articles.js';
import { extractSlots, yearValues } from '../src/facts/slots/index.js';
import { sinceBefore } from '../src/facts/slots/extract.js';

function referenceLatestYear(title: string, sentences: readonly string[]): number | undefined {
  let latest: number | undefined;
  let background: number | undefined;
  for (const text of [title, ...sentences]) {
    for (const slot of extractSlots(text)) {
      if (slot.kind !== 'year') continue;
      const year = Number(slot.value);
      // A year a few words after "since" (the rule is sinceBefore's), or one a history sentence opens with: background, not the text's time.
      if (slot.anchor === true || sinceBefore(text, slot.start)) background = Math.max(background ?? year, year);
      else latest = Math.max(latest ?? year, year);
    }
  }
  // A background year later than every other leaves the text undated.
  return background !== undefined && (latest === undefined || background > latest) ? undefined : latest;
}

const PIECES = [
  '1999', '2015', '2003', '1987', '2019', '20', '19', '201', '1', '0', '9', '12019', '2015-16', '1990s', '2,015', '2.015',
  'in', 'since', 'the', 'March', '3', 'May', 'year', 'people', 'killed', ' ', ' ', ' ', '.', ',', '-', '$', 'Obama',
  'In ', 'Back in ', 'In March ', 'In early ',
];
const sentence = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((ps) => ps.join(''));

describe('latestYear', () => {
  it('gives the latest year slot of the headline and sentences, as parsing every one of them does', () => {
    fc.assert(
      fc.property(sentence, fc.array(sentence, { maxLength: 6 }), (title, texts) => {
        const article = { title, sentences: texts.map((text, index) => ({ index, paragraph: 0, text })) };
        expect(latestYear(article)).toBe(referenceLatestYear(title, texts));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves out a year after "since": "the deadliest since 2016" is background', () => {
    const article = (text: string) => ({ title: 'Blast kills 30', sentences: [{ index: 0, paragraph: 0, text }] });
    expect(latestYear(article('It was the deadliest attack since 2016.'))).toBeUndefined();
    expect(latestYear(article('It was the deadliest attack since  2016, and the 2024 toll is rising.'))).toBe(2024);
    expect(latestYear(article('Prices rose in 2016.'))).toBe(2016);
    for (const since of ['since January 2016', 'since at least 2016', 'since the 2016 floods', 'since early 2016']) {
      expect(latestYear(article(`It was the worst flooding ${since}.`)), since).toBeUndefined();
    }
    // Four words between, or a comma, and the year counts.
    expect(latestYear(article('Since then the town has grown, and in 2016 it flooded.'))).toBe(2016);
    expect(latestYear(article('Since the flood of the spring of 2016, it has been dry.'))).toBe(2016);
    expect(yearValues('It was the worst since 2016.')).toEqual([2016]);
  });

  it('takes no year from a history sentence ("In 2024, …"); a background year later than all others leaves the text undated', () => {
    const article = (...texts: string[]) => ({ title: 'Landslide kills 19 in Peru', sentences: texts.map((text, index) => ({ index, paragraph: 0, text })) });
    expect(latestYear(article('A landslide killed 19 people on Monday.', 'In 2024, a landslide in the same region killed 9 people.'))).toBeUndefined();
    for (const opener of ['In 2024', 'In March 2024', 'In March, 2024', 'In early 2024', 'In mid-March 2024', 'In March 3, 2024', 'Back in 2024', 'In March of 2024']) {
      expect(yearValues(`${opener}, floods killed 100 people.`, { background: false }), opener).toEqual([]);
      expect(yearValues(`${opener}, floods killed 100 people.`), opener).toEqual([2024]);
    }
    // Not a history opener: the year is not the sentence's first time, or it is not at the start.
    expect(yearValues('Floods in 2024 killed 100 people.', { background: false })).toEqual([2024]);
    expect(yearValues('In the 2024 floods, 100 people died.', { background: false })).toEqual([2024]);
    expect(yearValues('Interest rose in 2024.', { background: false })).toEqual([2024]);
    // An older year that is not background is no estimate once a later one is history: "In 2005, …" and "in 1996".
    expect(latestYear(article('He lost to Golota in 1996.', 'In 2005, Bowe barely escaped with a decision.'))).toBeUndefined();
    // A year as late as the history one, or later, still dates the text.
    expect(latestYear(article('In 2024, a landslide killed 9 people.', 'The 2026 rains were the heaviest.'))).toBe(2026);
    expect(latestYear(article('In 2024, a landslide killed 9 people.', 'Rains lashed the region in 2024.'))).toBe(2024);
  });

  it('reads the posting stamps cleaning dropped, and no other dropped line', () => {
    const sentences = [{ index: 0, paragraph: 0, text: 'The quake of 2004 was stronger.' }];
    const dropped = [
      { text: 'Posted September 26, 2013 - 3: 47pm Updated September 27, 2013 - 6: 56am', reason: 'credit' as const },
      { text: 'Copyright 2019 Example News', reason: 'credit' as const },
      { text: 'The 2021 season', reason: 'heading' as const },
    ];
    expect(latestYear({ title: 'Quake hits', sentences, dropped })).toBe(2013);
    expect(latestYear({ title: 'Quake hits', sentences, dropped: dropped.slice(1) })).toBe(2004);
    // A date of the article still comes first.
    expect(latestYear({ title: 'Quake hits', date: '2012-05-01', sentences, dropped })).toBe(2012);
  });

  it('yearValues gives the year slots extractSlots finds, without the number finder', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const years = extractSlots(text).flatMap((s) => (s.kind === 'year' ? [Number(s.value)] : []));
        expect(yearValues(text).sort()).toEqual(years.sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the date first when the article has one', () => {
    expect(latestYear({ title: 'In 2019', date: '2016-03-01', sentences: [] })).toBe(2016);
    expect(latestYear({ title: 'In 2019', date: '1450000000', sentences: [] })).toBe(2015); // Unix time: 13 December 2015
  });

  it('bounds every year slot by the largest 19xx/20xx digits, overlapping runs included', () => {
    expect(largestYearDigits('no digits')).toBe(-1);
    expect(largestYearDigits('1919')).toBe(1919);
    expect(largestYearDigits('12019 and 1999')).toBe(2019);
    expect(largestYearDigits('192015')).toBe(2015);
    expect(largestYearDigits('20x')).toBe(-1);
    expect(largestYearDigits('in 20')).toBe(-1);
  });
});

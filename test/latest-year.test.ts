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
  for (const text of [title, ...sentences]) {
    for (const slot of extractSlots(text)) {
      // Not a year a few words after "since": background, not the text's time (the rule is sinceBefore's).
      if (slot.kind === 'year' && sinceBefore(text, slot.start)) continue;
      if (slot.kind === 'year' && (latest === undefined || Number(slot.value) > latest)) latest = Number(slot.value);
    }
  }
  return latest;
}

const PIECES = [
  '1999', '2015', '2003', '1987', '2019', '20', '19', '201', '1', '0', '9', '12019', '2015-16', '1990s', '2,015', '2.015',
  'in', 'since', 'the', 'March', '3', 'May', 'year', 'people', 'killed', ' ', ' ', ' ', '.', ',', '-', '$', 'Obama',
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

import { describe, expect, it } from 'vitest';
import { dayNumber, parseDate, writtenOffset } from '../src/input/date.js';
import { timeFactor } from '../src/cluster/stories.js';
import { firstReport } from '../src/report/first-report.js';
import type { Article } from '../src/types.js';

const iso = (text: string): string | undefined => {
  const p = parseDate(text);
  return p ? `${new Date(p.ms).toISOString()} ${p.precision}` : undefined;
};

describe('parseDate', () => {
  it('reads ISO 8601 with and without time and zone, and the news-please layout', () => {
    expect(iso('2017-03-21')).toBe('2017-03-21T00:00:00.000Z day');
    expect(iso('2017-03-21T14:20:00+03:00')).toBe('2017-03-21T11:20:00.000Z time');
    expect(iso('2017-03-21T14:20:00.123-0500')).toBe('2017-03-21T19:20:00.000Z time');
    expect(iso('2017-03-21 10:38:00')).toBe('2017-03-21T10:38:00.000Z time');
    expect(iso('2017-03-21T10:38Z')).toBe('2017-03-21T10:38:00.000Z time');
  });

  it('reads RSS dates and written dates, month names in English', () => {
    expect(iso('Tue, 21 Mar 2017 10:00:00 GMT')).toBe('2017-03-21T10:00:00.000Z time');
    expect(iso('Tue, 21 Mar 2017 10:00:00 +0100')).toBe('2017-03-21T09:00:00.000Z time');
    expect(iso('21 March 2017')).toBe('2017-03-21T00:00:00.000Z day');
    expect(iso('March 21, 2017')).toBe('2017-03-21T00:00:00.000Z day');
    expect(iso('Sept. 3rd, 2021 at 5:30 pm')).toBe('2021-09-03T17:30:00.000Z time');
  });

  it('reads Unix time in seconds or milliseconds, as data sets and APIs give it, between 1990 and 2100', () => {
    expect(iso('1700000000')).toBe('2023-11-14T22:13:20.000Z time');
    expect(iso('1700000000.5')).toBe('2023-11-14T22:13:20.000Z time');
    expect(iso('1700000000123')).toBe('2023-11-14T22:13:20.123Z time');
    for (const t of ['0123456789', '9999999999', '20170321', '170000000', '17000000001234']) expect(parseDate(t)).toBeUndefined();
  });

  it('refuses what is not a full, real date', () => {
    for (const t of ['2017', '2017-03', 'March 2017', '2017-02-30', '2017-13-01', 'yesterday', '', '2017-03-21T25:00']) expect(parseDate(t)).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
  });

  it('counts whole days since 1970', () => {
    expect(dayNumber('1970-01-02T23:59:59Z')).toBe(1);
    expect(dayNumber('2017-03-22')! - dayNumber('2017-03-21T23:00:00Z')!).toBe(1);
  });
});

describe('timeFactor (story clustering)', () => {
  const o = { yearPenalty: 0.7, dateWindow: 30 };
  it('uses days when both articles have full dates, ignoring the year rule', () => {
    expect(timeFactor({ year: 2017, day: 100 }, { year: 2017, day: 130 }, o)).toBe(1);
    expect(timeFactor({ year: 2017, day: 100 }, { year: 2017, day: 131 }, o)).toBe(0.7);
    expect(timeFactor({ year: 2017, day: 100 }, { year: 2018, day: 466 }, o)).toBe(0);
    // Mentions of years far apart do not matter when the dates are close.
    expect(timeFactor({ year: 2010, day: 100 }, { year: 2017, day: 101 }, o)).toBe(1);
  });

  it('falls back to the year rule when a date is missing, and to nothing without years', () => {
    expect(timeFactor({ year: 2015, day: 100 }, { year: 2017, day: undefined }, o)).toBe(0.7);
    expect(timeFactor({ year: 2016, day: undefined }, { year: 2017, day: undefined }, o)).toBe(1);
    expect(timeFactor({ year: undefined, day: undefined }, { year: undefined, day: 5 }, o)).toBe(1);
  });
});

describe('firstReport', () => {
  const article = (id: string, source: string, date?: string): Article => ({
    id, path: `${id}.txt`, source, sourceOrigin: 'metadata', title: 't', sentences: [], dropped: [], ...(date ? { date } : {}),
  });

  it('picks the earliest full date, comparing across zones, and keeps the date as written (published: in UTC)', () => {
    const r = firstReport([article('a1', 'TRT World', '2017-03-21T14:20:00+03:00'), article('a2', 'Reuters', '2017-03-21T11:30:00Z'), article('a3', 'AP')]);
    expect(r).toEqual({ date: '2017-03-21T14:20:00+03:00', published: '2017-03-21T11:20:00Z', source: 'TRT World', article: 'a1' });
  });

  it('breaks ties within a source by id, so input order does not matter', () => {
    const xs = [article('a2', 'TRT World', '2017-03-22'), article('a9', 'Reuters', '2017-03-21'), article('a1', 'Reuters', '2017-03-21')];
    expect(firstReport(xs)).toEqual({ date: '2017-03-21', published: '2017-03-21', source: 'Reuters', article: 'a1' });
    expect(firstReport([...xs].reverse())).toEqual(firstReport(xs));
  });

  it('claims no first report when the dates cannot tell: a tie between sources, or one source dated among several', () => {
    // The same day; a day against a time that day (the day may have been published at any hour of it).
    expect(firstReport([article('a1', 'AP', '2024-03-26'), article('a2', 'Reuters', '2024-03-26')])).toBeUndefined();
    expect(firstReport([article('a1', 'AP', 'March 26, 2024'), article('a2', 'Reuters', 'Tue, 26 Mar 2024 08:00:00 +0000')])).toBeUndefined();
    expect(firstReport([article('a1', 'BBC', '2 March 2024'), article('a2', 'Yorkshire Post', '2024-03-01T23:10:00-05:00')])).toBeUndefined();
    // Only one of the sources dated.
    expect(firstReport([article('a1', 'BBC', '2024-03-02T09:00:00Z'), article('a2', 'AP'), article('a3', 'Reuters')])).toBeUndefined();
    // A day before the other day, or a story of one source: claimed.
    expect(firstReport([article('a1', 'AP', '2024-03-25'), article('a2', 'Reuters', 'Tue, 26 Mar 2024 08:00:00 +0000')])?.source).toBe('AP');
    expect(firstReport([article('a1', 'AP', '2024-03-25'), article('a2', 'AP')])?.article).toBe('a1');
  });

  it('is absent without full dates', () => {
    expect(firstReport([article('a1', 'X', '2017'), article('a2', 'Y')])).toBeUndefined();
  });
});

describe('writtenOffset', () => {
  it('gives the offset a date gives with its time, in minutes east of UTC, in every form parseDate reads', () => {
    expect(writtenOffset('2026-02-16T21:00:00-03:00')).toBe(-180);
    expect(writtenOffset('2026-02-16 21:00 -0300')).toBe(-180);
    expect(writtenOffset('Mon, 16 Feb 2026 23:30:00 +0530')).toBe(330);
    expect(writtenOffset('Tue, 03 Nov 2026 09:05:00 EST')).toBe(-300);
    expect(writtenOffset('March 21, 2017 10:38 PDT')).toBe(-420);
    expect(writtenOffset('Do, 26 Nov 2026 09:40:00 +0100')).toBe(60);
    expect(writtenOffset('16/02/2026 21h00 -0300')).toBe(-180);
    for (const utc of ['2026-02-16T21:00:00Z', '2026-02-16T21:00:00+00:00', 'Tue, 03 Nov 2026 14:05:00 GMT', '21 March 2017 10:38 UTC']) expect(writtenOffset(utc), utc).toBe(0);
  });

  it('is undefined without a zone, a time, or a date read: Unix time is an instant with no place', () => {
    for (const none of ['2026-02-16 21:00', '2026-02-16', '16 February 2026', '1771286400', 'November 2026', 'yesterday', '2026-02-30T21:00:00-03:00', '', undefined]) {
      expect(writtenOffset(none), String(none)).toBeUndefined();
    }
  });

  it('agrees with parseDate: the offset is the difference between the time as written and the instant', () => {
    const text = '2026-02-16T21:00:00-03:00';
    const offset = writtenOffset(text) ?? 0;
    expect(new Date((parseDate(text)?.ms ?? 0) + offset * 60_000).toISOString()).toBe('2026-02-16T21:00:00.000Z');
  });
});

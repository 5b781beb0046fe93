/**
 * isoDate: an article's date as written → the ISO 8601 text of the report's `published`, read by parseDate (the one
 * date reader of the project) and written back in one of three shapes, or nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, parseDate } from '../src/input/date.js';

describe('isoDate', () => {
  it('writes an RSS (RFC 822/2822) date with a zone in UTC, whatever the zone is called', () => {
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 GMT')).toBe('2026-11-03T14:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 UT')).toBe('2026-11-03T14:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 +0100')).toBe('2026-11-03T13:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 -0000')).toBe('2026-11-03T14:05:00Z');
    expect(isoDate('Tue, 3 Nov 2026 14:05 +0530')).toBe('2026-11-03T08:35:00Z');
    // The North American names RFC 822 defines.
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 EST')).toBe('2026-11-03T19:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 EDT')).toBe('2026-11-03T18:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 CST')).toBe('2026-11-03T20:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 MDT')).toBe('2026-11-03T20:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 PST')).toBe('2026-11-03T22:05:00Z');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00 pdt')).toBe('2026-11-03T21:05:00Z');
  });

  it('moves the day when the zone does', () => {
    expect(isoDate('Tue, 03 Nov 2026 23:30:00 -0500')).toBe('2026-11-04T04:30:00Z');
    expect(isoDate('2026-11-03T00:30:00+01:00')).toBe('2026-11-02T23:30:00Z');
    expect(isoDate('2026-12-31T23:00:00-02:00')).toBe('2027-01-01T01:00:00Z');
  });

  it('writes ISO 8601 with Z or an offset in UTC, to the second', () => {
    expect(isoDate('2026-11-03T14:05:00Z')).toBe('2026-11-03T14:05:00Z');
    expect(isoDate('2026-11-03t14:05:00z')).toBe('2026-11-03T14:05:00Z');
    expect(isoDate('2026-11-03T14:05:00+01:00')).toBe('2026-11-03T13:05:00Z');
    expect(isoDate('2026-11-03T14:05:00-0500')).toBe('2026-11-03T19:05:00Z');
    expect(isoDate('2026-11-03T14:05:00.987654-05:00')).toBe('2026-11-03T19:05:00Z');
    expect(isoDate('2026-11-03T14:05Z')).toBe('2026-11-03T14:05:00Z');
  });

  it('keeps a time without a zone as the wall-clock time written, without Z', () => {
    expect(isoDate('2026-11-03T14:05:00')).toBe('2026-11-03T14:05:00');
    expect(isoDate('2026-11-03 14:05:00')).toBe('2026-11-03T14:05:00');
    expect(isoDate('2026-11-03T14:05')).toBe('2026-11-03T14:05:00');
    expect(isoDate('Tue, 03 Nov 2026 14:05:00')).toBe('2026-11-03T14:05:00');
    expect(isoDate('Nov. 3rd, 2026 at 2:05 pm')).toBe('2026-11-03T14:05:00');
    expect(isoDate('3 November 2026, 12:10 am')).toBe('2026-11-03T00:10:00');
    // The same text with a zone is the UTC form: the zone is what the Z stands for.
    expect(isoDate('November 3, 2026 2:05 PM EST')).toBe('2026-11-03T19:05:00Z');
  });

  it('writes a day alone as the day, in every written form', () => {
    expect(isoDate('2026-11-03')).toBe('2026-11-03');
    expect(isoDate('November 3, 2026')).toBe('2026-11-03');
    expect(isoDate('Nov 3, 2026')).toBe('2026-11-03');
    expect(isoDate('3 November 2026')).toBe('2026-11-03');
    expect(isoDate('Tuesday, 3 November 2026')).toBe('2026-11-03');
    expect(isoDate('Tuesday, November 3rd 2026')).toBe('2026-11-03');
    expect(isoDate('  3   Nov   2026 ')).toBe('2026-11-03');
  });

  it('writes Unix time in UTC, to the second', () => {
    expect(isoDate('1700000000')).toBe('2023-11-14T22:13:20Z');
    expect(isoDate('1700000000.75')).toBe('2023-11-14T22:13:20Z');
    expect(isoDate('1700000000999')).toBe('2023-11-14T22:13:20Z');
  });

  it('gives nothing for a month or year alone, a date not understood, or no date', () => {
    for (const t of ['November 2026', 'Nov 2026', '2026-11', '2026', 'yesterday', 'gestern, 14 Uhr', '3/11/26', '11/03/2026',
      '2026-02-30', '2026-13-01', '2026-11-03T24:00:00Z', 'Tue, 03 Nov 2026 14:05:00 CET', 'Tue, 03 Nov 2026 14:05:00 IST',
      'Tue, 03 Nov 2026 14:05:00 +01', '03.11.26', 'not a date', '', '   ']) {
      expect(isoDate(t), t).toBeUndefined();
    }
    expect(isoDate(undefined)).toBeUndefined();
  });

  it('names the instant parseDate reads, and sorts as time does (zoned forms)', () => {
    const secondsIn = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 });
    // Offsets in whole quarter hours from -12:00 to +14:00, as zones have them.
    const offset = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
    const written = (s: number, minutes: number): string => {
      const wall = new Date((s + minutes * 60) * 1000).toISOString().slice(0, 19);
      const a = Math.abs(minutes);
      return `${wall}${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(secondsIn, offset, secondsIn, offset, (s, m, t, n) => {
        const x = isoDate(written(s, m));
        const y = isoDate(written(t, n));
        expect(x).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(Date.parse(x ?? '')).toBe(s * 1000);
        expect(Date.parse(x ?? '')).toBe(parseDate(written(s, m))?.ms);
        // By code points, as jq's sort_by and string comparison order them.
        const order = x === y ? 0 : (x ?? '') < (y ?? '') ? -1 : 1;
        expect(order).toBe(Math.sign(s - t));
      }),
    );
  });
});

describe('parseDate and zones', () => {
  it('marks a time without a zone as local, and nothing else', () => {
    expect(parseDate('2026-11-03T14:05:00')?.local).toBe(true);
    expect(parseDate('Tue, 03 Nov 2026 14:05:00')?.local).toBe(true);
    for (const t of ['2026-11-03T14:05:00Z', 'Tue, 03 Nov 2026 14:05:00 EST', '2026-11-03', '1700000000']) expect(parseDate(t)?.local, t).toBeUndefined();
  });
});

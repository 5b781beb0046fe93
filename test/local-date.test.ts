/**
 * Metadata dates in other languages' forms (review 27 #8): input/local-date.ts through parseDate and isoDate, as
 * the report's `published`, first reports and --since/--until read them.
 */
import { describe, expect, it } from 'vitest';
import { isoDate, parseDate } from '../src/input/date.js';
import { readLocalDate } from '../src/input/local-date.js';
import { isUnreadDate } from '../src/input/unread-dates.js';

describe('local metadata dates', () => {
  it('reads the day before a month name, with "de", a weekday before it and a time after it (Spanish, French, German, Portuguese)', () => {
    expect(isoDate('2 de marzo de 2026')).toBe('2026-03-02');
    expect(isoDate('lunes, 2 de marzo de 2026 10:15')).toBe('2026-03-02T10:15:00');
    expect(isoDate('4 août 2026')).toBe('2026-08-04');
    expect(isoDate('mardi 4 août 2026 à 07h45')).toBe('2026-08-04T07:45:00');
    expect(isoDate('1er décembre 2026')).toBe('2026-12-01');
    expect(isoDate('Donnerstag, 26. November 2026, 09.40 Uhr')).toBe('2026-11-26T09:40:00');
    expect(isoDate('segunda-feira, 16 de fevereiro de 2026 21h00')).toBe('2026-02-16T21:00:00');
    expect(isoDate('16 de fevereiro de 2026 às 21h')).toBe('2026-02-16T21:00:00');
    expect(isoDate('giovedì 26 novembre 2026')).toBe('2026-11-26');
    expect(isoDate('donderdag 26 november 2026 09:40')).toBe('2026-11-26T09:40:00');
  });

  it('reads RFC 2822 with a weekday and month abbreviated in German, and its zone', () => {
    expect(isoDate('Do, 26 Nov 2026 09:40:00 +0100')).toBe('2026-11-26T08:40:00Z');
    expect(isoDate('Di, 03 Mär 2026 10:00:00 +0100')).toBe('2026-03-03T09:00:00Z');
    expect(isoDate('16 fev 2026 21:00 -0300')).toBe('2026-02-17T00:00:00Z');
    expect(isoDate('sáb, 14 dez 2026 08:00:00 GMT')).toBe('2026-12-14T08:00:00Z');
  });

  it('reads German dotted dates, always day first, with "Uhr" times', () => {
    expect(isoDate('26.11.2026')).toBe('2026-11-26');
    expect(isoDate('26.11.2026, 09:40 Uhr')).toBe('2026-11-26T09:40:00');
    expect(isoDate('03.11.2026 um 9 Uhr')).toBe('2026-11-03T09:00:00');
    // A day first, even at or below 12: 03.04.2026 is 3 April.
    expect(isoDate('03.04.2026')).toBe('2026-04-03');
  });

  it('reads slashed dates only when one reading is possible, and says nothing of "03/04/2026"', () => {
    expect(isoDate('16/02/2026 21h00')).toBe('2026-02-16T21:00:00');
    expect(isoDate('16/02/2026')).toBe('2026-02-16');
    expect(isoDate('16-02-2026')).toBe('2026-02-16');
    expect(isoDate('11/26/2026')).toBe('2026-11-26');
    expect(isoDate('05/05/2026')).toBe('2026-05-05');
    expect(isoDate('03/04/2026')).toBeUndefined();
    expect(isUnreadDate('03/04/2026')).toBe(true);
  });

  it('takes a month and year alone in another language for a date of that precision, not one not understood', () => {
    for (const t of ['März 2026', 'marzo de 2026', 'août 2026', 'fevereiro de 2026']) {
      expect(parseDate(t), t).toBeUndefined();
      expect(isUnreadDate(t), t).toBe(false);
    }
    expect(isUnreadDate('vor 2 Stunden')).toBe(true);
  });

  it('reads a time without a zone as the local wall-clock time, as the English forms do', () => {
    expect(parseDate('mardi 4 août 2026 à 07h45')?.local).toBe(true);
    expect(parseDate('26.11.2026, 09:40 Uhr')).toEqual(parseDate('2026-11-26 09:40'));
    expect(parseDate('Do, 26 Nov 2026 09:40:00 +0100')?.local).toBeUndefined();
    expect(parseDate('2 de marzo de 2026')?.precision).toBe('day');
  });

  it('refuses what is not a real date, an unknown word, a bare hour without its word, or a zone it does not know', () => {
    for (const t of ['31.02.2026', '26.13.2026', '3/11/26', '2 de foo de 2026', 'foo 2 de marzo de 2026', '26.11.2026 09.40',
      '16/02/2026 21', '2 de marzo de 2026 10:15 CET', '2 marzo 2026 GMT', 'gestern, 14 Uhr', '27.11.', '2 de marzo', 'marzo de 2026']) {
      expect(parseDate(t), t).toBeUndefined();
    }
    expect(readLocalDate('16/02/2026 25h00')).toEqual({ year: 2026, month: 1, day: 16, h: '25', m: '00' });
    // date.ts checks the parts: hour 25 is no time.
    expect(parseDate('16/02/2026 25h00')).toBeUndefined();
  });

  it('leaves the English forms to date.ts as they were', () => {
    expect(isoDate('Tue, 21 Mar 2017 10:00:00 GMT')).toBe('2017-03-21T10:00:00Z');
    expect(isoDate('March 21, 2017')).toBe('2017-03-21');
    expect(readLocalDate('2017-03-21')).toBeUndefined();
  });
});

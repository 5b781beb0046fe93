// Two events of one kind told days apart (cluster/successive-events.ts): a story is cut where every later article
// names only days after the earlier ones were published, and kept whole otherwise.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUT_GAP_DAYS, DAY_MS, namedDays, successiveEvents, type DatedArticles, type NamedDays } from '../src/cluster/successive-events.js';
import { ROOT, runCli } from './cli-run.js';
import type { Report } from '../src/types.js';

const day = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

describe('namedDays', () => {
  // 2026-11-23 is a Monday.
  const monday = day('2026-11-23');

  it('reads a weekday as the latest such day on or before the publication day', () => {
    expect(namedDays(['The ferry ran aground on Monday.'], monday).all).toEqual([monday]);
    expect(namedDays(['The ferry ran aground on Sunday.'], monday).all).toEqual([monday - 1]);
    expect(namedDays(['The ferry ran aground on Tuesday.'], monday).all).toEqual([monday - 6]);
  });

  it('reads a date in the publication year, or the year before when it falls well after the publication', () => {
    expect(namedDays(['It sank on November 26.'], day('2026-11-28')).all).toEqual([day('2026-11-26')]);
    expect(namedDays(['It sank on December 30.'], day('2027-01-02')).all).toEqual([day('2026-12-30')]);
  });

  it('tells the days of the lead (headline and first three sentences) from the rest', () => {
    const texts = ['Ferry aground', 'A ferry ran aground.', 'No one was hurt.', 'The coastguard came.', 'It had sailed on Sunday.'];
    expect(namedDays(texts, monday)).toEqual({ lead: [], all: [monday - 1] });
    expect(namedDays(['Ferry aground on Monday', ...texts.slice(1)], monday)).toEqual({ lead: [monday], all: [monday, monday - 1] });
  });

  it('leaves out days planned for and months alone', () => {
    expect(namedDays(['A vigil is planned for Sunday.', 'The inquiry opens in December.'], monday).all).toEqual([]);
  });

  it('reads weekdays of other languages', () => {
    expect(namedDays(['Die Fähre lief am Donnerstag auf Grund.'], day('2026-11-26'), 'de').all).toEqual([day('2026-11-26')]);
  });
});

/** Articles by index with publication times and the days they name, all given. */
function dated(published: readonly (string | undefined)[], days: readonly (readonly string[])[], copies: readonly [number, number][] = []): DatedArticles {
  return {
    publishedMs: (i) => (published[i] === undefined ? undefined : Date.parse(published[i] as string)),
    namedDays: (i, whole) => {
      const lead = (days[i] ?? []).slice(0, 1).map(day);
      return { lead, all: whole ? (days[i] ?? []).map(day) : lead };
    },
    isCopy: (a, b) => copies.some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
  };
}

describe('successiveEvents', () => {
  const published = ['2026-11-23T09:30:00Z', '2026-11-23T10:30:00Z', '2026-11-26T09:30:00Z', '2026-11-26T11:00:00Z'];
  const skyeThenMull = [['2026-11-23'], ['2026-11-23'], ['2026-11-26'], ['2026-11-26']];

  it('cuts where every later article names only days two or more after the last earlier publication', () => {
    expect(successiveEvents([0, 1, 2, 3], dated(published, skyeThenMull))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('keeps the story whole when a later article names the first event day', () => {
    const recalls = [['2026-11-23'], ['2026-11-23'], ['2026-11-26', '2026-11-23'], ['2026-11-26']];
    expect(successiveEvents([0, 1, 2, 3], dated(published, recalls))).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps the story whole when a later article names no day in its lead', () => {
    expect(successiveEvents([0, 1, 2, 3], dated(published, [['2026-11-23'], [], [], ['2026-11-26']]))).toEqual([[0, 1, 2, 3]]);
    const late = (i: number, _whole: boolean): NamedDays => (i < 2 ? { lead: [day('2026-11-23')], all: [day('2026-11-23')] } : i === 2 ? { lead: [], all: [day('2026-11-26')] } : { lead: [day('2026-11-26')], all: [day('2026-11-26')] });
    expect(successiveEvents([0, 1, 2, 3], { ...dated(published, skyeThenMull), namedDays: late })).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps the story whole when one article is undated', () => {
    expect(successiveEvents([0, 1, 2, 3], dated([...published.slice(0, 3), undefined], skyeThenMull))).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps the story whole when the days are less than two apart', () => {
    const nextDay = ['2026-11-23T09:30:00Z', '2026-11-23T10:30:00Z', '2026-11-24T09:30:00Z', '2026-11-24T11:00:00Z'];
    expect(CUT_GAP_DAYS).toBe(2);
    expect(successiveEvents([0, 1, 2, 3], dated(nextDay, [['2026-11-23'], ['2026-11-23'], ['2026-11-24'], ['2026-11-24']]))).toEqual([[0, 1, 2, 3]]);
  });

  it('never cuts a near-duplicate pair apart', () => {
    expect(successiveEvents([0, 1, 2, 3], dated(published, skyeThenMull, [[1, 3]]))).toEqual([[0, 1, 2, 3]]);
  });

  it('cuts three events at two gaps, in publication order, whatever the order of the group', () => {
    const three = [...published, '2026-11-30T08:00:00Z'];
    const days = [...skyeThenMull, ['2026-11-30']];
    expect(successiveEvents([4, 2, 0, 3, 1], dated(three, days))).toEqual([[0, 1], [2, 3], [4]]);
  });
});

describe('dedupe on two ferry groundings three days apart (BBC and Sky News on Monday, BBC and The Herald on Thursday)', () => {
  const file = path.join(ROOT, 'test/fixtures/successive-events/ferries.jsonl');
  const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
  const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-events-'));

  it('reports two stories and no conflict between them', () => {
    const r = runCli([file, '--json', '--quiet']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const titleOf = new Map(report.articles.map((a) => [a.id, a.title]));
    const stories = report.stories.map((s) => s.articles.map((id) => titleOf.get(id)).sort());
    expect(stories).toEqual([
      ['Ferry runs aground off Mull', 'Mull ferry aground, 85 taken off'],
      ['Ferry runs aground off Skye', 'Skye ferry grounding: passengers evacuated'],
    ]);
    expect(report.stories.flatMap((s) => s.conflicts)).toEqual([]);
  });

  it('keeps them one story when the later reports recall the first grounding', () => {
    const recalled = records.map((r, k) => (k < 2 ? r : { ...r, text: `${r.text} It was the second grounding since Monday.` }));
    const again = path.join(dir, 'recalled.jsonl');
    writeFileSync(again, `${recalled.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const report = JSON.parse(runCli([again, '--json', '--quiet']).stdout) as Report;
    expect(report.stories.map((s) => s.articles.length)).toEqual([4]);
  });

  it('explain says the later one names only later days', () => {
    const r = runCli(['explain', `${file}:1`, `${file}:3`, '--json']);
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout) as { sameStory: boolean; laterEvent?: unknown };
    expect(e.sameStory).toBe(false);
    expect(e.laterEvent).toEqual({ later: 'b', days: ['2026-11-26'], earlierPublished: '2026-11-23' });
    expect(runCli(['explain', `${file}:1`, `${file}:3`]).stdout).toContain('B names only days after A was published');
  });
});

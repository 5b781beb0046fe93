import { describe, expect, it } from 'vitest';
import { selectStories } from '../src/render/select.js';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import { article, OPTIONS, sampleReport } from './render-fixture.js';
import type { Story } from '../src/types.js';

describe('selectStories', () => {
  const report = sampleReport();

  it('keeps the report as is with the defaults, saying how its stories were chosen', () => {
    expect(selectStories(report, { minSources: 1, sort: 'sources' })).toEqual({ ...report, options: { ...report.options, minSources: 1, sort: 'sources' } });
  });

  it('--min-sources keeps stories with that many distinct sources, and only their articles', () => {
    const r = selectStories(report, { minSources: 3, sort: 'sources' });
    expect(r.stories.map((s) => s.id)).toEqual(['s1']);
    expect(r.articles.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(selectStories(report, { minSources: 4, sort: 'sources' }).stories).toEqual([]);
  });

  it('--top keeps the first stories in the order of --sort, after --min-sources, and only their articles', () => {
    const newest = selectStories(report, { minSources: 1, sort: 'date', top: 1 });
    expect(newest.stories.map((s) => s.id)).toEqual(['s2']);
    expect(newest.articles.map((a) => a.id)).toEqual(['a4']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', top: 1 }).stories.map((s) => s.id)).toEqual(['s1']);
    expect(selectStories(report, { minSources: 3, sort: 'date', top: 1 }).stories.map((s) => s.id)).toEqual(['s1']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', top: 5 })).toEqual({ ...report, options: { ...report.options, minSources: 1, sort: 'sources', top: 5 } });
  });

  it('--since and --until keep the stories with an article dated within them, a day counting whole, and echo them', () => {
    // s1: a1 2031-04-08, a2 undated, a3 2031-04-09; s2: a4 2031-05-01.
    const ids = (since?: string, until?: string): string[] =>
      selectStories(report, { minSources: 1, sort: 'sources', ...(since ? { since } : {}), ...(until ? { until } : {}) }).stories.map((s) => s.id);
    expect(ids('2031-04-09')).toEqual(['s1', 's2']);
    expect(ids('2031-04-10')).toEqual(['s2']);
    expect(ids(undefined, '2031-04-08')).toEqual(['s1']);
    expect(ids(undefined, '2031-04-07')).toEqual([]);
    // An article dated by its day alone is within a window that starts or ends inside that day.
    expect(ids('2031-04-09T23:00:00Z')).toEqual(['s1', 's2']);
    expect(ids('2031-04-10', '2031-04-30T23:59Z')).toEqual([]);
    expect(ids('2031-04-10', 'May 1, 2031')).toEqual(['s2']);
    const r = selectStories(report, { minSources: 1, sort: 'sources', since: '2031-04-10' });
    expect(r.options).toMatchObject({ since: '2031-04-10' });
    expect(r.articles.map((a) => a.id)).toEqual(['a4']);
  });

  it('--since and --until take a day alone as the day where the article was published, and a time as an instant', () => {
    // 23:30 on the 23rd at UTC-05:00 is 04:30 on the 24th in UTC: the views show the 23rd, and so do the filters.
    const boston = buildReport({
      articles: [article('c1', 'The Boston Globe', 'Storm hits Boston overnight', ['A storm hit Boston overnight.'], { date: '2026-11-23T23:30:00-05:00' })].map(stored),
      groups: [[0]],
      copies: [],
      skipped: [],
      warnings: [],
      options: OPTIONS,
    });
    const shown = (bound: { since?: string; until?: string }): number => selectStories(boston, { minSources: 1, sort: 'sources', ...bound }).stories.length;
    expect([shown({ since: '2026-11-24' }), shown({ since: '2026-11-23' }), shown({ until: '2026-11-23' }), shown({ until: '2026-11-22' })]).toEqual([0, 1, 1, 0]);
    expect([shown({ since: '2026-11-24T04:00Z' }), shown({ since: '2026-11-24T05:00Z' }), shown({ until: '2026-11-24T04:00Z' })]).toEqual([1, 0, 0]);
  });

  it('--since leaves out a story with no dated article', () => {
    const undated = buildReport({
      articles: [article('b1', 'X', 'Undated', ['One sentence here.']), article('b2', 'Y', 'Dated', ['Another sentence.'], { date: '1700000000' })].map(stored),
      groups: [[0], [1]],
      copies: [],
      skipped: [],
      warnings: [],
      options: OPTIONS,
    });
    expect(selectStories(undated, { minSources: 1, sort: 'sources', since: '2000-01-01' }).stories.map((s) => s.title)).toEqual(['Dated']);
  });

  it('--sort date puts the newest story first and undated stories last', () => {
    expect(selectStories(report, { minSources: 1, sort: 'date' }).stories.map((s) => s.id)).toEqual(['s2', 's1']);
    const undated = buildReport({
      articles: [article('b1', 'X', 'Undated', ['One sentence here.']), article('b2', 'Y', 'Dated', ['Another sentence.'], { date: '2020-01-01' })].map(stored),
      groups: [[0], [1]],
      copies: [],
      skipped: [],
      warnings: [],
      options: OPTIONS,
    });
    expect(selectStories(undated, { minSources: 1, sort: 'date' }).stories.map((s) => s.title)).toEqual(['Dated', 'Undated']);
  });

  it('orders Unix times with written dates, newest first', () => {
    const mixed = buildReport({
      articles: [
        article('c1', 'X', 'Older, written', ['One sentence here.'], { date: '2023-11-14T22:00:00Z' }),
        article('c2', 'Y', 'Newer, Unix time', ['Another sentence.'], { date: '1700000000' }),
      ].map(stored),
      groups: [[0], [1]],
      copies: [],
      skipped: [],
      warnings: [],
      options: OPTIONS,
    });
    expect(selectStories(mixed, { minSources: 1, sort: 'date' }).stories.map((s) => s.title)).toEqual(['Newer, Unix time', 'Older, written']);
  });

  it('--sort articles puts the story with most articles first', () => {
    const r = buildReport({
      articles: [article('c1', 'X', 'Two sources', ['One.']), article('c2', 'Y', 'Two sources', ['One.']), article('c3', 'Z', 'One source, three articles', ['A.']), article('c4', 'Z', 'One source, three articles', ['B.']), article('c5', 'Z', 'One source, three articles', ['C.'])].map(stored),
      groups: [[0, 1], [2, 3, 4]],
      copies: [],
      skipped: [],
      warnings: [],
      options: OPTIONS,
    });
    expect(r.stories[0]?.title).toBe('Two sources');
    expect(selectStories(r, { minSources: 1, sort: 'articles' }).stories.map((s) => s.title)).toEqual(['One source, three articles', 'Two sources']);
  });

  // The texts `--match` looks in, as the planned report gives them: each article's headline then sentences.
  const texts = (story: Story): string[][] => story.articles.map((id) => {
    const a = report.articles.find((x) => x.id === id);
    return [a?.title ?? '', ...(byArticle.get(id) ?? [])];
  });
  const byArticle = new Map([
    ['a1', ['Coast guard boats rescued 212 passengers from the stranded ferry.']],
    ['a2', ['Islanders brought blankets and hot soup to the quay.']],
    ['a3', []],
    ['a4', ['A fisherman caught a rare blue lobster off Pellworth pier.']],
  ]);

  it('--source keeps stories told by every source named, case and spacing aside, and says so in the options', () => {
    const r = selectStories(report, { minSources: 1, sort: 'sources', source: ['gazette', 'RADIO  north'] });
    expect(r.stories.map((s) => s.id)).toEqual(['s1']);
    expect(r.options.source).toEqual(['gazette', 'RADIO  north']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', source: ['Gazette'] }).stories.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', source: ['Gazette', 'Nobody'] }).stories).toEqual([]);
  });

  it('--not-source keeps stories told by none of the sources named', () => {
    const r = selectStories(report, { minSources: 1, sort: 'sources', notSource: ['wire'] });
    expect(r.stories.map((s) => s.id)).toEqual(['s2']);
    expect(r.articles.map((a) => a.id)).toEqual(['a4']);
    expect(r.options.notSource).toEqual(['wire']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', notSource: ['Radio North', 'Gazette'] }).stories).toEqual([]);
  });

  it('--match keeps stories whose headlines or text mention every phrase, in any of their articles', () => {
    const match = (...phrases: string[]) => selectStories(report, { minSources: 1, sort: 'sources', match: phrases }, texts).stories.map((s) => s.id);
    expect(match('blue lobster')).toEqual(['s2']);
    expect(match('SOLVEIG', 'hot soup')).toEqual(['s1']);
    expect(match('212 passengers', 'lobster')).toEqual([]);
    expect(match('kallo ferry grounding')).toEqual(['s1']);
    expect(selectStories(report, { minSources: 1, sort: 'sources', match: ['lobster'] }, texts).options.match).toEqual(['lobster']);
  });

  it('--match needs the texts', () => {
    expect(() => selectStories(report, { minSources: 1, sort: 'sources', match: ['x'] })).toThrow(/texts/);
  });

});

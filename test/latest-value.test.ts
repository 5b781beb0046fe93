/** The newest figure of a disputed number (report/latest-value.ts), and its line in the views. */
import { describe, expect, it } from 'vitest';
import { latestValue } from '../src/report/latest-value.js';
import type { DatedArticle } from '../src/report/latest-value.js';
import type { Conflict } from '../src/types.js';
import { runCli } from './cli-run.js';

const article = (id: string, source: string, date?: string): DatedArticle => ({ id, source, ...(date ? { date } : {}) });
const value = (a: string, v: string): Conflict['values'][number] => ({ article: a, value: v, normalized: v, unit: 'people', dispute: 0 });
const conflict = (kind: Conflict['kind'], values: Conflict['values']): Conflict => ({ kind, fact: 'f1', detail: '', values, mentions: [] });

describe('latestValue', () => {
  const dated = new Map([
    ['a', article('a', 'AP', '2026-11-23T08:10:00Z')],
    ['b', article('b', 'AFP', '2026-11-23T13:20:00Z')],
    ['c', article('c', 'Reuters', '2026-11-23T17:40:00Z')],
  ]);

  it('gives the value of the latest dated article', () => {
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23'), value('b', '17')]), dated)).toStrictEqual({
      article: 'c',
      value: '23',
      unit: 'people',
      normalized: '23',
      dispute: 0,
      source: 'Reuters',
      date: '2026-11-23T17:40:00Z',
      published: '2026-11-23T17:40:00Z',
    });
  });

  it('leaves out a value an article gives as another outlet\'s (`cites`): its date is not that claim\'s', () => {
    const cited = { ...value('c', '12'), cites: 'AP' };
    expect(latestValue(conflict('number', [value('a', '12'), value('b', '17'), cited]), dated)).toMatchObject({ article: 'b', value: '17' });
  });

  it('gives the date as written and as ISO 8601 in UTC, for an offset too; zone-less times stay as written', () => {
    const offsets = new Map([
      ['a', article('a', 'AP', '2026-11-23T08:10:00Z')],
      ['c', article('c', 'Folha', '2026-11-23 21:00 -03:00')],
    ]);
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23')]), offsets)).toMatchObject({ source: 'Folha', date: '2026-11-23 21:00 -03:00', published: '2026-11-24T00:00:00Z' });
    const local = new Map([
      ['a', article('a', 'AP', '2026-11-23 08:10')],
      ['c', article('c', 'Folha', '2026-11-23 21:00')],
    ]);
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23')]), local)).toMatchObject({ date: '2026-11-23 21:00', published: '2026-11-23T21:00:00' });
  });

  it('tells nothing when the dates cannot: an undated or day-only article, zoned and zone-less times mixed, a tie, two values in the latest', () => {
    const undated = new Map([...dated, ['c', article('c', 'Reuters')]]);
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23')]), undated)).toBeUndefined();
    const day = new Map([...dated, ['c', article('c', 'Reuters', '2026-11-23')]]);
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23')]), day)).toBeUndefined();
    const local = new Map([...dated, ['c', article('c', 'Reuters', '2026-11-23T17:40:00')]]);
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23')]), local)).toBeUndefined();
    const tie = new Map([...dated, ['b', article('b', 'AFP', '2026-11-23T17:40:00Z')]]);
    expect(latestValue(conflict('number', [value('b', '17'), value('c', '23')]), tie)).toBeUndefined();
    expect(latestValue(conflict('number', [value('a', '12'), value('c', '23'), value('c', '19')]), dated)).toBeUndefined();
  });

  it('is only for counts: a day, an age, a share or money does not move on', () => {
    expect(latestValue(conflict('weekday', [value('a', 'monday'), value('c', 'tuesday')]), dated)).toBeUndefined();
    const of = (unit: string | undefined, a: string, c: string): Conflict => conflict('number', [{ ...value('a', a), ...(unit ? { unit } : { unit: undefined }) }, { ...value('c', c), ...(unit ? { unit } : { unit: undefined }) }]);
    expect(latestValue(of('-year-old', '43', '34'), dated)).toBeUndefined();
    expect(latestValue(of('%', '52', '45'), dated)).toBeUndefined();
    expect(latestValue(of('percent', '52', '45'), dated)).toBeUndefined();
    expect(latestValue(of(undefined, '$42.5 billion', '$65 billion'), dated)).toBeUndefined();
    expect(latestValue(of('homes', '41', '38'), dated)).toMatchObject({ value: '38', unit: 'homes' });
  });
});

describe('the latest figure in the views', () => {
  const dir = 'test/fixtures/latest-figure';

  it('is a line under the conflict in the terminal, Markdown and HTML, and the conflict\'s last field in JSON and NDJSON', () => {
    expect(runCli([dir, '-q', '--no-color', '--no-matrix']).stdout).toMatch(/! +1 number: 17 people \(AFP\) vs 12 people \(AP\) vs 23 people \(Reuters\)\n +latest: 23 people \(Reuters, 2026-11-23 17:40 UTC\)\n/);
    expect(runCli([dir, '-q', '-f', 'markdown']).stdout).toContain('  - *latest: 23 people (Reuters, 2026-11-23 17:40 UTC)*');
    expect(runCli([dir, '-q', '-f', 'html']).stdout).toContain('<p class="muted">latest: 23 people (Reuters, 2026-11-23 17:40 UTC)</p>');
    const doc = JSON.parse(runCli([dir, '-q', '--json']).stdout) as { articles: { id: string; source: string }[]; stories: { conflicts: Record<string, unknown>[] }[] };
    const conflict = doc.stories[0]?.conflicts[0] ?? {};
    expect(Object.keys(conflict)).toEqual(['kind', 'fact', 'detail', 'values', 'mentions', 'latest']);
    const reuters = doc.articles.find((a) => a.source === 'Reuters')?.id;
    expect(conflict.latest).toStrictEqual({ article: reuters, value: '23', unit: 'people', normalized: '23', dispute: 0, source: 'Reuters', date: '2026-11-23T17:40:00Z', published: '2026-11-23T17:40:00Z' });
    const line = JSON.parse(runCli([dir, '-q', '-f', 'ndjson']).stdout) as { story: { conflicts: Record<string, unknown>[] } };
    expect(line.story.conflicts[0]?.latest).toStrictEqual(conflict.latest);
  });

  it('is the same on worker threads, and absent where the views show none', () => {
    const env = { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.000001' };
    const one = runCli([dir, '-q', '--json', '--jobs', '1']).stdout;
    expect(runCli([dir, '-q', '--json', '--jobs', '2'], { env }).stdout).toBe(one);
    expect(runCli([dir, '-q', '-f', 'ndjson', '--jobs', '2'], { env }).stdout).toContain('"latest":{"article"');
    // The seeds' one conflict is of weekdays: no latest, in the views or the JSON.
    expect(runCli(['seeds', '-q', '--json']).stdout).not.toContain('"latest"');
    expect(runCli(['seeds', '-q', '--no-color']).stdout).not.toContain('latest:');
  });

  it('is in dedupe explain too, text and JSON, as the report gives it for the pair', () => {
    const pair = [`${dir}/feed.jsonl:1`, `${dir}/feed.jsonl:3`];
    expect(runCli(['explain', ...pair, '--no-color']).stdout).toMatch(/! number: 12 people \(AP\) vs 23 people \(Reuters\)\n +latest: 23 people \(Reuters, 2026-11-23 17:40 UTC\)\n/);
    const e = JSON.parse(runCli(['explain', ...pair, '--json']).stdout) as { b: { id: string }; facts: { conflicts: Record<string, unknown>[] } };
    expect(e.facts.conflicts[0]?.latest).toStrictEqual({ article: e.b.id, value: '23', unit: 'people', normalized: '23', dispute: 0, source: 'Reuters', date: '2026-11-23T17:40:00Z', published: '2026-11-23T17:40:00Z' });
  });
});

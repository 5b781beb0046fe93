/**
 * End to end (review 26, findings 1 and 3), on test/fixtures/furniture: a short news sentence that unrelated
 * stories share ("No injuries were reported.") is a fact of each, and adding an unrelated article does not take it
 * away; a recurring line that speaks to the reader is still dropped as site furniture; and the "Continue reading..." /
 * "Read more »" link text that ends a feed's descriptions is no fact.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

interface Mention {
  readonly article: string;
  readonly text: string;
}
interface JsonReport {
  readonly articles: readonly { readonly id: string; readonly source: string; readonly dropped: readonly { readonly text: string; readonly reason: string }[] }[];
  readonly stories: readonly {
    readonly title: string;
    readonly sources: readonly string[];
    readonly shared: readonly string[];
    readonly facts: readonly { readonly id: string; readonly mentions: readonly Mention[] }[];
  }[];
}

const FIXTURES = 'test/fixtures/furniture';
const NEWS = 'No injuries were reported.';
const FURNITURE = 'Get the latest Cape Cod headlines delivered to your inbox.';

function report(args: readonly string[]): JsonReport {
  const r = runCli([...args, '--json', '-q']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

/** The texts of a story's facts that every source reports. */
const sharedTexts = (story: JsonReport['stories'][number]): string[][] =>
  story.facts.filter((f) => story.shared.includes(f.id)).map((f) => f.mentions.map((m) => m.text));

let dir = '';
let day: JsonReport;
let fireOnly: JsonReport;

beforeAll(() => {
  day = report([`${FIXTURES}/day.jsonl`]);
  // The same day without the unrelated crash (the third line).
  dir = mkdtempSync(path.join(tmpdir(), 'dedupe-furniture-'));
  const lines = readFileSync(path.join(FIXTURES, 'day.jsonl'), 'utf8').split('\n');
  writeFileSync(path.join(dir, 'fires.jsonl'), [lines[0], lines[1]].join('\n') + '\n');
  fireOnly = report([path.join(dir, 'fires.jsonl')]);
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('recurring lines, end to end (review 26 #1)', () => {
  it('keeps a short news sentence that a fire story and an unrelated crash share, in every article', () => {
    for (const a of day.articles.filter((x) => x.source !== 'Cape Cod Times')) expect(a.dropped).toEqual([]);
    const fire = day.stories.find((s) => s.sources.includes('WCVB'));
    expect(fire?.sources).toEqual(['Boston Herald', 'WCVB']);
    expect(sharedTexts(fire as JsonReport['stories'][number])).toContainEqual([NEWS, NEWS]);
  });

  it('gives the fire story the same shared facts with and without the unrelated crash in the run', () => {
    const fire = (r: JsonReport): string[][] => sharedTexts(r.stories.find((s) => s.sources.includes('WCVB')) as JsonReport['stories'][number]);
    expect(fire(day)).toEqual(fire(fireOnly));
    expect(fire(day).length).toBe(2);
  });

  it('finds the stories that say it with --match', () => {
    const matched = report([`${FIXTURES}/day.jsonl`, '--match', 'no injuries']);
    expect(matched.stories.map((s) => s.title).sort()).toEqual(['Crash closes Route 3 in Braintree', 'Quincy warehouse fire takes six hours to put out']);
  });

  it('still drops a line that recurs across one outlet\'s unrelated stories and speaks to the reader', () => {
    const cape = day.articles.filter((a) => a.source === 'Cape Cod Times');
    expect(cape.length).toBe(3);
    for (const a of cape) expect(a.dropped).toEqual([{ text: FURNITURE, reason: 'recurring' }]);
  });
});

describe('feed link text, end to end (review 26 #3)', () => {
  const args = [`${FIXTURES}/guardian.rss`, `${FIXTURES}/bbc.txt`, `${FIXTURES}/reuters.txt`];

  it('drops "Continue reading..." and "Read more »" as promos, and no fact holds them', () => {
    const r = report(args);
    const guardian = r.articles.filter((a) => a.source === 'The Guardian');
    expect(guardian.map((a) => a.dropped).flat().sort((x, y) => x.text.localeCompare(y.text))).toEqual([
      { text: 'Continue reading...', reason: 'promo' },
      { text: 'Read more »', reason: 'promo' },
    ]);
    const texts = r.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions.map((m) => m.text)));
    expect(texts.some((t) => /continue reading|read more/i.test(t))).toBe(false);
    expect(texts).toContain('Lifeboats from Portree and Kyle were sent to the scene.');
  });

  it('lists no such link text among the facts an outlet adds or leaves out', () => {
    const r = runCli([...args, '-q', '--no-matrix']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/Continue reading|Read more/);
  });
});

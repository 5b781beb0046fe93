/**
 * Conflicts between German articles (test/fixtures/conflicts-de, written for this test): two outlets on one gas
 * leak that disagree on the count, the weekday and the date, and two on one rail accident that give the same
 * values written differently ("1.200" / "1200", "27. November 2026" / "27.11.2026", "14.30 Uhr" / "14:30 Uhr",
 * "zwölf" / "12", "2,5 Millionen Euro" / "2.500.000 Euro"). Read as English, as every article was before, none
 * of the three disagreements was found.
 */
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { toArticles } from '../src/clean/articles.js';
import { parseArticle } from '../src/input/parse.js';
import { storyFacts } from '../src/facts/story-facts.js';
import type { Article, Report } from '../src/types.js';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'conflicts-de');

/** The articles of one story folder, cleaned as a run cleans them (their language detected). */
function articlesOf(story: string): Article[] {
  const dir = path.join(FOLDER, story);
  const parsed = readdirSync(dir).sort().map((f) => {
    const p = path.join(dir, f);
    const r = parseArticle({ path: p, text: readFileSync(p, 'utf8') });
    if (!r.ok) throw new Error(r.reason);
    return r.article;
  });
  return toArticles(parsed).articles;
}

/** The story's conflicts as their details, read in the articles' language or (`english`) as English. */
function conflictsOf(story: string, english = false): string[] {
  const articles = articlesOf(story).map((a) => (english ? (({ language: _, ...rest }) => rest)(a) : a));
  return storyFacts('s', articles, 0.25).conflicts.map((c) => c.detail);
}

describe('conflicts of German articles', () => {
  it('are read in German: both articles of each story are detected as German', () => {
    for (const story of ['gasleck', 'zugunglueck']) expect(articlesOf(story).map((a) => a.language)).toEqual(['de', 'de']);
  });

  it('1.200 against 1.500 Menschen, Montag against Dienstag, 27. against 28. November: three conflicts', () => {
    expect(conflictsOf('gasleck')).toEqual([
      'weekday: Montag (nordkurier) vs Dienstag (weserbote)',
      'number: 1.200 Menschen (nordkurier) vs 1.500 Menschen (weserbote)',
      'date: 27. November (nordkurier) vs 28. November (weserbote)',
    ]);
  });

  it('the same values written differently are no conflict ("1.200" / "1200", "27.11.2026", "14:30 Uhr", "zwölf" / "12")', () => {
    expect(conflictsOf('zugunglueck')).toEqual([]);
  });

  it('read as English, as before, the disagreements were not found', () => {
    expect(conflictsOf('gasleck', true)).toEqual([]);
  });
});

describe('dedupe on the German fixtures, end to end', () => {
  let report: Report;
  beforeAll(() => {
    const r = runCli([FOLDER, '--json', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as Report;
  });

  it('finds the two stories, and the three conflicts with their values as written', () => {
    expect(report.stories).toHaveLength(2);
    const leak = report.stories.find((s) => s.conflicts.length > 0);
    expect(leak?.conflicts.map((c) => c.kind)).toEqual(['weekday', 'number', 'date']);
    const number = leak?.conflicts.find((c) => c.kind === 'number');
    expect(number?.values.map((v) => `${v.value} ${v.unit ?? ''}`).sort()).toEqual(['1.200 Menschen', '1.500 Menschen']);
    expect(report.stories.filter((s) => s.conflicts.length === 0)).toHaveLength(1);
  });

  it('is the same report when the facts are worked out on worker threads (the language reaches them)', () => {
    const r = runCli([FOLDER, '--json', '--quiet', '--jobs', '2'], { env: { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.000001' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(report);
  });

  it('explains the rail accident pair by the values both give, however each writes them', () => {
    const dir = path.join(FOLDER, 'zugunglueck');
    const r = runCli(['explain', path.join(dir, 'nordkurier.txt'), path.join(dir, 'weserbote.txt'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const values = (JSON.parse(r.stdout) as { values: { kind: string; a: string; b: string }[] }).values.map((v) => `${v.kind} ${v.a} = ${v.b}`);
    expect(values).toEqual(expect.arrayContaining(['number 1.200 = 1200', 'number zwölf = 12', 'date 27. November = 27.11.2026', 'time 14.30 Uhr = 14:30 Uhr', 'number 2,5 Millionen = 2.500.000']));
  });
});

/**
 * End to end (review 25): outlets named from the text of files with no metadata — a republisher's copyright
 * notice over the wire dateline its copy keeps, datelines with a country, mangled copyright lines — and a Markdown
 * author list, as the built CLI reports them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

interface JsonReport {
  readonly articles: readonly { readonly path: string; readonly source: string; readonly sourceOrigin: string; readonly byline?: string | null }[];
  readonly stories: readonly { readonly sources: readonly string[]; readonly conflicts: readonly { readonly detail: string }[] }[];
}

const WIRE = [
  'LOS ANGELES (AP) — A fast-moving wildfire tore through dry brush in southern California on Tuesday, forcing more than 8,000 people to evacuate their homes, fire officials said.',
  'The blaze, named the Canyon Fire, had burned about 4,500 acres by Tuesday evening and was 5% contained, according to the California Department of Forestry and Fire Protection.',
  'Strong Santa Ana winds gusting up to 60 mph pushed the flames toward neighbourhoods on the edge of Riverside County.',
];
const homes = (n: number): string => `At least ${n} homes were destroyed and two firefighters suffered minor injuries, officials said.`;
const TAIL = ['Forecasters said the winds were expected to ease on Thursday, giving crews a chance to gain ground.', 'The cause of the fire is under investigation.'];

let dir = '';
let report: JsonReport;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dedupe-credits-'));
  const write = (name: string, lines: readonly string[]): void => writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  write('ap.txt', ['Wildfire forces thousands to flee in southern California', ...WIRE, homes(12), ...TAIL]);
  // Fox News's copy of the AP story, edited, ending in its own copyright notice.
  write('fox.txt', ['California wildfire: 8,000 evacuated', ...WIRE, homes(15), ...TAIL, 'Copyright 2026 Fox News Network, LLC. All rights reserved.']);
  // A copy with nothing but the AP text: the AP dateline is all the text says.
  write('copy.txt', ['Thousands flee as wildfire rages near Riverside', ...WIRE, homes(12)]);
  write('elazig.txt', ['Earthquake kills at least 42 in eastern Turkey', 'ELAZIG, Turkey (Reuters) - A magnitude 6.8 earthquake struck eastern Turkey on Friday evening, killing at least 42 people.', 'Rescue teams worked through the night.']);
  write('cnn.txt', ['Quake in Turkey', 'A magnitude 6.8 earthquake struck eastern Turkey on Friday.', '© Copyright 2026 Cable News Network']);
  write('ferry.md', ['---', 'title: Ferry aground off Skye', 'author:', '  - Jane Doe', '  - John Roe', '---', '', 'A ferry carrying 120 passengers ran aground near Uig on Monday.']);
  const r = runCli([dir, '--json']);
  expect(r.status).toBe(0);
  report = JSON.parse(r.stdout) as JsonReport;
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const article = (name: string): JsonReport['articles'][number] | undefined => report.articles.find((a) => path.basename(a.path) === name);

describe('outlets from credits, end to end (review 25)', () => {
  it('credits a republished wire copy to the publisher its copyright notice names, and a bare copy to the wire', () => {
    expect([article('ap.txt')?.source, article('fox.txt')?.source, article('copy.txt')?.source]).toEqual(['AP', 'Fox News', 'AP']);
    expect(article('fox.txt')?.sourceOrigin).toBe('credit');
  });

  it("shows Fox News's edit of the AP count as a conflict between two sources", () => {
    const story = report.stories.find((s) => s.sources.includes('Fox News'));
    expect(story?.sources).toEqual(['AP', 'Fox News']);
    expect(story?.conflicts.map((c) => c.detail)).toContain('number: 12 homes (AP) vs 15 homes (Fox News)');
  });

  it('reads a dateline with a country, a corporate copyright line and a front matter author list', () => {
    expect(article('elazig.txt')).toMatchObject({ source: 'Reuters', sourceOrigin: 'credit' });
    expect(article('cnn.txt')).toMatchObject({ source: 'CNN', sourceOrigin: 'credit' });
    expect(article('ferry.md')?.byline).toBe('Jane Doe, John Roe');
  });
});

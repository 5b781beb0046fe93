/**
 * The figures of review 27, end to end (test/fixtures/review27-numbers, the review's minimal pairs and its two German
 * bridge reports): a qualifier opening a lead after a dateline ("ZARAGOZA (AP) — About 1,500", "Quelque 1 500",
 * "Rund 28.000", "Unas 1.200"), a toll behind a relative clause, residents counted as people ("vecinos"), a speed in
 * km/h, and two round figures ("etwa 30.000" / "rund 28.000") that are no disagreement.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import type { Report } from '../src/types.js';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'review27-numbers');

/** The run's report of one fixture folder. */
function reportOf(name: string): Report {
  const r = runCli([path.join(FOLDER, name), '--json', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** The details of every conflict of a folder's one story. */
function conflicts(name: string): string[] {
  const report = reportOf(name);
  expect(report.stories).toHaveLength(1);
  return report.stories.flatMap((s) => s.conflicts.map((c) => c.detail));
}

describe('review 27: figures in wire leads', () => {
  it.each([
    ['lead-en', 'number: 1,500 people (AP) vs 1,200 people (Reuters)'],
    ['lead-fr', 'number: 1 500 pompiers (AFP) vs 1 800 pompiers (b)'],
    ['lead-de', 'number: 35.000 Fahrzeuge (AFP) vs 28.000 Fahrzeuge (dpa)'],
    // EFE's credit '(EFE).-' names its outlet (input/outlet.ts), so its side comes first.
    ['residents-es', 'number: 1.200 personas (EFE) vs 1.500 vecinos (cronica)'],
  ])('%s: the qualified figure after the dateline is compared, whole', (name, detail) => {
    expect(conflicts(name)).toEqual([detail]);
  });

  it('toll-clause: "the death toll from a landslide that buried homes … rose to 19" disputes "… rose to 23"', () => {
    expect(conflicts('toll-clause')).toEqual(['number: 19 (AP) vs 23 (Reuters)']);
  });

  it('kmh: a speed shows as "km/h"', () => {
    const report = reportOf('kmh');
    expect(report.stories.flatMap((s) => s.conflicts.map((c) => c.detail))).toEqual(['number: 80 km/h (a) vs 90 km/h (b)']);
    const values = report.stories[0]?.conflicts[0]?.values.map((v) => `${v.value} ${v.unit ?? ''}`);
    expect(values?.sort()).toEqual(['80 km/h', '90 km/h']);
  });

  it('about-de: "etwa 30.000 Fahrzeuge" and "rund 28.000 Fahrzeuge", one aligned fact, are no conflict', () => {
    const report = reportOf('about-de');
    const story = report.stories[0];
    expect(story?.articles).toHaveLength(2);
    const fact = story?.facts.find((f) => f.mentions.length === 2 && f.mentions.every((m) => m.text.includes('Fahrzeuge')));
    expect(fact?.mentions.map((m) => m.text).join(' | ')).toMatch(/etwa 30\.000 Fahrzeuge.*rund 28\.000 Fahrzeuge|rund 28\.000 Fahrzeuge.*etwa 30\.000 Fahrzeuge/);
    expect(story?.conflicts.filter((c) => c.kind === 'number')).toEqual([]);
  });
});

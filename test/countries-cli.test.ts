// Two landslides on one day in Ecuador and Peru, told by AP, Reuters and a local outlet each in one wire template
// (test/fixtures/landslides): their cosine is far above the story threshold, so without the country penalty they are
// one story, with false conflicts ("17 vs 8 people"). With --country-penalty the datelines part them, while the
// outlets of one event that write from different cities of its country (Quito and Guayaquil, Lima and Cusco) stay
// one story. Run through the built CLI, as a user runs it.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

const FOLDER = 'test/fixtures/landslides';

interface Json {
  readonly articles: readonly { readonly id: string; readonly path: string }[];
  readonly stories: readonly { readonly articles: readonly string[]; readonly conflicts?: readonly unknown[] }[];
  readonly options: Readonly<Record<string, unknown>>;
}

function report(args: readonly string[]): Json {
  const r = runCli([FOLDER, '--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** Each story's files, sorted, largest story first. */
function stories(r: Json): string[][] {
  const file = new Map(r.articles.map((a) => [a.id, a.path.slice(a.path.lastIndexOf('/') + 1)]));
  return r.stories.map((s) => s.articles.map((id) => file.get(id) ?? id).sort()).sort((x, y) => y.length - x.length || (x[0] ?? '').localeCompare(y[0] ?? ''));
}

describe('two same-day landslides from one wire template, in two countries', () => {
  it('are one story with false conflicts by default (no country penalty)', () => {
    const r = report([]);
    expect(stories(r)).toHaveLength(1);
    expect(r.stories[0]?.conflicts?.length ?? 0).toBeGreaterThan(0);
    expect(r.options.countryPenalty).toBeUndefined();
  });

  it('are two stories, one a country, without conflicts, with --country-penalty 0.3', () => {
    const r = report(['--country-penalty', '0.3']);
    expect(stories(r)).toEqual([
      ['ecuador-ap.md', 'ecuador-guayaquil.md', 'ecuador-reuters.md'],
      ['peru-ap.md', 'peru-cusco.md', 'peru-reuters.md'],
    ]);
    for (const s of r.stories) expect(s.conflicts ?? []).toEqual([]);
    expect(r.options.countryPenalty).toBe(0.3);
  });

  it('keeps one event told from two cities of one country one story (Quito and Guayaquil)', () => {
    const r = runCli([`${FOLDER}/ecuador-ap.md`, `${FOLDER}/ecuador-guayaquil.md`, '--json', '--country-penalty', '0.3']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Json).stories).toHaveLength(1);
  });

  it('explain says why the pair was weakened', () => {
    const args = ['explain', `${FOLDER}/ecuador-ap.md`, `${FOLDER}/peru-ap.md`, '--context', FOLDER, '--country-penalty', '0.3'];
    const json = runCli([...args, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const e = JSON.parse(json.stdout) as { a: { countries?: string[] }; b: { countries?: string[] }; cosine: number; countryFactor?: number; similarity: number; sameStory: boolean };
    expect(e.a.countries).toEqual(['EC']);
    expect(e.b.countries).toEqual(['PE']);
    expect(e.countryFactor).toBe(0.3);
    expect(e.cosine).toBeGreaterThan(0.5);
    expect(e.similarity).toBeCloseTo(e.cosine * 0.3, 12);
    expect(e.sameStory).toBe(false);
    const text = runCli(args);
    const flat = text.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('year 2031, country EC');
    expect(flat).toMatch(/cosine 0\.\d{3} × 0\.3 for places/);
    expect(flat).toContain("A's dateline and lead name EC, B's PE: no country in common");
  });

  it('explain says nothing of countries when the penalty is off', () => {
    const json = runCli(['explain', `${FOLDER}/ecuador-ap.md`, `${FOLDER}/peru-ap.md`, '--json']);
    const e = JSON.parse(json.stdout) as { countryFactor?: number; a: { countries?: string[] } };
    expect(e.countryFactor).toBeUndefined();
    expect(e.a.countries).toEqual(['EC']);
    expect(runCli(['explain', `${FOLDER}/ecuador-ap.md`, `${FOLDER}/peru-ap.md`]).stdout).not.toContain('for places');
  });

  it('rejects a penalty out of [0, 1] with a usage error', () => {
    const r = runCli([FOLDER, '--country-penalty', '1.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--country-penalty');
  });
});

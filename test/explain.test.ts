/**
 * `dedupe explain`: the function on fixture folders, and the built CLI (test/global-setup.ts builds dist/
 * first when it is stale).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain, type Explanation } from '../src/explain/explain.js';
import { formatExplanation } from '../src/explain/format.js';
import { DEFAULT_OPTIONS, run } from '../src/run.js';
import { storyLabels } from '../src/render/matrix.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_0 = 'seeds/000_599fd1684341c80a.txt';
const SEED_1 = 'seeds/001_9d1f47d9723a6f2b.txt';
const WIRE = 'test/fixtures/copies/wire-original.txt';
const REPUBLISHED = 'test/fixtures/copies/regional-republished.txt';
const LOBSTER = 'test/fixtures/two-stories/lobster-coastal-herald.md';
const MILL = 'test/fixtures/two-stories/mill-fire-harbor-post.md';

async function explained(a: string, b: string, context: string[] = []): Promise<Explanation> {
  const r = await explain([a, b], context, ROOT, DEFAULT_OPTIONS, () => undefined);
  if (!r.ok) throw new Error(r.reason);
  return r.explanation;
}

describe('explain()', () => {
  it('explains why the two seeds are one story but not copies', async () => {
    const e = await explained(SEED_0, SEED_1);
    expect(e.sameStory).toBe(true);
    expect(e.similarity).toBeGreaterThanOrEqual(e.storyThreshold);
    expect(e.nearDuplicate).toBe(false);
    expect(e.jaccardExact).toBeLessThan(0.2);
    const words = e.terms.slice(0, 12).map((t) => t.stem);
    expect(words).toEqual(expect.arrayContaining(['damascu', 'rebel']));
    expect(e.terms.find((t) => t.stem === 'damascu')?.name).toBe(true);
    expect(e.values.some((v) => v.kind === 'name' && v.value.includes('assad'))).toBe(true);
    expect(e.facts.conflicts.map((c) => c.kind)).toContain('weekday');
  });

  it('the term contributions add up to the cosine', async () => {
    const e = await explained(SEED_0, SEED_1);
    const sum = e.terms.reduce((s, t) => s + t.contribution, 0);
    expect(sum).toBeCloseTo(e.cosine, 4);
  });

  it('finds a republished copy, with the exact Jaccard near the estimate', async () => {
    const e = await explained(WIRE, REPUBLISHED);
    expect(e.nearDuplicate).toBe(true);
    expect(e.sameStory).toBe(true);
    expect(Math.abs(e.jaccardEstimate - e.jaccardExact)).toBeLessThan(0.15);
  });

  it('keeps two different events apart, also within a larger run', async () => {
    for (const context of [[], ['test/fixtures/two-stories']]) {
      const e = await explained(LOBSTER, MILL, context);
      expect(e.sameStory).toBe(false);
      expect(e.similarity).toBeLessThan(e.storyThreshold);
      expect(e.facts.facts.every((f) => f.articles.length === 1)).toBe(true);
    }
    expect((await explained(LOBSTER, MILL, ['test/fixtures/two-stories'])).context).toBe(2);
  });

  it('applies the time factor of the clustering: dated more than a year apart, never one story', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-explain-'));
    try {
      const body = (date: string, words: string) => `---\ntitle: Fire destroys Lindqvist textile mill in Varnby\ndate: ${date}\n---\n\n${words}\n`;
      writeFileSync(path.join(dir, 'a.md'), body('2031-04-08', 'A fire destroyed the Lindqvist textile mill in Varnby on Wednesday night, the fire service said.'));
      writeFileSync(path.join(dir, 'b.md'), body('2033-04-08', 'Firefighters fought for hours as the old Lindqvist textile mill in Varnby burned down.'));
      const r = await explain(['a.md', 'b.md'], [], dir, DEFAULT_OPTIONS, () => undefined);
      if (!r.ok) throw new Error(r.reason);
      expect(r.explanation.cosine).toBeGreaterThan(DEFAULT_OPTIONS.storyThreshold);
      expect(r.explanation.daysApart).toBe(731);
      expect(r.explanation.timeFactor).toBe(0);
      expect(r.explanation.sameStory).toBe(false);
      expect(formatExplanation(r.explanation, { color: false, width: 100 })).toContain('dated 731 days apart');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a usable article', async () => {
    const r = await explain([SEED_0, 'test/fixtures/bad/empty.txt'], [], ROOT, DEFAULT_OPTIONS, () => undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('empty.txt');
  });

  it('names an article of a feed by its place (feed.jsonl:2), and a feed of several articles named whole is refused with the way to name one', async () => {
    const JSONL = 'test/fixtures/inputs/seed-jsonl/news-please.jsonl';
    const e = await explained(`${JSONL}:1`, `${JSONL}:2`);
    expect([e.a.path, e.b.path, e.a.source, e.b.source, e.sameStory]).toEqual([`${JSONL}:1`, `${JSONL}:2`, 'TRT World', 'Reuters', true]);
    const whole = await explain([JSONL, SEED_0], [], ROOT, DEFAULT_OPTIONS, () => undefined);
    expect(whole).toEqual({ ok: false, reason: expect.stringMatching(/^test\/fixtures\/inputs\/seed-jsonl\/news-please\.jsonl holds 2 articles; name one of them, as in .*news-please\.jsonl:[12]$/) as unknown });
    const outside = await explain([`${JSONL}:7`, SEED_0], [], ROOT, DEFAULT_OPTIONS, () => undefined);
    expect(outside).toEqual({ ok: false, reason: `${JSONL}:7 is no article of ${JSONL}, which holds 2: :1, :2` });
  });

  it('gives a shared number with what it counts, in the JSON and the text, as a report\'s conflicts do', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-explain-units-'));
    try {
      const lines = (title: string, ...sentences: string[]): string => `${title}\n${sentences.join('\n')}\n`;
      writeFileSync(path.join(dir, 'a.txt'), lines('Harbour fire spreads along quay',
        'The fire spread 35 yards along the quay on Monday, the harbour master said.',
        'A 12-year-old boy raised the alarm before dawn.',
        'Insurance prices rose 5% after the fire, brokers said.',
        'Firefighters worked for 14 hours to put it out.',
        'The damage cost $4 million, insurers said.'));
      writeFileSync(path.join(dir, 'b.txt'), lines('Quay fire spreads in harbour',
        'Flames moved 35 yards down the quay on Monday, witnesses said.',
        'The alarm was raised by a 12-year-old boy before dawn.',
        'Insurance prices climbed 5% after the blaze, brokers said.',
        'Crews fought the fire for 14 days in all.',
        'Insurers put the damage at $4 million.'));
      const e = await explained(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
      expect(e.values.filter((v) => v.kind === 'number')).toEqual([
        { kind: 'number', value: '12', a: '12', b: '12', unit: '-year-old' },
        { kind: 'number', value: '35', a: '35', b: '35', unit: 'yards' },
        // The value says what it counts: no unit. 14 hours and 14 days count different things: not shared.
        { kind: 'number', value: '4000000', a: '$4 million', b: '$4 million' },
        { kind: 'number', value: '5', a: '5', b: '5', unit: '%' },
      ]);
      expect(e.values.filter((v) => v.kind !== 'number').every((v) => v.unit === undefined)).toBe(true);
      const text = formatExplanation(e, { color: false, width: 120 });
      expect(text).toContain('shared numbers, dates and times:\n      12-year-old (number) · 35 yards (number) · $4 million (number) · 5% (number) · Monday (weekday)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a fact one article tells within a sentence of another (alsoIn) as told by both, as the report does', async () => {
    const e = await explained('test/fixtures/compound-lead/alpha.txt', 'test/fixtures/compound-lead/beta.md');
    expect(e.facts.facts.filter((f) => f.alsoIn).length).toBe(1);
    const text = formatExplanation(e, { color: false, width: 200 });
    expect(text).toContain('both report 2,');
    const both = text.slice(text.indexOf('Both report'), text.indexOf('Only'));
    expect(both).toContain('The earthquake toppled buildings in the city of Sivrice in Elazig.');
  });

  it('formats to the width', async () => {
    const text = formatExplanation(await explained(SEED_0, SEED_1), { color: false, width: 60 });
    expect(text).toContain('Same story? yes');
    expect(text).toContain('Near-duplicates? no');
    for (const line of text.split('\n').filter((l) => !l.startsWith('A ') && !l.startsWith('B '))) expect([...line].length).toBeLessThanOrEqual(60);
  });
});

describe('letters and languages', () => {
  const LEDGER = 'test/fixtures/two-stories/lobster-daily-ledger.md';
  const FOLDER = 'test/fixtures/two-stories';

  it('with --context the folder, letters the two as the folder’s report does, whatever the order given', async () => {
    const report = await run([FOLDER], ROOT, DEFAULT_OPTIONS);
    if (!report.ok) throw new Error('no report');
    const letterOf = (file: string): string | undefined => {
      const id = report.report.articles.find((a) => a.path.endsWith(file))?.id ?? '';
      const story = report.report.stories.find((s) => s.articles.includes(id));
      return story ? storyLabels(story).get(id) : undefined;
    };
    // The Ledger is the second of its story in the report (by source), named first here.
    expect([letterOf('lobster-coastal-herald.md'), letterOf('lobster-daily-ledger.md')]).toEqual(['A', 'B']);
    const e = await explained(LEDGER, LOBSTER, [FOLDER]);
    expect([e.a.label, e.b.label]).toEqual(['B', 'A']);
    const text = formatExplanation(e, { color: false, width: 100 });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^B test\/fixtures\/two-stories\/lobster-daily-ledger\.md — Daily Ledger/);
    expect(lines[2]).toMatch(/^A test\/fixtures\/two-stories\/lobster-coastal-herald\.md — Coastal Herald/);
    expect(text).toContain('B and A are their letters in s');
    expect(text).toMatch(/only B \d+, only A \d+/);
    expect(text).toContain('Only B (Daily Ledger) reports');
    expect(text).toContain('Only A (Coastal Herald) reports');
  });

  it('two articles in two stories keep explain’s own A and B, each with its letter in the report beside it', async () => {
    const e = await explained(LOBSTER, MILL, [FOLDER]);
    expect(e.sameStory).toBe(false);
    const text = formatExplanation(e, { color: false, width: 200 });
    expect(text).toContain(`A ${LOBSTER} — Coastal Herald`);
    expect(text).toContain(` · in the report: ${e.a.label ?? '?'} of ${e.a.story}\n`);
    expect(text).toContain(` · in the report: ${e.b.label ?? '?'} of ${e.b.story}\n`);
    expect(text).toContain("A and B are explain's own letters, in the order given");
  });

  it('says when the two are in two languages, and gives both languages in the JSON', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-explain-lang-'));
    try {
      writeFileSync(path.join(dir, 'bbc.txt'), 'Ferry runs aground off Skye, 120 passengers evacuated\n\nA CalMac ferry ran aground off the Isle of Skye on Monday morning with 120 passengers on board. All passengers were evacuated safely by lifeboat crews, the coastguard said. The vessel, MV Hebrides, struck rocks near Uig harbour at about 7:30am.\n');
      writeFileSync(path.join(dir, 'spiegel.txt'), 'Fähre vor Skye auf Grund gelaufen\n\nEine Fähre mit 120 Passagieren an Bord ist am Montagmorgen vor der schottischen Insel Skye auf Grund gelaufen. Alle Passagiere wurden nach Angaben der Küstenwache von Rettungsbooten in Sicherheit gebracht. Das Schiff MV Hebrides lief gegen 7.30 Uhr in der Nähe des Hafens Uig auf Felsen.\n');
      const r = await explain([path.join(dir, 'bbc.txt'), path.join(dir, 'spiegel.txt')], [], ROOT, DEFAULT_OPTIONS, () => undefined);
      if (!r.ok) throw new Error(r.reason);
      const e = r.explanation;
      expect([e.a.language, e.b.language]).toEqual(['en', 'de']);
      const text = formatExplanation(e, { color: false, width: 300 });
      expect(text).toMatch(/spiegel\.txt — spiegel, 3 sentences, in German · in the report: A of s\d/);
      expect(text).not.toMatch(/bbc\.txt — [^\n]*in English/);
      expect(text).toContain("A is in English, B in German: each text's words are compared as they are");
      // One language: no such line.
      expect(formatExplanation(await explained(SEED_0, SEED_1), { color: false, width: 100 })).not.toContain(' is in English');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dedupe explain (CLI)', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints the verdicts and exits 0', () => {
    const r = cli(['explain', SEED_0, SEED_1]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Same story\? yes, both in s1: TF-IDF similarity 0\.\d{3} ≥ story threshold 0\.25/);
    expect(r.stdout).toContain('weekday: Monday');
  });

  it('--json gives the figures', () => {
    const r = cli(['explain', WIRE, REPUBLISHED, '--json']);
    const e = JSON.parse(r.stdout) as Explanation;
    expect(e.nearDuplicate).toBe(true);
    expect(e.a.path).toBe(WIRE);
  });

  it('--json escapes what a terminal may obey, as the report does with --json, and parses back to the text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-explain-json-'));
    try {
      const hostile = '\u0085\u009b31m\u202e\u2066'; // (white space such as U+2029 is folded in a title)
      const body = 'The ferry Solveig ran aground off Kallo island on Friday morning, officials said.\n\nCoast guard boats rescued 212 passengers from the stranded ferry near the island.\n';
      writeFileSync(path.join(dir, 'a.txt'), `Ferry aground${hostile} off Kallo\n\n${body}`);
      writeFileSync(path.join(dir, 'b.txt'), `Kallo ferry grounding\n\n${body}`);
      const r = cli(['explain', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), '--json']);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).toContain('\\u202e');
      expect((JSON.parse(r.stdout) as Explanation).a.title).toBe(`Ferry aground${hostile} off Kallo`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line per problem for a missing file', () => {
    const r = cli(['explain', SEED_0, 'no-such.txt']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['dedupe: skipped no-such.txt: no such file or folder', 'dedupe: explain: not a usable article file: no-such.txt']);
  });
});

/**
 * End to end: the built CLI (`bin/dedupe.js` → `dist/`) on fixture folders, colour off.
 * test/global-setup.ts builds dist/ first when it is stale.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, Story } from '../src/types.js';
import { runCli, ROOT } from './cli-run.js';
import { validate, type Schema } from './json-schema.js';

const FIXTURES = 'test/fixtures';
const SEED_0 = 'seeds/000_599fd1684341c80a.txt';
const SEED_1 = 'seeds/001_9d1f47d9723a6f2b.txt';
const ESC = '\u001b';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const dedupe = (args: readonly string[], cwd = ROOT): Run => runCli(args, { cwd });

/** Run with --json, insist on success, and parse the report. */
function report(args: readonly string[], cwd = ROOT): Report {
  const r = dedupe([...args, '--json'], cwd);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

/** Runs `body` on a fresh temporary folder, removed afterwards. */
function inTempFolder(body: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-cli-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file names of a story's articles, sorted. */
function members(r: Report, story: Story): string[] {
  const paths = new Map(r.articles.map((a) => [a.id, path.basename(a.path)]));
  return story.articles.map((id) => paths.get(id) ?? id).sort();
}

describe('dedupe seeds/ (terminal)', () => {
  let r: Run;
  beforeAll(() => {
    r = dedupe(['seeds/']);
  });

  it('exits 0 with nothing on stderr', () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('shows one story with both seed files', () => {
    expect(r.stdout).toContain('1 story (1 with more than one article)');
    expect(r.stdout).toContain(SEED_0);
    expect(r.stdout).toContain(SEED_1);
    expect(r.stdout).not.toContain('s2 ');
  });

  it('lists the facts every source reports and the Monday/Sunday conflict', () => {
    expect(r.stdout).toContain('Reported by every source');
    expect(lines(r.stdout).some((l) => l.includes('Monday') && l.includes('Sunday'))).toBe(true);
  });

  it('shows none of the boilerplate lines', () => {
    for (const junk of ['TRT World and Agencies', 'has more from', 'Route 6', 'A still image taken', 'MESSAGE TO RUSSIA']) {
      expect(r.stdout).not.toContain(junk);
    }
  });

  it('writes no escape codes with NO_COLOR set', () => {
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('dedupe seeds/ --json', () => {
  let run: Run;
  let r: Report;
  beforeAll(() => {
    run = dedupe(['seeds/', '--json']);
    r = JSON.parse(run.stdout) as Report;
  });

  it('exits 0, writes one JSON document and nothing on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(r.version).toBe(1);
  });

  it('lists both articles with id, path, source and title', () => {
    expect(r.articles.map((a) => a.path)).toEqual([SEED_0, SEED_1]);
    // Seed 000 carries the credit line "TRT World and Agencies"; seed 001 names no outlet ("told Reuters" is not one).
    expect(r.articles.map((a) => [a.source, a.sourceOrigin])).toEqual([['TRT World', 'credit'], [path.basename(SEED_1, '.txt'), 'filename']]);
    for (const a of r.articles) {
      expect(a.id).toMatch(/^a[0-9a-f]{8}$/);
      expect(a.title).toBe('Syrian rebels launch second Damascus attack in three days');
    }
  });

  it('has one story holding both articles, with facts, conflicts and coverage', () => {
    expect(r.stories).toHaveLength(1);
    const story = r.stories[0] as Story;
    expect([...story.articles].sort()).toEqual(r.articles.map((a) => a.id).sort());
    expect(story.facts.length).toBeGreaterThan(0);
    expect(story.coverage.map((c) => c.article).sort()).toEqual([...story.articles].sort());
    expect(story.shared.length).toBeGreaterThan(0);
  });

  it('quotes every mention verbatim from its article file', () => {
    const text = new Map(r.articles.map((a) => [a.id, readFileSync(path.join(ROOT, a.path), 'utf8')]));
    const story = r.stories[0] as Story;
    const mentions = [...story.facts.flatMap((f) => f.mentions), ...story.conflicts.flatMap((c) => c.mentions)];
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect(text.get(m.article)).toContain(m.text);
  });

  it('reports the weekday conflict between Monday and Sunday', () => {
    const weekday = r.stories[0]?.conflicts.find((c) => c.kind === 'weekday');
    expect(weekday).toBeDefined();
    expect(weekday?.values.map((v) => v.value).sort()).toEqual(['Monday', 'Sunday']);
    expect(new Set(weekday?.mentions.map((m) => m.article))).toEqual(new Set(r.stories[0]?.articles));
  });

  it('keeps the dropped boilerplate out of the facts and lists it per article', () => {
    const allText = r.stories[0]?.facts.flatMap((f) => f.mentions.map((m) => m.text)).join('\n') ?? '';
    const dropped = r.articles.flatMap((a) => a.dropped.map((d) => d.text));
    expect(dropped).toContain('TRT World and Agencies');
    for (const d of dropped) expect(allText).not.toContain(d);
  });
});

describe('usage errors and diagnostics', () => {
  it('exits 2 with usage on stderr and nothing on stdout when given no arguments', () => {
    const r = dedupe([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no input');
    expect(r.stderr).toContain('Usage: dedupe');
  });

  it('goes on past a missing path, naming it in one stderr line', () => {
    const r = dedupe(['no-such-folder/', 'seeds/']);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('no-such-folder/');
    expect(r.stdout).toContain(SEED_0);
  });

  it('writes an empty report with exit 0 when every file is bad, naming each in its own stderr line', () => {
    const r = dedupe([`${FIXTURES}/bad`, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { articles: unknown[]; stories: unknown[]; skipped: { path: string }[] };
    expect([doc.articles, doc.stories]).toEqual([[], []]);
    expect(doc.skipped.map((d) => path.basename(d.path)).sort()).toEqual(['empty.txt', 'picture.txt']);
    const err = lines(r.stderr);
    for (const name of ['empty.txt', 'picture.txt']) expect(err.filter((l) => l.includes(name))).toHaveLength(1);
    expect(err.filter((l) => l.includes('empty.txt'))[0]).toContain('empty file');
    expect(err.filter((l) => l.includes('picture.txt'))[0]).toContain('PNG');
    expect(err.at(-1)).toBe('dedupe: no article in the input (2 inputs skipped): the report is empty');
    expect(err).toHaveLength(3); // one line per file and the closing one
  });

  it('refuses a story threshold of 7 with exit 2', () => {
    const r = dedupe(['seeds/', '--story-threshold', '7']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--story-threshold');
  });

  it('refuses a weight that is not a number from 0 to 100, and an empty number, in one dedupe: line', () => {
    for (const args of [['--name-weight', 'abc'], ['--title-weight', '-1'], ['--name-weight', 'Infinity'], ['--seed', ''], ['--year-penalty', ' '], ['--date-window', '']]) {
      const r = dedupe(['seeds/', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^dedupe: error: option '${args[0]}`));
    }
    expect(report(['seeds/', '--name-weight', '0', '--title-weight', '1.5']).stories).toHaveLength(1);
  });

  it('takes --duplicate-threshold 1, the top of its range: only copies with the same shingles', () => {
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, FIXTURES, 'copies'), dir, { recursive: true });
      cpSync(path.join(dir, 'wire-original.txt'), path.join(dir, 'wire-again.txt'));
      const copies = (args: string[]): string[] => report([dir, ...args]).stories.flatMap((s) => s.copies.map((c) => `${c.jaccard}`));
      expect(copies(['--duplicate-threshold', '1'])).toEqual(['1']);
      expect(copies([]).length).toBeGreaterThan(1); // the republished copy too, below 1
    });
  });

  it('refuses a --sweep value its option would refuse, as a usage error', () => {
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
      const tsv = path.join(dir, 'stories.tsv');
      writeFileSync(tsv, readdirSync(dir).map((f) => `${f}\ts1\n`).join(''));
      const r = dedupe(['eval', dir, '--stories', tsv, '--sweep', 'story-threshold=0:2:0.5']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('dedupe: --sweep story-threshold=0: story-threshold must be a number in (0, 1].\n');
      expect(dedupe(['eval', dir, '--stories', tsv, '--sweep', 'name-weight=1:2:1']).status).toBe(0);
      // Without --facts a fact-threshold sweep would print the same row for every value.
      const facts = dedupe(['eval', dir, '--stories', tsv, '--sweep', 'fact-threshold=0.15:0.25:0.1']);
      expect([facts.status, facts.stderr]).toEqual([2, 'dedupe: --sweep fact-threshold scores fact links, which need --facts <file>\n']);
      // The JSON echoes the fact threshold asked for, also when facts are not scored.
      const echoed = JSON.parse(dedupe(['eval', dir, '--stories', tsv, '--fact-threshold', '0.4', '--json']).stdout) as { options: { factThreshold: number } };
      expect(echoed.options.factThreshold).toBe(0.4);
    });
  });

  it('writes to stdout with -o -, as with no -o, and leaves no file named -', () => {
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
      const r = dedupe(['seeds', '--json', '-o', '-'], dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(dedupe(['seeds', '--json'], dir).stdout);
      expect(readdirSync(dir)).toEqual(['seeds']);
    });
  });

  it('eval refuses labels that name no article, and counts the ones that name none among others', () => {
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
      const tsv = path.join(dir, 'stories.tsv');
      writeFileSync(tsv, 'nowhere/a.txt\ts1\nnowhere/b.txt\ts1\n');
      const none = dedupe(['eval', dir, '--stories', tsv]);
      expect(none.status).toBe(2);
      expect(none.stdout).toBe('');
      expect(none.stderr).toMatch(/^dedupe: no usable article has a label: none of the 2 labelled paths is an article of /);
      const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt'));
      writeFileSync(tsv, [...seeds.map((f) => `${f}\ts1`), 'nowhere/a.txt\ts2'].join('\n'));
      const some = dedupe(['eval', dir, '--stories', tsv]);
      expect(some.status).toBe(0);
      expect(some.stdout).toContain('1 of the labelled paths is no article of the run');
    });
  });

  it('refuses --json with another --format rather than pick one', () => {
    const r = dedupe(['seeds/', '--json', '--format', 'markdown']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('dedupe: --json and --format markdown ask for two formats: give one\n');
    expect(dedupe(['seeds/', '--format', 'json', '--json']).stdout).toBe(dedupe(['seeds/', '--json']).stdout);
  });

  it('shows help with examples and exits 0', () => {
    const r = dedupe(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: dedupe');
    expect(r.stdout).toContain('Examples');
    expect(r.stdout).toMatch(/--max-size <size>[^]*\(default: 5MB\)/);
    expect(r.stdout).toMatch(/--spill-after <size>[^]*\(default: 16MB\)/);
    expect(r.stderr).toBe('');
  });

  it('takes --spill-after 0 (every text in the temporary file) but no negative size', () => {
    const spilled = dedupe(['seeds/', '--json', '--spill-after', '0']);
    expect(spilled.status).toBe(0);
    expect(spilled.stdout).toBe(dedupe(['seeds/', '--json']).stdout);
    const r = dedupe(['seeds/', '--spill-after', '-1MB']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--spill-after');
  });

  it('echoes every option that shapes the result in the JSON options, so a run can be reproduced', () => {
    const r = dedupe(['seeds/', '--json', '--name-weight', '0', '--title-weight', '3', '--year-penalty', '0.1', '--date-window', '1', '--max-size', '1MB']);
    expect(r.status).toBe(0);
    const { options } = JSON.parse(r.stdout) as { options: Record<string, unknown> };
    expect(options).toMatchObject({ nameWeight: 0, titleWeight: 3, yearPenalty: 0.1, dateWindow: 1, maxSize: 1024 ** 2 });
    // Which stories are shown and in what order: a filtered document says it is one.
    expect(options).toMatchObject({ minSources: 1, sort: 'sources' });
    expect(options).not.toHaveProperty('top');
    const chosen = JSON.parse(dedupe(['seeds/', '--json', '--min-sources', '2', '--sort', 'date', '--top', '5']).stdout) as { options: Record<string, unknown> };
    expect(chosen.options).toMatchObject({ minSources: 2, sort: 'date', top: 5 });
  });

  it('refuses a fraction of a byte (--max-size 1.5 was taken as 1 byte) but takes 1.5MB', () => {
    const r = dedupe(['seeds/', '--max-size', '1.5']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^dedupe: .*--max-size.*whole number.*1\.5MB/);
    expect(dedupe(['seeds/', '--max-size', '1.5MB', '--json']).status).toBe(0);
  });
});

describe('inputs with no article (review 26 #8)', () => {
  it('an empty feed with -o replaces the last report with a valid empty one, exit 0', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-empty-'));
    writeFileSync(path.join(dir, 'quiet.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>');
    writeFileSync(path.join(dir, 'report.json'), '{"stale": true}');
    const r = dedupe(['quiet.rss', '--json', '-o', 'report.json'], dir);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual(['dedupe: skipped quiet.rss: no items in the feed', 'dedupe: no article in the input (1 input skipped): the report is empty']);
    const doc = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect({ articles: doc.articles, stories: doc.stories, sources: doc.sources, skipped: doc.skipped }).toEqual({
      articles: [],
      stories: [],
      sources: [],
      skipped: [{ path: 'quiet.rss', reason: 'no items in the feed', level: 'skipped' }],
    });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, doc)).toEqual([]);
  });

  it('empty stdin and an empty JSON Lines file: exit 0, an empty report in each format', () => {
    const stdin = runCli(['-', '--json'], { input: '' });
    expect(stdin.status).toBe(0);
    expect((JSON.parse(stdin.stdout) as Report).skipped).toEqual([{ path: '<stdin>', reason: 'nothing on standard input', level: 'skipped' }]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-empty-'));
    writeFileSync(path.join(dir, 'hour.jsonl'), '');
    const ndjson = dedupe(['hour.jsonl', '--format', 'ndjson'], dir);
    expect([ndjson.status, ndjson.stdout]).toEqual([0, '']);
    const csv = dedupe(['hour.jsonl', '-f', 'csv'], dir);
    expect([csv.status, lines(csv.stdout).length]).toEqual([0, 1]); // the header row alone
    const view = dedupe(['hour.jsonl', '-q'], dir);
    expect([view.status, view.stderr]).toEqual([0, '']);
    expect(view.stdout).toContain('0 articles from 0 sources');
  });

  it('still exits 2 when no file is found at all', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-empty-'));
    const r = dedupe(['.'], dir);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^dedupe: no article files found \(folders are searched for \.txt/);
  });

  it('says a path does not exist, without the folder hint, when no path given exists', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-missing-'));
    const one = dedupe(['nope'], dir);
    expect([one.status, one.stdout]).toEqual([2, '']);
    expect(one.stderr).toBe('dedupe: skipped nope: no such file or folder\ndedupe: no article files found: the path does not exist\n');
    const two = dedupe(['nope', 'nope2', '-q'], dir);
    expect([two.status, two.stderr]).toEqual([2, 'dedupe: no article files found: none of the paths exists\n']);
    // With a folder among them, the hint says what folders are searched for.
    const mixed = dedupe(['.', 'nope'], dir);
    expect(mixed.stderr).toMatch(/no article files found \(folders are searched for/);
  });
});

describe('hostile text', () => {
  it('never lets a raw ESC reach the terminal', () => {
    const r = dedupe([`${FIXTURES}/escape`]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\x1b]8;;https://evil.example/');
  });

  it('keeps the escapes intact in JSON, where they are inert', () => {
    const run = dedupe([`${FIXTURES}/escape`, '--json']);
    expect(run.stdout).not.toContain(ESC);
    const r = JSON.parse(run.stdout) as Report;
    const texts = r.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions.map((m) => m.text)));
    expect(texts.some((t) => t.includes(`${ESC}]8;;https://evil.example/${ESC}\\`))).toBe(true);
    expect(r.articles.some((a) => a.title.includes(`${ESC}[2J`))).toBe(true);
  });
});

describe('stories and copies', () => {
  it('finds the two stories of a folder with the right members', () => {
    const r = report([`${FIXTURES}/two-stories`]);
    expect(r.stories).toHaveLength(2);
    expect(r.stories.map((s) => members(r, s)).sort()).toEqual([
      ['lobster-coastal-herald.md', 'lobster-daily-ledger.md'],
      ['mill-fire-harbor-post.md', 'mill-fire-nordic-wire.md'],
    ]);
    const mill = r.stories.find((s) => s.sources.includes('Harbor Post'));
    expect(mill?.sources).toEqual(['Harbor Post', 'Nordic Wire']);
  });

  it('makes one story of everything with --single-story', () => {
    const r = report([`${FIXTURES}/two-stories`, '--single-story']);
    expect(r.stories).toHaveLength(1);
    expect(r.stories[0]?.articles).toHaveLength(4);
    expect(r.options.singleStory).toBe(true);
  });

  it('lists a republished copy with a couple of words changed as a near-duplicate pair', () => {
    const r = report([`${FIXTURES}/copies`]);
    const id = (name: string): string | undefined => r.articles.find((a) => path.basename(a.path) === name)?.id;
    const copies = r.stories.flatMap((s) => s.copies);
    expect(copies).toHaveLength(1);
    expect([copies[0]?.a, copies[0]?.b].sort()).toEqual([id('wire-original.txt'), id('regional-republished.txt')].sort());
    expect(copies[0]?.jaccard).toBeGreaterThanOrEqual(0.5);
    expect(copies[0]?.jaccard).toBeLessThan(1);
    const story = r.stories.find((s) => s.copies.length > 0);
    expect(story?.articles).toEqual(expect.arrayContaining([id('wire-original.txt'), id('regional-republished.txt')]));
  });

  it('keeps one story however many outlets republish its articles (70 copies each of the two seeds: one story, not two)', () => {
    inTempFolder((dir) => {
      const [a, b] = [SEED_0, SEED_1].map((p) => readFileSync(path.join(ROOT, p), 'utf8'));
      for (let i = 1; i <= 70; i++) {
        writeFileSync(path.join(dir, `a${i}.md`), `---\nsource: Paper ${i}\n---\n${a}`);
        writeFileSync(path.join(dir, `b${i}.md`), `---\nsource: Daily ${i}\n---\n${b}`);
      }
      // Scanned one by one, each article's strongest edges (64) were all to its own copies, and the two texts of one
      // story were left with no edge between them.
      const r = report([dir, '--quiet']);
      expect(r.stories.map((s) => s.articles.length)).toEqual([140]);
      expect(r.stories[0]?.sources).toHaveLength(140);
      expect(r.stories[0]?.copyGroups?.map((g) => g.articles.length).sort()).toEqual([70, 70]);
    });
  });

  it('finds the facts two outlets share whatever the number of copies one of them has (copies count once in idf)', () => {
    // Each shared fact as its distinct wordings (copies repeat their original's).
    const shared = (r: Report): string[] =>
      (r.stories[0]?.shared ?? []).map((f) => [...new Set(r.stories[0]?.facts.find((x) => x.id === f)?.mentions.map((m) => m.text))].sort().join(' | ')).sort();
    const alone = report([SEED_0, SEED_1]);
    expect(shared(alone).length).toBeGreaterThan(3);
    inTempFolder((dir) => {
      cpSync(path.join(ROOT, SEED_0), path.join(dir, 'a.txt'));
      cpSync(path.join(ROOT, SEED_1), path.join(dir, 'b.txt'));
      for (let i = 1; i <= 4; i++) cpSync(path.join(ROOT, SEED_0), path.join(dir, `a-copy-${i}.txt`));
      const r = report([dir]);
      expect(r.stories).toHaveLength(1);
      expect(r.stories[0]?.sources).toHaveLength(2); // the copies are TRT World's, like their original
      expect(shared(r)).toEqual(shared(alone));
    });
  });
});

describe('conflicts', () => {
  it("counts a Reuters article that gives AP's toll on AP's side, though a Reuters update gives another", () => {
    const r = report([`${FIXTURES}/conflicts/toll-update`]);
    const story = r.stories[0];
    const name = (id: string): string => path.basename(r.articles.find((a) => a.id === id)?.path ?? id);
    expect(story?.conflicts.map((c) => c.detail)).toEqual(['number: 95 people (AP, Reuters) vs 158 people (Reuters)']);
    expect(story?.conflicts[0]?.values.map((v) => `${name(v.article)}: ${v.value} ${v.unit}`).sort()).toEqual(['ap-quake.txt: 95 people', 'reuters-quake-update.txt: 158 people', 'reuters-quake.txt: 95 people']);
  });

  it("shows a figure an article gives as another outlet's on that outlet's side, and counts the article on no side for it", () => {
    const r = report([`${FIXTURES}/conflicts/cited`]);
    expect(r.stories[0]?.conflicts.map((c) => c.detail)).toEqual(['number: 19 people (AP, BBC) vs 16 people (Reuters; Reuters cited by BBC and CNN)']);
    // CNN gives only Reuters' figure ("…, according to Reuters"): in no conflict of its own.
    expect(r.sources.map((s) => `${s.source}: ${s.conflicts}`)).toEqual(['AP: 1', 'BBC: 1', 'CNN: 0', 'Reuters: 1']);
    const md = dedupe([`${FIXTURES}/conflicts/cited`, '--format', 'markdown']).stdout;
    expect(md).toContain('killed **16** people in San Rafael, according to Reuters');
    // In the table of who reported what, CNN (C) reports the fact and conflicts with no one.
    const terminal = dedupe([`${FIXTURES}/conflicts/cited`, '--no-color']).stdout;
    expect(terminal).toMatch(/ 2 ! ! ● ! {2}The landslide killed 19 people/);
  });

  it('says in the detail what the numbers count, and still marks the numbers alone in the sentences', () => {
    const out = dedupe([`${FIXTURES}/conflicts/toll-update`, '--format', 'markdown']).stdout;
    expect(out).toContain('number: 95 people (AP, Reuters) vs 158 people (Reuters)');
    expect(out).toContain('Officials said **95** people were killed');
    expect(out).toContain('Officials said **158** people were killed');
  });

  it('sets tolls written three ways against each other, apart from the injured they share, and two magnitudes', () => {
    // "killed 39", "has left 42 dead", "the death toll … has risen to 41"; each sentence also gives "more than 1,600" injured.
    const r = report([`${FIXTURES}/conflicts/tolls`]);
    expect(r.stories).toHaveLength(1);
    expect(r.stories[0]?.conflicts.map((c) => c.detail)).toEqual([
      'number: 39 (BBC) vs 42 dead (Reuters) vs 41 (The Guardian)',
      'number: magnitude 6.7 (BBC) vs magnitude 6.8 (Reuters, The Guardian)',
    ]);
  });

  it('puts outlets that share a weekday on one side, naming it once', () => {
    const r = report([`${FIXTURES}/conflicts/signings`]);
    expect(r.stories[0]?.conflicts.map((c) => c.detail)).toEqual(['weekday: Wednesday (AFP, AP), Monday (AP) vs Tuesday (Reuters)']);
  });
});

describe('same input, same output', () => {
  let elsewhere = '';

  beforeAll(() => {
    // The two-stories folder under another prefix, files renamed so that their order flips.
    elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dedupe-renamed-'));
    const from = path.join(ROOT, FIXTURES, 'two-stories');
    readdirSync(from).forEach((name, i, all) => cpSync(path.join(from, name), path.join(elsewhere, 'deep', 'er', `${all.length - i}-${name.replace(/-/g, '_')}`)));
  });

  afterAll(() => {
    rmSync(elsewhere, { recursive: true, force: true });
  });

  /** The report without file paths, articles in id order. */
  function withoutPaths(r: Report): unknown {
    const articles = r.articles.map(({ path: _path, ...rest }) => rest).sort((x, y) => (x.id < y.id ? -1 : 1));
    return { ...r, articles };
  }

  it('gives the same stories, facts and conflicts when the folder is moved and its files renamed', () => {
    const original = report([`${FIXTURES}/two-stories`]);
    const renamed = report(['er'], path.join(elsewhere, 'deep'));
    expect(renamed.articles.map((a) => a.path)).not.toEqual(original.articles.map((a) => a.path));
    expect(withoutPaths(renamed)).toEqual(withoutPaths(original));
    expect(original.stories.flatMap((s) => s.conflicts).length).toBeGreaterThan(0);
  });
});

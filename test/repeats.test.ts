import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropRepeats, urlKey, type Polled } from '../src/clean/repeats.js';
import { compareArticleIds, naturalCompare } from '../src/util/natural-order.js';
import { validate, type Schema } from './json-schema.js';
import { ROOT, runCli } from './cli-run.js';

/** A record as the intake holds it; `lines` stands for its distinct line hashes. */
function record(path: string, o: { source?: string; id?: string; url?: string; date?: string; text?: string; title?: string; lines?: number[]; excerpt?: boolean }): Polled {
  return {
    path,
    title: o.title ?? 'Quake hits Nepal',
    meta: { ...(o.id ? { externalId: o.id } : {}), ...(o.url ? { url: o.url } : {}), ...(o.date ? { date: o.date } : {}), ...(o.excerpt ? { excerpt: true } : {}) },
    outlet: { source: o.source ?? 'BBC' },
    base: `a-${o.title ?? ''}-${o.text ?? 'same'}`,
    hashes: () => Uint32Array.from(o.lines ?? [1, 2, 3]),
    body: () => [],
  };
}

const keptPaths = (records: readonly Polled[]): string[] =>
  dropRepeats(records)
    .kept.map((i) => records[i]?.path ?? '')
    .sort();

describe('repeated polls of one record', () => {
  it('of the same text: one article, the earliest by date, then the first path in natural order', () => {
    const polls = ['d/T10/bbc.rss[0]', 'd/T9/bbc.rss[0]', 'd/T11/bbc.rss[0]'].map((p) => record(p, { id: 'g1', date: 'Tue, 24 Nov 2026 06:10:00 GMT' }));
    const { kept, diagnostics } = dropRepeats(polls);
    expect(kept.map((i) => polls[i]?.path)).toEqual(['d/T9/bbc.rss[0]']);
    expect(diagnostics).toEqual([
      {
        path: 'd/T10/bbc.rss[0]',
        reason: '2 repeats of one record (same outlet and guid, same text), not read as articles: this one to d/T11/bbc.rss[0]; kept: d/T9/bbc.rss[0]',
        level: 'skipped',
        records: 2,
      },
    ]);
    // An earlier date wins over the path.
    const dated = [record('d/T1/x', { id: 'g1', date: '2026-11-24T07:00:00Z' }), record('d/T2/x', { id: 'g1', date: '2026-11-24T06:00:00Z' })];
    expect(keptPaths(dated)).toEqual(['d/T2/x']);
  });

  it('with changed text: the latest version is kept and the earlier one named, whatever the input order', () => {
    const v1 = record('f.jsonl:1', { url: 'https://apnews.com/x', date: '2026-11-07T10:00:00Z', text: 'v1', lines: [1, 2, 3, 4] });
    const other = record('f.jsonl:2', { source: 'Ventura County Star', url: 'https://vcstar.com/x', date: '2026-11-07T11:00:00Z' });
    const v2 = record('f.jsonl:3', { url: 'https://apnews.com/x#top', date: '2026-11-07T16:00:00Z', text: 'v2', lines: [1, 2, 3, 5] });
    for (const order of [
      [v1, other, v2],
      [v2, other, v1],
    ]) {
      const { kept, diagnostics } = dropRepeats(order);
      expect(kept.map((i) => order[i]?.path).sort()).toEqual(['f.jsonl:2', 'f.jsonl:3']);
      expect(diagnostics.map((d) => d.reason)).toEqual(['1 earlier version of one record (same outlet and URL, text changed), not read as an article: this one; kept: the latest, f.jsonl:3']);
    }
  });

  it('needs the same outlet, and texts that still look alike', () => {
    expect(keptPaths([record('a', { id: 'g1' }), record('b', { id: 'g1', source: 'Reuters' })])).toEqual(['a', 'b']);
    // An export whose ids restart in each file: same id, another headline and no line in common.
    expect(keptPaths([record('a.csv:2', { id: '1' }), record('b.csv:2', { id: '1', title: 'Dam bursts in Libya', text: 'other', lines: [7, 8, 9] })])).toEqual(['a.csv:2', 'b.csv:2']);
    // Records with no guid or URL are never merged here (identical copies keep their "-2" ids).
    expect(keptPaths([record('a', {}), record('b', {})])).toEqual(['a', 'b']);
  });

  it('joins records that share a guid with those that share a URL', () => {
    const r = [record('p1', { id: 'g', url: 'https://bbc.co.uk/a' }), record('p2', { id: 'h', url: 'https://bbc.co.uk/a/' }), record('p3', { id: 'h' })];
    const { kept, diagnostics } = dropRepeats(r);
    expect(kept).toEqual([0]);
    expect(diagnostics[0]?.reason).toMatch(/same outlet and guid or URL/);
  });

  it('takes no key from a home page URL', () => {
    expect([urlKey('https://www.bbc.co.uk/'), urlKey('https://www.bbc.co.uk'), urlKey('https://WWW.bbc.co.uk/news/1/#x')]).toEqual([undefined, undefined, 'www.bbc.co.uk/news/1']);
    expect(keptPaths([record('a', { url: 'https://www.bbc.co.uk/' }), record('b', { url: 'https://www.bbc.co.uk/' })])).toEqual(['a', 'b']);
  });
});

describe('a teaser of one record and its full text', () => {
  const at = '2017-03-21T14:20:00+03:00';
  const full = (p: string, date = at, text = 'full'): Polled => record(p, { id: 'g1', date, text, lines: [1, 2, 3, 4, 5] });
  const teaser = (p: string, date = at, text = 'teaser'): Polled => record(p, { id: 'g1', date, text, lines: [1], excerpt: true });

  it('dated alike: the full text is kept whatever the folders are called, and the teaser is no earlier version', () => {
    for (const [f, t] of [
      ['a/full.atom[0]', 'b/teaser.atom[0]'],
      ['c/full.atom[0]', 'b/teaser.atom[0]'],
    ] as const) {
      for (const records of [
        [full(f), teaser(t)],
        [teaser(t), full(f)],
      ]) {
        const { kept, diagnostics, earlier } = dropRepeats(records);
        expect(kept.map((i) => records[i]?.path)).toEqual([f]);
        expect(earlier.size).toBe(0);
        expect(diagnostics.map((d) => d.reason)).toEqual([`1 teaser of one record (same outlet and guid, its full text read), not read as an article: this one; kept: the full text, ${f}`]);
      }
    }
  });

  it('a later teaser (of an updated article) does not replace the earlier full text either', () => {
    const records = [full('T08/x.rss[0]', '2026-11-23T08:00:00Z'), teaser('T12/x.rss[0]', '2026-11-23T12:00:00Z')];
    const { kept, earlier } = dropRepeats(records);
    expect(kept).toEqual([0]);
    expect(earlier.size).toBe(0);
  });

  it('an earlier teaser is an earlier version of the full text (it gives the first time)', () => {
    const records = [teaser('T07/x.rss[0]', '2026-11-23T07:00:00Z'), full('T08/x.rss[0]', '2026-11-23T08:00:00Z'), teaser('T09/x.rss[0]', '2026-11-23T09:00:00Z', 'teaser 2')];
    const { kept, earlier, diagnostics } = dropRepeats(records);
    expect(kept).toEqual([1]);
    expect(earlier.get(1)).toEqual([0]);
    expect(diagnostics.map((d) => d.reason)).toEqual([
      '2 repeats, earlier versions and teasers of one record (same outlet and guid; 1 earlier text, 1 teaser), not read as articles: this one to T09/x.rss[0]; kept: the latest full text, T08/x.rss[0]',
    ]);
  });

  it('of two full texts the latest is kept, the teasers between them aside', () => {
    const records = [full('a[0]', '2026-11-23T08:00:00Z', 'v1'), teaser('b[0]', '2026-11-23T09:00:00Z'), full('c[0]', '2026-11-23T10:00:00Z', 'v2'), teaser('d[0]', '2026-11-23T11:00:00Z', 't2')];
    const { kept, earlier } = dropRepeats(records);
    expect(kept).toEqual([2]);
    expect(earlier.get(2)).toEqual([0, 1]);
  });

  it('teasers alone: the latest is kept, as versions are', () => {
    const records = [teaser('a[0]', '2026-11-23T08:00:00Z', 't1'), teaser('b[0]', '2026-11-23T09:00:00Z', 't2')];
    const { kept, earlier } = dropRepeats(records);
    expect(kept).toEqual([1]);
    expect(earlier.get(1)).toEqual([0]);
  });
});

describe('end to end: a teaser feed beside the full text, under two folder layouts', () => {
  const FULL = 'test/fixtures/inputs/seed-feeds/trt-world.atom';
  const TEASER = 'test/fixtures/inputs/teaser/trt-world.atom';
  const PAGE = 'test/fixtures/inputs/seed-html/reuters.html';

  /** The report of the three files laid out as `layout` gives (folder of the full feed, of the teaser feed), with paths left out. */
  function reportOf(fullDir: string, teaserDir: string): { facts: unknown; trt: { path: string; excerpt?: boolean }; shared: number } {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-teaser-'));
    for (const [from, to] of [
      [FULL, `${fullDir}/full.atom`],
      [TEASER, `${teaserDir}/teaser.atom`],
      [PAGE, 'reuters.html'],
    ] as const) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      copyFileSync(path.join(ROOT, from), path.join(dir, to));
    }
    const r = runCli(['.', '--json', '-q'], { cwd: dir });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const trt = doc.articles.find((a: { source: string }) => a.source === 'TRT World');
    const story = doc.stories[0];
    const facts = story.facts.map((f: { mentions: { text: string }[] }) => f.mentions.map((m) => m.text));
    return { facts, trt, shared: story.shared.length };
  }

  it('keep the full text and give the same facts (QA 29: the teaser in b/ replaced the full text in a/, not in c/)', () => {
    const one = reportOf('a', 'b');
    const two = reportOf('c', 'b');
    expect(one.trt.path).toBe('a/full.atom[0]');
    expect(two.trt.path).toBe('c/full.atom[0]');
    expect(one.trt.excerpt).toBeUndefined();
    expect(one.shared).toBeGreaterThan(0);
    expect(two.facts).toEqual(one.facts);
    expect(two.shared).toBe(one.shared);
  });
});

describe('natural order', () => {
  it('compares runs of digits as numbers', () => {
    expect(['p-10', 'p-2', 'p-1', 'p-02', 'q'].sort(naturalCompare)).toEqual(['p-1', 'p-02', 'p-2', 'p-10', 'q']);
  });
  it('orders article ids by hash as text, then copy number', () => {
    expect(['a1b-10', 'a1b-2', 'a1b', 'a1a-3', 'a9c'].sort(compareArticleIds)).toEqual(['a1a-3', 'a1b', 'a1b-2', 'a1b-10', 'a9c']);
  });
});

describe('end to end: hourly dumps of two feeds', () => {
  const DUMP = 'test/fixtures/polls/dump';

  it('are two articles, with one skipped line a record, the same for every --jobs and input order', () => {
    const r = runCli([DUMP, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.articles.map((a: { path: string }) => a.path)).toEqual([`${DUMP}/2026-11-24T00/bbc.rss[0]`, `${DUMP}/2026-11-24T00/reu.rss[0]`]);
    expect(doc.skipped).toEqual([
      { path: `${DUMP}/2026-11-24T01/bbc.rss[0]`, reason: `2 repeats of one record (same outlet and guid, same text), not read as articles: this one to ${DUMP}/2026-11-24T02/bbc.rss[0]; kept: ${DUMP}/2026-11-24T00/bbc.rss[0]`, level: 'skipped', records: 2 },
      { path: `${DUMP}/2026-11-24T01/reu.rss[0]`, reason: `2 repeats of one record (same outlet and guid, same text), not read as articles: this one to ${DUMP}/2026-11-24T02/reu.rss[0]; kept: ${DUMP}/2026-11-24T00/reu.rss[0]`, level: 'skipped', records: 2 },
    ]);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, doc)).toEqual([]);
    const files = ['T02', 'T01', 'T00'].flatMap((t) => [`${DUMP}/2026-11-24${t}/reu.rss`, `${DUMP}/2026-11-24${t}/bbc.rss`]);
    expect(runCli(['-', '--json', '--jobs', '2'], { input: files.join('\n'), env: { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.0001' } }).stdout).toBe(r.stdout);
    expect(runCli([DUMP, '-q', '-f', 'csv']).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('an updated version (same URL, a figure changed) is one article: the latest', () => {
    const r = runCli(['test/fixtures/polls/updated.jsonl', '--json', '-q']);
    const doc = JSON.parse(r.stdout);
    expect(doc.articles.map((a: { path: string; source: string }) => `${a.source} ${a.path}`)).toEqual([
      'Ventura County Star test/fixtures/polls/updated.jsonl:2',
      'AP test/fixtures/polls/updated.jsonl:3',
      'Los Angeles Times test/fixtures/polls/updated.jsonl:4',
    ]);
    expect(doc.skipped.map((d: { path: string }) => d.path)).toEqual(['test/fixtures/polls/updated.jsonl:1']);
    // AP's correction (150 structures) is disputed by the others' 132, and AP is on one side only.
    // (The gusts, 61 mph against the Los Angeles Times' 80, are a dispute of their own: unit of measure alone.)
    expect(doc.stories[0].conflicts.map((c: { detail: string }) => c.detail)).toEqual([
      'number: 150 structures (AP) vs 132 structures (Los Angeles Times, Ventura County Star)',
      'number: 61 mph (AP, Ventura County Star) vs 80 mph (Los Angeles Times)',
    ]);
  });
});

describe('letters of many identical copies', () => {
  it('follow the files in natural order, and the "Only" heading cuts its list', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-copies-'));
    const bbc = {
      title: 'Nepal earthquake: Dozens dead in Jajarkot',
      source: 'BBC',
      text: 'At least 32 people have died after a 6.4 magnitude earthquake hit a remote district of western Nepal, officials say.\n\nThe quake struck Jajarkot district shortly before midnight on Monday, bringing down hundreds of homes.\n\nMany of the victims were asleep when their houses, built of mud and stone, collapsed.',
    };
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `bbc-${i}.json`), JSON.stringify(bbc));
    writeFileSync(
      path.join(dir, 'reu.json'),
      JSON.stringify({
        title: 'Strong quake kills at least 27 in western Nepal',
        source: 'Reuters',
        text: 'A magnitude 6.4 earthquake struck western Nepal late on Monday, killing at least 27 people and injuring more than 80, officials said on Tuesday.\n\nThe quake hit at 11:47 p.m. local time with its epicentre in Jajarkot district, the National Earthquake Monitoring Centre said.\n\nRescuers were still trying to reach remote villages.',
      }),
    );
    const out = runCli(['.', '-q', '--no-matrix'], { cwd: dir }).stdout;
    const letters = [...out.matchAll(/^ {4}([A-Z]) BBC (bbc-\d+)\.json/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(letters).toEqual(Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(65 + i)} bbc-${i}`));
    expect(out).toContain('Only A, B, C, D and 8 more (BBC) report (2; M leaves them out)');
  });
});

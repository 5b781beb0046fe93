/**
 * schema/report.schema.json describes the real `--json` document. The validator (test/json-schema.ts) covers
 * exactly the keywords the schemas use and throws on any other, so a schema cannot outgrow what is checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, styleProblems, validate, type Json, type Schema } from './json-schema.js';
import { LANGUAGES } from '../src/text/language.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'dedupe.js');

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;

function dedupeJson(args: readonly string[], cwd = ROOT): Json {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: build first (npx tsc -p tsconfig.json)');
  const out = execFileSync(process.execPath, [BIN, ...args, '--json', '--quiet'], { cwd, encoding: 'utf8' });
  return JSON.parse(out) as Json;
}

const clone = <T>(x: T): T => structuredClone(x);

describe('schema/report.schema.json', () => {
  it('is draft 2020-12 with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://dedupe.dev/schema/report-1.json');
  });

  it('closes every object, describes every property, and resolves every $ref', () => {
    expect(styleProblems(schema)).toEqual([]);
  });

  it('makes exactly url, date, published, byline, externalId, excerpt, language, corrections, droppedUnlisted and earlierVersions optional on an article', () => {
    const article = resolve(schema, '#/$defs/Article');
    const optional = Object.keys(article.properties as object).filter((k) => !(article.required as string[]).includes(k));
    expect(optional.sort()).toEqual(['byline', 'corrections', 'date', 'droppedUnlisted', 'earlierVersions', 'excerpt', 'externalId', 'language', 'published', 'url']);
  });

  it('lists as article languages every language detected but English (src/text/language.ts)', () => {
    const article = resolve(schema, '#/$defs/Article');
    const language = (article.properties as Record<string, Schema>).language as Schema;
    expect(language.enum).toEqual(LANGUAGES.filter((l) => l !== 'en'));
  });
});

describe('the --json document of seeds/', () => {
  let doc: Json;
  beforeAll(() => {
    doc = dedupeJson(['seeds/']);
  });

  it('validates against the schema', () => {
    expect(validate(schema, doc)).toEqual([]);
  });

  it('has the content the test relies on (articles, facts, a conflict, coverage)', () => {
    const d = doc as { articles: unknown[]; stories: { facts: unknown[]; conflicts: unknown[]; coverage: unknown[] }[] };
    expect(d.articles.length).toBeGreaterThan(0);
    expect(d.stories.some((s) => s.facts.length > 0 && s.conflicts.length > 0 && s.coverage.length > 0)).toBe(true);
  });

  it('validates with the options that chose its stories (--source, --not-source, --match)', () => {
    const chosen = dedupeJson(['seeds/', '--source', 'TRT World', '--not-source', 'Reuters', '--match', 'Damascus', '--top', '1']) as { options: Record<string, Json>; stories: unknown[] };
    expect(chosen.options).toMatchObject({ source: ['TRT World'], notSource: ['Reuters'], match: ['Damascus'], top: 1 });
    expect(chosen.stories).toHaveLength(1);
    expect(validate(schema, chosen)).toEqual([]);
  });

  it('still validates with the optional url and date on an article', () => {
    const d = clone(doc) as { articles: Record<string, Json>[] };
    Object.assign(d.articles[0] as object, { url: 'https://example.com/a', date: '2017-03-21' });
    expect(validate(schema, d)).toEqual([]);
  });

  it('rejects an extra property, at the top and deep inside', () => {
    const top = clone(doc) as Record<string, Json>;
    top.extra = true;
    expect(validate(schema, top)).toEqual(['/: unexpected property "extra"']);

    const deep = clone(doc) as { stories: { facts: { mentions: Record<string, Json>[] }[] }[] };
    (deep.stories[0]?.facts[0]?.mentions[0] as Record<string, Json>).paragraph = 0;
    expect(validate(schema, deep)).toEqual(['/stories/0/facts/0/mentions/0: unexpected property "paragraph"']);
  });

  it('rejects a missing required property, at the top and deep inside', () => {
    const top = clone(doc) as Record<string, Json>;
    delete top.warnings;
    expect(validate(schema, top)).toEqual(['/: missing required property "warnings"']);

    const deep = clone(doc) as { stories: { coverage: Record<string, Json>[] }[] };
    delete (deep.stories[0]?.coverage[0] as Record<string, Json>).omits;
    expect(validate(schema, deep)).toEqual(['/stories/0/coverage/0: missing required property "omits"']);
  });

  it('rejects a wrong version, enum value, type and minimum', () => {
    const d = clone(doc) as {
      version: Json;
      articles: { sourceOrigin: Json; sentences: Json }[];
      stories: { facts: { mentions: { sentence: Json }[] }[] }[];
    };
    d.version = 2;
    (d.articles[0] as { sourceOrigin: Json }).sourceOrigin = 'guess';
    (d.articles[0] as { sentences: Json }).sentences = '15';
    (d.stories[0]?.facts[0]?.mentions[0] as { sentence: Json }).sentence = -1;
    expect(validate(schema, d)).toEqual([
      '/version: must be 1',
      '/articles/0/sourceOrigin: "guess" is not one of ["metadata","url","credit","filename"]',
      '/articles/0/sentences: expected integer, got string',
      '/stories/0/facts/0/mentions/0/sentence: -1 is less than the minimum 0',
    ]);
  });
});

describe('the --json document with metadata, copies, warnings and skipped files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dedupe-schema-'));
    const body = [
      'Rebels stormed a government-held area of Damascus on Tuesday for the second time in three days.',
      'The army said it had pushed the fighters back by the evening after heavy clashes near the ring road.',
      'A spokesman for one rebel group said 143 fighters took part in the attack, which began at dawn.',
    ].join('\n\n');
    // Two identical copies ("-2"): at two addresses, since one outlet's records at one address are one article.
    const md = (source: string, page: string) =>
      `---\ntitle: Rebels storm Damascus district again\nsource: ${source}\nurl: https://example.com/${source}/${page}\ndate: 2017-03-21\n---\n\n${body}\n`;
    writeFileSync(join(dir, 'one.md'), md('Wire', 'a'));
    writeFileSync(join(dir, 'two.md'), md('Wire', 'b'));
    // A page of 150 stray one-word lines around one sentence: more dropped lines than are listed.
    const stray = Array.from({ length: 150 }, (_, i) => `Link${i}`).join('\n\n');
    writeFileSync(join(dir, 'links.txt'), `Harbour council news\n\nThe harbour council approved the new budget on Monday after a long debate.\n\n${stray}\n`);
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('A headline about Damascus\n\nRebels attacked the city on Monday and the army said it had pushed them back '), Buffer.from([0xff, 0xfe]), Buffer.from(' by the evening.\n')]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates against the schema', () => {
    const doc = dedupeJson([dir, join(dir, 'missing.txt')]) as {
      articles: { id: string; url?: string; date?: string; sourceOrigin: string; dropped: unknown[]; droppedUnlisted?: number }[];
      stories: { copies: unknown[]; copyGroups?: { articles: string[]; allPairs: boolean }[] }[];
      skipped: unknown[];
      warnings: unknown[];
    };
    expect(validate(schema, doc)).toEqual([]);
    // The document really exercises the optional and rarer parts of the schema.
    expect(doc.articles.some((a) => a.url !== undefined && a.date !== undefined && a.sourceOrigin === 'metadata')).toBe(true);
    expect(doc.articles.some((a) => /^a[0-9a-f]{8}-2$/.test(a.id))).toBe(true);
    expect(doc.articles.filter((a) => a.droppedUnlisted !== undefined).map((a) => [a.dropped.length, a.droppedUnlisted])).toEqual([[100, 50]]);
    expect(doc.stories.some((s) => s.copies.length > 0)).toBe(true);
    // The two copies of one text make a copy group, whose pairs are all listed.
    expect(doc.stories.flatMap((s) => s.copyGroups ?? []).map((g) => [g.articles.length, g.allPairs])).toEqual([[2, true]]);
    expect(doc.skipped.length).toBeGreaterThan(0);
    expect(doc.warnings.length).toBeGreaterThan(0);
  });
});

describe('the --json document of a lead that tells two facts (test/fixtures/compound-lead)', () => {
  it('validates, with the lead under one fact and in the alsoIn of the other, which every source then reports', () => {
    const d = dedupeJson(['test/fixtures/compound-lead']) as { stories: { shared: Json[]; facts: { id: string; alsoIn?: { text: string }[] }[] }[] };
    expect(validate(schema, d)).toEqual([]);
    const story = d.stories[0];
    const told = story?.facts.filter((f) => f.alsoIn);
    expect(told?.map((f) => f.alsoIn?.map((m) => m.text.slice(0, 40)))).toEqual([['A magnitude 6.8 earthquake struck Elazig']]);
    expect(story?.shared).toContain(told?.[0]?.id);
    const terminal = execFileSync(process.execPath, [BIN, 'test/fixtures/compound-lead', '--no-color'], { cwd: ROOT, encoding: 'utf8' });
    expect(terminal).toContain('also told within a sentence of another fact by B (in 1)');
  });
});

describe('the --json document of German and French articles', () => {
  it('validates, with the language of each article, and rejects English or an unknown code', () => {
    const d = dedupeJson(['test/fixtures/languages']) as { articles: { language?: Json }[] };
    expect(validate(schema, d)).toEqual([]);
    expect(new Set(d.articles.map((a) => a.language))).toEqual(new Set(['de', 'fr']));
    (d.articles[0] as { language: Json }).language = 'en';
    (d.articles[1] as { language: Json }).language = 'dk';
    expect(validate(schema, d)).toEqual([
      '/articles/0/language: "en" is not one of ["de","fr","es","it","pt","nl","sv","no"]',
      '/articles/1/language: "dk" is not one of ["de","fr","es","it","pt","nl","sv","no"]',
    ]);
  });
});

describe('the --json document and ndjson lines of articles dated in many forms (test/fixtures/dates)', () => {
  type Dated = { source: string; date?: string; published?: string };
  const expected: Record<string, { date?: string; published?: string }> = {
    Reuters: { date: 'Tue, 03 Nov 2026 14:05:00 GMT', published: '2026-11-03T14:05:00Z' },
    AP: { date: '2026-11-03T14:05:00+01:00', published: '2026-11-03T13:05:00Z' },
    'Al Jazeera': { date: 'Tue, 03 Nov 2026 09:05:00 EST', published: '2026-11-03T14:05:00Z' },
    BBC: { date: '2026-11-03 16:20', published: '2026-11-03T16:20:00' },
    AFP: { date: 'November 4, 2026', published: '2026-11-04' },
    Aamulehti: { date: '4 November 2026', published: '2026-11-04' },
    DW: { date: 'November 2026' },
    Yle: { date: 'yesterday' },
    'Helsinki Times': {},
  };
  const pick = (a: Dated) => [a.source, { ...(a.date !== undefined ? { date: a.date } : {}), ...(a.published !== undefined ? { published: a.published } : {}) }];

  it('gives each article its date as written and, when read as a day at least, as ISO 8601; validates', () => {
    const doc = dedupeJson(['test/fixtures/dates']) as { articles: Dated[]; stories: { firstReported?: Record<string, Json> }[] };
    expect(validate(schema, doc)).toEqual([]);
    expect(Object.fromEntries(doc.articles.map(pick))).toEqual(expected);
    expect(doc.stories).toHaveLength(1);
    expect(doc.stories[0]?.firstReported).toMatchObject({ date: '2026-11-03T14:05:00+01:00', published: '2026-11-03T13:05:00Z', source: 'AP' });
    // What the field is for: sorted as text (as jq's sort_by sorts it), the dated articles come in time order.
    const dated = doc.articles.flatMap((a) => (a.published ? [a.published] : []));
    expect([...dated].sort()).toEqual(['2026-11-03T13:05:00Z', '2026-11-03T14:05:00Z', '2026-11-03T14:05:00Z', '2026-11-03T16:20:00', '2026-11-04', '2026-11-04']);
  });

  it('rejects a published that is not one of the three ISO shapes, and takes a firstReported without one (reports before it)', () => {
    const doc = dedupeJson(['test/fixtures/dates']) as { articles: Record<string, Json>[]; stories: { firstReported: Record<string, Json> }[] };
    (doc.articles[0] as Record<string, Json>).published = 'Tue, 03 Nov 2026 14:05:00 GMT';
    (doc.articles[1] as Record<string, Json>).published = '2026-11-03T13:05:00+01:00';
    delete (doc.stories[0]?.firstReported as Record<string, Json>).published;
    const pattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?)?$';
    expect(validate(schema, doc)).toEqual([
      `/articles/0/published: "Tue, 03 Nov 2026 14:05:00 GMT" does not match ${pattern}`,
      `/articles/1/published: "2026-11-03T13:05:00+01:00" does not match ${pattern}`,
    ]);
  });

  it('carries published in the ndjson line, on the articles and on firstReported', () => {
    const out = execFileSync(process.execPath, [BIN, 'test/fixtures/dates', '--format', 'ndjson', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { story: { firstReported?: Record<string, Json> }; articles: Dated[] });
    expect(lines).toHaveLength(1);
    expect(validate(schema, lines[0] as unknown as Json, resolve(schema, '#/$defs/StoryLine'))).toEqual([]);
    expect(Object.fromEntries((lines[0]?.articles ?? []).map(pick))).toEqual(expected);
    expect(lines[0]?.story.firstReported?.published).toBe('2026-11-03T13:05:00Z');
  });
});

describe('the --json document of a number conflict', () => {
  it('validates against the schema, with what each value counts', () => {
    const doc = dedupeJson(['test/fixtures/conflicts/toll-update']) as { stories: { conflicts: { values: { unit?: string }[] }[] }[] };
    expect(validate(schema, doc)).toEqual([]);
    expect(doc.stories[0]?.conflicts[0]?.values.map((v) => v.unit)).toEqual(['people', 'people', 'people']);
  });

  it('validates with a value an article gives as another outlet\'s (test/fixtures/conflicts/cited): `cites`, after the own values', () => {
    const doc = dedupeJson(['test/fixtures/conflicts/cited']) as { stories: { conflicts: { detail: string; values: Record<string, Json>[] }[] }[] };
    expect(validate(schema, doc)).toEqual([]);
    const conflict = doc.stories[0]?.conflicts[0];
    expect(conflict?.detail).toBe('number: 19 people (AP, BBC) vs 16 people (Reuters; Reuters cited by BBC and CNN)');
    expect(conflict?.values.map((v) => [v.value, v.cites ?? null])).toEqual([['19', null], ['16', null], ['19', null], ['16', 'Reuters'], ['16', 'Reuters']]);
    const wrong = structuredClone(doc) as unknown as Json;
    const values = (wrong as { stories: { conflicts: { values: Record<string, Json>[] }[] }[] }).stories[0]?.conflicts[0]?.values;
    if (values?.[3]) values[3].cites = 7;
    expect(validate(schema, wrong).length).toBeGreaterThan(0);
  });

  it('validates with a latest value (test/fixtures/latest-figure), and rejects one without its source or with a day for a time', () => {
    const doc = dedupeJson(['test/fixtures/latest-figure']) as { stories: { conflicts: { latest?: Record<string, Json> }[] }[] };
    expect(doc.stories[0]?.conflicts[0]?.latest?.source).toBe('Reuters');
    expect(validate(schema, doc)).toEqual([]);
    const noSource = clone(doc);
    delete noSource.stories[0]?.conflicts[0]?.latest?.source;
    expect(validate(schema, noSource)).not.toEqual([]);
    const day = clone(doc);
    const latest = day.stories[0]?.conflicts[0]?.latest;
    if (latest) latest.published = '2026-11-23';
    expect(validate(schema, day)).not.toEqual([]);
  });
});

describe('the --format ndjson lines of seeds/ and the fixtures', () => {
  it('each validate against #/$defs/StoryLine, and a line with a story of the document\'s shape only', () => {
    const out = execFileSync(process.execPath, [BIN, 'seeds/', 'test/fixtures/copies', '--format', 'ndjson', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(lines.length).toBeGreaterThan(1);
    const line = resolve(schema, '#/$defs/StoryLine');
    for (const l of lines) expect(validate(schema, l, line)).toEqual([]);
    const extra = clone(lines[0]) as { story: Record<string, Json> };
    extra.story.paragraphs = [];
    expect(validate(schema, extra, line)).toEqual(['/story: unexpected property "paragraphs"']);
    const bare = clone(lines[0]) as Record<string, Json>;
    delete bare.articles;
    expect(validate(schema, bare, line)).toEqual(['/: missing required property "articles"']);
  });
});

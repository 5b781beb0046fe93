/**
 * schema/explain.schema.json and schema/eval.schema.json describe what the built CLI prints with
 * `dedupe explain A B --json` and `dedupe eval … --json` (with and without `--facts`, with `--sweep`): the real
 * output validates, starts with `version` as the report does, and a copy with a field removed or an unknown one
 * added does not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalResult } from '../src/eval/evaluate.js';
import type { Explanation } from '../src/explain/explain.js';
import { checksOf, isObject, resolve, schemaNodes, styleProblems, validate, type Json, type Schema } from './json-schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'dedupe.js');
const SEED_0 = 'seeds/000_599fd1684341c80a.txt';
const SEED_1 = 'seeds/001_9d1f47d9723a6f2b.txt';
const TWO = 'test/fixtures/two-stories';
const LABELS = 'test/fixtures/labels/two-stories.tsv';
const FACTS = 'test/fixtures/labels/two-stories.facts.jsonl';

const load = (name: string): Schema => JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as Schema;
const REPORT = load('report');
const EXPLAIN = load('explain');
const EVAL = load('eval');

function cliJson(args: readonly string[]): Json {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: build first (npx tsc -p tsconfig.json)');
  return JSON.parse(execFileSync(process.execPath, [BIN, ...args, '--json', '--quiet'], { cwd: ROOT, encoding: 'utf8' })) as Json;
}

const clone = <T>(x: T): T => structuredClone(x);

/** Every property name anywhere in `value`. */
function keysIn(value: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) keysIn(v, out.add(k));
  return out;
}

/** Every property name the schema declares. */
function declared(schema: Schema): string[] {
  return [...new Set(schemaNodes(schema).flatMap(({ node }) => (isObject(node.properties) ? Object.keys(node.properties) : [])))].sort();
}

/** Declared property names that none of `outputs` holds: a schema that describes fields the CLI never prints. */
const unseen = (schema: Schema, outputs: readonly Json[]): string[] => {
  const seen = new Set(outputs.flatMap((o) => [...keysIn(o)]));
  return declared(schema).filter((k) => !seen.has(k));
};

describe('schema/explain.schema.json and schema/eval.schema.json', () => {
  it('are draft 2020-12 with an $id, every object closed, every property described, every $ref resolved', () => {
    for (const [schema, id] of [[EXPLAIN, 'explain-1'], [EVAL, 'eval-1']] as const) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`https://dedupe.dev/schema/${id}.json`);
      expect(styleProblems(schema)).toEqual([]);
    }
  });

  it('(the helpers catch an open object, a property without description, a bad $ref, and a oneOf matched twice)', () => {
    const bad: Schema = {
      oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/A' }],
      $defs: { A: { type: 'object', properties: { x: { type: 'string' }, y: { $ref: '#/$defs/B', description: 'y' } }, required: ['x', 'z'] } },
    };
    expect(styleProblems(bad)).toEqual([
      '#/$defs/A: not closed',
      '#/$defs/A/properties/x: no description',
      '#/$defs/A: required "z" is not a property',
      '#/$defs/A/properties/y: unresolved $ref "#/$defs/B"',
    ]);
    expect(validate(bad, { x: 'a', z: 1 })).toEqual(['/: matches 2 schemas of oneOf, not one']);
  });

  it('check the pair\'s facts exactly as the report schema checks a story\'s (descriptions aside)', () => {
    for (const def of ['Fact', 'Mention', 'Conflict', 'ConflictValue', 'Coverage', 'OmittedFact']) {
      expect(checksOf(resolve(EXPLAIN, `#/$defs/${def}`)), def).toEqual(checksOf(resolve(REPORT, `#/$defs/${def}`)));
    }
  });

  it('declare `version` as the report schema does, first; eval\'s document is a Result with `version` before it', () => {
    const version = checksOf((REPORT.properties as Schema).version as Json);
    expect(checksOf((EXPLAIN.properties as Schema).version as Json)).toEqual(version);
    expect(Object.keys(EXPLAIN.properties as Schema)[0]).toBe('version');
    expect((EXPLAIN.required as string[])[0]).toBe('version');
    for (const def of ['ResultDocument', 'Sweep']) {
      const node = resolve(EVAL, `#/$defs/${def}`);
      expect(checksOf((node.properties as Schema).version as Json), def).toEqual(version);
      expect(Object.keys(node.properties as Schema)[0], def).toBe('version');
      expect((node.required as string[])[0], def).toBe('version');
    }
    // The document without --sweep checks what a Result checks, plus its version.
    const doc = checksOf(resolve(EVAL, '#/$defs/ResultDocument')) as { properties: Record<string, Json>; required: string[] };
    const rest = Object.fromEntries(Object.entries(doc.properties).filter(([k]) => k !== 'version'));
    expect({ ...doc, properties: rest, required: doc.required.filter((k) => k !== 'version') }).toEqual(checksOf(resolve(EVAL, '#/$defs/Result')));
  });

  it('check eval\'s options as the report schema checks the same options', () => {
    const mine = resolve(EVAL, '#/$defs/Options').properties as Schema;
    const report = resolve(REPORT, '#/$defs/Options').properties as Schema;
    for (const [name, sub] of Object.entries(mine)) expect(checksOf(sub), name).toEqual(checksOf(report[name] as Json));
  });
});

describe('dedupe explain A B --json', () => {
  const pairs = {
    seeds: [SEED_0, SEED_1],
    'dated mill fire': [`${TWO}/mill-fire-harbor-post.md`, `${TWO}/mill-fire-nordic-wire.md`],
    'copies in context': ['test/fixtures/copies/wire-original.txt', 'test/fixtures/copies/regional-republished.txt', '--context', TWO],
    'two stories': [`${TWO}/lobster-coastal-herald.md`, `${TWO}/mill-fire-harbor-post.md`],
    // A number conflict: its values say what they count ("95 people" vs "158 people").
    'toll update': ['test/fixtures/conflicts/toll-update/ap-quake.txt', 'test/fixtures/conflicts/toll-update/reuters-quake-update.txt'],
    // A feed's teaser against the whole article: also scored against its lead (leadSimilarity).
    teaser: ['test/fixtures/inputs/seed-feeds/reuters.rss', 'test/fixtures/inputs/teaser/trt-world.atom'],
    // A lead that tells two facts: the second fact's alsoIn.
    'compound lead': ['test/fixtures/compound-lead/alpha.txt', 'test/fixtures/compound-lead/beta.md'],
    // Two disputes in one conflict, with qualifiers ("at least 27"): `bound` and `dispute` of the values.
    bounds: ['test/fixtures/conflicts/bounds/reuters.txt', 'test/fixtures/conflicts/bounds/bbc.txt'],
    // Two groundings three days apart: the later names only its own day (laterEvent).
    'successive events': ['test/fixtures/successive-events/ferries.jsonl:1', 'test/fixtures/successive-events/ferries.jsonl:3'],
    // A copy of the other's earlier version, read in the run (the folder as context): versionCopy.
    'copy of an earlier version': ['test/fixtures/version-copies/yahoo_news.md', 'test/fixtures/version-copies/reuters_update2.md', '--context', 'test/fixtures/version-copies'],
    // Two landslides from one wire template in two countries, with the country penalty on: countries and countryFactor.
    'different countries': ['test/fixtures/landslides/ecuador-ap.md', 'test/fixtures/landslides/peru-ap.md', '--country-penalty', '0.3'],
    // A figure one article gives as the other's ("while Reuters reported …"): a conflict value with `cites`.
    'cited figure': ['test/fixtures/conflicts/cited/bbc-landslide.txt', 'test/fixtures/conflicts/cited/reuters-landslide.txt'],
    // A toll that rose through the day, both dated to the minute: the conflict's latest value.
    'latest figure': ['test/fixtures/latest-figure/feed.jsonl:1', 'test/fixtures/latest-figure/feed.jsonl:3'],
    // A JSON-LD live blog and a wire story: its mentions' entry times, and the tolls newer entries give anew (updated).
    'live blog': ['test/fixtures/liveblog/coast-live.html', 'test/fixtures/liveblog/wire.txt'],
    // Two leads worded differently, each a fact of its own, with two tolls: the conflict of lead tolls (leads).
    'lead tolls': ['test/fixtures/version-copies/ap.md', 'test/fixtures/version-copies/reuters_update2.md'],
  };
  const out = new Map<string, Json>();
  beforeAll(() => {
    for (const [name, args] of Object.entries(pairs)) out.set(name, cliJson(['explain', ...args]));
  });
  const all = (): Explanation[] => [...out.values()] as unknown as Explanation[];

  it('validates against the schema for every pair, `version` 1 first', () => {
    for (const [name, e] of out) {
      expect(validate(EXPLAIN, e), name).toEqual([]);
      expect(Object.entries(e as Record<string, Json>)[0], name).toEqual(['version', 1]);
    }
  });

  it('the pairs print every field the schema declares, both verdicts, and a conflict', () => {
    expect(unseen(EXPLAIN, [...out.values()])).toEqual([]);
    const e = all();
    expect(e.some((x) => x.daysApart !== undefined) && e.some((x) => x.daysApart === undefined)).toBe(true);
    expect(e.some((x) => x.b.year === undefined)).toBe(true);
    expect(e.map((x) => x.sameStory)).toContain(false);
    expect(e.map((x) => x.nearDuplicate)).toContain(true);
    expect(e.some((x) => x.context > 0)).toBe(true);
    expect(e.some((x) => x.facts.conflicts.length > 0)).toBe(true);
  });

  it('holds what the descriptions promise', () => {
    for (const x of all()) {
      expect(x.similarity).toBeCloseTo(Math.max(x.cosine * x.timeFactor * (x.countryFactor ?? 1), x.leadSimilarity ?? 0), 12);
      expect(x.leadSimilarity !== undefined).toBe((x.a.excerpt === true) !== (x.b.excerpt === true));
      expect(x.sameStory).toBe(x.a.story === x.b.story);
      expect(x.nearDuplicate).toBe(x.versionCopy !== undefined || (x.jaccardExact >= x.duplicateThreshold && x.jaccardEstimate >= x.duplicateThreshold - 0.15));
      if (x.versionCopy) expect(x.versionCopy.jaccard).toBeGreaterThanOrEqual(x.duplicateThreshold);
      const sentences = new Map([[x.a.id, x.a.sentences], [x.b.id, x.b.sentences]]);
      for (const f of x.facts.facts) {
        expect(f.id).toMatch(/^x-f\d+$/);
        for (const m of f.mentions) expect(m.sentence).toBeLessThan(sentences.get(m.article) ?? -1);
      }
      const order = (p: { kind: string; value: string }, q: { kind: string; value: string }): number =>
        p.kind !== q.kind ? (p.kind < q.kind ? -1 : 1) : p.value < q.value ? -1 : p.value > q.value ? 1 : 0;
      expect(x.values).toEqual([...x.values].sort(order));
    }
  });

  it('rejects a missing field and an unknown field, at the top and deep inside', () => {
    const seeds = out.get('seeds') as Record<string, Json>;
    const top = clone(seeds);
    delete top.jaccardExact;
    top.verdict = 'yes';
    expect(validate(EXPLAIN, top)).toEqual(['/: missing required property "jaccardExact"', '/: unexpected property "verdict"']);
    const versions = clone(seeds);
    versions.version = 2;
    expect(validate(EXPLAIN, versions)).not.toEqual([]);
    delete versions.version;
    expect(validate(EXPLAIN, versions)).toEqual(['/: missing required property "version"']);

    const deep = clone(seeds) as { a: Record<string, Json>; terms: Record<string, Json>[]; facts: { conflicts: Record<string, Json>[] } };
    delete deep.a.story;
    (deep.terms[0] as Record<string, Json>).weight = 1;
    delete (deep.facts.conflicts[0] as Record<string, Json>).values;
    expect(validate(EXPLAIN, deep)).toEqual([
      '/a: missing required property "story"',
      '/terms/0: unexpected property "weight"',
      '/facts/conflicts/0: missing required property "values"',
    ]);
  });
});

interface Sweep {
  readonly sweep: string;
  readonly results: readonly { readonly value: number; readonly result: EvalResult }[];
}
const sweepOf = (j: Json): Sweep => j as unknown as Sweep;
const resultOf = (j: Json): EvalResult => j as unknown as EvalResult;

describe('dedupe eval --json on the labelled two-stories fixture', () => {
  const label = ['eval', TWO, '--stories', LABELS];
  let plain: Json;
  let withFacts: Json;
  let storySweep: Json;
  let factSweep: Json;
  beforeAll(() => {
    plain = cliJson(label);
    withFacts = cliJson([...label, '--facts', FACTS]);
    // With a country penalty, which the options then show (absent at 1, the default).
    storySweep = cliJson([...label, '--country-penalty', '0.5', '--sweep', 'story-threshold=0.2:0.3:0.1']);
    factSweep = cliJson([...label, '--facts', FACTS, '--sweep', 'fact-threshold=0.2:0.5:0.15']);
  });

  it('validates against the schema, each output against its own branch of oneOf only', () => {
    const result = resolve(EVAL, '#/$defs/ResultDocument');
    const sweep = resolve(EVAL, '#/$defs/Sweep');
    for (const doc of [plain, withFacts, storySweep, factSweep]) expect(Object.entries(doc as Record<string, Json>)[0]).toEqual(['version', 1]);
    // A sweep's runs are Results, without a version of their own.
    for (const run of sweepOf(storySweep).results) {
      expect(Object.keys(run.result)).not.toContain('version');
      expect(validate(EVAL, run.result, resolve(EVAL, '#/$defs/Result'))).toEqual([]);
    }
    for (const r of [plain, withFacts]) {
      expect(validate(EVAL, r)).toEqual([]);
      expect(validate(EVAL, r, result)).toEqual([]);
      expect(validate(EVAL, r, sweep)).not.toEqual([]);
    }
    for (const s of [storySweep, factSweep]) {
      expect(validate(EVAL, s)).toEqual([]);
      expect(validate(EVAL, s, sweep)).toEqual([]);
      expect(validate(EVAL, s, result)).not.toEqual([]);
    }
  });

  it('prints every field the schema declares; facts only with --facts', () => {
    expect(unseen(EVAL, [plain, withFacts, storySweep, factSweep])).toEqual([]);
    expect(resultOf(plain).facts).toBeUndefined();
    const sweptStories = sweepOf(storySweep).results;
    expect(sweptStories.every((r) => r.result.facts === undefined)).toBe(true);
    const sweptFacts = sweepOf(factSweep).results;
    expect(sweptFacts.every((r) => r.result.facts !== undefined)).toBe(true);
  });

  it('holds what the descriptions promise: the swept value in the options, every labelled sentence found', () => {
    const swept = sweepOf(storySweep).results;
    expect(swept.map((r) => r.value)).toEqual([0.2, 0.3]);
    for (const r of swept) expect(r.result.options.storyThreshold).toBe(r.value);
    for (const r of sweepOf(factSweep).results) expect(r.result.options.factThreshold).toBe(r.value);
    const lines = readFileSync(join(ROOT, FACTS), 'utf8').trim().split('\n');
    const mentions = lines.flatMap((l) => (JSON.parse(l) as { mentions: { path: string; sentence: number }[] }).mentions.map((m) => `${m.path}#${m.sentence}`));
    const facts = resultOf(withFacts).facts;
    expect(facts?.annotatedSentences).toBe(new Set(mentions).size);
    expect(facts?.unmatchedSentences).toBe(0);
  });

  it('rejects a missing field and an unknown field, in a result and in a sweep', () => {
    const missing = clone(withFacts) as { stories: Record<string, Json> };
    delete missing.stories.bcubed;
    expect(validate(EVAL, missing)).toEqual(['/: matches no schema of oneOf', '/stories: missing required property "bcubed"']);

    const extra = clone(factSweep) as { results: { result: { facts: Record<string, Json> } }[] };
    (extra.results[0] as { result: { facts: Record<string, Json> } }).result.facts.recallAt10 = 0.5;
    expect(validate(EVAL, extra)).toEqual(['/: matches no schema of oneOf', '/results/0/result/facts: unexpected property "recallAt10"']);

    const unknownTop = clone(plain) as Record<string, Json>;
    unknownTop.sweep = 'story-threshold';
    expect(validate(EVAL, unknownTop)).toEqual(['/: matches no schema of oneOf', '/: unexpected property "sweep"']);

    const noVersion = clone(storySweep) as Record<string, Json>;
    delete noVersion.version;
    expect(validate(EVAL, noVersion)).toEqual(['/: matches no schema of oneOf', '/: missing required property "version"']);
  });
});

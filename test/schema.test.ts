/**
 * schema/report.schema.json describes the real `--json` document. A small validator below covers exactly the
 * keywords the schema uses (and throws on any other, so the schema cannot outgrow what is checked here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'dedupe.js');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

/** Keywords that only annotate: no effect on validation. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);
const ASSERTIONS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', '$ref', 'minimum', 'maxItems']);

function isObject(x: unknown): x is { [key: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function typeOk(type: string, x: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(x);
    case 'array':
      return Array.isArray(x);
    case 'string':
      return typeof x === 'string';
    case 'number':
      return typeof x === 'number' && Number.isFinite(x);
    case 'integer':
      return typeof x === 'number' && Number.isInteger(x);
    case 'boolean':
      return typeof x === 'boolean';
    case 'null':
      return x === null;
    default:
      throw new Error(`unsupported type "${type}"`);
  }
}

function equal(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => equal(v, y[i]));
  if (isObject(x) && isObject(y)) {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && equal(x[k], y[k]));
  }
  return false;
}

/** Resolve a local reference such as `#/$defs/Story`. */
function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref "${ref}"`);
  let at: Json = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(at) || !Object.hasOwn(at, key)) throw new Error(`unresolved $ref "${ref}"`);
    at = at[key] as Json;
  }
  if (!isObject(at)) throw new Error(`$ref "${ref}" is not a schema`);
  return at;
}

/** Every place where `value` breaks `schema`, as `<JSON pointer>: <problem>`; empty when it is valid. */
function validate(root: Schema, value: unknown, schema: Schema = root, at = ''): string[] {
  const errors: string[] = [];
  const where = at || '/';
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`unsupported keyword "${key}" at schema for ${where}`);
  }
  if (typeof schema.$ref === 'string') errors.push(...validate(root, value, resolve(root, schema.$ref), at));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(String(t), value))) {
      errors.push(`${where}: expected ${types.join(' or ')}, got ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`);
      return errors;
    }
  }
  if (Object.hasOwn(schema, 'const') && !equal(value, schema.const)) errors.push(`${where}: must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(value, e))) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) {
    errors.push(`${where}: ${value} is less than the minimum ${schema.minimum}`);
  }
  if (typeof schema.maxItems === 'number' && Array.isArray(value) && value.length > schema.maxItems) {
    errors.push(`${where}: ${value.length} items, more than the maximum ${schema.maxItems}`);
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) if (!Object.hasOwn(value, String(name))) errors.push(`${where}: missing required property "${name}"`);
    }
    for (const [name, v] of Object.entries(value)) {
      const sub = properties[name];
      if (isObject(sub)) errors.push(...validate(root, v, sub, `${at}/${name}`));
      else if (schema.additionalProperties === false) errors.push(`${where}: unexpected property "${name}"`);
      else if (isObject(schema.additionalProperties)) errors.push(...validate(root, v, schema.additionalProperties, `${at}/${name}`));
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    const items = schema.items;
    value.forEach((v, i) => errors.push(...validate(root, v, items, `${at}/${i}`)));
  }
  return errors;
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;

function dedupeJson(args: readonly string[], cwd = ROOT): Json {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: build first (npx tsc -p tsconfig.json)');
  const out = execFileSync(process.execPath, [BIN, ...args, '--json', '--quiet'], { cwd, encoding: 'utf8' });
  return JSON.parse(out) as Json;
}

const clone = <T>(x: T): T => structuredClone(x);

/** Every schema object in the file, with its JSON pointer. */
function schemaNodes(node: Json, at = '#'): { at: string; node: Schema }[] {
  if (!isObject(node)) return [];
  const found = [{ at, node }];
  if (isObject(node.properties)) for (const [k, v] of Object.entries(node.properties)) found.push(...schemaNodes(v, `${at}/properties/${k}`));
  if (isObject(node.$defs)) for (const [k, v] of Object.entries(node.$defs)) found.push(...schemaNodes(v, `${at}/$defs/${k}`));
  if (isObject(node.items)) found.push(...schemaNodes(node.items, `${at}/items`));
  return found;
}

describe('schema/report.schema.json', () => {
  it('is draft 2020-12 with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://dedupe.dev/schema/report-1.json');
  });

  it('closes every object, describes every property, and resolves every $ref', () => {
    for (const { at, node } of schemaNodes(schema)) {
      if (node.type === 'object') expect(node.additionalProperties, `${at} additionalProperties`).toBe(false);
      if (isObject(node.properties)) {
        for (const [name, sub] of Object.entries(node.properties)) {
          expect(isObject(sub) && typeof sub.description === 'string' && sub.description.length > 0, `${at}/properties/${name} has a description`).toBe(true);
        }
        for (const name of Array.isArray(node.required) ? node.required : []) expect(Object.keys(node.properties), `${at} required`).toContain(name);
      }
      if (typeof node.$ref === 'string') expect(() => resolve(schema, node.$ref as string)).not.toThrow();
    }
  });

  it('makes exactly url, date, byline and droppedUnlisted optional on an article', () => {
    const article = resolve(schema, '#/$defs/Article');
    const optional = Object.keys(article.properties as object).filter((k) => !(article.required as string[]).includes(k));
    expect(optional.sort()).toEqual(['byline', 'date', 'droppedUnlisted', 'url']);
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
    const md = (source: string) =>
      `---\ntitle: Rebels storm Damascus district again\nsource: ${source}\nurl: https://example.com/${source}\ndate: 2017-03-21\n---\n\n${body}\n`;
    writeFileSync(join(dir, 'one.md'), md('Wire'));
    writeFileSync(join(dir, 'two.md'), md('Wire'));
    // A page of 150 stray one-word lines around one sentence: more dropped lines than are listed.
    const stray = Array.from({ length: 150 }, (_, i) => `Link${i}`).join('\n\n');
    writeFileSync(join(dir, 'links.txt'), `Harbour council news\n\nThe harbour council approved the new budget on Monday after a long debate.\n\n${stray}\n`);
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('A headline about Damascus\n\nRebels attacked the city on Monday and the army said it had pushed them back '), Buffer.from([0xff, 0xfe]), Buffer.from(' by the evening.\n')]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates against the schema', () => {
    const doc = dedupeJson([dir, join(dir, 'missing.txt')]) as {
      articles: { id: string; url?: string; date?: string; sourceOrigin: string; dropped: unknown[]; droppedUnlisted?: number }[];
      stories: { copies: unknown[] }[];
      skipped: unknown[];
      warnings: unknown[];
    };
    expect(validate(schema, doc)).toEqual([]);
    // The document really exercises the optional and rarer parts of the schema.
    expect(doc.articles.some((a) => a.url !== undefined && a.date !== undefined && a.sourceOrigin === 'metadata')).toBe(true);
    expect(doc.articles.some((a) => /^a[0-9a-f]{8}-2$/.test(a.id))).toBe(true);
    expect(doc.articles.filter((a) => a.droppedUnlisted !== undefined).map((a) => [a.dropped.length, a.droppedUnlisted])).toEqual([[100, 50]]);
    expect(doc.stories.some((s) => s.copies.length > 0)).toBe(true);
    expect(doc.skipped.length).toBeGreaterThan(0);
    expect(doc.warnings.length).toBeGreaterThan(0);
  });
});

describe('the --json document of a number conflict', () => {
  it('validates against the schema, with what each value counts', () => {
    const doc = dedupeJson(['test/fixtures/conflicts/toll-update']) as { stories: { conflicts: { values: { unit?: string }[] }[] }[] };
    expect(validate(schema, doc)).toEqual([]);
    expect(doc.stories[0]?.conflicts[0]?.values.map((v) => v.unit)).toEqual(['people', 'people', 'people']);
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

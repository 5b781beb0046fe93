/**
 * Live blogs end to end, on the built CLI: test/fixtures/corrections (the Andes Herald's page of time-headed
 * entries beside AP and Reuters) and test/fixtures/liveblog (Coast Daily's JSON-LD LiveBlogPosting beside a wire
 * story). The blog's entries keep their times in the JSON and the views; its stale tolls are superseded, set against
 * no other outlet's; and AP's year-anchored history sentence is not set against the blog's toll.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli-run.js';
import { validate, type Json, type Schema } from './json-schema.js';

interface JsonMention {
  readonly article: string;
  readonly text: string;
  readonly entry?: string;
  readonly updated?: boolean;
}
interface JsonReport {
  readonly articles: readonly { readonly id: string; readonly path: string }[];
  readonly stories: readonly {
    readonly facts: readonly { readonly id: string; readonly mentions: readonly JsonMention[] }[];
    readonly conflicts: readonly { readonly detail: string }[];
    readonly coverage: readonly { readonly article: string; readonly adds: readonly string[]; readonly omits: readonly { readonly fact: string }[] }[];
  }[];
}

function run(folder: string, args: readonly string[]): string {
  const r = runCli([folder, '--single-story', ...args, '-q']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const mentions = (doc: JsonReport): JsonMention[] => doc.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions));
const schema = (): Schema => JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;

describe('a page of time-headed entries (test/fixtures/corrections)', () => {
  let doc: JsonReport;
  beforeAll(() => {
    doc = JSON.parse(run('test/fixtures/corrections', ['--json'])) as JsonReport;
  });

  it('gives each of the blog\'s mentions its entry time, marks the tolls newer entries give anew, and nothing of the others', () => {
    const byText = new Map(mentions(doc).map((m) => [m.text, m]));
    expect(byText.get('The civil defense institute now says 23 people have died.')).toMatchObject({ entry: '18:05 GMT' });
    expect(byText.get('The civil defense institute now says 23 people have died.')?.updated).toBeUndefined();
    expect(byText.get('Officials say the death toll has risen to 14.')).toMatchObject({ entry: '10:40 GMT', updated: true });
    // A figure the blog gives as another outlet's is no figure of its own: it is not superseded (review 29).
    expect(byText.get('Reuters reports 16 dead, citing the civil defense institute.')).toMatchObject({ entry: '12:15 GMT' });
    expect(byText.get('Reuters reports 16 dead, citing the civil defense institute.')?.updated).toBeUndefined();
    expect(byText.get('The death toll has risen to 19, the regional government says.')).toMatchObject({ entry: '14:50 GMT', updated: true });
    // Another count of an older entry that no newer entry gives anew stays the blog's.
    expect(byText.get('The road into Chaglla is blocked in two places by mud and boulders.')).toMatchObject({ entry: '10:40 GMT' });
    expect(byText.get('The road into Chaglla is blocked in two places by mud and boulders.')?.updated).toBeUndefined();
    // The summary before the first entry, and the other outlets' sentences, have no entry.
    expect(byText.get('A landslide has buried homes in the town of Chaglla in Peru\'s Huánuco region.')?.entry).toBeUndefined();
    const others = new Set(doc.articles.filter((a) => !a.path.endsWith('liveblog.html')).map((a) => a.id));
    expect(others.size).toBe(2);
    expect(mentions(doc).filter((m) => others.has(m.article) && m.entry !== undefined)).toEqual([]);
  });

  it('sets neither a stale toll nor AP\'s 2024 landslide against another figure', () => {
    const details = doc.stories.flatMap((s) => s.conflicts.map((c) => c.detail));
    // No stale toll of the blog's (14, 19) and no history figure (9) on any side; AP's own lead toll of 19 against the
    // blog's and Reuters' current 23 is a real dispute of lead tolls (facts/lead-tolls.ts).
    expect(details.filter((d) => /\b9 (people )?\(|\b(14|16|19) (people )?\([^)]*Andes Herald/.test(d))).toEqual([]);
    expect(details).toEqual(['number: 19 (AP) vs 23 people (Andes Herald, Reuters)', 'number: 30 people (Andes Herald) vs 20 people (Reuters)']);
    const history = doc.stories.flatMap((s) => s.facts).find((f) => f.mentions.some((m) => m.text.startsWith('In 2024, a landslide')));
    expect(history?.mentions.map((m) => m.text)).toEqual(['In 2024, a landslide in the same region killed 9 people.']);
  });

  it('counts a fact told only by superseded entries as no fact the blog adds nor one another source leaves out', () => {
    const story = doc.stories[0];
    const stale = (story?.facts ?? []).filter((f) => f.mentions.every((m) => m.updated === true)).map((f) => f.id);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    for (const c of story?.coverage ?? []) {
      expect(c.adds.filter((id) => stale.includes(id))).toEqual([]);
      expect(c.omits.filter((o) => stale.includes(o.fact))).toEqual([]);
    }
  });

  it('validates against the schema', () => {
    expect(validate(schema(), doc as unknown as Json)).toEqual([]);
  });

  it('shows the entry time beside the blog\'s mentions in the terminal and Markdown views', () => {
    const text = run('test/fixtures/corrections', ['--no-color', '--width', '200']);
    const blog = text.split('\n').find((l) => / Andes Herald /.test(l))?.trim().slice(0, 1);
    expect(text).toContain(`${blog} 18:05 GMT: Twenty people remain missing, it said in its latest bulletin.`);
    // The superseded entries are a section of their own, not among the facts the blog alone reports.
    const since = text.slice(text.indexOf('Since updated in a live blog (2)'));
    expect(since.split('\n').slice(1, 3).map((l) => l.trim())).toEqual([
      `^ 10 ${blog} 14:50 GMT, since updated: The death toll has risen to 19, the regional government says.`,
      `^ 16 ${blog} 10:40 GMT, since updated: Officials say the death toll has risen to 14.`,
    ]);
    const only = text.slice(text.indexOf(`Only ${blog} (Andes Herald) reports`), text.indexOf('Since updated in a live blog'));
    expect(only).toContain(`${blog} 10:40 GMT: The road into Chaglla is blocked in two places by mud and boulders.`);
    expect(only).not.toContain('since updated');
    const md = run('test/fixtures/corrections', ['--format', 'markdown']);
    expect(md).toContain('### Since updated in a live blog (2)');
    expect(md).toContain('*10:40 GMT, since updated:* Officials say the death toll has risen to 14.');
  });
});

describe('a JSON-LD LiveBlogPosting (test/fixtures/liveblog)', () => {
  let doc: JsonReport;
  beforeAll(() => {
    doc = JSON.parse(run('test/fixtures/liveblog', ['--json'])) as JsonReport;
  });

  it('reads the updates with their datePublished, and finds no conflict between the wire\'s toll and the blog\'s stale ones', () => {
    const byText = new Map(mentions(doc).map((m) => [m.text, m]));
    expect(byText.get("Chile's interior ministry says eight people have died in the fire.")).toMatchObject({ entry: '2026-11-24T19:10:00Z' });
    expect(byText.get('The fire has killed five people, the interior ministry said.')).toMatchObject({ entry: '2026-11-24T15:20:00Z', updated: true });
    expect(byText.get('Two people have died in the fire, the interior ministry said.')).toMatchObject({ entry: '2026-11-24T11:05:00Z', updated: true });
    expect(byText.get('About 400 homes have been destroyed, the regional governor said.')).toMatchObject({ updated: true });
    expect(byText.get('Authorities ordered the evacuation of 3,000 residents from the hills of Viña del Mar.')?.updated).toBeUndefined();
    expect(doc.stories.flatMap((s) => s.conflicts)).toEqual([]);
    expect(validate(schema(), doc as unknown as Json)).toEqual([]);
  });

  it('shows the update times as the views show dates', () => {
    const text = run('test/fixtures/liveblog', ['--no-color', '--width', '200', '--no-matrix']);
    expect(text).toMatch(/[AB] 2026-11-24 15:20 UTC, since updated: The fire has killed five people, the interior ministry said\./);
  });
});

describe('explain on a live blog and another outlet', () => {
  const pair = ['explain', 'test/fixtures/liveblog/coast-live.html', 'test/fixtures/liveblog/wire.txt'];

  it('gives the blog\'s mentions their entries in its JSON, valid against its schema', () => {
    const r = runCli([...pair, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { facts: { facts: readonly { mentions: readonly JsonMention[] }[]; conflicts: readonly unknown[] } };
    const stale = doc.facts.facts.flatMap((f) => f.mentions).filter((m) => m.updated === true).map((m) => m.entry);
    expect(stale.sort()).toEqual(['2026-11-24T11:05:00Z', '2026-11-24T11:05:00Z', '2026-11-24T15:20:00Z']);
    expect(doc.facts.conflicts).toEqual([]);
    const explainSchema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'explain.schema.json'), 'utf8')) as Schema;
    expect(validate(explainSchema, doc as unknown as Json)).toEqual([]);
  });

  it('lists the facts told only by superseded entries apart, not as reported by both', () => {
    const r = runCli([...pair, '--no-color', '--width', '200']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('both report 6, only A 1, only B 1, 2 since updated in a live blog, 0 in conflict');
    const since = r.stdout.slice(r.stdout.indexOf('Since updated in a live blog'));
    expect(since).toContain('^ Two people have died in the fire, the interior ministry said.');
    expect(r.stdout.slice(0, r.stdout.indexOf('Since updated in a live blog'))).not.toContain('Two people have died in the fire');
  });
});

/**
 * Properties of the whole pipeline (fast-check), run in-process on generated article folders:
 * - the same files under other names, in another order and under another folder prefix give the same report
 *   apart from paths;
 * - an article is always a near-duplicate of its exact copy;
 * - a story of one article has no adds, omits or shared facts;
 * - every mention's text occurs verbatim in its article file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, run, type RunOptions } from '../src/run.js';
import type { Report } from '../src/types.js';
import { threadBudget } from '../src/parallel/threads.js';

const OPTIONS: RunOptions = { ...DEFAULT_OPTIONS, threads: threadBudget(1) };

/** Three events, each a headline and sentences that different outlets pick from. */
const EVENTS = [
  {
    title: 'Storm floods the Orrin valley',
    sentences: [
      'Heavy rain flooded the Orrin valley overnight and cut the rail line to Brask, officials said.',
      'About 80 homes were evacuated as the river Orrin burst its banks near the village of Tull.',
      'Train services between Tull and Brask will stay suspended until Thursday.',
      'The regional council opened two shelters in the school at Harwick on Monday.',
      'Forecasters expect another 40 millimetres of rain before the weekend.',
      '"We have never seen the water rise this fast," said the mayor of Tull, Anna Berg.',
      'Firefighters rescued 12 people from the roofs of cars on the valley road.',
      'The damage is estimated at 3 million euros, the insurers said.',
    ],
  },
  {
    title: 'Mill fire destroys Harbor timber works',
    sentences: [
      'A fire destroyed the timber mill at Harbor Point early on Sunday, the fire service said.',
      'Nobody was hurt, but 140 workers will be without work for months.',
      'The blaze started in a drying kiln at about 3 a.m. and spread to the saw hall.',
      'Smoke could be seen from the city centre, 20 kilometres away.',
      'The owner, Nordic Timber, said it would rebuild the mill by next spring.',
      'Police said there was no sign of arson.',
      '"It is a terrible day for the town," the mayor said.',
      'Six fire engines and 40 firefighters fought the fire for nine hours.',
    ],
  },
  {
    title: 'Lobster season opens early on the coast',
    sentences: [
      'The lobster season on the northern coast opened two weeks early on Tuesday.',
      'Fishermen said warm water had brought the lobsters closer to the shore.',
      'The coastal authority raised the catch limit to 200 lobsters per boat per week.',
      'Prices at the harbour market fell by a third on the first day.',
      '"The boats came back full," said the harbour master, Erik Lund.',
      'Scientists warned that the early season could harm the breeding stock.',
      'The season will close on 30 November as planned.',
      'About 350 boats took part on the first morning.',
    ],
  },
] as const;

interface GenArticle {
  readonly event: number;
  readonly picks: readonly number[];
  readonly noise: string;
}

const NOISE_CHARS = [...'abcdefghij ABC .,;:!?"\'“”‘’()-—…0123456789\t'];
const articleArb: fc.Arbitrary<GenArticle> = fc.record({
  event: fc.nat({ max: EVENTS.length - 1 }),
  picks: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 2, maxLength: 6 }),
  noise: fc.array(fc.constantFrom(...NOISE_CHARS), { maxLength: 80 }).map((cs) => cs.join('')),
});

/** The article's Markdown text; the source is in the front matter so that file names do not matter. */
function textOf(a: GenArticle, source: string): string {
  const event = EVENTS[a.event] ?? EVENTS[0];
  const body = a.picks.map((i) => event.sentences[i] ?? '').join('\n');
  return `---\nsource: ${source}\n---\n# ${event.title}\n\n${body}\n${a.noise}\n`;
}

let root = '';
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dedupe-property-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Write `files` (name → text) into a fresh folder `sub` under a new temporary folder; returns the folder. */
function writeFolder(sub: string, files: ReadonlyMap<string, string>): string {
  const base = path.join(root, String(counter++));
  const dir = path.join(base, sub);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function reportOf(dir: string): Promise<Report> {
  const r = await run([dir], dir, OPTIONS);
  if (!r.ok) throw new Error(`no report: ${r.reason}`);
  return r.report;
}

/** The report without file paths, articles in id order. */
function withoutPaths(r: Report): unknown {
  const articles = r.articles.map(({ path: _path, ...rest }) => rest).sort((x, y) => (x.id < y.id ? -1 : 1));
  const strip = (ds: Report['skipped']): unknown => ds.map(({ path: _p, ...rest }) => rest);
  return { ...r, articles, skipped: strip(r.skipped), warnings: strip(r.warnings) };
}

const corpusArb = fc
  .array(articleArb, { minLength: 1, maxLength: 7 })
  .chain((articles) =>
    fc.record({
      articles: fc.constant(articles),
      // Exact copies of some articles republished by another outlet.
      copies: fc.uniqueArray(fc.nat({ max: articles.length - 1 }), { maxLength: 2 }),
      order: fc.shuffledSubarray([...Array(articles.length + 2).keys()], { minLength: articles.length + 2, maxLength: articles.length + 2 }),
    }),
  );

/** Texts of a corpus: every article, then the copies, each with its own source. */
function textsOf(c: { articles: readonly GenArticle[]; copies: readonly number[] }): string[] {
  const texts = c.articles.map((a, i) => textOf(a, `Outlet ${i}`));
  c.copies.forEach((i, k) => texts.push(textOf(c.articles[i] as GenArticle, `Copy desk ${k}`)));
  return texts;
}

describe('pipeline properties', () => {
  it('gives the same report apart from paths when files are renamed, reordered and moved', async () => {
    await fc.assert(
      fc.asyncProperty(corpusArb, async (c) => {
        const texts = textsOf(c);
        const first = writeFolder('news', new Map(texts.map((t, i) => [`article-${i}.md`, t])));
        // Other names whose sort order is the shuffled order, under a deeper, different prefix.
        const ranks = c.order.filter((i) => i < texts.length);
        const renamed = writeFolder(path.join('elsewhere', 'deeper'), new Map(texts.map((t, i) => [`${String.fromCharCode(122 - (ranks[i] ?? 0))}-story.markdown`, t])));
        const a = await reportOf(first);
        const b = await reportOf(renamed);
        expect(withoutPaths(b)).toEqual(withoutPaths(a));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('always finds an article and its exact copy to be near-duplicates in one story', async () => {
    await fc.assert(
      fc.asyncProperty(articleArb, fc.array(articleArb, { maxLength: 3 }), async (article, others) => {
        const files = new Map([
          ['original.md', textOf(article, 'Wire')],
          ['copy.md', textOf(article, 'Reprint')],
          ...others.map((o, i): [string, string] => [`other-${i}.md`, textOf(o, `Other ${i}`)]),
        ]);
        const r = await reportOf(writeFolder('copies', files));
        const id = (name: string): string | undefined => r.articles.find((x) => path.basename(x.path) === name)?.id;
        const [orig, copy] = [id('original.md'), id('copy.md')];
        expect(orig).toBeDefined();
        expect(copy).toBeDefined();
        const story = r.stories.find((s) => s.articles.includes(orig as string));
        expect(story?.articles).toContain(copy);
        const pair = story?.copies.find((p) => [p.a, p.b].sort().join() === [orig, copy].sort().join());
        expect(pair).toBeDefined();
        expect(pair?.jaccard).toBe(1);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('gives a story of one article no adds, omits or shared facts, and quotes every mention verbatim (up to white space)', async () => {
    await fc.assert(
      fc.asyncProperty(corpusArb, async (c) => {
        const dir = writeFolder('news', new Map(textsOf(c).map((t, i) => [`a${i}.md`, t])));
        const r = await reportOf(dir);
        for (const story of r.stories.filter((s) => s.articles.length === 1)) {
          expect(story.shared).toEqual([]);
          for (const cov of story.coverage) {
            expect(cov.omits).toEqual([]);
            expect(cov.adds).toEqual([]);
          }
        }
        // Verbatim up to white space: the lines of a Markdown paragraph are joined with a space.
        const spaced = (t: string): string => t.replace(/\s+/g, ' ');
        const text = new Map(r.articles.map((a) => [a.id, spaced(readFileSync(path.resolve(dir, a.path), 'utf8'))]));
        for (const story of r.stories) {
          for (const m of [...story.facts.flatMap((f) => f.mentions), ...story.conflicts.flatMap((x) => x.mentions)]) {
            expect(text.get(m.article)).toContain(spaced(m.text));
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

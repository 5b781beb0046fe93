/**
 * The facts stage on worker threads: the report is the same, deep and as `--json` text, for every number of
 * threads, on a set of stories big enough for workers to be started at the tests' scale (see worker-scale.ts). Workers run the built JavaScript (they
 * cannot load TypeScript), so the threaded side is imported from dist/ and compared with the report built here.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport, type BuildInput } from '../src/report/build.js';
import { renderJson } from '../src/render/json.js';
import { withFactCounts } from '../src/report/sources.js';
import type { Article, CopyPair, PartialCopy, StoredArticle } from '../src/types.js';
import { stored } from '../src/clean/packed.js';
import { article, OPTIONS } from './render-fixture.js';
import { threadBudget } from '../src/parallel/threads.js';
import type { FactsStory } from '../src/parallel/story-facts.js';
import { atTestScale, SMALL } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const TEMPLATES = [
  'The ferry {name} ran aground off {place} island on {day} morning.',
  'Coast guard boats rescued {n} passengers from the stranded ferry {name}.',
  'The harbour master of {place} said the captain had reported engine trouble at {time}.',
  'Divers from {place} inspected the hull of the {name} for damage.',
  'The operator said {n} crew members stayed on board overnight.',
  'A spokesman for the {name} operator apologised to the passengers.',
  'Tugs from {place} are expected to refloat the {name} on {day}.',
  'Police in {place} opened an inquiry into the grounding of the {name}.',
  'About {n} cars were on the car deck of the {name}, officials said.',
  'The {name} had left the port of {place} at {time} with a full load.',
  'Weather on the {place} crossing was calm, forecasters said.',
  'The last grounding near {place} was in 1998, when {n} people were hurt.',
  'Fuel leaking from the {name} was contained by booms off {place}.',
  'Residents of {place} brought blankets and tea to the rescued passengers.',
  'Insurers of the {name} sent a surveyor to {place} on {day}.',
  'Mayor {name} Larsen praised the rescuers of {place} for their speed.',
  'Ferry services between {place} and the mainland were suspended until {day}.',
  'The ministry said the {name} had passed its last inspection in March.',
  'Some {n} passengers were taken to hospital in {place} with minor injuries.',
  'Unions in {place} called for a review of safety rules after the {name} grounding.',
];
const SOURCES = ['Wire', 'Gazette', 'Herald', 'Post', 'Courier'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SYLLABLES = ['ka', 'lo', 'ven', 'dor', 'mi', 'sal', 'tu', 'ber', 'gen', 'ro', 'fa', 'nis'];

/** 460 stories of 3 to 5 articles of 15 to 20 sentences, with reworded and disagreeing mentions; some copies. */
function corpus(): BuildInput {
  let state = 11;
  const next = (n: number): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n);
  const word = (k: number): string => SYLLABLES.map((_, i) => SYLLABLES[(k * (i + 3) + i * i) % SYLLABLES.length]).slice(0, 2 + (k % 3)).join('');
  const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const articles: Article[] = [];
  const groups: number[][] = [];
  const copies: CopyPair[] = [];
  const partialCopies: PartialCopy[] = [];
  for (let k = 0; k < 460; k++) {
    const slots = { name: title(word(k)), place: title(word(k + 1000)), day: DAYS[k % 7] as string, n: String(20 + k), time: `${1 + (k % 12)}:${k % 2 ? '30' : '00'} am` };
    const fill = (t: string, changed: boolean): string =>
      t.replace(/\{(\w+)\}/g, (_, s: keyof typeof slots) => (changed && s === 'n' ? String(Number(slots.n) + 7) : changed && s === 'day' ? (DAYS[(k + 1) % 7] as string) : slots[s]));
    const group: number[] = [];
    for (let j = 0; j < 3 + (k % 3); j++) {
      const count = 15 + next(6);
      const sentences = Array.from({ length: count }, (_, i) => {
        const text = fill(TEMPLATES[(i + j + next(3)) % TEMPLATES.length] as string, next(9) === 0);
        return next(4) === 0 ? `Officials said that ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
      });
      group.push(articles.length);
      articles.push(article(`a${k}-${j}`, SOURCES[j] as string, `${slots.name} ferry aground near ${slots.place}`, sentences));
    }
    groups.push(group);
    if (k % 5 === 0) copies.push({ a: `a${k}-1`, b: `a${k}-0`, jaccard: 0.9 }, { a: `a${k}-0`, b: `a${k}-2`, jaccard: 0.8 });
    // Marked as an excerpt (its text need not be one: the facts stage takes the pair as given).
    else if (k % 7 === 3) partialCopies.push({ part: `a${k}-2`, whole: `a${k}-0`, containment: 0.9, jaccard: 0.5 });
  }
  return { articles: articles.map(stored), groups, copies: copies.reverse(), partialCopies, skipped: [], warnings: [], options: OPTIONS };
}

describe('story facts on worker threads', () => {
  const input = corpus();
  const started = async (): Promise<number> => (await fromDist<typeof import('../src/parallel/threads.js')>('parallel/threads.js')).workersStarted();

  it('starts workers on a big set only, and never more threads than jobs', async () => {
    const { factThreads } = await fromDist<typeof import('../src/parallel/story-facts.js')>('parallel/story-facts.js');
    const stories = input.groups.map((g, k) => ({ id: `s${k + 1}`, articles: g.map((i) => input.articles[i] as StoredArticle) }));
    expect([1, 2, 3, 8].map((jobs) => factThreads(stories, threadBudget(jobs)))).toEqual([1, 2, 3, 3]);
    expect(factThreads(stories.slice(0, 100), threadBudget(8))).toBe(1);
    // A batch of a few big stories (the first batches of a big feed) is worth every thread: 30 stories of 60
    // articles of 25 sentences, 45,000 sentences. It used to need 150 stories a thread and ran on one.
    const big = (k: number): FactsStory => ({ id: `s${k}`, articles: Array.from({ length: 60 }, (_, j) => ({ id: `a${k}-${j}`, source: `o${j}`, sentenceCount: 25, text: new Uint8Array(0) })) });
    const bigStories = Array.from({ length: 30 }, (_, k) => big(k));
    expect([1, 2, 3, 4, 8].map((jobs) => factThreads(bigStories, threadBudget(jobs)))).toEqual([1, 2, 3, 4, 4]);
    // Never more threads than chunks to hand out: one story of 45,000 sentences is one chunk.
    const huge: FactsStory = { id: 's0', articles: bigStories.flatMap((s) => s.articles) };
    expect(factThreads([huge], threadBudget(8))).toBe(1);
    expect(factThreads([huge, big(31)], threadBudget(8))).toBe(2);
  });

  it('weighs whether workers pay on all the sentences of the run', async () => {
    const { factJobs, FACTS_SHARE } = await fromDist<typeof import('../src/parallel/story-facts.js')>('parallel/story-facts.js');
    const { from } = FACTS_SHARE;
    expect([from - 1, from, 1e6].map((n) => factJobs(n, threadBudget(2)))).toEqual([1, 2, 2]);
    expect(factJobs(1e6, threadBudget(8))).toBe(8);
    expect([from * SMALL - 1, from * SMALL].map((n) => factJobs(n, atTestScale(2)))).toEqual([1, 2]);
    // This corpus is too small for workers but for the tests' scale, which the runs below use.
    const sentences = input.articles.reduce((n, a) => n + a.sentenceCount, 0);
    expect([factJobs(sentences, threadBudget(3)), factJobs(sentences, atTestScale(3))]).toEqual([1, 3]);
  });

  it('gives the same report, deep and as JSON text, for 1, 2 and 3 threads', async () => {
    const { buildReportAsync } = await fromDist<typeof import('../src/report/build.js')>('report/build.js');
    const here = buildReport(input);
    expect(here.stories.some((s) => s.conflicts.length > 0)).toBe(true);
    expect(here.stories.filter((s) => s.facts.length > 0).length).toBe(460);
    // Copies across sources make fewer voices than sources, and the coverage counts voices: the workers must get each
    // story's copy groups to give the same report (facts/voices.ts).
    expect(here.stories.some((s) => s.independentSources !== undefined && s.independentSources > 1 && s.coverage.some((c) => c.omits.some((o) => o.otherSources === (s.independentSources ?? 0) - 1)))).toBe(true);
    // And their partial copies: an excerpt's source is compared with every voice, its whole's too.
    expect(here.stories.some((s) => s.partialCopies !== undefined && s.coverage.some((c) => c.omits.some((o) => o.otherSources === s.independentSources)))).toBe(true);
    for (const jobs of [1, 2, 3]) {
      const before = await started();
      const report = await buildReportAsync(input, atTestScale(jobs));
      expect((await started()) - before).toBe(jobs - 1); // one batch: this thread and jobs − 1 workers
      expect(report).toStrictEqual(here);
      expect(renderJson(report)).toBe(renderJson(here));
    }
  }, 120_000);

  it('works out the facts of any stories asked for, in the order asked, batch by batch, as buildReport does', async () => {
    const { planReport } = await fromDist<typeof import('../src/report/build.js')>('report/build.js');
    const here = buildReport(input);
    for (const [jobs, batch] of [[1, 500], [2, 2000], [2, 100_000]] as const) {
      const planned = planReport(input, atTestScale(jobs), batch);
      expect(planned.outline.stories.map((s) => s.id)).toEqual(here.stories.map((s) => s.id));
      expect(planned.outline.stories.every((s) => s.facts.length === 0 && s.coverage.length === 0)).toBe(true);
      // The outline's sources count no facts yet (they are added up as the stories are written: render/index.ts).
      expect({ ...planned.outline, stories: [], sources: [] }).toStrictEqual({ ...here, stories: [], sources: [] });
      expect(planned.outline.sources).toStrictEqual(withFactCounts(here.sources, new Map()));
      // Every third story, last first: what a --min-sources/--sort view might ask for.
      const wanted = planned.outline.stories.filter((_, i) => i % 3 === 0).reverse();
      const got = [];
      const before = await started();
      for await (const story of planned.stories(wanted)) got.push(story);
      expect((await started()) - before).toBe(jobs - 1); // kept from one batch to the next
      expect(got).toStrictEqual(here.stories.filter((_, i) => i % 3 === 0).reverse());
    }
    // Batches big enough for two threads each at the tests' scale: the second is worked out on the threads while the first is
    // handed on, a story at a time with a turn of the event loop in between (as a writer waits for a stream).
    const { factThreads } = await fromDist<typeof import('../src/parallel/story-facts.js')>('parallel/story-facts.js');
    const planned = planReport(input, atTestScale(2), 22_000);
    const firstBatch = planned.outline.stories.slice(0, 310).map((s) => ({ id: s.id, articles: s.articles.map((id) => input.articles.find((a) => a.id === id) as StoredArticle) }));
    expect(factThreads(firstBatch, atTestScale(2))).toBe(2);
    const before = await started();
    const got = [];
    for await (const story of planned.stories(planned.outline.stories)) {
      got.push(story);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await started()) - before).toBe(1);
    expect(got).toStrictEqual(here.stories);
  }, 120_000);

  it('writes each story asked for as its JSON entry, NDJSON line or section of a view, made on the worker threads, as here', async () => {
    const { planReport } = await fromDist<typeof import('../src/report/build.js')>('report/build.js');
    const { storyText } = await fromDist<typeof import('../src/render/story-text.js')>('render/story-text.js');
    const here = buildReport(input);
    const entries = new Map(here.articles.map((a) => [a.id, a]));
    const articlesOf = (s: (typeof here.stories)[number]): typeof here.articles => s.articles.map((id) => entries.get(id) as (typeof here.articles)[number]);
    const wanted = here.stories.filter((_, i) => i % 2 === 1).reverse();
    for (const [jobs, batch] of [[1, 3000], [2, 22_000], [3, 100_000]] as const) {
      const planned = planReport(input, atTestScale(jobs), batch);
      const asked = planned.outline.stories.filter((_, i) => i % 2 === 1).reverse();
      const options = { color: true, width: 60, matrix: true };
      for (const form of ['json', 'ndjson', { view: 'terminal', options }, { view: 'markdown', options }, { view: 'html', options }] as const) {
        const got: string[] = [];
        const before = await started();
        for await (const bytes of planned.texts(asked, form)) got.push(Buffer.from(bytes).toString('utf8'));
        expect((await started()) - before).toBe(jobs === 1 ? 0 : jobs); // the workers do all of it
        expect(got).toEqual(wanted.map((s) => storyText(form, s, form === 'json' ? [] : articlesOf(s))));
      }
    }
  }, 120_000);

  it('keeps its worker threads from one batch to the next and ends them when closed', async () => {
    const { factsWorkers, storyFactsParallel } = await fromDist<typeof import('../src/parallel/story-facts.js')>('parallel/story-facts.js');
    const stories = input.groups.map((g, k) => ({ id: `s${k + 1}`, articles: g.map((i) => input.articles[i] as StoredArticle) }));
    const threshold = input.options.factThreshold;
    const set = factsWorkers(threshold);
    const [worker] = set.take(1);
    set.give([worker as NonNullable<typeof worker>]);
    const first = await storyFactsParallel(stories, threshold, threadBudget(2), set);
    const second = await storyFactsParallel(stories, threshold, threadBudget(2), set);
    expect(second).toStrictEqual(first);
    expect(first).toStrictEqual(await storyFactsParallel(stories, threshold, threadBudget(1)));
    const [again] = set.take(1);
    expect(again).toBe(worker); // the same thread served both batches
    set.give([again as NonNullable<typeof again>]);
    const exited = new Promise((resolve) => again?.once('exit', resolve));
    await set.close();
    await expect(exited).resolves.toBeDefined();
  }, 120_000);

  it('gives each story its copies in input order, and drops copies of articles in no story', () => {
    const two: BuildInput = {
      articles: [article('x1', 'Wire', 'Dam', ['The dam burst.']), article('x2', 'Post', 'Dam', ['The dam burst.']), article('y1', 'Wire', 'Fire', ['A fire.'])].map(stored),
      groups: [[2], [0, 1]],
      copies: [
        { a: 'x2', b: 'x1', jaccard: 0.9 },
        { a: 'y1', b: 'y1', jaccard: 1 },
        { a: 'zz', b: 'x1', jaccard: 0.7 },
        { a: 'x1', b: 'x2', jaccard: 0.8 },
      ],
      skipped: [],
      warnings: [],
      options: { ...OPTIONS, factThreshold: 0 },
    };
    const report = buildReport(two);
    expect(report.stories.map((s) => s.copies.map((c) => c.jaccard))).toEqual([[0.9, 0.8], [1]]);
  });
});

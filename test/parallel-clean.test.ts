/**
 * Cleaning and sentence splitting on worker threads: the articles (ids, sentences, dropped lines, empty ones)
 * are the same for every number of threads, on a set big enough for workers to be started at the tests' scale
 * (see worker-scale.ts). Workers run the
 * built JavaScript (they cannot load TypeScript), so the threaded side is imported from dist/ and compared with
 * the articles built here.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toArticles } from '../src/clean/articles.js';
import { packParagraphs, unpacked } from '../src/clean/packed.js';
import { lineHashes } from '../src/clean/boilerplate.js';
import type { ParsedArticle } from '../src/types.js';
import { atTestScale } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const TEMPLATES = [
  'The bridge over the {river} was closed on {day} after inspectors found cracks in two of its piers.',
  'Engineers from {town} said repairs to the old steel structure could take at least {n} weeks.',
  'Commuters were told to use the ferry at {town} instead. It ran every {n} minutes until late evening.',
  'The mayor of {town} called the closure of the bridge "a disaster for local shops and schools".',
  'Traffic on the ring road around {town} backed up for {n} kilometres on {day} morning and afternoon.',
  'Officials said the {river} crossing had carried about {n},000 cars and lorries a day before it closed.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const NAMES = ['Vel', 'Dora', 'Min', 'Salt', 'Ber', 'Gen', 'Ros', 'Fan'];
/** Short lines that recur across many articles in different surroundings: site furniture. */
const FURNITURE = ['Our newsroom is staffed around the clock.', 'Comments on this story are closed.'];

/**
 * 2,500 articles: news paragraphs with a repeated caption, a credit line, a "(Reuters)" fragment and site
 * furniture; every 40th a copy of the one before from another outlet, every 97th nothing but boilerplate.
 */
function corpus(): ParsedArticle[] {
  let state = 7;
  const next = (n: number): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n);
  const articles: ParsedArticle[] = [];
  for (let k = 0; k < 2500; k++) {
    const path = `in/${k}.txt`;
    const previous = articles[k - 1];
    if (k % 40 === 39 && previous) {
      articles.push({ ...previous, path, meta: { source: `Outlet ${k % 3}` } });
      continue;
    }
    const slots: Record<string, string> = { river: `${NAMES[k % 8]}a`, town: `${NAMES[(k >> 3) % 8]}burg`, day: DAYS[k % 5] as string, n: String(3 + (k % 50)) };
    const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (_, s: string) => slots[s] as string);
    const caption = `A photo shows the closed bridge at ${slots.town} on ${slots.day}.`;
    const paragraphs =
      k % 97 === 0
        ? [caption, caption, 'Reporting by Anna Berg; editing by Tom Lee', FURNITURE[0] as string]
        : [
            ...Array.from({ length: 4 + next(4) }, (_, i) => fill(TEMPLATES[(i + next(6)) % TEMPLATES.length] as string)),
            caption,
            `${fill(TEMPLATES[k % 6] as string)} (Reuters)`,
            FURNITURE[k % 2] as string,
            caption,
            `Reporting by ${NAMES[k % 8]} Larsen`,
          ];
    const meta = k % 3 === 0 ? { url: `https://news${k % 5}.example/${k}`, date: '2024-05-0' + (1 + (k % 9)), byline: 'Staff' } : {};
    // Every 11th a live blog: its entries' times are carried to its sentences on whichever thread cleans it.
    const entries = k % 11 === 5 ? { entries: [{ at: '18:05 GMT', order: 1, paragraph: 1 }, { at: '10:40 GMT', order: 0, paragraph: 3 }] } : {};
    articles.push({ path, title: `Bridge over the ${slots.river} closed`, paragraphs, meta, ...entries });
  }
  return articles;
}

describe('cleaning on worker threads', () => {
  const parsed = corpus();

  it('gives the same articles and empty inputs for 1, 2 and 3 threads', async () => {
    const { ArticleIntake } = await fromDist<typeof import('../src/clean/articles.js')>('clean/articles.js');
    const here = toArticles(parsed);
    const reasons = new Set(here.articles.flatMap((a) => a.dropped.map((d) => d.reason)));
    expect([...reasons].sort()).toEqual(['caption', 'credit', 'recurring', 'repeat', 'short']);
    expect(here.empty.length).toBe(26);
    expect(new Set(here.articles.flatMap((a) => a.sentences.flatMap((x) => (x.entry ? [x.entry.at] : []))))).toEqual(new Set(['18:05 GMT', '10:40 GMT']));
    const { workersStarted } = await fromDist<typeof import('../src/parallel/threads.js')>('parallel/threads.js');
    expect(here.articles.some((a) => a.id.endsWith('-2'))).toBe(true);
    for (const jobs of [1, 2, 3]) {
      const intake = new ArticleIntake();
      parsed.forEach((p) => intake.add(p));
      // At the tests' scale (the shares are 5,000 and 1,000 articles otherwise): this thread and jobs − 1 workers.
      const before = workersStarted();
      const { articles, empty } = await intake.clean(atTestScale(jobs));
      expect(workersStarted() - before).toBe(jobs - 1);
      expect({ articles: articles.map(unpacked), empty }).toStrictEqual(here);
    }
  }, 120_000);

  it('rejects, rather than hangs, when a worker fails', async () => {
    const { cleanTextParallel } = await fromDist<typeof import('../src/parallel/clean.js')>('parallel/clean.js');
    const { workersStarted } = await fromDist<typeof import('../src/parallel/threads.js')>('parallel/threads.js');
    const { PackedStore } = await fromDist<typeof import('../src/util/spill.js')>('util/spill.js');
    // The first chunks go to the worker; a paragraph that is not a string makes it throw there.
    const broken = packParagraphs([42 as unknown as string], new Uint32Array(1));
    const packed = parsed.map((p) => packParagraphs(p.paragraphs, lineHashes(p.paragraphs)));
    const before = workersStarted();
    const store = new PackedStore();
    await expect(cleanTextParallel([broken, ...packed.slice(1)], new Set(), atTestScale(2), store)).rejects.toThrow(TypeError);
    store.close();
    expect(workersStarted() - before).toBe(1);
  }, 60_000);
});

// A folder that holds one event (a user pointing dedupe at their earthquake folder) must come out as one story, not
// one story an article: idf over the folder alone puts the event's own words near the floor, so the story idf has a
// prior of imagined articles (STORY_PRIOR_DOCUMENTS, fingerprint/articles.ts). And two events of one kind side by
// side must still split.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, run, type RunOptions } from '../src/run.js';
import { threadBudget } from '../src/parallel/threads.js';
import { STORY_PRIOR_DOCUMENTS, termCountsOfTexts } from '../src/fingerprint/articles.js';
import { cosine, documentFrequencies, idfTable, Vocabulary, weigh } from '../src/fingerprint/tfidf.js';
import type { Report } from '../src/types.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const ONE = path.join(FIXTURES, 'one-event'); // six outlets on one earthquake (Varnholt), each with its own angle
const OTHER = path.join(FIXTURES, 'other-event'); // three on another, smaller earthquake (Korsby)
const OPTIONS: RunOptions = { ...DEFAULT_OPTIONS, threads: threadBudget(1) };

async function stories(folders: readonly string[]): Promise<string[][]> {
  const r = await run(folders, FIXTURES, OPTIONS);
  if (!r.ok) throw new Error(`no report: ${r.reason}`);
  const report: Report = r.report;
  const pathOf = new Map(report.articles.map((a) => [a.id, path.relative(FIXTURES, a.path)]));
  return report.stories.map((s) => s.articles.map((id) => pathOf.get(id) ?? id).sort()).sort((a, b) => b.length - a.length);
}

/** Mean pairwise cosine of the folder's articles (headline then lines, as the fingerprint counts them), with idf over the folder and `prior` imagined articles. */
function meanCosine(folder: string, prior: number): number {
  const vocab = new Vocabulary();
  const weights = { titleWeight: DEFAULT_OPTIONS.titleWeight, nameWeight: DEFAULT_OPTIONS.nameWeight };
  const counts = readdirSync(folder).sort().map((f) => termCountsOfTexts(readFileSync(path.join(folder, f), 'utf8').trim().split('\n'), vocab, weights));
  const idf = idfTable(documentFrequencies(counts, vocab.size), counts.length, prior);
  const vectors = counts.map((c) => weigh(c, idf));
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < vectors.length; i++) for (let j = i + 1; j < vectors.length; j++, pairs++) sum += cosine(vectors[i]!, vectors[j]!);
  return sum / pairs;
}

describe('a folder that holds one event', () => {
  it('the event\'s articles resemble each other above the story threshold only with the prior', () => {
    // Without the prior "earthquake", "Varnholt", "6.4", "killed" are in every article and weigh about 1 while each
    // outlet's own words weigh 2.25 (6 articles: ln(7 / 2) + 1): the mean cosine falls far below the threshold and every article is a story.
    expect(meanCosine(ONE, 0)).toBeLessThan(DEFAULT_OPTIONS.storyThreshold - 0.1);
    expect(meanCosine(ONE, STORY_PRIOR_DOCUMENTS)).toBeGreaterThan(DEFAULT_OPTIONS.storyThreshold);
  });

  it('comes out as (nearly) one story', async () => {
    const s = await stories([ONE]);
    // One outlet (residents sleeping outdoors, the Red Cross kitchen) shares least with the rest and stays apart;
    // before the prior all six were stories of their own.
    expect(s.length).toBeLessThanOrEqual(2);
    expect(s[0]!.length).toBeGreaterThanOrEqual(5);
  });

  it('a smaller folder of one event is one story', async () => {
    expect(await stories([OTHER])).toEqual([['other-event/coast-radio.txt', 'other-event/island-news.txt', 'other-event/northern-wire.txt']]);
  });

  it('two earthquakes side by side still split: no story mixes them', async () => {
    const s = await stories([ONE, OTHER]);
    for (const story of s) expect(new Set(story.map((p) => p.split('/')[0])).size).toBe(1);
    expect(s.find((story) => story[0]!.startsWith('other-event'))).toHaveLength(3);
    expect(s[0]!.length).toBeGreaterThanOrEqual(5);
  });
});

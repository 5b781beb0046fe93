/**
 * Articles in German and French (test/fixtures/languages, written for this test): two German articles on one flood,
 * two French ones on one rail strike, and unrelated articles in each language. End to end on the built CLI, and the
 * pairs' cosines with and without their language's term rules, which is what the change made.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { DEFAULT_OPTIONS } from '../src/run.js';
import { toArticles } from '../src/clean/articles.js';
import { parseArticle } from '../src/input/parse.js';
import { fingerprint } from '../src/fingerprint/articles.js';
import { rowVector } from '../src/fingerprint/vector-table.js';
import { cosine } from '../src/fingerprint/tfidf.js';
import type { Article, Report } from '../src/types.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stored } from '../src/clean/packed.js';
import { packedStoryFacts, type FactsStory } from '../src/parallel/story-facts.js';
import { atTestScale } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'languages');
const name = (p: string): string => path.basename(p, '.txt');

describe('dedupe on German and French articles', () => {
  let out: string;
  let report: Report;
  let stories: string[][];
  beforeAll(() => {
    const r = runCli([FOLDER, '--json', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    out = r.stdout;
    report = JSON.parse(out) as Report;
    const names = new Map(report.articles.map((a) => [a.id, name(a.path)]));
    stories = report.stories.map((s) => s.articles.map((id) => names.get(id) ?? id).sort());
  });

  it('tells each article\'s language and writes it in the report', () => {
    const languages = Object.fromEntries(report.articles.map((a) => [name(a.path), a.language]));
    for (const [file, language] of Object.entries(languages)) expect(language, file).toBe(file.slice(0, 2));
    expect(Object.keys(languages)).toHaveLength(readdirSync(FOLDER).length);
  });

  it('groups two German articles on one story, and two French ones', () => {
    expect(stories).toContainEqual(['de-donau-pegel', 'de-hochwasser-passau']);
    expect(stories).toContainEqual(['fr-cheminots', 'fr-greve-sncf']);
  });

  it('pairs the sentences of the two German reports of the flood (with English rules: 6 facts of 14 shared)', () => {
    const names = new Map(report.articles.map((a) => [a.id, name(a.path)]));
    const flood = report.stories.find((s) => s.articles.some((id) => names.get(id) === 'de-donau-pegel'));
    expect(flood?.shared.length).toBeGreaterThanOrEqual(9);
    expect(flood?.shared.length).toBe(flood?.facts.length);
  });

  it('keeps unrelated articles apart (before: the railway and rent rulings were one story, and the harvest joined the strike)', () => {
    for (const s of stories) {
      if (s.length < 2) continue;
      expect([['de-donau-pegel', 'de-hochwasser-passau'], ['fr-cheminots', 'fr-greve-sncf']]).toContainEqual(s);
    }
    expect(stories).toHaveLength(7);
  });

  it('is the same report when reading, cleaning, fingerprints and the story scan run on worker threads, texts spilled', () => {
    const r = runCli([FOLDER, '--json', '--quiet', '--jobs', '2', '--spill-after', '1'], { env: { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.000001' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(out);
  });

  it('explains a German pair by German terms', () => {
    const r = runCli(['explain', path.join(FOLDER, 'de-bahn.txt'), path.join(FOLDER, 'de-mietrecht.txt'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as { cosine: number; terms: { stem: string }[] };
    // English rules shared "kill" (the Porter stem of "die", taken for the verb), "der", "für", "es", "den", "und".
    expect(x.terms.map((t) => t.stem)).toEqual(['kritisiert', 'neu']);
    expect(x.cosine).toBeLessThan(0.1);
  });

  it('leaves English reports without the field', () => {
    const r = runCli(['seeds/', '--json', '--quiet']);
    expect(r.stdout).not.toContain('"language"');
  });

  it('says the language of an article not in English in the views\' source lists, and nothing for English', () => {
    const terminal = runCli([FOLDER, '--quiet', '--no-matrix', '--width', '200']).stdout;
    expect(terminal).toMatch(/de-hochwasser-passau\.txt in German/);
    expect(terminal).toMatch(/fr-cheminots\.txt in French/);
    expect(runCli([FOLDER, '--quiet', '--format', 'markdown']).stdout).toContain('| de-hochwasser-passau (in German)');
    expect(runCli([FOLDER, '--quiet', '--format', 'html', '--top', '1']).stdout).toMatch(/in German/);
    expect(runCli(['seeds/', '--quiet', '--format', 'markdown']).stdout).not.toContain('(in English)');
  });
});

describe('the cosine of a pair, with English rules (as before) and with its own language\'s', () => {
  let articles: Article[];
  beforeAll(() => {
    const parsed = readdirSync(FOLDER).sort().map((f) => {
      const p = path.join(FOLDER, f);
      const r = parseArticle({ path: p, text: readFileSync(p, 'utf8') });
      if (!r.ok) throw new Error(r.reason);
      return r.article;
    });
    articles = toArticles(parsed).articles;
  });

  /** The cosine of the two articles' story vectors, fingerprinted with the whole folder as the run does. */
  function pairCosine(a: string, b: string, asEnglish: boolean): number {
    const all = asEnglish ? articles.map(({ language: _, ...rest }) => rest) : articles;
    const prints = fingerprint(all, DEFAULT_OPTIONS);
    const at = (n: string): number => all.findIndex((x) => name(x.path) === n);
    return cosine(rowVector(prints.vectors, at(a)), rowVector(prints.vectors, at(b)));
  }

  it('unrelated German articles: above the story threshold on shared function words before, near 0 now', () => {
    const before = pairCosine('de-bahn', 'de-mietrecht', true);
    const now = pairCosine('de-bahn', 'de-mietrecht', false);
    expect(before).toBeGreaterThan(DEFAULT_OPTIONS.storyThreshold);
    expect(now).toBeLessThan(0.1);
  });

  it('unrelated French articles: the same', () => {
    expect(pairCosine('fr-vendanges', 'fr-greve-sncf', true)).toBeGreaterThan(DEFAULT_OPTIONS.storyThreshold);
    expect(pairCosine('fr-vendanges', 'fr-greve-sncf', false)).toBeLessThan(0.1);
  });

  it('articles on one story stay well above the threshold', () => {
    expect(pairCosine('de-donau-pegel', 'de-hochwasser-passau', false)).toBeGreaterThan(2 * DEFAULT_OPTIONS.storyThreshold);
    expect(pairCosine('fr-cheminots', 'fr-greve-sncf', false)).toBeGreaterThan(2 * DEFAULT_OPTIONS.storyThreshold);
  });
});

describe('the language on worker threads', () => {
  it('reaches the facts workers: their facts are the ones made here with German and French rules', async () => {
    const parsed = readdirSync(FOLDER).sort().map((f) => {
      const p = path.join(FOLDER, f);
      const r = parseArticle({ path: p, text: readFileSync(p, 'utf8') });
      if (!r.ok) throw new Error(r.reason);
      return r.article;
    });
    const articles = toArticles(parsed).articles;
    const pick = (...names: string[]): Article[] => names.map((n) => articles.find((a) => name(a.path) === n) as Article);
    const pairs = [pick('de-donau-pegel', 'de-hochwasser-passau'), pick('fr-cheminots', 'fr-greve-sncf')];
    // Enough sentences for several chunks, so that the workers take some.
    const stories: FactsStory[] = Array.from({ length: 160 }, (_, k) => ({ id: `s${k + 1}`, articles: (pairs[k % 2] as Article[]).map(stored) }));
    const parallel = await import(pathToFileURL(path.join(ROOT, 'dist', 'parallel', 'story-facts.js')).href) as typeof import('../src/parallel/story-facts.js');
    const threaded = await parallel.storyFactsParallel(stories, DEFAULT_OPTIONS.factThreshold, atTestScale(2));
    const here = stories.map((s) => packedStoryFacts(s, DEFAULT_OPTIONS.factThreshold));
    expect(parallel.factThreads(stories, atTestScale(2))).toBe(2);
    expect(threaded).toEqual(here);
    // And the language made a difference to them.
    const english = stories.slice(0, 2).map((s) => packedStoryFacts({ ...s, articles: s.articles.map(({ language: _, ...a }) => a) }, DEFAULT_OPTIONS.factThreshold));
    expect(english).not.toEqual(here.slice(0, 2));
  });
});

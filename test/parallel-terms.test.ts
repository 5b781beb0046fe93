/**
 * Signatures and term counts on worker threads: each worker numbers terms in its own slice and this thread
 * renumbers them, which must give exactly the vectors (term ids, weights) and signatures of one thread.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article } from './render-fixture.js';
import { stored } from '../src/clean/packed.js';
import { atTestScale } from './worker-scale.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const WORDS = ['rebels', 'attacked', 'Damascus', 'army', 'shelled', 'Jobar', 'ferry', 'ran', 'aground', 'Larsen', 'harbour', 'storm', 'power', 'homes', 'the', 'of', 'said'];

/** `n` articles whose words come from a shared list plus words of their own, so new terms keep appearing. */
function articles(n: number) {
  let state = 11;
  const next = (k: number): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % k;
  return Array.from({ length: n }, (_, i) => {
    const sentence = (): string => `${Array.from({ length: 6 + next(8) }, () => (next(4) === 0 ? `word${next(5000)}` : WORDS[next(WORDS.length)])).join(' ')}.`;
    const sentences = Array.from({ length: 3 + next(5) }, sentence);
    if (i % 7 === 0) sentences.push(`It began in ${1990 + (i % 30)}.`); // a year, for latestYear
    // Places, for the countries: a dateline, or a place in the lead.
    if (i % 5 === 0) sentences.unshift(`LIMA, Peru (Reuters) - A storm hit homes in ${i % 2 === 0 ? 'Ecuador' : 'the Andes'}.`);
    if (i % 5 === 1) sentences.unshift('A storm hit homes in Quito.');
    return article(`a${i}`, `outlet${i % 9}`, `Headline ${WORDS[next(WORDS.length)]} ${i}`, sentences);
  });
}

describe('signaturesParallel', () => {
  it('gives the vectors, signatures, sketches and years of fingerprint() from packed articles, on 1, 2 and 3 threads', async () => {
    const { signaturesParallel } = await fromDist<typeof import('../src/parallel/signatures.js')>('parallel/signatures.js');
    const { workersStarted } = await fromDist<typeof import('../src/parallel/threads.js')>('parallel/threads.js');
    const { fingerprint, fingerprintsFrom } = await fromDist<typeof import('../src/fingerprint/articles.js')>('fingerprint/articles.js');
    const { DEFAULT_OPTIONS } = await fromDist<typeof import('../src/run.js')>('run.js');
    const list = articles(1600);
    const one = fingerprint(list, DEFAULT_OPTIONS);
    for (const jobs of [1, 2, 3]) {
      // At the tests' scale (the shares are 5,000 and 500 articles otherwise), so that workers do fingerprint.
      const before = workersStarted();
      const pre = await signaturesParallel(list.map(stored), DEFAULT_OPTIONS, atTestScale(jobs));
      expect(workersStarted() - before).toBe(jobs === 1 ? 0 : jobs);
      const many = fingerprintsFrom(pre, list.map((a) => a.date), DEFAULT_OPTIONS);
      expect(many.vectors).toStrictEqual(one.vectors);
      expect(many.signatures).toStrictEqual(one.signatures);
      expect(many.sketches).toStrictEqual(one.sketches);
      expect(many.sketches.some((k) => k.size > 32 && k.hashes.length === 32)).toBe(true);
      expect(many.years).toStrictEqual(one.years);
      expect(many.years.filter((y) => y !== undefined).length).toBeGreaterThan(200);
      // Countries are read only with a country penalty (none by default).
      expect(many.countries.every((c) => c === 0)).toBe(true);
    }
  }, 60_000);

  it('gives the countries of fingerprint() with a country penalty, on 1 and 2 threads', async () => {
    const { signaturesParallel } = await fromDist<typeof import('../src/parallel/signatures.js')>('parallel/signatures.js');
    const { fingerprint } = await fromDist<typeof import('../src/fingerprint/articles.js')>('fingerprint/articles.js');
    const { DEFAULT_OPTIONS } = await fromDist<typeof import('../src/run.js')>('run.js');
    const list = articles(1600);
    const options = { ...DEFAULT_OPTIONS, countryPenalty: 0.3 };
    const one = fingerprint(list, options).countries;
    const { COUNTRY_CODES, mainCountry } = await fromDist<typeof import('../src/text/countries.js')>('text/countries.js');
    // The dateline's country, whatever the headline names ("Headline Damascus 5").
    expect(list.every((_, i) => i % 5 !== 0 || COUNTRY_CODES[mainCountry(one[i] as number) - 1] === 'PE')).toBe(true);
    for (const jobs of [1, 2]) expect((await signaturesParallel(list.map(stored), options, atTestScale(jobs))).countries).toStrictEqual(one);
  }, 60_000);
});

/**
 * Signatures and term counts on worker threads: each worker numbers terms in its own slice and this thread
 * renumbers them, which must give exactly the vectors (term ids, weights) and signatures of one thread.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article } from './render-fixture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const WORDS = ['rebels', 'attacked', 'Damascus', 'army', 'shelled', 'Jobar', 'ferry', 'ran', 'aground', 'Larsen', 'harbour', 'storm', 'power', 'homes', 'the', 'of', 'said'];

/** `n` articles whose words come from a shared list plus words of their own, so new terms keep appearing. */
function articles(n: number) {
  let state = 11;
  const next = (k: number): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % k;
  return Array.from({ length: n }, (_, i) => {
    const sentence = (): string => `${Array.from({ length: 6 + next(8) }, () => (next(4) === 0 ? `word${next(5000)}` : WORDS[next(WORDS.length)])).join(' ')}.`;
    return article(`a${i}`, `outlet${i % 9}`, `Headline ${WORDS[next(WORDS.length)]} ${i}`, Array.from({ length: 3 + next(5) }, sentence));
  });
}

describe('signaturesParallel', () => {
  it('gives the one-thread vectors and signatures on 2 and 3 threads', async () => {
    const { signaturesParallel } = await fromDist<typeof import('../src/parallel/signatures.js')>('parallel/signatures.js');
    const { fingerprint } = await fromDist<typeof import('../src/fingerprint/articles.js')>('fingerprint/articles.js');
    const { DEFAULT_OPTIONS } = await fromDist<typeof import('../src/run.js')>('run.js');
    const list = articles(1600);
    const one = fingerprint(list, DEFAULT_OPTIONS);
    for (const jobs of [2, 3]) {
      const pre = await signaturesParallel(list, DEFAULT_OPTIONS, jobs);
      expect(pre.counts).toHaveLength(list.length); // counted on the workers, not here
      const many = fingerprint(list, DEFAULT_OPTIONS, pre);
      expect(many.vectors).toStrictEqual(one.vectors);
      expect(many.signatures).toStrictEqual(one.signatures);
    }
  }, 60_000);
});

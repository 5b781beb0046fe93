import type { Article } from '../src/types.js';

/** An article of one sentence per paragraph, built directly (no file, no cleaning). */
export function article(id: string, source: string, sentences: readonly string[]): Article {
  return {
    id,
    path: `${id}.txt`,
    source,
    sourceOrigin: 'metadata',
    title: `${source} headline`,
    sentences: sentences.map((text, index) => ({ index, paragraph: index, text })),
    dropped: [],
  };
}

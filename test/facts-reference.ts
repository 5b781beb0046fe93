/**
 * The plain definition of fact alignment's sentence vectors (TF-IDF of stemmed content words, idf over the
 * story's distinct sentences: texts equal up to white space count once), which alignFacts computes through the faster storyTermCounts: the reference the tests
 * compare the fast paths with.
 */
import type { StorySentence } from '../src/facts/align.js';
import { documentFrequencies, idfTable, TermCounter, Vocabulary, weigh, type TermCounts } from '../src/fingerprint/tfidf.js';
import { contentTerms } from '../src/text/tokens.js';
import type { SparseVector } from '../src/types.js';

export function sentenceVectors(sentences: readonly StorySentence[]): SparseVector[] {
  const vocab = new Vocabulary();
  const docs: TermCounts[] = sentences.map((s) => {
    const counter = new TermCounter();
    for (const term of contentTerms(s.text)) counter.add(vocab.id(term));
    return counter.finish();
  });
  const first = new Map<string, number>();
  sentences.forEach((s, i) => {
    const key = s.text.replace(/\s+/g, ' ').trim();
    if (!first.has(key)) first.set(key, i);
  });
  const distinct = [...first.values()].map((i) => docs[i] as TermCounts);
  const idf = idfTable(documentFrequencies(distinct, vocab.size), distinct.length);
  return docs.map((d) => weigh(d, idf));
}

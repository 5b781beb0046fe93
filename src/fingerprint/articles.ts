/**
 * Fingerprint articles: a TF-IDF vector of stemmed content words for "same story", and a MinHash signature of
 * word shingles for "same text" (near-duplicate copies).
 */
import type { Article, SparseVector } from '../types.js';
import { contentTerms, tokenize } from '../text/tokens.js';
import { hashString } from './hash.js';
import { MinHasher } from './minhash.js';
import { shingles } from './shingles.js';
import { documentFrequencies, idfTable, TermCounter, Vocabulary, weigh, type TermCounts } from './tfidf.js';

export interface FingerprintOptions {
  readonly permutations: number;
  readonly seed: number;
  /** Words per shingle, in [1, 16]. */
  readonly shingle: number;
  /** How much a headline word counts relative to a body word, ≥ 0. */
  readonly titleWeight: number;
}

export interface Fingerprints {
  readonly vectors: SparseVector[];
  readonly signatures: Uint32Array[];
}

/** Article text for fingerprints: headline then sentences. */
function fullText(a: Article): string[] {
  return [a.title, ...a.sentences.map((s) => s.text)];
}

export function signature(a: Article, hasher: MinHasher, width: number): Uint32Array {
  const words: number[] = [];
  for (const part of fullText(a)) for (const t of tokenize(part)) words.push(hashString(t.word));
  return hasher.signature(shingles(Uint32Array.from(words), width));
}

export function termCounts(a: Article, vocab: Vocabulary, titleWeight: number): TermCounts {
  const counter = new TermCounter();
  for (const term of contentTerms(a.title)) counter.add(vocab.id(term), titleWeight);
  for (const s of a.sentences) for (const term of contentTerms(s.text)) counter.add(vocab.id(term));
  return counter.finish();
}

export function fingerprint(articles: readonly Article[], options: FingerprintOptions): Fingerprints {
  const hasher = new MinHasher({ permutations: options.permutations, seed: options.seed });
  const vocab = new Vocabulary();
  const counts = articles.map((a) => termCounts(a, vocab, options.titleWeight));
  const idf = idfTable(documentFrequencies(counts, vocab.size), counts.length);
  return {
    vectors: counts.map((c) => weigh(c, idf)),
    signatures: articles.map((a) => signature(a, hasher, options.shingle)),
  };
}

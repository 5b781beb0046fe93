/**
 * Align facts: group the sentences of one story's articles so that each group says one thing.
 *
 * Sentences are TF-IDF vectors of stemmed content words, with idf taken over the story's sentences (a word in
 * every sentence of the story says little about which fact a sentence tells). Two sentences that carry the
 * same quotation (one may trim it) are linked outright. Groups are formed by agglomerative clustering with
 * centroid linkage over the cross-article links, never putting two sentences of one article in a group unless
 * the article repeats itself.
 */
import type { Article, SparseVector } from '../types.js';
import { averageLink, type Edge } from '../cluster/average-link.js';
import { documentFrequencies, idfTable, TermCounter, Vocabulary, weigh, type TermCounts } from '../fingerprint/tfidf.js';
import { contentTerms, tokenize } from '../text/tokens.js';
import { quotedSpans, sharedQuote } from './quotes.js';

/** A sentence of the story, by article index (in the story) and sentence index (in the article). */
export interface StorySentence {
  readonly article: number;
  readonly sentence: number;
  readonly text: string;
}

export interface AlignOptions {
  /** Minimum similarity for two sentences to tell the same fact, in (0, 1]. */
  readonly threshold: number;
  /** Similarity at which two sentences of one article count as a repeat, in (0, 1]. */
  readonly repeatThreshold?: number;
}

/** Lists every sentence of the story's articles in order. */
export function storySentences(articles: readonly Article[]): StorySentence[] {
  return articles.flatMap((a, article) => a.sentences.map((s) => ({ article, sentence: s.index, text: s.text })));
}

/** Sentence vectors with story-level idf. */
export function sentenceVectors(sentences: readonly StorySentence[]): SparseVector[] {
  const vocab = new Vocabulary();
  const docs: TermCounts[] = sentences.map((s) => {
    const counter = new TermCounter();
    for (const term of contentTerms(s.text)) counter.add(vocab.id(term));
    return counter.finish();
  });
  const idf = idfTable(documentFrequencies(docs, vocab.size), docs.length);
  return docs.map((d) => weigh(d, idf));
}

/**
 * Similarity of every pair of sentences that share a term (a sparse product through an inverted index, row by
 * row on typed arrays), plus the pairs linked by a shared quotation. Returns edges with sim ≥ `floor`, sorted
 * by `a` then `b`. Each dot product adds its terms' products in increasing term order, as {@link cosine} does.
 */
export function sentenceEdges(sentences: readonly StorySentence[], vectors: readonly SparseVector[], floor: number): Edge[] {
  const n = sentences.length;
  let dims = 0;
  for (const v of vectors) dims = Math.max(dims, v.terms.length > 0 ? (v.terms[v.terms.length - 1] ?? 0) + 1 : 0);
  const start = new Int32Array(dims + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1] = (start[t + 1] ?? 0) + 1;
  for (let t = 0; t < dims; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, dims);
  const docs = new Int32Array(start[dims] ?? 0);
  const weights = new Float32Array(docs.length);
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, i) => {
      const at = fill[t] ?? 0;
      docs[at] = doc;
      weights[at] = v.weights[i] ?? 0;
      fill[t] = at + 1;
    });
  });
  const quotes = sentences.map((s) => quotedSpans(s.text));
  const words: (string[] | undefined)[] = new Array(n);
  const wordsOf = (i: number): string[] => (words[i] ??= tokenize(sentences[i]?.text ?? '').map((t) => t.word));
  const dots = new Float64Array(n);
  const touched = new Int32Array(n);
  const edges: Edge[] = [];
  for (let a = 0; a < n; a++) {
    const v = vectors[a] as SparseVector;
    let count = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      const w = v.weights[i] as number;
      for (let j = (start[t + 1] as number) - 1; j >= (start[t] as number); j--) {
        const b = docs[j] as number;
        if (b <= a) break;
        if (dots[b] === 0) touched[count++] = b;
        dots[b] = (dots[b] as number) + w * (weights[j] as number);
      }
    }
    const partners = touched.subarray(0, count).sort();
    for (const b of partners) {
      let sim = dots[b] as number;
      dots[b] = 0;
      const qa = quotes[a] ?? [];
      const qb = quotes[b] ?? [];
      if (sim < 0.9 && (qa.length > 0 || qb.length > 0) && sharedQuote(qa, wordsOf(a), qb, wordsOf(b))) sim = 0.9;
      if (sim >= floor) edges.push({ a, b, sim: Math.min(1, sim) });
    }
  }
  return edges;
}

/** Group the story's sentences into facts; returns groups of indices into `sentences`, in sentence order. */
export function alignFacts(sentences: readonly StorySentence[], options: AlignOptions): number[][] {
  const repeat = options.repeatThreshold ?? 0.8;
  const vectors = sentenceVectors(sentences);
  const edges = sentenceEdges(sentences, vectors, Math.min(options.threshold, repeat));
  const cross = edges.filter((e) => sentences[e.a]?.article !== sentences[e.b]?.article && e.sim >= options.threshold);
  const repeats = edges.filter((e) => sentences[e.a]?.article === sentences[e.b]?.article && e.sim >= repeat).map((e) => [e.a, e.b]);

  const articlesOf = (group: readonly number[]): Set<number> => new Set(group.map((i) => sentences[i]?.article ?? -1));
  // Centroid linkage: a sentence joins a fact when it resembles the fact's mentions taken together (measured on
  // ECB+ dev: fact-link F1 0.153 against 0.134 for average linkage, with higher precision too).
  const labels = averageLink(sentences.length, cross, options.threshold, {
    linkage: 'centroid',
    initial: repeats,
    canMerge: (a, b) => {
      const left = articlesOf(a);
      return !b.some((i) => left.has(sentences[i]?.article ?? -1));
    },
  });
  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => {
    let g = groups.get(label);
    if (!g) groups.set(label, (g = []));
    g.push(i);
  });
  return [...groups.values()].map((g) => g.sort((x, y) => x - y));
}

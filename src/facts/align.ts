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
 * Similarity of every pair of sentences that share a term (a sparse product through an inverted index), plus
 * the pairs linked by a shared quotation. Returns edges with sim ≥ `floor`.
 */
export function sentenceEdges(sentences: readonly StorySentence[], vectors: readonly SparseVector[], floor: number): Edge[] {
  const postings = new Map<number, { doc: number; w: number }[]>();
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, i) => {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ doc, w: v.weights[i] ?? 0 });
    });
  });
  const dots = new Map<number, number>();
  const n = sentences.length;
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      const x = list[i] as { doc: number; w: number };
      for (let j = i + 1; j < list.length; j++) {
        const y = list[j] as { doc: number; w: number };
        const key = x.doc * n + y.doc;
        dots.set(key, (dots.get(key) ?? 0) + x.w * y.w);
      }
    }
  }
  const words = sentences.map((s) => tokenize(s.text).map((t) => t.word));
  const quotes = sentences.map((s) => quotedSpans(s.text));
  const edges: Edge[] = [];
  for (const [key, dot] of dots) {
    const a = Math.floor(key / n);
    const b = key % n;
    let sim = dot;
    if (sim < 0.9 && sharedQuote(quotes[a] ?? [], words[a] ?? [], quotes[b] ?? [], words[b] ?? [])) sim = 0.9;
    if (sim >= floor) edges.push({ a, b, sim: Math.min(1, sim) });
  }
  edges.sort((x, y) => x.a - y.a || x.b - y.b);
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

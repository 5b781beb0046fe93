/**
 * Align facts: group the sentences of one story's articles so that each group says one thing.
 *
 * Sentences are TF-IDF vectors of stemmed content words, with idf taken over the story's distinct sentences (a
 * word in every sentence of the story says little about which fact a sentence tells; a sentence copies repeat
 * word for word counts once). Two sentences that carry the
 * same quotation (one may trim it) are linked outright. Groups are formed by agglomerative clustering with
 * centroid linkage over the cross-article links, never putting two sentences of one article in a group unless
 * the article repeats itself.
 */
import type { Article, Language, SparseVector } from '../types.js';
import { averageLink, type Edge } from '../cluster/average-link.js';
import { cosine, idfTable, weigh, type TermCounts } from '../fingerprint/tfidf.js';
import { mayQuote, StoryQuotes } from './quotes.js';
import { collapseKey, collapseSentences } from './collapse.js';
import { storyTermCounts } from './terms.js';
import { itemGraph } from './item-graph.js';
import { boundedEdges, MIN_PLAIN_TERMS, MIN_SHARED_TERMS, perItemEdges, plainFlags, SAME_TERMS } from './bounded-edges.js';
import { mayTellPast, openingYear } from './slots/index.js';

/** A sentence of the story, by article index (in the story) and sentence index (in the article). */
export interface StorySentence {
  readonly article: number;
  readonly sentence: number;
  readonly text: string;
  /** Its article's language, when not English (its terms are made by that language's rules: text/term-rules.ts). */
  readonly language?: Language;
}

export interface AlignOptions {
  /** Minimum similarity for two sentences to tell the same fact, in (0, 1]. */
  readonly threshold: number;
  /** Similarity at which two sentences of one article count as a repeat, in (0, 1]. */
  readonly repeatThreshold?: number;
}

/** Lists every sentence of the story's articles in order. */
export function storySentences(articles: readonly Pick<Article, 'sentences' | 'language'>[]): StorySentence[] {
  return articles.flatMap(({ sentences, language }, article) =>
    language === undefined ? sentences.map((s) => ({ article, sentence: s.index, text: s.text })) : sentences.map((s) => ({ article, sentence: s.index, text: s.text, language })),
  );
}

/**
 * Similarity of every pair of sentences that share a term (a sparse product through an inverted index, row by
 * row on typed arrays), plus the pairs linked by a shared quotation (`words`, where it gives them: the sentences'
 * word ids for that check, see StoryQuotes). `plain`, where given: per sentence, 1 for each of its terms that is plain
 * (not only a name: naming.ts); a pair must share one. Returns edges with sim ≥ `floor`, sorted by `a` then `b`. Each dot
 * product adds its terms' products in increasing term order, as {@link cosine} does.
 */
export function sentenceEdges(
  sentences: readonly StorySentence[],
  vectors: readonly SparseVector[],
  floor: number,
  words?: (i: number) => Int32Array | undefined,
  plain?: readonly Uint8Array[],
): Edge[] {
  const n = sentences.length;
  let dims = 0;
  for (const v of vectors) dims = Math.max(dims, v.terms.length > 0 ? (v.terms[v.terms.length - 1] ?? 0) + 1 : 0);
  const start = new Int32Array(dims + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1] = (start[t + 1] ?? 0) + 1;
  for (let t = 0; t < dims; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, dims);
  const docs = new Int32Array(start[dims] ?? 0);
  const weights = new Float32Array(docs.length);
  // 1 where the posting's term is plain in its sentence (see naming.ts); every term is without `plain`.
  const plainAt = new Uint8Array(docs.length).fill(1);
  vectors.forEach((v, doc) => {
    const flags = plain?.[doc];
    v.terms.forEach((t, i) => {
      const at = fill[t] ?? 0;
      docs[at] = doc;
      weights[at] = v.weights[i] ?? 0;
      if (flags !== undefined) plainAt[at] = flags[i] ?? 1;
      fill[t] = at + 1;
    });
  });
  const quotes = new StoryQuotes(sentences.map((s) => s.text), words);
  const dots = new Float64Array(n);
  const shared = new Int32Array(n);
  const sharedPlain = new Int32Array(n);
  const touched = new Int32Array(n);
  const edges: Edge[] = [];
  for (let a = 0; a < n; a++) {
    const v = vectors[a] as SparseVector;
    const flags = plain?.[a];
    let count = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      const w = v.weights[i] as number;
      const own = flags === undefined ? 1 : (flags[i] as number);
      for (let j = (start[t + 1] as number) - 1; j >= (start[t] as number); j--) {
        const b = docs[j] as number;
        if (b <= a) break;
        if (dots[b] === 0) touched[count++] = b;
        dots[b] = (dots[b] as number) + w * (weights[j] as number);
        shared[b] = (shared[b] as number) + 1;
        sharedPlain[b] = (sharedPlain[b] as number) + (own & (plainAt[j] as number));
      }
    }
    // The partners in increasing order: read off the row when they are many of the sentences after `a` (a sort of
    // them costs more then), else sorted. Every product is positive, so a partner's dot is never 0.
    if (count * DENSE_ROW > n - a) {
      for (let b = a + 1; b < n; b++) if ((dots[b] as number) !== 0) edge(edges, a, b, dots, shared, sharedPlain, quotes, floor);
    } else {
      touched.subarray(0, count).sort();
      for (let k = 0; k < count; k++) edge(edges, a, touched[k] as number, dots, shared, sharedPlain, quotes, floor);
    }
  }
  return edges;
}

/** A row whose partners are more than 1/DENSE_ROW of the sentences after it is read in full, not sorted. */
const DENSE_ROW = 8;

/**
 * Adds the edge a–b (its dot product, shared terms and shared plain terms taken from `dots`, `shared` and
 * `sharedPlain` and cleared there), if strong enough on {@link MIN_SHARED_TERMS} terms or more of which one is plain
 * in both (not only a name: naming.ts), or on the same terms, as copies of one sentence are; or a shared quote.
 */
function edge(edges: Edge[], a: number, b: number, dots: Float64Array, shared: Int32Array, sharedPlain: Int32Array, quotes: StoryQuotes, floor: number): void {
  let sim = dots[b] as number;
  if (((shared[b] as number) < MIN_SHARED_TERMS || (sharedPlain[b] as number) < MIN_PLAIN_TERMS) && sim < SAME_TERMS) sim = 0;
  dots[b] = 0;
  shared[b] = 0;
  sharedPlain[b] = 0;
  if (sim < 0.9 && quotes.shared(a, b)) sim = 0.9;
  if (sim >= floor) edges.push({ a, b, sim: Math.min(1, sim) });
}

/** Items above this count take the bounded path of {@link boundedEdges}; below it every edge is exact. */
export const LARGE_STORY = 2000;

/**
 * Vectors of the items, with idf over the story's distinct texts (`distinct`): a text several articles carry word
 * for word (copies of one article, wire text republished) counts once. Counted once a sentence, five copies of one
 * outlet's article made its every word five times as common, so the words it shares with another outlet's
 * sentences weighed less than the other outlet's own words: two outlets' seven shared facts fell to five beside four
 * copies of one of them.
 */
function itemVectors(docs: readonly TermCounts[], distinct: readonly TermCounts[], vocabulary: number): SparseVector[] {
  const df = new Uint32Array(vocabulary);
  for (const d of distinct) for (const id of d.ids) df[id] = (df[id] ?? 0) + 1;
  const idf = idfTable(df, distinct.length);
  return docs.map((d) => weigh(d, idf));
}

/**
 * Group the story's sentences into facts; returns groups of indices into `sentences`, in sentence order.
 * Identical sentences are aligned once, as one weighted item (collapse.ts, item-graph.ts), which gives the
 * same groups as aligning each copy. Stories of more than {@link LARGE_STORY} items keep only the strongest
 * edges of each item (see bounded-edges.ts): an approximation, and the only one.
 */
export function alignFacts(sentences: readonly StorySentence[], options: AlignOptions): number[][] {
  return alignment(sentences, options).groups;
}

/** The facts of {@link alignFacts}, and for each the sentences that also tell it (see {@link alsoTelling}). */
export interface Alignment {
  readonly groups: number[][];
  /** Per group, sentences of articles not in it, each the first of its article, in sentence order. */
  readonly also: number[][];
}

/** {@link alignFacts} with, for each fact, the sentences of other articles that also tell it. */
export function alignment(sentences: readonly StorySentence[], options: AlignOptions): Alignment {
  const repeat = options.repeatThreshold ?? 0.8;
  const threshold = options.threshold;
  // Each distinct text (up to white space, see collapse.ts) is numbered and counted once: copies share the counts
  // (term ids are numbered in sentence order, as before).
  const distinct = new Map<string, number>();
  const texts: string[] = [];
  // The language of each distinct text: its first sentence's (copies of one text are in one language).
  const languages: (Language | undefined)[] = [];
  const textOf = sentences.map((s) => {
    const key = collapseKey(s.text);
    let k = distinct.get(key);
    if (k === undefined) {
      distinct.set(key, (k = texts.length));
      texts.push(s.text);
      languages.push(s.language);
    }
    return k;
  });
  // The quotation check reads the words of sentences paired with a quoting one: kept from this same pass when
  // the story has a quotation mark at all.
  const terms = storyTermCounts(texts, texts.some(mayQuote), languages.some((l) => l !== undefined) ? languages : undefined);
  const counts = textOf.map((k) => terms.counts[k] as TermCounts);
  const items = collapseSentences(sentences, textOf, (i) => (counts[i]?.ids.length ?? 0) > 0);
  const reps = items.members.map((m) => sentences[m[0] ?? 0] as StorySentence);
  const vectors = itemVectors(items.members.map((m) => counts[m[0] ?? 0] as TermCounts), terms.counts, terms.terms);
  const floor = Math.min(threshold, repeat);
  const words = (i: number): Int32Array | undefined => terms.words?.(textOf[items.members[i]?.[0] ?? 0] ?? 0);
  const plain = vectors.map((v, i) => plainFlags(v.terms, terms.plain[textOf[items.members[i]?.[0] ?? 0] ?? 0] ?? v.terms));
  const linked =
    reps.length > LARGE_STORY
      ? boundedEdges(reps.map((r, i) => ({ text: r.text, articles: items.articles[i] ?? [] })), vectors, { floor, threshold, repeat, perItem: perItemEdges(new Set(sentences.map((s) => s.article)).size) }, words, plain)
      : sentenceEdges(reps, vectors, floor, words, plain);
  const edges = historyApart(reps, linked);
  const self = vectors.map((v) => Math.min(1, cosine(v, v)));
  const graph = itemGraph({ items, edges, self: (i) => self[i] ?? 0, threshold, repeat });

  const articlesOf = (group: readonly number[]): Set<number> => new Set(group.flatMap((n) => graph.articles[n] ?? []));
  // Centroid linkage: a sentence joins a fact when it resembles the fact's mentions taken together (measured on
  // ECB+ dev: fact-link F1 0.153 against 0.134 for average linkage, with higher precision too).
  const labels = averageLink(graph.nodes.length, graph.cross, threshold, {
    linkage: 'centroid',
    initial: graph.repeats,
    sizes: graph.sizes,
    internal: graph.internal,
    canMerge: (a, b) => {
      const left = articlesOf(a);
      return !b.some((n) => (graph.articles[n] ?? []).some((article) => left.has(article)));
    },
  });
  const groups = new Map<number, number[]>();
  labels.forEach((label, node) => {
    let g = groups.get(label);
    if (!g) groups.set(label, (g = []));
    for (const i of graph.nodes[node] ?? []) g.push(i);
  });
  const sorted = [...groups.values()].map((g) => g.sort((x, y) => x - y));
  return { groups: sorted, also: alsoTelling(sentences, sorted, items.members, edges, threshold + ALSO_MARGIN) };
}

/**
 * `edges` without those between two history sentences that open with different years ("In March 2017, floods …
 * killed more than 100 people in Peru" / "In 2024, a landslide in the same region killed 9 people": slots/
 * background.ts): they tell two past events, which share the words of every disaster story's background. Nor those
 * between such a sentence and one that does not tell the past at all (slots/background.ts mayTellPast: "The death
 * toll has risen to 19, the regional government says"): the current event is not that year's. Sentences that open
 * with the same year keep their link, and so does one with none that may tell the past ("… two years ago").
 */
function historyApart(reps: readonly StorySentence[], edges: Edge[]): Edge[] {
  const years = reps.map((r) => openingYear(r.text, r.language));
  if (years.every((y) => y === undefined)) return edges;
  const past = new Map<number, boolean>();
  const tellsPast = (i: number): boolean => {
    let p = past.get(i);
    if (p === undefined) past.set(i, (p = mayTellPast(reps[i]?.text ?? '')));
    return p;
  };
  return edges.filter((e) => {
    const a = years[e.a];
    const b = years[e.b];
    if (a === undefined && b === undefined) return true;
    if (a === undefined) return tellsPast(e.a);
    if (b === undefined) return tellsPast(e.b);
    return a === b;
  });
}

/**
 * How much closer than the fact threshold a sentence aligned with another fact must be to one of a fact's
 * sentences to tell it too. Judged on a sample of ECB+ dev (twenty-fifth session): of such links at 0.25–0.35,
 * about half told the fact ("Microsoft on Wednesday issued an urgent patch…" / "…issued an out-of-band emergency
 * patch Wednesday…") and half only shared its topic ("Authorities estimate the damages to the Wasilla Bible Church
 * at $1 million" / "…suspect arson is to blame…"); at 0.35 and over about four in five told it.
 */
export const ALSO_MARGIN = 0.1;

/**
 * For each fact, the sentences of articles that are not in it but have a sentence linked to one of its sentences
 * at `threshold` or more (the fact threshold and {@link ALSO_MARGIN}; on the terms and quotation rules of a link): a sentence that tells two facts (a lead:
 * "The fire forced 8,000 from their homes as Santa Ana winds fanned it") is aligned with one of them only, and its
 * article was then said to leave out the other, which it reports. The first such sentence of each article, in
 * sentence order. Read through the item edges of the alignment (an item's group is its first sentence's).
 */
function alsoTelling(sentences: readonly StorySentence[], groups: readonly number[][], members: readonly (readonly number[])[], edges: readonly Edge[], threshold: number): number[][] {
  const groupOf = new Int32Array(sentences.length).fill(-1);
  groups.forEach((g, k) => {
    for (const i of g) groupOf[i] = k;
  });
  const articlesIn = groups.map((g) => new Set(g.map((i) => sentences[i]?.article ?? -1)));
  const found = groups.map(() => new Map<number, number>());
  const add = (from: number, to: number): void => {
    const k = groupOf[members[from]?.[0] ?? 0] as number;
    if (k < 0) return;
    for (const t of members[to] ?? []) {
      if (groupOf[t] === k) continue;
      const article = sentences[t]?.article ?? -1;
      if (articlesIn[k]?.has(article)) continue;
      const seen = found[k]?.get(article);
      if (seen === undefined || t < seen) found[k]?.set(article, t);
    }
  };
  for (const e of edges) {
    if (e.sim < threshold) continue;
    add(e.a, e.b);
    add(e.b, e.a);
  }
  return found.map((m) => [...m.values()].sort((x, y) => x - y));
}

/**
 * Sentence similarities for large stories, at bounded cost. Two changes from the exact all-pairs product
 * (`sentenceEdges` in align.ts):
 *
 * 1. Common terms (posting list over {@link COMMON_SHARE} of the items) do not make two items candidates when
 *    the row's own weight on common terms is small: if ‖a_common‖ · max_b ‖b_common‖ < floor, any pair that
 *    shares only common terms scores below the floor, so skipping them loses no edge. Rows with more common
 *    weight use every term, as long as their lists hold at most {@link POSTINGS_BUDGET} postings in all
 *    (APPROXIMATE past it: huge stories only). Candidates' similarity is then the full cosine, bit-identical to the exact path.
 *    (A pair linked only by a shared quotation made of common words is missed; that is the exception.)
 * 2. APPROXIMATE: each item keeps only its `perItem` strongest cross-article edges (≥ threshold); an edge
 *    survives when it is among the strongest of either end. Repeats (≥ repeat threshold) are all kept. A fact
 *    holds at most one mention per article, so 3 × the number of articles (capped) leaves room to spare; the
 *    weakest links of a very popular fact may be dropped, which can split it.
 */
import type { Edge } from '../cluster/average-link.js';
import type { SparseVector } from '../types.js';
import { cosine } from '../fingerprint/tfidf.js';
import { sharedCount } from '../fingerprint/articles.js';
import { StoryQuotes } from './quotes.js';
import { TopEdges } from './top-edges.js';

/**
 * Terms two sentences must share to tell one fact, a shared quotation aside. One is not enough: a short sentence's
 * vector has a term or three, and one shared word ("Burn baby, burn?" and "Arson is suspected in the burning…", "I'm
 * angry." and a video of angry people) scored above the threshold. On the hand-judged pairs of ECB+ dev
 * (scripts/bench/ecbplus-dev-claims.jsonl), 9 of the 33 different claims merged into one fact shared one term, and 1
 * of the 109 same claims.
 */
export const MIN_SHARED_TERMS = 2;

/**
 * Terms two sentences must share that are plain in both, not only names (capitalised words, weekdays, a speaker's
 * title: naming.ts), to tell one fact. "President Emmanuel Macron said on Monday that he would not resign." and
 * "President Emmanuel Macron visited a hospital in Lyon on Monday." share four terms, all names.
 */
export const MIN_PLAIN_TERMS = 1;

/** Per term of a vector (sorted `terms`), 1 when it is among the sorted `plain` terms. */
export function plainFlags(terms: Uint32Array, plain: Uint32Array): Uint8Array {
  const flags = new Uint8Array(terms.length);
  for (let i = 0, j = 0; i < terms.length; i++) {
    const t = terms[i] as number;
    while (j < plain.length && (plain[j] as number) < t) j++;
    if (j < plain.length && plain[j] === t) flags[i] = 1;
  }
  return flags;
}

/** How many terms two vectors share that are plain in both ({@link plainFlags}). */
function sharedPlainCount(x: Uint32Array, fx: Uint8Array | undefined, y: Uint32Array, fy: Uint8Array | undefined): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      both += (fx === undefined ? 1 : (fx[i] as number)) & (fy === undefined ? 1 : (fy[j] as number));
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return both;
}

/** A cosine this high is two sentences of the same terms ("Burn." and "Burn!"), linked as copies are, shared terms aside. */
export const SAME_TERMS = 0.999;

/** A term is common when its posting list covers more than this share of the story's items. */
export const COMMON_SHARE = 0.05;

/**
 * Postings one item may walk for candidates, its terms' lists taken from the shortest (APPROXIMATE: the lists
 * that would go past it are not walked). Without it, a story of tens of thousands of near-identical lines (a few
 * multi-megabyte files of boilerplate) makes nearly every pair a candidate; with it the work grows linearly with
 * the items. Items of stories of a few thousand items stay below it.
 */
export const POSTINGS_BUDGET = 2000;

export interface BoundedOptions {
  readonly floor: number;
  readonly threshold: number;
  readonly repeat: number;
  /** Strongest cross-article edges kept per item. */
  readonly perItem: number;
}

/** Edges kept per item for a story of `articles` articles: 3 per article, at least 32, at most 256. */
export function perItemEdges(articles: number): number {
  return Math.max(32, Math.min(256, 3 * articles));
}

function shareArticle(x: readonly number[], y: readonly number[]): boolean {
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  if (large.length < 16) return small.some((a) => large.includes(a));
  const set = new Set(large);
  return small.some((a) => set.has(a));
}

/** Both items are sentences of one and the same article: no cross-article pair between them. */
const sameSingleArticle = (x: readonly number[], y: readonly number[]): boolean => x.length === 1 && y.length === 1 && x[0] === y[0];

/**
 * The terms of a row whose posting lists it walks: all of them (but the `skip`ped) when their lists hold at most
 * `budget` postings in all; else, from the shortest list up, those that fit in the budget. In the row's order.
 */
function termsWithin(terms: Uint32Array, start: Int32Array, skip: Uint8Array | undefined, budget: number): Uint32Array {
  const length = (t: number): number => (start[t + 1] as number) - (start[t] as number);
  const walked = skip ? terms.filter((t) => skip[t] !== 1) : terms;
  let total = 0;
  for (const t of walked) total += length(t);
  if (total <= budget) return walked;
  const kept = new Uint8Array(walked.length);
  const order = Array.from(walked.keys()).sort((x, y) => length(walked[x] as number) - length(walked[y] as number) || x - y);
  let used = 0;
  for (const i of order) {
    used += length(walked[i] as number);
    if (used > budget) break;
    kept[i] = 1;
  }
  return walked.filter((_, i) => kept[i] === 1);
}

/**
 * `items[i].articles`: the articles item i's sentences come from; returns edges sorted by a, b. `words`, where it
 * gives them: the items' word ids for the quotation check (see StoryQuotes); `plain`: per item, which of its terms
 * are plain ({@link plainFlags}; all when not given).
 */
export function boundedEdges(
  items: readonly { readonly articles: readonly number[]; readonly text: string }[],
  vectors: readonly SparseVector[],
  options: BoundedOptions,
  words?: (i: number) => Int32Array | undefined,
  plain?: readonly Uint8Array[],
): Edge[] {
  const n = items.length;
  let dims = 0;
  for (const v of vectors) dims = Math.max(dims, v.terms.length > 0 ? (v.terms[v.terms.length - 1] ?? 0) + 1 : 0);
  const start = new Int32Array(dims + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1] = (start[t + 1] ?? 0) + 1;
  const common = new Uint8Array(dims);
  for (let t = 0; t < dims; t++) if ((start[t + 1] ?? 0) > COMMON_SHARE * n) common[t] = 1;
  for (let t = 0; t < dims; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, dims);
  const docs = new Int32Array(start[dims] ?? 0);
  vectors.forEach((v, doc) => {
    for (const t of v.terms) docs[(fill[t] = (fill[t] ?? 0) + 1) - 1] = doc;
  });
  // ‖common part‖ of each item, and its maximum.
  const commonNorm = vectors.map((v) => {
    let s = 0;
    v.terms.forEach((t, i) => common[t] === 1 && (s += (v.weights[i] ?? 0) ** 2));
    return Math.sqrt(s);
  });
  const maxCommon = commonNorm.reduce((m, x) => Math.max(m, x), 0);

  const quotes = new StoryQuotes(items.map((s) => s.text), words);
  const mark = new Uint8Array(n);
  const touched = new Int32Array(n);
  const top = new TopEdges(n, options.perItem);
  const repeats: Edge[] = [];
  for (let a = 0; a < n; a++) {
    const v = vectors[a] as SparseVector;
    const all = (commonNorm[a] ?? 0) * maxCommon >= options.floor;
    let count = 0;
    for (const t of termsWithin(v.terms, start, all ? undefined : common, POSTINGS_BUDGET)) {
      for (let j = (start[t + 1] as number) - 1; j >= (start[t] as number); j--) {
        const b = docs[j] as number;
        if (b <= a) break;
        if (mark[b] === 0) {
          mark[b] = 1;
          touched[count++] = b;
        }
      }
    }
    for (const b of touched.subarray(0, count).sort()) {
      mark[b] = 0;
      let sim = cosine(v, vectors[b] as SparseVector);
      const w = vectors[b] as SparseVector;
      if (sim < SAME_TERMS && (sharedCount(v.terms, w.terms) < MIN_SHARED_TERMS || sharedPlainCount(v.terms, plain?.[a], w.terms, plain?.[b]) < MIN_PLAIN_TERMS)) sim = 0;
      if (sim < 0.9 && quotes.shared(a, b)) sim = 0.9;
      sim = Math.min(1, sim);
      if (sim < options.floor) continue;
      if (sim >= options.repeat && shareArticle(items[a]?.articles ?? [], items[b]?.articles ?? [])) repeats.push({ a, b, sim });
      else if (sim >= options.threshold && !sameSingleArticle(items[a]?.articles ?? [], items[b]?.articles ?? [])) top.offer(a, b, sim);
    }
  }
  const edges = [...repeats, ...top.edges()];
  edges.sort((x, y) => x.a - y.a || x.b - y.b);
  return edges;
}

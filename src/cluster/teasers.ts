/**
 * Teasers and short articles against leads. A feed teaser (an article marked `excerpt`: its headline and a line
 * or two of description) shares few terms with the whole of a long article of its story, so their TF-IDF cosine
 * is low (the seed story's Atom teaser: 0.322 against its Reuters article, 0.608 against its lead). What a teaser
 * sums up is the top of a story, so a teaser is also scored against the lead of each whole article: its headline
 * and first {@link LEAD_SENTENCES} sentences. The pair's story similarity is the larger of the two. An article no
 * longer than a lead (a news brief, a one-paragraph wire flash: see {@link readsAsLead}) is in the same place: all
 * it holds is what a lead holds, and a long report's later paragraphs (background, quotes, other angles) only
 * dilute its cosine with it, so it is scored against leads too (ECB+ dev, one event a folder: 3 more of 42 events
 * whole; README, One event a folder). (Two such articles are compared whole by the story scan: the lead of either
 * is all of it.) Each keeps its strongest lead edges only, as the scan keeps each article's: a feed of many
 * teasers would otherwise pair each with every lead it shares a common word with (20,000 teasers and leads of the
 * bench corpus: 77 s and 1.7 GB before that bound).
 *
 * The lead vectors are TF-IDF over the leads of every article (a short article's lead is its whole text), weighted
 * as the story vectors are (headline and name weights), with their own document frequencies. Nothing runs unless
 * some article reads as a lead, so reports of long articles only are as before.
 */
import type { StoredArticle } from '../types.js';
import { latestYear, STORY_PRIOR_DOCUMENTS, termCountsOfTexts, type FingerprintOptions } from '../fingerprint/articles.js';
import { idfTable, Vocabulary, weigh, type TermCounts } from '../fingerprint/tfidf.js';
import { unpackSentences } from '../clean/packed.js';
import { dayNumber } from '../input/date.js';
import { EdgeList, type EdgeArrays } from './edge-list.js';
import { countryWeight, EDGE_FLOOR, timeWeight, type TimeOptions } from './story-scan.js';
import { articleCountry } from '../text/countries.js';
import { MAX_NEIGHBOURS } from './stories.js';
import { kthLargest } from './strongest-edges.js';

/** Sentences after the headline that make an article's lead: about what a teaser's description sums up. */
export const LEAD_SENTENCES = 3;

/** What the comparison reads of an article. */
export type LeadArticle = Pick<StoredArticle, 'title' | 'text' | 'date' | 'excerpt' | 'dropped' | 'sentenceCount' | 'language'>;

/**
 * The article is scored against the leads of the others: a teaser, or an article of at most {@link LEAD_SENTENCES}
 * sentences after its headline (no longer than a lead, so its lead is all of it).
 */
export function readsAsLead(a: Pick<StoredArticle, 'excerpt' | 'sentenceCount'>): boolean {
  return a.excerpt === true || a.sentenceCount <= LEAD_SENTENCES;
}

/** An article's lead as texts: its headline, then its first {@link LEAD_SENTENCES} sentences (all of a teaser's). */
export function leadTexts(title: string, sentences: readonly { text: string }[], excerpt: boolean): string[] {
  return [title, ...(excerpt ? sentences : sentences.slice(0, LEAD_SENTENCES)).map((s) => s.text)];
}

/** The articles' latest years, days and countries, as the fingerprints give them (the story scan's time and place evidence). */
export interface ArticleTimes {
  readonly years: readonly (number | undefined)[];
  readonly days: readonly (number | undefined)[];
  readonly countries: Uint32Array;
}

/** Time and place evidence of one article, as the story scan reads it (NaN: unknown; country 0: none). */
interface TimeOf {
  readonly year: number;
  readonly day: number;
  readonly country: number;
}

/**
 * Teaser–lead similarities of pairs with a teaser or short article (one that {@link readsAsLead}; "teaser" below),
 * by article index: for each teaser `t` and each longer article `o` with a term in common, the cosine of `t`'s text and `o`'s lead times the time and country factors, kept when at least
 * {@link EDGE_FLOOR} and among `t`'s `neighbours` strongest (as the story scan keeps each article's strongest
 * edges: a feed of teasers alone would otherwise pair every teaser with every lead it shares a common word with).
 * `a < b` in every pair; ordered by `a`, then `b`. `known`: the articles' years, days and countries when the caller has them
 * (a run: from the fingerprints), else worked out for the articles scored, as the fingerprints do.
 */
export function teaserLeadEdges(
  articles: readonly LeadArticle[],
  options: Pick<FingerprintOptions, 'titleWeight' | 'nameWeight'> & TimeOptions,
  neighbours = MAX_NEIGHBOURS,
  known?: ArticleTimes,
  representatives?: Int32Array,
): EdgeList {
  const out = new EdgeList(0);
  // Only the first article of each group of copies takes part, and a group counts once in document frequencies
  // (fingerprint/copy-weights.ts; find-stories.ts gives the copies their first article's story).
  const own = (i: number): boolean => representatives === undefined || representatives[i] === i;
  const teasers = articles.flatMap((a, i) => (readsAsLead(a) && own(i) ? [i] : [])); // and short articles
  if (teasers.length === 0) return out;
  const vocab = new Vocabulary();
  const counts: TermCounts[] = [];
  for (const a of articles) counts.push(termCountsOfTexts(leadTexts(a.title, unpackSentences(a.text), a.excerpt === true), vocab, options, a.language));
  // Time and place evidence only of the articles a teaser is scored against (the latest year reads the whole text).
  const times: (TimeOf | undefined)[] = [];
  const timeOf = (i: number): TimeOf => {
    let t = times[i];
    if (t === undefined && known) times[i] = t = { year: known.years[i] ?? Number.NaN, day: known.days[i] ?? Number.NaN, country: known.countries[i] ?? 0 };
    if (t === undefined) {
      const a = articles[i] as LeadArticle;
      const article = { title: a.title, ...(a.date ? { date: a.date } : {}), sentences: unpackSentences(a.text), dropped: a.dropped };
      times[i] = t = { year: latestYear(article) ?? Number.NaN, day: dayNumber(a.date) ?? Number.NaN, country: articleCountry(article) };
    }
    return t;
  };
  const idf = representatives === undefined ? idfTable(frequencies(counts, vocab.size), articles.length, STORY_PRIOR_DOCUMENTS) : copyWeightedIdf(counts, vocab.size, representatives);
  const vectors = counts.map((c) => weigh(c, idf));
  counts.length = 0;

  // Postings of the leads of longer articles: term → (article, weight), articles increasing. Two articles that read
  // as leads are not scored here: the lead of either is all of it, which the story scan compares already.
  const whole = (i: number): boolean => articles[i] !== undefined && !readsAsLead(articles[i] as LeadArticle) && own(i);
  const start = new Int32Array(vocab.size + 1);
  vectors.forEach((v, i) => {
    if (whole(i)) for (const t of v.terms) start[t + 1] = (start[t + 1] as number) + 1;
  });
  for (let t = 0; t < vocab.size; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
  const fill = start.slice(0, vocab.size);
  const docs = new Int32Array(start[vocab.size] as number);
  const weights = new Float32Array(docs.length);
  vectors.forEach((v, i) => {
    if (!whole(i)) return;
    for (let k = 0; k < v.terms.length; k++) {
      const t = v.terms[k] as number;
      const at = fill[t] as number;
      docs[at] = i;
      weights[at] = v.weights[k] as number;
      fill[t] = at + 1;
    }
  });

  // Each teaser against every lead of a whole article it shares a term with.
  const sums = new Float64Array(articles.length);
  const touched: number[] = [];
  const pairs = new Map<number, number>();
  const n = articles.length;
  for (const t of teasers) {
    const v = vectors[t];
    if (v === undefined) continue;
    for (let k = 0; k < v.terms.length; k++) {
      const term = v.terms[k] as number;
      const w = v.weights[k] as number;
      for (let p = start[term] as number; p < (start[term + 1] as number); p++) {
        const o = docs[p] as number;
        if (sums[o] === 0) touched.push(o);
        sums[o] = (sums[o] as number) + w * (weights[p] as number);
      }
    }
    let found: { o: number; sim: number }[] = [];
    for (const o of touched) {
      const cosine = sums[o] as number;
      sums[o] = 0;
      if (cosine < EDGE_FLOOR) continue;
      const [x, y] = [timeOf(t), timeOf(o)];
      const sim = cosine * timeWeight(x.day, y.day, x.year, y.year, options.yearPenalty, options.dateWindow ?? 30) * countryWeight(x.country, y.country, options.countryPenalty ?? 1);
      if (sim >= EDGE_FLOOR) found.push({ o, sim });
    }
    touched.length = 0;
    // The strongest, ties by article index (so the same for any order of the postings): only those at or above
    // the `neighbours`-th similarity are sorted.
    if (found.length > neighbours) {
      const cut = kthLargest(Float64Array.from(found, (f) => f.sim), neighbours);
      found = found.filter((f) => f.sim >= cut);
    }
    found.sort((p, q) => q.sim - p.sim || p.o - q.o);
    for (const { o, sim } of found.slice(0, neighbours)) {
      const key = Math.min(t, o) * n + Math.max(t, o);
      pairs.set(key, Math.max(pairs.get(key) ?? 0, sim));
    }
  }
  for (const key of [...pairs.keys()].sort((x, y) => x - y)) out.push(Math.floor(key / n), key % n, pairs.get(key) as number);
  return out;
}

/** In how many of `counts` each term id occurs. */
function frequencies(counts: readonly TermCounts[], size: number): Uint32Array {
  const df = new Uint32Array(size);
  for (const c of counts) for (const id of c.ids) df[id] = (df[id] as number) + 1;
  return df;
}

/** Idf of the leads with each group of copies counted once (each copy 1 / its group's size), as the story vectors'. */
function copyWeightedIdf(counts: readonly TermCounts[], size: number, representatives: Int32Array): Float32Array {
  const groupSize = new Int32Array(representatives.length);
  for (const r of representatives) groupSize[r] = (groupSize[r] as number) + 1;
  const df = new Float64Array(size);
  let groups = 0;
  counts.forEach((c, i) => {
    const r = representatives[i] as number;
    if (r === i) groups++;
    const w = 1 / (groupSize[r] as number);
    for (const id of c.ids) df[id] = (df[id] as number) + w;
  });
  return idfTable(df, groups, STORY_PRIOR_DOCUMENTS);
}

/**
 * The story edges with the teaser–lead similarities of {@link teaserLeadEdges} merged in: a pair in both gets
 * the larger similarity, a pair only in `extra` is appended (in its order). Each pair appears once, as
 * average-link clustering expects of the scan's edges. `edges` itself when there is nothing to merge.
 */
export function withTeaserEdges(edges: EdgeArrays, extra: EdgeArrays, count: number): EdgeArrays {
  if (extra.count === 0) return edges;
  const better = new Map<number, number>();
  for (let e = 0; e < extra.count; e++) better.set((extra.a[e] as number) * count + (extra.b[e] as number), extra.sim[e] as number);
  const out = new EdgeList(edges.count + extra.count);
  for (let e = 0; e < edges.count; e++) {
    const a = edges.a[e] as number;
    const b = edges.b[e] as number;
    const key = Math.min(a, b) * count + Math.max(a, b);
    const sim = better.get(key);
    better.delete(key);
    out.push(a, b, sim === undefined ? (edges.sim[e] as number) : Math.max(sim, edges.sim[e] as number));
  }
  for (let e = 0; e < extra.count; e++) {
    const a = extra.a[e] as number;
    const b = extra.b[e] as number;
    if (better.has(a * count + b)) out.push(a, b, extra.sim[e] as number);
  }
  return out;
}

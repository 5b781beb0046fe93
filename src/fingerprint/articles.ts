/**
 * Fingerprint articles: a TF-IDF vector of stemmed content words for "same story", and a MinHash signature of
 * word shingles for "same text" (near-duplicate copies).
 */
import type { Article, DroppedLine } from '../types.js';
import { isStamp } from '../clean/stamps.js';
import { isCapitalizedAt, JOINED, nextWord, WIDE, wordText, WordSpan } from '../text/words.js';
import type { Language } from '../text/language.js';
import { contentWordOf, termRules, type TermRules } from '../text/term-rules.js';
import { WordCache } from '../text/word-cache.js';
import { textYears } from '../facts/slots/index.js';
import { articleCountry } from '../text/countries.js';
import { dayNumber, parseDate } from '../input/date.js';
import { MinHasher } from './minhash.js';
import { shingles } from './shingles.js';
import { HashList, wordHashes } from './word-hashes.js';
import { hashString, mix32 } from './hash.js';
import { sketchOf, type Sketch } from './sketch.js';
import { estimatedCopies } from './copy-weights.js';
import type { CopyCandidates } from '../cluster/near-duplicates.js';
import { idfTable, SequentialTermCounter, Vocabulary, type TermCounts } from './tfidf.js';
import { countTable, tableFrequencies, weighRows, rowCount, type CountTable, type VectorTable } from './vector-table.js';

export interface FingerprintOptions {
  readonly permutations: number;
  readonly seed: number;
  /** Words per shingle, in [1, 16]. */
  readonly shingle: number;
  /** How much a headline word counts relative to a body word, ≥ 0. */
  readonly titleWeight: number;
  /** How much a capitalised word inside a sentence (a name: a place, a person, an organisation) counts, ≥ 0. */
  readonly nameWeight: number;
}

export interface Fingerprints {
  /** The TF-IDF vectors, one row per article. */
  readonly vectors: VectorTable;
  readonly signatures: Uint32Array[];
  /** Each article's containment sketch (sketch.ts), for partial copies. */
  readonly sketches: Sketch[];
  /** The latest year an article is dated or mentions (a lower bound on when it was written), if any. */
  readonly years: (number | undefined)[];
  /** Days since 1970-01-01 of the article's full date (a day at least), if it has one. */
  readonly days: (number | undefined)[];
  /** The countries each article reports from and names (text/countries.ts `articleCountry`; 0 for none). */
  readonly countries: Uint32Array;
  /**
   * Per article, the first article of its group of near-duplicate copies as MinHash estimates them (itself when it
   * has none: copy-weights.ts); absent when no article has a copy.
   */
  readonly representatives?: Int32Array;
  /** The near-duplicate candidates found on the way (fingerprint/copy-weights.ts), for the exact search. */
  readonly copyCandidates?: CopyCandidates;
}

/**
 * The year of the article's date when it has one; else the latest year its text mentions, or its posting stamps
 * (dropped lines that {@link isStamp}: "Posted September 26, 2013"), which cleaning takes out of the text but which
 * say when it was written better than the text does. An article cannot mention a year after it was written
 * (forecasts aside), so this is a lower bound on its time; approximate. A background year (after "since", "the
 * deadliest since 2016", or opening a history sentence, "In 2024, a landslide in the same region killed 9 people":
 * slots/background.ts) tells nothing of how much later the text is: when the latest year mentioned is one, the
 * article has no year (undefined), rather than the background year or an older one (an undated 2026 wire text with
 * "In 2024, …" was set two years from its own story's dated copies, and one with "In 2005, …" and "in 1996" was 1996).
 */
export function latestYear(a: Pick<Article, 'title' | 'date' | 'sentences'> & { readonly dropped?: readonly DroppedLine[] }): number | undefined {
  const dated = a.date ? /\b(19|20)\d{2}\b/.exec(a.date) : null;
  if (dated) return Number(dated[0]);
  // A date with no year written out (Unix time) gives its year.
  const point = parseDate(a.date);
  if (point) return new Date(point.ms).getUTCFullYear();
  // Only the slot parser knows a year (not "2015-16", "1990s" or a count), and it is the costly part. No year slot
  // of a text can be later than the text's largest 19xx/20xx digits, so the texts are parsed from the largest
  // digits down, and the first whose digits are no later than the year found ends the search.
  const texts: { text: string; bound: number }[] = [];
  const stamps = (a.dropped ?? []).flatMap((d) => (isStamp(d.text) ? [d.text] : []));
  for (const text of [a.title, ...a.sentences.map((s) => s.text), ...stamps]) {
    const bound = largestYearDigits(text);
    if (bound >= 0) texts.push({ text, bound });
  }
  texts.sort((x, y) => y.bound - x.bound);
  let latest: number | undefined;
  let background: number | undefined;
  for (const { text, bound } of texts) {
    // Nothing later can beat the year found, or the background year that leaves the article undated.
    if ((latest !== undefined && bound <= latest) || (background !== undefined && bound < background)) break;
    for (const { year, background: past } of textYears(text)) {
      if (past) background = Math.max(background ?? year, year);
      else latest = Math.max(latest ?? year, year);
    }
  }
  return background !== undefined && (latest === undefined || background > latest) ? undefined : latest;
}

/**
 * The largest number any four digits in a row of `text` read as, when they start with 19 or 20 (−1 for none):
 * every year slot is such a run, so its value is at most this.
 */
export function largestYearDigits(text: string): number {
  let largest = -1;
  for (const [century, base] of [['19', 1900], ['20', 2000]] as const) {
    for (let at = text.indexOf(century); at >= 0; at = text.indexOf(century, at + 1)) {
      const tens = text.charCodeAt(at + 2) - 48;
      const ones = text.charCodeAt(at + 3) - 48;
      if (tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9) largest = Math.max(largest, base + 10 * tens + ones);
    }
  }
  return largest;
}

/** Word hashes of the article being fingerprinted; reused, since each is turned into shingles at once. */
const words = new HashList();

/** The hashed word `width`-shingles running through an article's headline then sentences. */
function articleShingles(a: Pick<Article, 'title' | 'sentences'>, width: number): Uint32Array {
  words.clear();
  wordHashes(a.title, words);
  for (const s of a.sentences) wordHashes(s.text, words);
  return shingles(words.view(), width);
}

export function signature(a: Article, hasher: MinHasher, width: number): Uint32Array {
  return hasher.signature(articleShingles(a, width));
}

/** An article's containment sketch (sketch.ts) of its word `width`-shingles. */
export function sketch(a: Article, width: number): Sketch {
  return sketchOf(articleShingles(a, width));
}

/** The MinHash signature of the word `width`-shingles running through `texts` (headline then sentences). */
export function signatureOfTexts(texts: readonly string[], hasher: MinHasher, width: number): Uint32Array {
  words.clear();
  for (const text of texts) wordHashes(text, words);
  return hasher.signature(shingles(words.view(), width));
}

/** An article's distinct shingle hashes, sorted: what MinHash estimates the Jaccard similarity of. */
export function shingleSet(a: Pick<Article, 'title' | 'sentences'>, width: number): Uint32Array {
  const all = articleShingles(a, width).sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i] as number;
  return all.subarray(0, n);
}

/** Exact Jaccard similarity of two sorted sets of distinct hashes (1 for two empty sets). */
export function exactJaccard(x: Uint32Array, y: Uint32Array): number {
  const both = sharedCount(x, y);
  const union = x.length + y.length - both;
  return union === 0 ? 1 : both / union;
}

/** How many hashes two sorted sets of distinct hashes have in common. */
export function sharedCount(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as number;
    const b = y[j] as number;
    if (a === b) {
      both++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return both;
}

/**
 * Per vocabulary and language, each word met → the id of its content term, or −1 when it is not a content word: one
 * lookup for a word seen before instead of stopword test, stem and vocabulary lookups, most without cutting the
 * word out of the text (text/word-cache.ts). Bounded like the stem cache. A word with an elided article ("l'homme")
 * is not cached where the language cuts elisions off (term-rules.ts): the cache knows words without their apostrophes.
 */
interface TermIdsOfWords {
  readonly cache: WordCache;
  readonly termId: (word: string) => number;
  readonly rules: TermRules;
}
const termIdsOfWords = new WeakMap<Vocabulary, Map<Language | undefined, TermIdsOfWords>>();
const MAX_CACHED_WORDS = 500_000;
const span = new WordSpan();
/** Counts one article's terms at a time. */
const documentCounter = new SequentialTermCounter();

/**
 * Add a text's content terms; names (capitalised, not first in the text) weigh `nameWeight` times more. With
 * `hashes`, also push every word's hash there, as {@link wordHashes} does, on the same pass.
 */
function addTerms(counter: SequentialTermCounter, ids: TermIdsOfWords, text: string, weight: number, nameWeight: number, hashes?: HashList): void {
  let from = 0;
  const elides = ids.rules.elisions !== undefined;
  for (let index = 0; nextWord(text, from, span); index++) {
    from = span.end;
    hashes?.push(span.flags & WIDE ? hashString(wordText(text, span)) : mix32(span.fnv ^ span.length));
    const id = elides && span.flags & JOINED ? ids.termId(contentWordOf(ids.rules, text, span)) : ids.cache.lookup(text, span, ids.termId);
    if (id >= 0) counter.add(id, index > 0 && isCapitalizedAt(text, span.start) ? weight * nameWeight : weight);
  }
}

/** The word → term id cache of a vocabulary and language. */
function termIdsOf(vocab: Vocabulary, language: Language | undefined): TermIdsOfWords {
  let byLanguage = termIdsOfWords.get(vocab);
  if (!byLanguage) termIdsOfWords.set(vocab, (byLanguage = new Map()));
  const key = language === 'en' ? undefined : language;
  let ids = byLanguage.get(key);
  if (!ids) {
    const rules = termRules(key);
    byLanguage.set(key, (ids = { cache: new WordCache(MAX_CACHED_WORDS), rules, termId: (word) => (rules.isContentWord(word) ? vocab.id(rules.stem(word)) : -1) }));
  }
  return ids;
}

/**
 * Count the content terms of an article's headline then sentences into {@link documentCounter}, by the term rules
 * of its language (text/term-rules.ts; English when undefined); see addTerms for `hashes`.
 */
function countTerms(texts: readonly string[], vocab: Vocabulary, options: Pick<FingerprintOptions, 'titleWeight' | 'nameWeight'>, hashes?: HashList, language?: Language): void {
  const ids = termIdsOf(vocab, language);
  texts.forEach((text, i) => (i === 0 ? addTerms(documentCounter, ids, text, options.titleWeight, 1, hashes) : addTerms(documentCounter, ids, text, 1, options.nameWeight, hashes)));
}

export function termCounts(a: Article, vocab: Vocabulary, options: Pick<FingerprintOptions, 'titleWeight' | 'nameWeight'>): TermCounts {
  return termCountsOfTexts([a.title, ...a.sentences.map((s) => s.text)], vocab, options, a.language);
}

/** {@link termCounts} of texts given as a headline then sentences, in `language` (English when undefined). */
export function termCountsOfTexts(texts: readonly string[], vocab: Vocabulary, options: Pick<FingerprintOptions, 'titleWeight' | 'nameWeight'>, language?: Language): TermCounts {
  countTerms(texts, vocab, options, undefined, language);
  return documentCounter.finish();
}

/**
 * {@link signatureOfTexts}, the containment sketch (sketch.ts) and {@link termCounts} of an article given as its
 * headline then sentences, on one pass over its words, against a vocabulary of this thread's own: the term ids in
 * the order they first appear, with their weighted sums (what a fingerprint worker sends back to be renumbered;
 * see parallel/signatures.ts).
 */
export function signatureAndTermCounts(
  texts: readonly string[],
  hasher: MinHasher,
  width: number,
  vocab: Vocabulary,
  options: Pick<FingerprintOptions, 'titleWeight' | 'nameWeight'>,
  language?: Language,
): { readonly signature: Uint32Array; readonly sketch: Sketch; readonly ids: Uint32Array; readonly sums: Float64Array } {
  words.clear();
  countTerms(texts, vocab, options, words, language);
  const all = shingles(words.view(), width);
  const signature = hasher.signature(all);
  return { signature, sketch: sketchOf(all), ...documentCounter.finishInOrder() };
}

/** What fingerprints are made of, worked out per article (on worker threads: parallel/signatures.ts). */
export interface Precomputed {
  readonly signatures: Uint32Array[];
  readonly sketches: Sketch[];
  /** Each article's term counts (a row each) against `vocabularySize` term ids numbered as {@link termCounts} numbers them. */
  readonly counts: CountTable;
  readonly vocabularySize: number;
  /** Each article's {@link latestYear}. */
  readonly years: (number | undefined)[];
  /** Each article's countries (text/countries.ts `articleCountry`: two ids packed; 0: none). */
  readonly countries: Uint32Array;
}

/**
 * The imagined articles behind every input when idf is worked out for stories ({@link idfTable}'s prior): a word is
 * taken to be in about one news article in a thousand until the input shows otherwise, and the input's own counts
 * take over once it holds thousands of articles. Without it a folder that holds one event splits it (every word of
 * the event is in most of the folder's articles, so weighs little) — on the 42 events of ECB+ dev, one a folder,
 * 240 stories instead of 42; with it, 71 (README, Measuring quality). Not tuned on the labelled set: 300 to 10,000
 * give about the same figures there; the order of magnitude is that of a day's news from many outlets, among which
 * a story's words are rare, which is also what the story threshold was set on (496 articles of 42 events).
 */
export const STORY_PRIOR_DOCUMENTS = 1000;

/** What says which articles are copies of each other, for the document frequencies. */
export interface CopyOptions {
  readonly duplicateThreshold: number;
  readonly permutations: number;
}

/**
 * The fingerprints from their pieces: TF-IDF vectors weighed by the corpus' document frequencies (with
 * {@link STORY_PRIOR_DOCUMENTS}; a group of near-duplicate copies counts once). The pieces' count table is used up when it is on shared memory (the vectors are
 * written over it: see weighRows).
 */
export function fingerprintsFrom(pieces: Precomputed, dates: readonly (string | undefined)[], copies: CopyOptions): Fingerprints {
  const { counts, vocabularySize } = pieces;
  // A group of near-duplicate copies counts as one document (copy-weights.ts).
  const estimate = estimatedCopies(pieces.signatures, copies.duplicateThreshold, copies.permutations);
  const weights = estimate.weights;
  const documents = weights === undefined ? rowCount(counts) : Math.round(weights.reduce((sum, w) => sum + w, 0));
  const idf = idfTable(tableFrequencies(counts, vocabularySize, weights), documents, STORY_PRIOR_DOCUMENTS);
  const prints = { vectors: weighRows(counts, idf), signatures: pieces.signatures, sketches: pieces.sketches, years: pieces.years, days: dates.map(dayNumber), countries: pieces.countries };
  const withCandidates = { ...prints, copyCandidates: estimate.candidates };
  return estimate.representative === undefined ? withCandidates : { ...withCandidates, representatives: estimate.representative };
}

/** The fingerprints of articles with their sentences, all on this thread. */
export function fingerprint(articles: readonly Article[], options: FingerprintOptions & CopyOptions): Fingerprints {
  const hasher = new MinHasher({ permutations: options.permutations, seed: options.seed });
  const vocab = new Vocabulary();
  const counts = countTable(articles.map((a) => termCounts(a, vocab, options)));
  const pieces = { signatures: articles.map((a) => signature(a, hasher, options.shingle)), sketches: articles.map((a) => sketch(a, options.shingle)), counts, vocabularySize: vocab.size, years: articles.map(latestYear), countries: Uint32Array.from(articles, articleCountry) };
  return fingerprintsFrom(pieces, articles.map((a) => a.date), options);
}

/**
 * Gold labels of a benchmark folder (stories.tsv, facts.jsonl) and the bridge from dedupe's own sentences to
 * the gold sentences, so fact alignment can be scored on gold sentence keys.
 */
import { linkKey } from './metrics.js';

export interface GoldMention {
  readonly path: string;
  /** 0-based line number in the article file. */
  readonly sentence: number;
  readonly text: string;
}

export interface GoldFact {
  readonly id: string;
  readonly mentions: readonly GoldMention[];
}

/** A sentence and its key, gold (`path#sentence`) or predicted (any key unique across the run). */
export interface KeyedSentence {
  readonly key: string;
  readonly text: string;
}

/** The key of a gold sentence: `path#sentence`. */
export function sentenceKey(path: string, sentence: number): string {
  return `${path}#${sentence}`;
}

/** The path part of a key made by `sentenceKey` (paths may themselves hold `#`). */
export function sentencePath(key: string): string {
  const hash = key.lastIndexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/**
 * Parses `path<TAB>story` lines into path → story. Skips blank lines and a header whose second column is
 * `story`; accepts CRLF. Throws an Error naming the 1-based line of a malformed or duplicated line.
 */
export function readStoriesTsv(text: string): Map<string, string> {
  const stories = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const columns = line.split('\t').map((column) => column.trim());
    const [path, story] = columns;
    if (index === 0 && story === 'story') return;
    if (columns.length !== 2 || !path || !story) {
      throw new Error(`stories.tsv line ${index + 1}: expected "path<TAB>story", got ${JSON.stringify(line)}`);
    }
    if (stories.has(path)) throw new Error(`stories.tsv line ${index + 1}: duplicate path ${path}`);
    stories.set(path, story);
  });
  return stories;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseMention(value: unknown): GoldMention | string {
  if (!isRecord(value)) return 'a mention is not an object';
  const { path, sentence, text } = value;
  if (typeof path !== 'string' || path === '') return 'a mention has no string "path"';
  if (typeof sentence !== 'number' || !Number.isInteger(sentence) || sentence < 0) {
    return 'a mention has no non-negative integer "sentence"';
  }
  if (typeof text !== 'string') return 'a mention has no string "text"';
  return { path, sentence, text };
}

/**
 * Parses facts.jsonl: one JSON object a line, `{ fact?, mentions: [{ path, sentence, text, ...}] }`. The id is
 * the `fact` field (or `id`) when it is a string, else the 0-based line index. Other fields (`label`, a
 * mention's `story`) are ignored. Skips blank lines; throws an Error naming the 1-based line of a bad one.
 */
export function readFactsJsonl(text: string): GoldFact[] {
  const facts: GoldFact[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const fail = (reason: string): Error => new Error(`facts.jsonl line ${index + 1}: ${reason}`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw fail(`invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isRecord(value)) throw fail('not a JSON object');
    if (!Array.isArray(value.mentions)) throw fail('no "mentions" array');
    const mentions = value.mentions.map((raw: unknown) => {
      const mention = parseMention(raw);
      if (typeof mention === 'string') throw fail(mention);
      return mention;
    });
    const id = typeof value.fact === 'string' ? value.fact : typeof value.id === 'string' ? value.id : String(index);
    facts.push({ id, mentions });
  });
  return facts;
}

/**
 * Gold sentence links: every pair of sentence keys from different articles that mention one gold fact, and
 * every annotated sentence key. Pairs inside one article are not links (dedupe aligns across articles).
 */
export function goldLinks(facts: readonly GoldFact[]): { links: Set<string>; sentences: Set<string> } {
  const links = new Set<string>();
  const sentences = new Set<string>();
  for (const fact of facts) {
    const keys = [...new Set(fact.mentions.map((m) => sentenceKey(m.path, m.sentence)))];
    for (const key of keys) sentences.add(key);
    addCrossArticleLinks(keys, links);
  }
  return { links, sentences };
}

function addCrossArticleLinks(keys: readonly string[], links: Set<string>): void {
  for (let i = 0; i < keys.length; i += 1) {
    const a = keys[i] ?? '';
    for (let j = i + 1; j < keys.length; j += 1) {
      const b = keys[j] ?? '';
      if (sentencePath(a) !== sentencePath(b)) links.add(linkKey(a, b));
    }
  }
}

/**
 * The gold links a fact alignment predicts. `groups` holds the predicted sentence keys of each fact group;
 * `goldToPred` (from `matchSentences`, merged over articles) maps each annotated gold sentence key to the
 * predicted sentences that cover it. Two gold sentences from different articles are linked when a predicted
 * sentence of each lies in one group. Only gold sentences in `goldToPred` can be linked, so the result is
 * comparable with `goldLinks(...).links`. Predicted keys must be unique across articles.
 */
export function predictedLinks(
  groups: readonly (readonly string[])[],
  goldToPred: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const predToGold = new Map<string, string[]>();
  for (const [goldKey, predKeys] of goldToPred) {
    for (const predKey of predKeys) {
      const golds = predToGold.get(predKey);
      if (golds === undefined) predToGold.set(predKey, [goldKey]);
      else golds.push(goldKey);
    }
  }
  const links = new Set<string>();
  for (const group of groups) {
    const golds = new Set<string>();
    for (const predKey of group) for (const goldKey of predToGold.get(predKey) ?? []) golds.add(goldKey);
    addCrossArticleLinks([...golds], links);
  }
  return links;
}

/**
 * The words of a text for sentence matching: NFKD with diacritics dropped, lower case, split on anything that
 * is not a letter or digit. Quotes (straight or curly), punctuation and its spacing, and whitespace vanish,
 * so `Lohan ’ s “ home ”` and `Lohan's "home"` give the same words.
 */
export function normalTokens(text: string): string[] {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words === null ? [] : [...words];
}

/** Least share of a gold sentence's words the fallback alignment must match. */
const MIN_OVERLAP = 0.6;

/**
 * Maps each gold sentence of ONE article to the predicted sentences of the same article that cover it, in
 * reading order; `[]` when none is found. `predicted` must be in reading order. Both sides are reduced to
 * `normalTokens`, and the predicted sentences are laid end to end as one word stream, so a gold line split
 * into several predicted sentences maps to all of them, and two gold lines merged into one map to the same one.
 *
 * 1. Exact: the gold words as a contiguous run of the stream, searched from the end of the previous gold
 *    sentence's match first (so repeated sentences resolve in reading order), then from the start.
 * 2. Otherwise approximate: a local alignment (Smith–Waterman, match +2, mismatch −1, gap −1) of the gold
 *    words against the stream; accepted when it matches at least 60 % of the gold words, and then the
 *    predicted sentences owning a matched word are returned. A short gold sentence whose words also occur
 *    elsewhere may be placed wrongly; a gold sentence mostly lost in re-segmentation maps to `[]`.
 * Cost: linear per exact match; the fallback is O(gold words × article words).
 */
export function matchSentences(
  goldSentences: readonly KeyedSentence[],
  predicted: readonly KeyedSentence[],
): Map<string, string[]> {
  const vocabulary = new Map<string, number>();
  const ids: number[] = [];
  const owners: number[] = [];
  predicted.forEach((sentence, index) => {
    for (const word of normalTokens(sentence.text)) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
      }
      ids.push(id);
      owners.push(index);
    }
  });
  const stream = Int32Array.from(ids);
  const result = new Map<string, string[]>();
  let cursor = 0;
  for (const gold of goldSentences) {
    // A gold word absent from the article gets -1, which matches nothing.
    const needle = Int32Array.from(normalTokens(gold.text), (word) => vocabulary.get(word) ?? -1);
    let positions: number[] = [];
    if (needle.length > 0) {
      let start = findRun(needle, stream, cursor);
      if (start < 0) start = findRun(needle, stream, 0);
      if (start >= 0) {
        positions = Array.from(needle, (_, offset) => start + offset);
        cursor = start + needle.length;
      } else {
        const matched = alignLocal(needle, stream);
        if (matched.length >= MIN_OVERLAP * needle.length) positions = matched;
      }
    }
    const covering = [...new Set(positions.map((position) => owners[position] ?? -1))].sort((a, b) => a - b);
    result.set(gold.key, covering.flatMap((index) => predicted[index]?.key ?? []));
  }
  return result;
}

/** First start ≥ `from` where `needle` occurs as a contiguous run of `stream`, or -1. */
function findRun(needle: Int32Array, stream: Int32Array, from: number): number {
  const last = stream.length - needle.length;
  outer: for (let start = from; start <= last; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (stream[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Smith–Waterman local alignment; returns the stream positions of the equal words in the best local match. */
function alignLocal(needle: Int32Array, stream: Int32Array): number[] {
  const cols = stream.length + 1;
  const score = new Int32Array((needle.length + 1) * cols);
  const at = (cell: number): number => score[cell] ?? 0;
  const same = (i: number, j: number): boolean => needle[i - 1] === stream[j - 1];
  let best = 0;
  let bestCell = -1;
  for (let i = 1; i <= needle.length; i += 1) {
    for (let j = 1; j <= stream.length; j += 1) {
      const cell = i * cols + j;
      const value = Math.max(
        0,
        at(cell - cols - 1) + (same(i, j) ? MATCH : MISMATCH),
        at(cell - cols) + GAP,
        at(cell - 1) + GAP,
      );
      score[cell] = value;
      if (value > best) {
        best = value;
        bestCell = cell;
      }
    }
  }
  const matched: number[] = [];
  let cell = bestCell;
  while (cell > 0 && at(cell) > 0) {
    const i = Math.floor(cell / cols);
    const j = cell % cols;
    const value = at(cell);
    if (value === at(cell - cols - 1) + (same(i, j) ? MATCH : MISMATCH)) {
      if (same(i, j)) matched.push(j - 1);
      cell -= cols + 1;
    } else if (value === at(cell - cols) + GAP) {
      cell -= cols;
    } else {
      cell -= 1;
    }
  }
  return matched.reverse();
}

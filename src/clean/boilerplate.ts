/**
 * Clean: decide which lines of an article are news and which are boilerplate — photo captions repeated in
 * the article, credit lines and posting stamps (see stamps.ts), video promos, editors' notes, corrections and
 * revision notes (see notes.ts), stray one- or two-word lines, sub-headings, and lines that recur across many articles in different surroundings (site furniture). Pure
 * functions over parsed articles.
 */
import type { DropReason, DroppedLine, ParsedArticle } from '../types.js';
import { FNV_OFFSET, FNV_PRIME, hashString, mix32 } from '../fingerprint/hash.js';
import { grown } from '../util/typed.js';
import { isWhiteSpace } from '../text/words.js';
import { isStamp } from './stamps.js';
import { isLinkText, looksLikeFurniture } from './furniture.js';
import { editorialNote } from './notes.js';
import { REPORTED } from './reported.js';

export interface CleanedParagraphs {
  readonly paragraphs: readonly string[];
  readonly dropped: readonly DroppedLine[];
}

const NAME = "\\p{Lu}[\\p{L}'’.\\-]*";
const CREDIT = [
  /^[\p{Lu}][\p{L}'’.&\- ]{0,60} and (agencies|wires|wire services)\.?$/iu,
  new RegExp(`^[Bb][Yy]\\s+${NAME}(\\s+${NAME}){0,3}(\\s+(and|&)\\s+${NAME}(\\s+${NAME}){0,3})?(,\\s*[\\p{L} ]{1,40})?$`, 'u'),
  /^\(?(reporting|additional reporting|writing|editing|compiled|produced) by\b/i,
  /^(source|sources|photo|photos|image|images|credit|credits|video)\s*:/i,
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
];

const PROMO = [
  /\bhas (more|the latest|this report|the story) (from|on)\b/i,
  /^(watch|listen|related|see also|read more|more stories|video)\s*:/i,
  /^(read more|read also|also read|click here|subscribe|sign up|follow us|share this|advertisement)\b/i,
  /\b(follow|like) us on (twitter|facebook|instagram|x)\b/i,
  /\bclick here\b/i,
];

const CAPTION = [
  /^(a |an |the )?(still )?(image|photo|picture|file photo|screenshot|screengrab|video grab)s? (taken from|shows|showing)\b/i,
  /^(file )?(photo|picture|image)\s*[:\-–—]/i,
  /\b(reuters|afp|ap|getty images|epa|anadolu)\s*(\/|photo)\s*[\p{L} .]{0,40}$/iu,
];

/**
 * A caption that ends in its picture's credit, as the Guardian and AP print them under the text: "Firefighters at
 * the scene in Lodi. Photograph: Luca Bruno/AP", "… (AP Photo/Hussein Malla)". Up to {@link MAX_CAPTION_WORDS}.
 */
const CREDITED_CAPTION = [
  /[.!?)”"]\s+(photograph|photo|photos|picture|image|illustration|composite|video)\s*:\s*[^.!?:;]{1,80}$/iu,
  /\((\p{Lu}{2,8}\s+)?photo\s*\/\s*[^()]{1,60}\)$/iu,
];

/** A line that ends by introducing what someone said or wrote: "The ministry added:", "The captain wrote:". */
const INTRODUCES_QUOTE = /\b(said|says|told|tells|added|adds|wrote|writes|read|reads|stated|states|announced|announces|tweeted|posted|explained|explains|continued|warned|declared|insisted|replied|asked|noted|concluded)\s*:$/i;

/** Longest line that can be dropped as a caption repeated within its article. */
const MAX_CAPTION_WORDS = 40;

/**
 * The words of `line` (runs of code units above U+0020), or `cap + 1` once there are more than `cap`: every rule here
 * asks only whether a line has at most some number of words, at most {@link MAX_CAPTION_WORDS}, and most lines of
 * news are longer, so the count stops early instead of reading the whole paragraph (three times, before).
 */
function wordsUpTo(line: string, cap: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) <= 32;
    if (!space && !inWord && ++count > cap) return count;
    inWord = !space;
  }
  return count;
}

function endsLikeSentence(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  // . ! ? " ” ’ ) … :
  return last === 46 || last === 33 || last === 63 || last === 34 || last === 0x201d || last === 0x2019 || last === 41 || last === 0x2026 || last === 58;
}

/** Classify one line on its own (without knowledge of other articles). */
export const classifyLine = (line: string): DropReason | undefined => classifyCounted(line, wordsUpTo(line, MAX_CAPTION_WORDS));

/** {@link classifyLine} given the line's {@link wordsUpTo} at a cap of at least 25. */
function classifyCounted(line: string, n: number): DropReason | undefined {
  // A Markdown heading below the headline (input/parse.ts keeps its marker): a second headline or a sub-heading.
  if (line.charCodeAt(0) === 35 && /^#{1,6} /.test(line)) return 'heading';
  if (n <= 6 && isLinkText(line)) return 'promo';
  if (n <= 2 && !endsLikeSentence(line)) return 'short';
  // An editor's note about the article (clean/notes.ts) before the rest: "CORRECTION: An earlier version of this
  // report said 41 …" reports no one, though it says "said".
  const note = editorialNote(line, n);
  if (note) return note;
  if (n <= 25 && line.length <= 400) {
    if (CREDIT.some((re) => re.test(line)) || isStamp(line)) return 'credit';
    if (PROMO.some((re) => re.test(line))) return 'promo';
    if (CAPTION.some((re) => re.test(line))) return 'caption';
  }
  if (n <= MAX_CAPTION_WORDS && line.length <= 600) {
    if (CREDITED_CAPTION.some((re) => re.test(line))) return 'caption';
  }
  if (n <= 10 && !endsLikeSentence(line)) return 'heading';
  // "About the prison:", "What we know so far:" — a sub-heading; "He said:", "The statement read:" introduce a quote and stay.
  if (n <= 6 && line.charCodeAt(line.length - 1) === 58 && !REPORTED.test(line) && !INTRODUCES_QUOTE.test(line)) return 'heading';
  return undefined;
}

function normalise(line: string): string {
  return line.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Per code unit from 128: its lower case, when that is one code unit in any context; {@link NO_LOWER} if not; 0 unknown yet. */
const wideLower = new Uint16Array(65536);
const NO_LOWER = 0xffff;

/**
 * The lower case of code unit `c` (≥ 128) on its own, or {@link NO_LOWER} when lower-casing a string does more
 * than map it alone: a surrogate half, capital sigma (final or not depends on what follows), or a mapping to two
 * units ("İ"). Memoised.
 */
function lowerUnit(c: number): number {
  let lower = wideLower[c] as number;
  if (lower === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    lower = (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || s.length !== 1 ? NO_LOWER : s.charCodeAt(0);
    wideLower[c] = lower;
  }
  return lower;
}

/**
 * `hashString(normalise(line))` without building the normalised string: one pass over its code units,
 * lower-casing them one by one and folding each run of white space into one space (none at the ends). A line with
 * a code unit whose lower case depends on its context goes the string way. Property-tested equal.
 */
export function normalisedHash(line: string): number {
  // Most lines are ASCII: their UTF-8 bytes are their code units, which a loop reads faster from a byte array
  // than from the string (the engine's UTF-8 encoder runs at about a nanosecond a character). A line is ASCII
  // when all of it was read and each code unit took one byte: a code unit past U+007F takes two or three, and
  // encodeInto stops where the array is full, so `written` alone can equal the length of a line that is not.
  if (line.length <= ASCII_MAX) {
    if (line.length > scratch.length) scratch = new Uint8Array(Math.max(line.length, 2 * scratch.length));
    const { read, written } = utf8.encodeInto(line, scratch);
    if (read === line.length && written === read) return asciiHash(scratch, line.length);
  }
  let h = FNV_OFFSET | 0;
  let length = 0;
  let space = false;
  for (let i = 0; i < line.length; i++) {
    let c = line.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : isWhiteSpace(c)) {
      space = length > 0;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      length++;
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) {
      c = lowerUnit(c);
      if (c === NO_LOWER) return hashString(normalise(line));
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    length++;
  }
  return mix32(h ^ length);
}

/** Longest line hashed from its bytes (longer ones, rare, from the string: no scratch array grown for them). */
const ASCII_MAX = 1 << 16;
const utf8 = new TextEncoder();
let scratch = new Uint8Array(4096);

/** {@link normalisedHash} of an ASCII line from its `length` bytes in `bytes`: the same steps, on bytes. */
function asciiHash(bytes: Uint8Array, length: number): number {
  let h = FNV_OFFSET | 0;
  let count = 0;
  let space = false;
  for (let i = 0; i < length; i++) {
    let c = bytes[i] as number;
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = count > 0;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      count++;
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
    count++;
  }
  return mix32(h ^ count);
}

/** The side of a neighbour in the low word of a {@link LineCounter} entry: its top bit. */
const BEFORE = 0;
const AFTER = 0x80000000;
/** No neighbour on that side: the line starts or ends its article. */
const EDGE = 0;
/** A neighbouring line's hash as the rest of the low word: 31 bits, never {@link EDGE}. */
const side = (hash: number): number => ((hash >>> 1) | 1) >>> 0;

/** Where the high word of a 64-bit number sits in a pair of 32-bit words (1 on little-endian machines). */
const HIGH = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 1 : 0;

/**
 * Lines that recur across articles in different surroundings: seen in at least `minArticles` articles, with on
 * each side at least `minArticles` different neighbouring lines, or none at all (the line starts, or ends, every
 * article it is in). Site furniture ("Our correspondent contributed to this report.") sits among different text
 * on both sides. Republished wire copy repeats its lines with the same neighbours on at least one side, so copies
 * do not make each other's text "recurring": a copy's last sentence is followed by each outlet's own credit line,
 * or none, but preceded by the same sentence. (Counting the pair of neighbours together, as before, took that last
 * sentence for furniture in three copies with three different credit lines, and dropped it from all of them.)
 * Articles are added one at a time (as they are read); each distinct line of an article costs 16 bytes in flat
 * arrays, not a Map entry and a Set.
 */
export class LineCounter {
  /**
   * Per distinct line of each article, two pairs of words: its hash (the high word) and a neighbour (the low
   * word: {@link BEFORE} or {@link AFTER}, and the neighbour's {@link side} value or {@link EDGE}).
   */
  #entries = new Uint32Array(1024);
  #length = 0;

  add(paragraphs: readonly string[]): void {
    this.addEntries(LineCounter.entriesOf(paragraphs));
  }

  /**
   * What {@link add} counts of an article's paragraphs, on any thread (a read worker works it out next to the
   * file): per distinct line, its hash with the line before it, and its hash with the line after it, in the
   * counter's word order. `hashes`: the paragraphs' {@link lineHashes}, if known.
   */
  static entriesOf(paragraphs: readonly string[], hashes = lineHashes(paragraphs)): Uint32Array {
    const unique = new Set<number>();
    const entries = new Uint32Array(4 * hashes.length);
    let length = 0;
    hashes.forEach((h, i) => {
      if (unique.has(h)) return;
      unique.add(h);
      entries[length + HIGH] = h;
      entries[length + 1 - HIGH] = BEFORE | (i > 0 ? side(hashes[i - 1] as number) : EDGE);
      entries[length + 2 + HIGH] = h;
      entries[length + 3 - HIGH] = AFTER | (i + 1 < hashes.length ? side(hashes[i + 1] as number) : EDGE);
      length += 4;
    });
    return entries.subarray(0, length);
  }

  /** The distinct line hashes an article's {@link entriesOf} holds, in the order of its lines. */
  static hashesIn(entries: Uint32Array): Uint32Array {
    const hashes = new Uint32Array(entries.length / 4);
    for (let i = 0; i < hashes.length; i++) hashes[i] = entries[4 * i + HIGH] as number;
    return hashes;
  }

  /** Adds an article's {@link entriesOf}. */
  addEntries(entries: Uint32Array): void {
    while (this.#length + entries.length > this.#entries.length) this.#entries = grown(this.#entries);
    this.#entries.set(entries, this.#length);
    this.#length += entries.length;
  }

  /** The hashes of the recurring lines among the articles added so far. */
  recurring(minArticles = 3): Set<number> {
    // As 64-bit numbers (hash high, neighbour low), sorting groups each line's entries: the neighbours before it in
    // order, then those after it (the side is the low word's top bit), so distinct neighbours are the changes.
    const pairs = new BigUint64Array(this.#entries.buffer, 0, this.#length / 2).sort();
    const words = new Uint32Array(pairs.buffer, 0, this.#length);
    const result = new Set<number>();
    const varied = (distinct: number, only: number): boolean => distinct >= minArticles || (distinct === 1 && only === EDGE);
    for (let i = 0; i < words.length; ) {
      const h = words[i + HIGH] as number;
      let articles = 0;
      let before = 0;
      let after = 0;
      let previous = -1;
      let onlyBefore = -1;
      let onlyAfter = -1;
      for (; i < words.length && words[i + HIGH] === h; i += 2) {
        const low = words[i + 1 - HIGH] as number;
        const isAfter = low >= AFTER;
        if (!isAfter) articles++; // each article gives a line one entry a side
        if (low === previous) continue;
        previous = low;
        const value = isAfter ? low - AFTER : low;
        if (isAfter) {
          after++;
          onlyAfter = value;
        } else {
          before++;
          onlyBefore = value;
        }
      }
      if (articles >= minArticles && varied(before, onlyBefore) && varied(after, onlyAfter)) result.add(h);
    }
    return result;
  }
}

/** {@link LineCounter} over `articles` at once. */
export function recurringLines(articles: readonly ParsedArticle[], minArticles = 3): Set<number> {
  const counter = new LineCounter();
  for (const article of articles) counter.add(article.paragraphs);
  return counter.recurring(minArticles);
}

/** Longest line that can be dropped for recurring across articles. */
export const MAX_RECURRING_WORDS = 12;

/** Each line's {@link normalisedHash}. */
export const lineHashes = (paragraphs: readonly string[]): Uint32Array => Uint32Array.from(paragraphs, normalisedHash);

/** Split an article's paragraphs into news and dropped boilerplate (`hashes`: their {@link lineHashes}, if known). */
export function cleanParagraphs(article: Pick<ParsedArticle, 'paragraphs'>, recurring: ReadonlySet<number>, hashes = lineHashes(article.paragraphs)): CleanedParagraphs {
  const paragraphs = article.paragraphs;
  const hashCounts = new Map<number, number>();
  for (const h of hashes) hashCounts.set(h, (hashCounts.get(h) ?? 0) + 1);
  // A line is repeated within the article when another has the same normalised text. Only lines whose hash
  // repeats (few) are compared by their text, since two lines' hashes may collide.
  let repeats: Map<string, number> | undefined;
  const seen = new Set<string>();
  const repeated = (i: number): boolean => {
    if ((hashCounts.get(hashes[i] as number) ?? 0) < 2) return false;
    if (!repeats) {
      const counts = new Map<string, number>();
      paragraphs.forEach((p, j) => {
        if ((hashCounts.get(hashes[j] as number) ?? 0) < 2) return;
        const key = normalise(p);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
      repeats = counts;
    }
    return (repeats.get(normalise(paragraphs[i] as string)) ?? 0) > 1;
  };
  const kept: string[] = [];
  const dropped: DroppedLine[] = [];
  paragraphs.forEach((p, i) => {
    const n = wordsUpTo(p, MAX_CAPTION_WORDS);
    let reason: DropReason | undefined = classifyCounted(p, n);
    if (!reason && n <= MAX_CAPTION_WORDS && repeated(i)) {
      // A quote or a reported statement said twice is a pull quote: news, kept where it first stands.
      const key = normalise(p);
      if (!REPORTED.test(p)) reason = 'caption';
      else if (seen.has(key)) reason = 'repeat';
      else seen.add(key);
    }
    // Only short lines: wire services reuse whole background sentences across stories, and those are news. And
    // only lines that look like furniture: "No injuries were reported." recurs too, in unrelated stories and in
    // every local outlet's version of one wire story, and is news in each (see furniture.ts).
    if (!reason && n <= MAX_RECURRING_WORDS && recurring.has(hashes[i] as number) && looksLikeFurniture(p, endsLikeSentence(p))) reason = 'recurring';
    if (reason) dropped.push({ text: p, reason });
    else kept.push(p);
  });
  return { paragraphs: kept, dropped };
}

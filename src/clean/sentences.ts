/**
 * One article's text: its boilerplate dropped and the rest split into sentences. Pure given the set of
 * recurring lines, so it runs the same on this thread and on worker threads (parallel/clean.ts).
 */
import type { DroppedLine, Language, LiveEntry, ParsedArticle, ParsedEntry, Sentence } from '../types.js';
import { detectLanguage } from '../text/language.js';
import { countWords } from '../text/tokens.js';
import { splitSentences } from '../text/segment.js';
import { cleanParagraphs } from './boilerplate.js';
import { callsToAct, isLinkText } from './furniture.js';
import { opensCorrection } from './notes.js';
import { liveEntry, packSentences, unpackParagraphs } from './packed.js';
import type { Packed, PackedStore } from '../util/spill.js';

/** An article's sentences, and the lines dropped from it (boilerplate first, then short fragments). */
export interface CleanedText {
  readonly sentences: Sentence[];
  /** The first {@link MAX_LISTED_DROPPED} dropped lines. */
  readonly dropped: DroppedLine[];
  /** How many dropped lines are not listed. */
  readonly unlisted: number;
  /** The text of each dropped line of reason `correction`, the first {@link MAX_LISTED_CORRECTIONS}, listed or not. */
  readonly corrections: string[];
}

/**
 * Dropped lines listed per article. News articles drop a few lines each; a file of thousands of stray lines (a
 * log, a page of links) would otherwise put every one of them in the report, held in memory until it is written.
 */
export const MAX_LISTED_DROPPED = 100;

/**
 * Corrections kept per article, whether or not `dropped` lists them: an article has one or two; the bound is for a
 * file that is not an article.
 */
export const MAX_LISTED_CORRECTIONS = 20;

/**
 * Split paragraphs into sentences; fragments with fewer than two words ("(Reuters)", a stray symbol) are not news,
 * nor is the text of a link to the rest of the article at the end of a feed's description ("… landslides.
 * Continue reading...", dropped as a promo), nor a call on the reader to act ("Follow our live coverage below.",
 * a promo too: see furniture.ts). A correction that opens inside a paragraph runs to its end, as a feed's
 * description ends with one ("… killed 9 people. An earlier version of this story misstated the mayor's first
 * name. He is Julio Huamán, not Carlos Huamán."): from its first sentence on, the paragraph is dropped as one
 * `correction`.
 */
export function sentencesOf(paragraphs: readonly string[], dropped: DroppedLine[] = [], entryOf?: readonly (LiveEntry | undefined)[]): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    const entry = entryOf?.[paragraph];
    for (const span of splitSentences(p)) {
      const text = p.slice(span.start, span.end);
      if (opensCorrection(text)) {
        dropped.push({ text: p.slice(span.start).trimEnd(), reason: 'correction' });
        break;
      }
      if (isLinkText(text) || callsToAct(text)) dropped.push({ text, reason: 'promo' });
      else if (countWords(text, 2) < 2) dropped.push({ text, reason: 'short' });
      else sentences.push(entry === undefined ? { index: sentences.length, paragraph, text } : { index: sentences.length, paragraph, text, entry });
    }
  });
  return sentences;
}

/**
 * Clean an article's paragraphs against the `recurring` line hashes (see recurringLines) and segment them.
 * The sentences are pieces of the paragraphs, to be packed (see {@link cleanPacked}) rather than kept.
 * `hashes`: each paragraph's normalisedHash, if known.
 */
export function cleanText(article: Pick<ParsedArticle, 'paragraphs' | 'entries'>, recurring: ReadonlySet<number>, hashes?: Uint32Array): CleanedText {
  const cleaned = cleanParagraphs(article, recurring, hashes);
  const dropped = [...cleaned.dropped];
  const entryOf = article.entries === undefined ? undefined : keptEntries(article.paragraphs, cleaned.paragraphs, article.entries);
  const sentences = sentencesOf(cleaned.paragraphs, dropped, entryOf);
  const listed = dropped.slice(0, MAX_LISTED_DROPPED).map((d) => ({ ...d, text: ownCopy(d.text) }));
  const corrections = dropped.flatMap((d) => (d.reason === 'correction' ? [ownCopy(d.text)] : [])).slice(0, MAX_LISTED_CORRECTIONS);
  return { sentences, dropped: listed, unlisted: dropped.length - listed.length, corrections };
}

/**
 * The live blog entry of each kept paragraph (`kept`, what cleaning left of `paragraphs`, in order): the entry
 * whose first paragraph is the last at or before it in `paragraphs`, none before the first entry.
 */
function keptEntries(paragraphs: readonly string[], kept: readonly string[], entries: readonly ParsedEntry[]): (LiveEntry | undefined)[] {
  const out: (LiveEntry | undefined)[] = [];
  let at = 0;
  let e = -1;
  for (const p of kept) {
    while (at < paragraphs.length && paragraphs[at] !== p) at++;
    while (e + 1 < entries.length && (entries[e + 1] as ParsedEntry).paragraph <= at) e++;
    const entry = entries[e];
    out.push(entry === undefined ? undefined : liveEntry(entry));
    at++;
  }
  return out;
}

/** An article's cleaned text as it is kept: the sentences packed (see clean/packed.ts). */
export interface PackedText<T extends Packed = Uint8Array> {
  readonly sentenceCount: number;
  readonly text: T;
  readonly dropped: DroppedLine[];
  readonly droppedUnlisted: number;
  /** See {@link CleanedText.corrections}. */
  readonly corrections: string[];
  /** The language of the sentences (text/language.ts), when not English. */
  readonly language?: Language;
}

/**
 * {@link cleanText} of packed paragraphs (see clean/packed.ts), with the sentences packed: what the cleaning
 * stage hands on, from any thread. An article left with no sentence is skipped (it is not in the report), so its
 * dropped lines are not kept: on input that is all boilerplate they would be about the whole input, held until
 * the articles are assembled.
 */
export function cleanPacked(packed: Packed, recurring: ReadonlySet<number>): PackedText {
  const { paragraphs, hashes, entries } = unpackParagraphs(packed);
  const { sentences, dropped, unlisted, corrections } = cleanText(entries === undefined ? { paragraphs } : { paragraphs, entries }, recurring, hashes);
  const skipped = sentences.length === 0;
  const language = skipped ? 'en' : detectLanguage(sentences.map((s) => s.text));
  return { sentenceCount: sentences.length, text: packSentences(sentences), dropped: skipped ? [] : dropped, droppedUnlisted: skipped ? 0 : unlisted, corrections: skipped ? [] : corrections, ...(language !== 'en' ? { language } : {}) };
}

/**
 * `cleaned` with its packed text kept in `store`: in shared memory, where the workers of every later stage read
 * it in place, or in the spill file, where they read it back (see util/spill.ts).
 */
export function kept(cleaned: PackedText, store: PackedStore): PackedText<Packed> {
  return { ...cleaned, text: store.put(cleaned.text) };
}

/**
 * `text` in a string of its own. A substring V8 cuts from a longer string points into it and keeps all of
 * it alive: a paragraph or headline cut from a file's text would keep the whole file's text for the whole run
 * (measured: about a third of the articles' memory after cleaning, on this thread's share of the work).
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

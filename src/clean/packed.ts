/**
 * Articles as the pipeline holds them between stages ({@link StoredArticle}): the metadata as it is, the
 * sentences packed into one byte array of UTF-8 JSON. A sentence as a string and an object costs about twice
 * its text or more in the heap; packed, an article's sentences are one allocation outside it, copied to a
 * worker thread in one piece, and turned back into sentences only by the stage that reads them.
 */
import type { Article, LiveEntry, ParsedEntry, Sentence, StoredArticle } from '../types.js';
import { bytesOf, type Packed } from '../util/spill.js';
import { utf8Bytes } from '../util/utf8.js';

const decoder = new TextDecoder();

/**
 * The sentences as UTF-8 JSON: `[[paragraph, text], …]` in sentence order; a live blog entry's sentence has its
 * entry's time and order after them (`[paragraph, text, at, order]`).
 */
export function packSentences(sentences: readonly Sentence[]): Uint8Array {
  return utf8Bytes(JSON.stringify(sentences.map((s) => (s.entry === undefined ? [s.paragraph, s.text] : [s.paragraph, s.text, s.entry.at, s.entry.order]))));
}

/** The sentences {@link packSentences} packed (strings of their own, not pieces of a longer one). */
export function unpackSentences(text: Packed): Sentence[] {
  const pairs = JSON.parse(decoder.decode(bytesOf(text))) as [number, string, string?, number?][];
  return pairs.map(([paragraph, s, at, order], index) => (at === undefined ? { index, paragraph, text: s } : { index, paragraph, text: s, entry: { at, order: order ?? 0 } }));
}

/** Strings (say, an article's paragraphs) as UTF-8 JSON: half the memory of a string with any character past U+00FF. */
export function packStrings(strings: readonly string[]): Uint8Array {
  return utf8Bytes(JSON.stringify(strings));
}

/** The strings {@link packStrings} packed. */
export function unpackStrings(bytes: Packed): string[] {
  return JSON.parse(decoder.decode(bytesOf(bytes))) as string[];
}

/**
 * An article's paragraphs with the hash of each (`normalisedHash`, worked out once, when the file is read, and
 * used again when it is cleaned): their count and the hashes as 32-bit little-endian words, then the paragraphs
 * as {@link packStrings} packs them; a live blog's, with its entries (ParsedArticle.entries), as a JSON object
 * `{"paragraphs": […], "entries": […]}` instead.
 */
export function packParagraphs(paragraphs: readonly string[], hashes: Uint32Array, entries?: readonly ParsedEntry[]): Uint8Array {
  const json = entries === undefined ? packStrings(paragraphs) : utf8Bytes(JSON.stringify({ paragraphs, entries }));
  const out = new Uint8Array(4 + 4 * hashes.length + json.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, hashes.length, true);
  hashes.forEach((h, i) => view.setUint32(4 + 4 * i, h, true));
  out.set(json, 4 + 4 * hashes.length);
  return out;
}

/** The paragraphs, hashes and live blog entries {@link packParagraphs} packed. */
export function unpackParagraphs(packed: Packed): { paragraphs: string[]; hashes: Uint32Array; entries?: ParsedEntry[] } {
  const bytes = bytesOf(packed);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hashes = new Uint32Array(view.getUint32(0, true));
  for (let i = 0; i < hashes.length; i++) hashes[i] = view.getUint32(4 + 4 * i, true);
  const json = JSON.parse(decoder.decode(bytes.subarray(4 + 4 * hashes.length))) as string[] | { paragraphs: string[]; entries: ParsedEntry[] };
  return Array.isArray(json) ? { paragraphs: json, hashes } : { paragraphs: json.paragraphs, hashes, entries: json.entries };
}

/** A live blog entry as a sentence carries it: its time and order, without its paragraph. */
export const liveEntry = (e: ParsedEntry): LiveEntry => ({ at: e.at, order: e.order });

/** `article` with its sentences packed. */
export function stored(article: Article): StoredArticle {
  const { sentences, ...rest } = article;
  return { ...rest, sentenceCount: sentences.length, text: packSentences(sentences) };
}

/** `article` with its sentences unpacked (field order as an {@link Article}'s). */
export function unpacked(article: StoredArticle): Article {
  const { sentenceCount: _count, text, dropped, droppedUnlisted, corrections, ...rest } = article;
  return { ...rest, sentences: unpackSentences(text), dropped, ...(droppedUnlisted !== undefined ? { droppedUnlisted } : {}), ...(corrections !== undefined ? { corrections } : {}) };
}

/** An article's headline then sentences, the texts its fingerprints are made of. */
export function textsOf(article: Pick<StoredArticle, 'title' | 'text'>): string[] {
  return [article.title, ...unpackSentences(article.text).map((s) => s.text)];
}

/**
 * A page's JSON-LD `articleBody` in place of its visible text, when it is clearly the fuller text of the same
 * article. Paywalled pages show a headline, a lead and a subscription box, and put the whole article in their
 * `NewsArticle`'s `articleBody` for search engines; without it, such a page tells its story in two sentences.
 *
 * The `articleBody` is used when both hold:
 * - **the same article**: at least {@link SAME_SHARE} of the visible text's word triples (words lower-cased, runs
 *   of letters and digits) occur in the `articleBody` — the lead is the start of the body, while a paywall notice
 *   left in the page costs a few triples; a page that shows no text at all needs the JSON-LD `headline` to be the
 *   page's title (or to be absent);
 * - **fuller**: it has at least {@link FULLER_RATIO} times the visible text's words, and {@link FULLER_WORDS} more.
 * Otherwise the page's own text is kept: a body that is the same text (an open page), a shorter one (sites that put
 * only a summary there), or another article's (a related story's entity first among the blocks).
 */
import { htmlParagraphs } from './dom.js';

/** Share of the visible text's word triples that must occur in the `articleBody`, in [0, 1]. */
export const SAME_SHARE = 0.6;
/** How many times the visible text's words the `articleBody` must have, at least (≥ 1). */
export const FULLER_RATIO = 1.5;
/** How many words more than the visible text the `articleBody` must have, at least. */
export const FULLER_WORDS = 50;

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The word triples of `w` (single words when there are fewer than three), joined by spaces. */
function triples(w: readonly string[]): string[] {
  if (w.length < 3) return [...w];
  const out: string[] = [];
  for (let i = 0; i + 2 < w.length; i++) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Share of the distinct triples of `visible` found among those of `body`; only the visible ones are held. */
function sharedShare(visible: readonly string[], body: readonly string[]): number {
  const wanted = new Set(triples(visible));
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const t of triples(body)) {
    if (wanted.delete(t)) found++;
    if (wanted.size === 0) break;
  }
  return found / (found + wanted.size);
}

const TAG = /<[a-z/!]/i;
const ENTITY = /&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** `articleBody` as paragraphs: HTML by its blocks, plain text a paragraph a line (entities decoded). */
export function bodyParagraphs(body: string): string[] {
  if (TAG.test(body) || ENTITY.test(body)) return htmlParagraphs(TAG.test(body) ? body : body.replace(/\r?\n/g, '<br>'));
  return body
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/**
 * The `articleBody`'s paragraphs when they are to be used instead of `visible` (the page's own paragraphs, its
 * headline left out), else undefined. `sameHeadline`: whether the JSON-LD headline is the page's title or absent,
 * asked only when the page shows no text.
 */
export function fullerBody(visible: readonly string[], articleBody: string | undefined, sameHeadline: boolean): string[] | undefined {
  if (articleBody === undefined) return undefined;
  const paragraphs = bodyParagraphs(articleBody);
  const body = words(paragraphs.join(' '));
  const shown = words(visible.join(' '));
  if (body.length < FULLER_RATIO * shown.length || body.length < shown.length + FULLER_WORDS) return undefined;
  if (shown.length === 0) return sameHeadline ? paragraphs : undefined;
  return sharedShare(shown, body) >= SAME_SHARE ? paragraphs : undefined;
}

/** Whether two headlines are the same, case, punctuation and white space aside. */
export const sameHeadline = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');

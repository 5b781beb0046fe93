/**
 * Where the words of a text lie, by char-code scanning, without building any string: the one place that holds
 * the word rules. `tokenize` turns each span into a string; the fingerprint's word hasher hashes the span's
 * code units directly.
 *
 * Rules: letters and digits (UTF-16 code units in Unicode classes L and N; a surrogate half is neither) make
 * words; hyphens and other punctuation separate them; an apostrophe (' or ’) between a non-digit and a letter
 * or digit joins the two parts and is dropped ("shi'ite" → "shiite"); a possessive "'s" before a non-word
 * character is dropped ("Obama's" → "obama"); "," and "." between two digits stay ("1,200", "5.00").
 */

import { FNV_OFFSET, FNV_PRIME } from '../fingerprint/hash.js';

/** The span contains joining apostrophes, which are not part of the word. */
export const JOINED = 1;
/** The span ends with a possessive "'s" (two code units), which is not part of the word. */
const POSSESSIVE = 2;
/** The word has an ASCII upper-case letter. */
const UPPER = 4;
/** The word has a code unit beyond ASCII (lower-casing it may change its length). */
export const WIDE = 8;

/** One word's place in its text, filled in by {@link nextWord}. */
export class WordSpan {
  /** Index of the word's first code unit. */
  start = 0;
  /** Index just past the span, possessive "'s" included. */
  end = 0;
  /** {@link JOINED} | {@link POSSESSIVE} | {@link UPPER} | {@link WIDE}. */
  flags = 0;
  /** The word's length in code units (before lower-casing). */
  length = 0;
  /**
   * FNV-1a state (signed 32-bit) over the word's code units with ASCII letters lower-cased: unless the word
   * is {@link WIDE}, `mix32(fnv ^ length)` is `hashString` of the word, at no extra pass over the text.
   */
  fnv = 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per UTF-16 code unit beyond ASCII: 0 not yet known, 1 letter or digit, 2 neither; filled as met. */
const wideClass = new Uint8Array(65536);

function isWideWordChar(code: number): boolean {
  let k = wideClass[code] ?? 0;
  if (k === 0) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    wideClass[code] = k;
  }
  return k === 1;
}

/** True for a letter or digit code unit; ASCII by ranges, beyond by Unicode class (memoised). */
function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return isWideWordChar(code);
}

/** Whether the UTF-16 code unit `c` is white space as the regular expression `\s` and `trim()` see it. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True for an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Find the first word of `text` at or after index `from` and describe it in `span`; false when there is none.
 * The next word starts at or after `span.end`.
 */
export function nextWord(text: string, from: number, span: WordSpan): boolean {
  const n = text.length;
  let i = from;
  while (i < n && !isWordChar(text.charCodeAt(i))) i++;
  if (i >= n) return false;
  const start = i;
  let flags = 0;
  let skipped = 0;
  let h = FNV_OFFSET | 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      continue;
    }
    if (c >= 65 && c <= 90) {
      h = Math.imul(h ^ (c + 32), FNV_PRIME);
      flags |= UPPER;
      i++;
      continue;
    }
    if (c >= 128 && isWideWordChar(c)) {
      flags |= WIDE;
      i++;
      continue;
    }
    // Not a letter or digit. Only "," "." and apostrophes can continue the word; `prev` always is a letter
    // or digit, since every step into the word ends on one.
    if (c !== 44 && c !== 46 && c !== 39 && c !== 0x2019) break;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const prev = text.charCodeAt(i - 1);
    if ((c === 44 || c === 46) && isDigit(prev) && isDigit(next)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      continue;
    }
    if ((c === 39 || c === 0x2019) && isWordChar(next) && !isDigit(prev)) {
      const afterNext = i + 2 < n ? text.charCodeAt(i + 2) : 0;
      if ((next === 115 || next === 83) && !isWordChar(afterNext)) {
        flags |= POSSESSIVE;
        skipped += 2;
        i += 2;
        break;
      }
      flags |= JOINED;
      skipped++;
      i++;
      continue;
    }
    break;
  }
  span.start = start;
  span.end = i;
  span.flags = flags;
  span.length = i - start - skipped;
  span.fnv = h;
  return true;
}

/** Index just past the word's last code unit: the span's end without a possessive "'s". */
function wordEnd(span: WordSpan): number {
  return span.flags & POSSESSIVE ? span.end - 2 : span.end;
}

/** The word a span holds, lower-cased, apostrophes and possessive "'s" removed. */
export function wordText(text: string, span: WordSpan): string {
  const end = wordEnd(span);
  let word: string;
  if (span.flags & JOINED) {
    word = '';
    let segment = span.start;
    for (let i = span.start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019) {
        word += text.slice(segment, i);
        segment = i + 1;
      }
    }
    word += text.slice(segment, end);
  } else {
    word = text.slice(span.start, end);
  }
  // Lower-case the whole word at once: some mappings depend on context (Greek final sigma) or change length.
  return span.flags & (UPPER | WIDE) ? word.toLowerCase() : word;
}

/** True when the word starting at `start` begins with an upper-case letter. */
export function isCapitalizedAt(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first >= 65 && first <= 90) return true;
  return first >= 128 && text[start] !== text[start]?.toLowerCase();
}

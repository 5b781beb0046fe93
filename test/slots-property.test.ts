/**
 * The slot finders' char-code paths against the regular expressions they replaced, kept here as references:
 * - `tokenize` (a code-point scanner) returns exactly the tokens of the original `matchAll` tokenizer, for
 *   text over letters of several scripts, astral letters, combining marks, lone surrogates, apostrophes,
 *   hyphens, digits with separators and every kind of white space;
 * - `hasHyphen` is the test for /[‐‑-]/.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHyphen, tokenize, type Tok } from '../src/facts/slots/tokens.js';

const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’‐‑-]\p{L}[\p{L}\p{M}]*)*)|(\d+(?:[.,:]\d+)*)|(\S)/gu;
function referenceTokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = m.index;
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'punct';
    const poss = kind === 'word' && /['’][sS]$/.test(t);
    const lower = poss ? t.slice(0, -2).toLowerCase() : kind === 'word' ? t.toLowerCase() : t;
    const cap = kind === 'word' && t[0] !== t[0]?.toLowerCase();
    toks.push({ text: t, lower, start, end: start + t.length, kind, cap, poss });
  }
  return toks;
}

const PIECES = [
  'a', 's', 'S', 'Obama', 'al', 'Assad', 'É', 'é', 'ß', 'İ', 'Σ', 'ς', 'ж', '中', 'ع', 'ǅ', 'ﬁ', '١', 'Ⅻ', '²',
  '𝐀', '𐐀', '𐐨', '😀', '\ud835', '\udc00', '\u0301', '\u0308', '\u0903', '0', '1', '12', '2015', '.', ',', ':',
  "'", '’', "'s", '’S', '-', '‐', '‑', '–', '"', '$', '£', '%', '/', '#', ' ', ' ', '\t', '\n', '\u00a0',
  '\u2028', '\u3000', '\ufeff', '\u200b',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));

describe('slot tokens by char codes', () => {
  it('tokenize returns the tokens of the regular-expression tokenizer', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(tokenize(text)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('tokenize agrees on any string of UTF-16 code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), (x, y) => {
        expect(tokenize(x)).toEqual(referenceTokenize(x));
        expect(tokenize(y)).toEqual(referenceTokenize(y));
      }),
      { numRuns: 3000 },
    );
  });

  it('hasHyphen is a test for the three hyphens', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(hasHyphen(text)).toBe(/[‐‑-]/.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});

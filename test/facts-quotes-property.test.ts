/**
 * The quotation check on integer word ids (StoryQuotes, hasCommonRun) against its first definition, kept here
 * as the reference: quoted spans tokenised to strings, the longest common run by a full two-row DP, the other
 * sentence's words sliced to 2000, and the check run for every pair that has any quote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCommonRun, quotedSpans, StoryQuotes } from '../src/facts/quotes.js';
import { tokenize } from '../src/text/tokens.js';
import { storyTermCounts } from '../src/facts/terms.js';

const OPEN = new Set([34, 0x201c, 0x201e, 0x00ab]);
const CLOSE = new Set([34, 0x201d, 0x00bb]);
function refQuotedSpans(text: string): string[][] {
  const spans: string[][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open < 0 && OPEN.has(c)) open = i + 1;
    else if (open >= 0 && CLOSE.has(c)) {
      const words = tokenize(text.slice(open, i)).map((t) => t.word);
      if (words.length > 0) spans.push(words.slice(0, 300));
      open = -1;
    }
  }
  return spans;
}
function refLongestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}
function refShared(x: string, y: string): boolean {
  const [qa, qb] = [refQuotedSpans(x), refQuotedSpans(y)];
  if (qa.length === 0 && qb.length === 0) return false;
  const [wa, wb] = [tokenize(x).map((t) => t.word), tokenize(y).map((t) => t.word)];
  const check = (quotes: string[][], other: string[]): boolean =>
    quotes.some((q) => q.length >= 4 && refLongestCommonRun(q, other.slice(0, 2000)) >= Math.min(6, q.length));
  return check(qa, wb) || check(qb, wa);
}

// Very few distinct words (and a shared passage spliced into several texts), so long common runs are frequent;
// every kind of quotation mark, opened and closed.
const PIECES = ['we', 'We', 'new', "new's", 'it', ' ', ' ', ' ', ' ', ', ', '.', '"', '“', '”', '„', '«', '»', '1,200', 'ça'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((ps) => ps.join(''));
const passageArb = fc.array(fc.constantFrom('we', 'We', 'new', "new's", 'it', 'ça', '1,200'), { minLength: 3, maxLength: 12 }).map((ws) => ws.join(' '));
const storyArb = fc
  .tuple(passageArb, fc.array(fc.tuple(textArb, fc.constantFrom('', '"', '“', '«'), fc.constantFrom('', '"', '”', '»'), textArb), { minLength: 2, maxLength: 5 }))
  .map(([passage, parts]) => parts.map(([before, open, close, after]) => `${before} ${open}${passage}${close} ${after}`));

describe('quotation check on word ids', () => {
  it('quotedSpans gives the reference spans', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        expect(quotedSpans(t)).toEqual(refQuotedSpans(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('StoryQuotes.shared equals the reference check, for every pair of a story', () => {
    fc.assert(
      fc.property(storyArb, (texts) => {
        const quotes = new StoryQuotes(texts);
        for (let a = 0; a < texts.length; a++) {
          for (let b = a + 1; b < texts.length; b++) expect(quotes.shared(a, b)).toBe(refShared(texts[a] as string, texts[b] as string));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('StoryQuotes.shared equals the reference check with the words kept by storyTermCounts', () => {
    fc.assert(
      fc.property(storyArb, (texts) => {
        const quotes = new StoryQuotes(texts, storyTermCounts(texts, true).words);
        for (let a = 0; a < texts.length; a++) {
          for (let b = a + 1; b < texts.length; b++) expect(quotes.shared(a, b)).toBe(refShared(texts[a] as string, texts[b] as string));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('hasCommonRun(a, b, k) is whether the longest common run is at least k', () => {
    const list = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 25 });
    fc.assert(
      fc.property(list, list, fc.integer({ min: 1, max: 8 }), (a, b, k) => {
        const want = refLongestCommonRun(a.map(String), b.map(String)) >= k;
        expect(hasCommonRun(Int32Array.from(a), Int32Array.from(b), k)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the first 300 words of a quote and the first 2000 of the other sentence', () => {
    const long = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');
    const check = (x: string, y: string): boolean => new StoryQuotes([x, y]).shared(0, 1);
    const checkKept = (x: string, y: string): boolean => {
      return new StoryQuotes([x, y], storyTermCounts([x, y], true).words).shared(0, 1);
    };
    for (const [x, y] of [
      [`"${long(310)}"`, long(6, 300)],
      [`"${long(310)}"`, long(6, 294)],
      [`He said "${long(8, 1995)}".`, long(2003)],
      [`He said "${long(8, 1994)}".`, long(2003)],
    ] as const) {
      expect(check(x, y)).toBe(refShared(x, y));
      expect(checkKept(x, y)).toBe(refShared(x, y));
    }
  });
});

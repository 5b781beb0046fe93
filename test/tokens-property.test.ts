/**
 * The fast word scanning (src/text/words.ts) against the word rules as first written: a copy of the original
 * `tokenize` kept here as the reference. For random text over an alphabet of several scripts, digits, number
 * punctuation, both apostrophes, "'s", hyphens, "İ", "ß", final sigma, combining marks and surrogate pairs:
 * - `tokenize` returns exactly the reference tokens, and `countWords` counts them (up to its limit);
 * - `wordHashes` gives `hashString` of each reference word;
 * - `contentTerms`, `termCounts` (with its vocabulary ids), `signature`, `signatureOfTexts`, `shingleSet` and
 *   `signatureAndTermCounts` (both on one pass)
 *   equal what the reference tokens give;
 * - one SequentialTermCounter reused across documents counts as a new TermCounter per document does;
 * - `collapseKey` (with its shortcut for text already collapsed) equals the regular-expression definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseKey } from '../src/facts/collapse.js';
import { contentTerms, countWords, isContentWord, stem, tokenize, type Token } from '../src/text/tokens.js';
import { hashString } from '../src/fingerprint/hash.js';
import { HashList, wordHashes } from '../src/fingerprint/word-hashes.js';
import { shingleSet, signature, signatureAndTermCounts, signatureOfTexts, termCounts } from '../src/fingerprint/articles.js';
import { MinHasher } from '../src/fingerprint/minhash.js';
import { shingles } from '../src/fingerprint/shingles.js';
import { SequentialTermCounter, TermCounter, Vocabulary, type TermCounts } from '../src/fingerprint/tfidf.js';
import { article } from './article-fixture.js';

// ---- The reference: tokenize as it was before the scanner (char-code loop, string building per word). ----
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function refIsWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code === 0x2019 || code === 0x2018) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}
const refIsDigit = (code: number): boolean => code >= 48 && code <= 57;
const refIsApostrophe = (code: number): boolean => code === 39 || code === 0x2019;
function referenceTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !refIsWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let word = '';
    let segment = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (refIsWordChar(c)) {
        i++;
        continue;
      }
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const prev = text.charCodeAt(i - 1);
      if ((c === 44 || c === 46) && refIsDigit(prev) && refIsDigit(next)) {
        i++;
        continue;
      }
      if (refIsApostrophe(c) && refIsWordChar(next) && !refIsDigit(prev)) {
        word += text.slice(segment, i);
        const afterNext = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        if ((next === 115 || next === 83) && !refIsWordChar(afterNext)) {
          i += 2;
          segment = i;
          break;
        }
        i++;
        segment = i;
        continue;
      }
      break;
    }
    word += text.slice(segment, i);
    const first = text.charCodeAt(start);
    const capitalized = first >= 65 && first <= 90 ? true : first >= 128 && text[start] !== text[start]?.toLowerCase();
    if (word.length > 0) tokens.push({ word: word.toLowerCase(), start, end: i, capitalized });
  }
  return tokens;
}

/** The reference term counts: content words of the reference tokens, names weighted as in articles.ts. */
function referenceTermCounts(title: string, sentences: readonly string[], vocab: Vocabulary, titleWeight: number, nameWeight: number): TermCounts {
  const counter = new TermCounter();
  const add = (text: string, weight: number, names: number): void =>
    referenceTokenize(text).forEach((t, i) => {
      if (isContentWord(t.word)) counter.add(vocab.id(stem(t.word)), t.capitalized && i > 0 ? weight * names : weight);
    });
  add(title, titleWeight, 1);
  for (const s of sentences) add(s, 1, nameWeight);
  return counter.finish();
}

const referenceHashes = (texts: readonly string[]): Uint32Array =>
  Uint32Array.from(texts.flatMap((t) => referenceTokenize(t).map((tok) => hashString(tok.word))));

// ---- Random text. ----
const PIECES = [
  'a', 'e', 's', 'S', 'T', 'Z', 'the', 'Obama', 'said', 'attack', 'IT', 'é', 'É', 'ß', 'İ', 'ı', 'Σ', 'σ', 'ς',
  'ΟΔΟΣ', 'ж', 'Ж', 'ǅ', 'ﬁ', '中', 'ع', '١', 'Ⅻ', '0', '1', '9', ',', '.', "'", '’', '‘', "'s", '’S', ' ', ' ',
  '-', '‐', '"', '\n', '\u0301', '\u0308', '😀', '𝐀', '\ud835', '\udc00', 'ﬀ', 'Å', 'K',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));
const RUNS = { numRuns: 2000 };

describe('word scanning equals the reference tokenizer', () => {
  it('keeps the documented examples', () => {
    const words = (s: string): string[] => tokenize(s).map((t) => t.word);
    expect(words("Obama's shi'ite O’Neil's 1,200 5.00 rock-n-roll 90's")).toEqual(['obama', 'shiite', 'oneil', '1,200', '5.00', 'rock', 'n', 'roll', '90', 's']);
    expect(words('İSTANBUL ΟΔΟΣ Straße')).toEqual(['i̇stanbul', 'οδος', 'straße']);
  });

  it('tokenize returns the reference tokens', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(tokenize(text)).toEqual(referenceTokenize(text));
      }),
      RUNS,
    );
  });

  it('countWords counts the reference tokens, stopping at its limit', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 6 }), (text, atMost) => {
        expect(countWords(text, atMost)).toBe(Math.min(atMost, referenceTokenize(text).length));
      }),
      RUNS,
    );
  });

  it('wordHashes gives hashString of each reference word', () => {
    const out = new HashList();
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 4 }), (texts) => {
        out.clear();
        for (const t of texts) wordHashes(t, out);
        expect(Array.from(out.view())).toEqual(Array.from(referenceHashes(texts)));
      }),
      RUNS,
    );
  });

  it('contentTerms are the stems of the reference content words', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const expected = referenceTokenize(text).flatMap((t) => (isContentWord(t.word) ? [stem(t.word)] : []));
        expect(contentTerms(text)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('termCounts assigns the same vocabulary ids and counts as the reference', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(textArb, fc.array(textArb, { maxLength: 4 })), { maxLength: 5 }), (docs) => {
        const vocab = new Vocabulary();
        const refVocab = new Vocabulary();
        for (const [title, sentences] of docs) {
          const a = { ...article('a', 'src', sentences), title };
          const got = termCounts(a, vocab, { titleWeight: 2, nameWeight: 3 });
          const want = referenceTermCounts(title, sentences, refVocab, 2, 3);
          expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
          expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
        }
        expect(vocab.size).toBe(refVocab.size);
      }),
      { numRuns: 500 },
    );
  });

  it('signatures and shingle sets equal those of the reference word hashes', () => {
    const hasher = new MinHasher({ permutations: 16, seed: 3 });
    fc.assert(
      fc.property(textArb, fc.array(textArb, { maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (title, sentences, width) => {
        const a = { ...article('a', 'src', sentences), title };
        const sh = shingles(referenceHashes([title, ...sentences]), width);
        const expected = Array.from(hasher.signature(sh));
        expect(Array.from(signature(a, hasher, width))).toEqual(expected);
        expect(Array.from(signatureOfTexts([title, ...sentences], hasher, width))).toEqual(expected);
        expect(Array.from(shingleSet(a, width))).toEqual([...new Set(sh)].sort((x, y) => x - y));
        // Both on one pass: the same signature, and the same counts with the ids in order of appearance.
        const both = signatureAndTermCounts([title, ...sentences], hasher, width, new Vocabulary(), { titleWeight: 2, nameWeight: 3 });
        const counts = termCounts(a, new Vocabulary(), { titleWeight: 2, nameWeight: 3 });
        expect(Array.from(both.signature)).toEqual(expected);
        const pairs = Array.from(both.ids, (id, i) => [id, Math.fround(both.sums[i] as number)]).sort((x, y) => (x[0] as number) - (y[0] as number));
        expect(pairs).toEqual(Array.from(counts.ids, (id, i) => [id, counts.counts[i]]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('SequentialTermCounter', () => {
  it('gives, document after document, what a new TermCounter per document gives', () => {
    const add = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0, 1, 2, 0.5, 3.75));
    fc.assert(
      fc.property(fc.array(fc.array(add, { maxLength: 30 }), { maxLength: 6 }), (docs) => {
        const reused = new SequentialTermCounter();
        for (const doc of docs) {
          const fresh = new TermCounter();
          for (const [id, w] of doc) {
            fresh.add(id, w);
            reused.add(id, w);
          }
          const want = fresh.finish();
          const got = reused.finish();
          expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
          expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the terms in the order first added, with their sums, past its first 256 terms too (finishInOrder)', () => {
    const add = fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(1, 2, 0.5));
    fc.assert(
      fc.property(fc.array(fc.array(add, { minLength: 200, maxLength: 700 }), { minLength: 1, maxLength: 3 }), (docs) => {
        const reused = new SequentialTermCounter();
        for (const [k, doc] of docs.entries()) {
          const order: number[] = [];
          const sums = new Map<number, number>();
          for (const [id, w] of doc) {
            if (!sums.has(id)) order.push(id);
            sums.set(id, (sums.get(id) ?? 0) + w);
            reused.add(id, w);
          }
          if (k % 2 === 0) {
            const got = reused.finishInOrder();
            expect(Array.from(got.ids)).toEqual(order);
            expect(Array.from(got.sums)).toEqual(order.map((id) => sums.get(id)));
          } else {
            const got = reused.finish();
            const sorted = [...order].sort((x, y) => x - y);
            expect(Array.from(got.ids)).toEqual(sorted);
            expect(Array.from(got.counts)).toEqual(sorted.map((id) => Math.fround(sums.get(id) ?? 0)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('collapseKey', () => {
  const piece = fc.constantFrom('a', 'Bé', '1', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '.', 'x y');
  it('is white space runs made one space and the ends trimmed, also when it takes its shortcut', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(collapseKey(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

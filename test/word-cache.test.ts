/**
 * WordCache (text/word-cache.ts) against a Map keyed by the word's string: plain words found again whatever
 * their case or possessive, other words never in the typed tables (lookup keeps them by string), and every
 * word still found after the table has grown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISS, WordCache } from '../src/text/word-cache.js';
import { nextWord, wordText, WordSpan } from '../src/text/words.js';

/** Each word of `text` with its span's copy. */
function spans(text: string): { word: string; span: WordSpan }[] {
  const out: { word: string; span: WordSpan }[] = [];
  const span = new WordSpan();
  for (let from = 0; nextWord(text, from, span); from = span.end) out.push({ word: wordText(text, span), span: Object.assign(new WordSpan(), span) });
  return out;
}

const PIECES = ['attack', 'Attack', 'ATTACK', 'attacks', "Obama's", 'Obama', 'obama', "shi'ite", 'shiite', 'O’Neil', '1,200', '5.00', 'Étoile', 'ж', 'a', 'A', ' ', '-', "'", '.'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));

describe('WordCache', () => {
  it('finds a plain word again in any case, and after its possessive', () => {
    const cache = new WordCache();
    const [first] = spans('Attack');
    cache.set('Attack', first!.span, 7);
    for (const text of ['attack', 'ATTACK', "attack's", 'Attack’s']) expect(cache.get(text, spans(text)[0]!.span)).toBe(7);
    expect(cache.get('attacks', spans('attacks')[0]!.span)).toBe(MISS);
    expect(cache.get('attach', spans('attach')[0]!.span)).toBe(MISS);
  });

  it('never caches a word with a joining apostrophe or beyond ASCII', () => {
    const cache = new WordCache();
    for (const text of ["shi'ite", 'Étoile', 'ж']) {
      const { span } = spans(text)[0]!;
      expect(WordCache.plain(span)).toBe(false);
      cache.set(text, span, 1);
      expect(cache.get(text, span)).toBe(MISS);
    }
    expect(cache.size).toBe(0);
  });

  it('agrees with a Map of the words cut out, over random texts', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 20 }), (texts) => {
        const cache = new WordCache();
        const reference = new Map<string, number>();
        for (const text of texts)
          for (const { word, span } of spans(text)) {
            const want = WordCache.plain(span) ? (reference.get(word) ?? MISS) : MISS;
            expect(cache.get(text, span)).toBe(want);
            if (want === MISS && WordCache.plain(span)) {
              reference.set(word, reference.size - 1);
              cache.set(text, span, reference.size - 2);
            }
          }
        expect(cache.size).toBe(reference.size);
      }),
    );
  });

  it('lookup works each distinct word out once, plain or not, and stops caching at its limit', () => {
    const cache = new WordCache();
    const asked: string[] = [];
    const valueOf = (word: string): number => (asked.push(word), word.length);
    const text = "Shi'ite shiite SHI'ITE Étoile étoile Obama's obama ж";
    const got = spans(text).map(({ span }) => cache.lookup(text, span, valueOf));
    expect(got).toEqual([6, 6, 6, 6, 6, 5, 5, 1]);
    expect(asked).toEqual(['shiite', 'shiite', 'étoile', 'obama', 'ж']); // "shi'ite" is not plain: cached by string, apart from "shiite"
    expect(cache.size).toBe(5);

    const small = new WordCache(2);
    let calls = 0;
    const count = (word: string): number => (calls++, word.length);
    const words = 'one two three three one two';
    spans(words).forEach(({ span }) => small.lookup(words, span, count));
    expect(small.size).toBe(2);
    expect(calls).toBe(4); // "three" twice: past the limit it is worked out each time
    small.clear();
    expect(small.size).toBe(0);
  });

  it('keeps every word through the table growing, and forgets them all on clear', () => {
    const cache = new WordCache();
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}x`);
    words.forEach((w, i) => cache.set(w, spans(w)[0]!.span, i));
    expect(cache.size).toBe(words.length);
    expect(words.every((w, i) => cache.get(w.toUpperCase(), spans(w.toUpperCase())[0]!.span) === i)).toBe(true);
    cache.clear();
    expect(cache.get(words[5]!, spans(words[5]!)[0]!.span)).toBe(MISS);
    expect(cache.size).toBe(0);
  });
});

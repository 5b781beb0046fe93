/**
 * storyTermCounts (facts/terms.ts: word cache keyed by the scanner's hash) against its definition: the
 * content terms of each text counted by a TermCounter, ids from a new Vocabulary fed the texts in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_WORDS, storyTermCounts, wordIds } from '../src/facts/terms.js';
import { TermCounter, Vocabulary, type TermCounts } from '../src/fingerprint/tfidf.js';
import { contentTerms, tokenize } from '../src/text/tokens.js';

function reference(texts: readonly string[]): { counts: TermCounts[]; terms: number } {
  const vocab = new Vocabulary();
  const counts = texts.map((text) => {
    const counter = new TermCounter();
    for (const term of contentTerms(text)) counter.add(vocab.id(term));
    return counter.finish();
  });
  return { counts, terms: vocab.size };
}

const plain = (r: { counts: TermCounts[]; terms: number }) => ({ terms: r.terms, counts: r.counts.map((c) => [Array.from(c.ids), Array.from(c.counts)]) });

// Words that collide in case, apostrophes, possessives, digits with "," and ".", scripts beyond ASCII.
const PIECES = [
  'attack', 'Attack', 'ATTACK', 'attacks', 'attacked', 'the', 'said', 'Obama', "Obama's", 'obamas', "shi'ite", 'shiite',
  'O’Neil', '1,200', '1200', '5.00', 'é', 'Étoile', 'İ', 'Σ', 'ς', 'ж', '中', ' ', ' ', '-', ',', '.', "'", '’', '"', '\n',
  'a', 'ab', 'Ab', 'x1', 'X1', 'killed', 'dead', 'death', 'storm', 'stormed', '\u0301', '😀',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ps) => ps.join(''));

describe('storyTermCounts', () => {
  it('equals content terms counted against a new vocabulary, story after story', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 8 }), (texts) => {
        expect(plain(storyTermCounts(texts))).toEqual(plain(reference(texts)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps, on request, each text’s first words as ids that are equal exactly where the words are', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 8 }), (texts) => {
        const kept = storyTermCounts(texts, true);
        expect(plain(kept)).toEqual(plain(reference(texts)));
        const all = texts.flatMap((text, k) => {
          const words = tokenize(text).map((t) => t.word);
          const ids = Array.from(kept.words?.(k) ?? []);
          expect(ids).toEqual(Array.from(wordIds(text, MAX_KEPT_WORDS)));
          expect(ids.length).toBe(words.length);
          return words.map((w, i) => [w, ids[i]] as const);
        });
        for (const [w, id] of all) for (const [v, other] of all) expect(w === v).toBe(id === other);
      }),
      { numRuns: 1000 },
    );
    const long = Array.from({ length: 2100 }, (_, i) => `w${i}`).join(' ');
    expect(storyTermCounts([long], true).words?.(0).length).toBe(MAX_KEPT_WORDS);
  });

  it('stays equal as the word cache grows past its first table and pool', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}x Q${(i * 7919).toString(36)}z`);
    const texts = Array.from({ length: 400 }, (_, k) => words.slice(k * 100, k * 100 + 130).join(' '));
    expect(plain(storyTermCounts(texts))).toEqual(plain(reference(texts)));
    expect(plain(storyTermCounts(texts.slice().reverse()))).toEqual(plain(reference(texts.slice().reverse())));
  });

  it('stays equal across stories after the caches pass their limits and are emptied', () => {
    for (let story = 0; story < 4; story++) {
      const words = Array.from({ length: 50_000 }, (_, i) => `s${story}w${i.toString(36)}`);
      const texts = Array.from({ length: 500 }, (_, k) => `The ${words.slice(k * 100, k * 100 + 100).join(' ')} attacked`);
      expect(plain(storyTermCounts(texts))).toEqual(plain(reference(texts)));
    }
  });
});

describe('plain terms (facts/naming.ts): what a sentence says other than names', () => {
  /** The plain words of each text, as their stems, for one story. */
  const plainStems = (texts: readonly string[], languages?: readonly ('de' | undefined)[]): string[][] => {
    const r = storyTermCounts(texts, false, languages);
    // Term ids are numbered in order of first appearance over the story's texts.
    const stems = [...new Set(texts.flatMap((t) => contentTerms(t)))];
    return r.plain.map((ids) => Array.from(ids, (id) => stems[id] as string));
  };
  const one = (text: string): string[] => plainStems([text])[0] ?? [];

  it('leaves out capitalised words inside a sentence, weekdays and a title before a name', () => {
    expect(one('President Emmanuel Macron said on Monday that he would not resign.')).toEqual(['resign']);
    expect(one('Home ministry spokesman Narayan Prasad Bhattarai said 85 people had been injured.')).toEqual(['85', 'peopl', 'injur']);
    expect(one('Thirty-eight cars left the tracks, fire chief Mark Hensley said.')).toEqual(['thirti', 'eight', 'car', 'left', 'track']);
  });

  it('keeps a capitalised first word that is an ordinary word, and the same word without a name after it', () => {
    expect(one('Rescuers reached remote villages on Tuesday.')).toEqual(['rescuer', 'reach', 'remot', 'villag']);
    // "spokesman" titles no one here; "firing" is no modifier of the title after it.
    expect(one('A spokesman said the chief was hurt.')).toEqual(['spokesman', 'chief', 'injur']);
    expect(one("The team was firing head coach Jim O'Brien.")).toEqual(['team', 'fire']);
  });

  it('reads a first word as a name when the story writes it capitalised inside sentences and never in lower case', () => {
    expect(plainStems(['Dahal flew to the area.', 'Rescuers said Dahal arrived.'])).toEqual([['flew', 'area'], ['rescuer', 'arriv']].map((x) => x));
    expect(plainStems(['Floods hit the area.', 'The floods rose.'])).toEqual([['flood', 'hit', 'area'], ['flood', 'rose']]);
  });

  it('takes every term of a German sentence as plain (every noun is capitalised there)', () => {
    const text = 'Der Bürgermeister sprach am Montag.';
    const r = storyTermCounts([text], false, ['de']);
    expect(Array.from(r.plain[0] ?? [])).toEqual(Array.from(r.counts[0]?.ids ?? []));
    expect(r.plain[0]?.length).toBeGreaterThan(1);
  });
});

import { describe, expect, it } from 'vitest';
import { contentWordOf, termOf, termRules } from '../src/text/term-rules.js';
import { isContentWord, stem } from '../src/text/tokens.js';
import { LANGUAGES } from '../src/text/language.js';
import { nextWord, WordSpan } from '../src/text/words.js';

/** The word of the first span of `text`, as `contentWordOf` gives it under a language's rules. */
function firstWord(language: Parameters<typeof termRules>[0], text: string): string {
  const span = new WordSpan();
  expect(nextWord(text, 0, span)).toBe(true);
  return contentWordOf(termRules(language), text, span);
}

describe('termRules', () => {
  it('gives English the rules of text/tokens.ts, for undefined and "en" alike', () => {
    for (const rules of [termRules(undefined), termRules('en')]) {
      expect(rules.isContentWord).toBe(isContentWord);
      expect(rules.stem).toBe(stem);
      expect(rules.elisions).toBeUndefined();
    }
  });

  it('stops German function words the English rules keep, and stems German words', () => {
    const de = termRules('de');
    for (const w of ['der', 'die', 'und', 'ist', 'nicht', 'wurde', 'sagte', 'dass', 'für']) {
      expect(de.isContentWord(w), w).toBe(false);
    }
    expect(isContentWord('der') && isContentWord('und')).toBe(true);
    // English stems "die" to a synonym of "kill": not so in German, where it is a stop word anyway.
    expect(termOf(termRules('en'), 'die')).toBe('kill');
    expect(termOf(de, 'die')).toBeUndefined();
    expect(de.stem('regierungen')).toBe(de.stem('regierung'));
    expect(de.stem('überschwemmungen')).toBe(de.stem('überschwemmung'));
    expect(termOf(de, 'hochwasser')).toBe(de.stem('hochwasser'));
  });

  it('stops and stems in every detected language', () => {
    const plurals: Record<string, [string, string, string]> = {
      fr: ['les', 'gouvernements', 'gouvernement'],
      es: ['los', 'presidentes', 'presidente'],
      it: ['gli', 'governi', 'governo'],
      pt: ['os', 'governos', 'governo'],
      nl: ['het', 'regeringen', 'regering'],
      sv: ['och', 'regeringarna', 'regeringen'],
      no: ['ikke', 'regjeringene', 'regjeringen'],
    };
    for (const language of LANGUAGES) {
      const p = plurals[language];
      if (!p) continue;
      const rules = termRules(language);
      expect(rules.isContentWord(p[0]), language).toBe(false);
      expect(rules.stem(p[1]), language).toBe(rules.stem(p[2]));
    }
  });

  it('leaves numbers unstemmed, without thousands commas, as English does', () => {
    expect(termRules('de').stem('1,200')).toBe('1200');
    expect(termRules('fr').stem('2026')).toBe('2026');
  });

  it('cuts French and Italian elisions off the word they lean on', () => {
    expect(firstWord('fr', "l'homme")).toBe('homme');
    expect(firstWord('fr', 'qu’il')).toBe('il');
    expect(firstWord('fr', "jusqu'ici")).toBe('ici');
    expect(firstWord('fr', "aujourd'hui")).toBe('aujourdhui');
    expect(firstWord('it', "dell'anno")).toBe('anno');
    expect(firstWord('it', "L'Italia")).toBe('italia');
    // Not in English or German: the word is as the scanner gives it.
    expect(firstWord('en', "don't")).toBe('dont');
    expect(firstWord('en', "l'homme")).toBe('lhomme');
    expect(firstWord('de', "l'homme")).toBe('lhomme');
  });
});

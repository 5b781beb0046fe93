/**
 * Facts of German and French articles: sentences are aligned on terms made by their article's language's rules
 * (text/term-rules.ts), so inflected forms meet and shared function words do not make a fact.
 */
import { describe, expect, it } from 'vitest';
import { storyFacts } from '../src/facts/story-facts.js';
import { storyTermCounts } from '../src/facts/terms.js';
import { article } from './article-fixture.js';
import type { Article, Language } from '../src/types.js';

const inLanguage = (a: Article, language: Language | undefined): Article => (language === undefined ? a : { ...a, language });

/** The facts two sources share, as "a0+b0" (article id and sentence index of each mention). */
function sharedFacts(a: readonly string[], b: readonly string[], language?: Language): string[] {
  const f = storyFacts('s', [inLanguage(article('a', 'A', a), language), inLanguage(article('b', 'B', b), language)], 0.25);
  return f.facts.filter((x) => x.articles.length > 1).map((x) => x.mentions.map((m) => `${m.article}${m.sentence}`).join('+'));
}

const A = [
  'Die überfluteten Straßen der Städte wurden von den Helfern gesperrt.',
  'Der Trainer war mit dem Spiel der Mannschaft nicht zufrieden.',
  'Die Bahn hat den Verkehr nach Österreich eingestellt.',
];
const B = [
  'Helfer sperrten jede überflutete Straße in der Stadt.',
  'Der Minister war mit dem Entwurf der Kommission nicht einverstanden.',
  'Die Schulen bleiben bis Freitag geschlossen.',
];

describe('facts of German articles', () => {
  it('align by German stems: "überfluteten Straßen der Städte" and "überflutete Straße in der Stadt" are one fact', () => {
    expect(sharedFacts(A, B, 'de')).toEqual(['a0+b0']);
  });

  it('did not with English rules, which instead made a fact of two sentences that share only "der", "war", "mit", "dem", "nicht"', () => {
    expect(sharedFacts(A, B)).toEqual(['a1+b1']);
  });
});

describe('storyTermCounts with languages', () => {
  const ids = (counts: { ids: Uint32Array }): number[] => [...counts.ids].sort((x, y) => x - y);

  it('counts a text by its own language\'s rules, the others by English ones, in one story', () => {
    const texts = ['Die Regierungen der Länder', 'Die Regierung des Landes', 'The governments of the states'];
    const terms = storyTermCounts(texts, false, ['de', 'de', undefined]);
    // German: regier + land in both; English: govern + state.
    expect(ids(terms.counts[0]!)).toEqual(ids(terms.counts[1]!));
    expect(terms.counts[0]!.ids).toHaveLength(2);
    expect(terms.terms).toBe(4);
    // Without languages every text is English: "die", "der", "des" are terms, and the German forms differ.
    const english = storyTermCounts(texts);
    expect(ids(english.counts[0]!)).not.toEqual(ids(english.counts[1]!));
  });

  it('cuts French elisions off: "l\'accord" and "accord" are one term, and the word ids are the words as written', () => {
    const texts = ["l'accord d'Athènes", 'un accord à Athènes'];
    const terms = storyTermCounts(texts, true, ['fr', 'fr']);
    expect(ids(terms.counts[0]!)).toEqual(ids(terms.counts[1]!));
    // The quotation check compares words as written: "laccord" is not "accord".
    expect(terms.words?.(0)[0]).not.toBe(terms.words?.(1)[1]);
  });
});

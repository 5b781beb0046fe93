import { describe, expect, it } from 'vitest';
import { mentions, mentionsAll, nearSources, phraseWords, sourceKey } from '../src/render/match.js';

describe('phraseWords', () => {
  it('reads a phrase as the word scanner reads text: lower case, punctuation and possessives aside', () => {
    expect(phraseWords('  Bashar al-Assad ')).toEqual(['bashar', 'al', 'assad']);
    expect(phraseWords("Obama's U.S. visit")).toEqual(['obama', 'u', 's', 'visit']);
    expect(phraseWords('5.00 a.m.')).toEqual(['5.00', 'a', 'm']);
    expect(phraseWords(' -- ')).toEqual([]);
  });
});

describe('mentions', () => {
  const text = 'President Bashar al-Assad’s forces shelled Jobar on Tuesday, the Observatory said.';

  it('finds the words in a row, case, punctuation and possessives aside', () => {
    expect(mentions(text, phraseWords('bashar al assad'))).toBe(true);
    expect(mentions(text, phraseWords('Al-Assad forces'))).toBe(true);
    expect(mentions(text, phraseWords('jobar'))).toBe(true);
    expect(mentions(text, phraseWords('tuesday the observatory'))).toBe(true);
  });

  it('matches whole words only, in the order given', () => {
    expect(mentions(text, phraseWords('force'))).toBe(false);
    expect(mentions(text, phraseWords('shell'))).toBe(false);
    expect(mentions(text, phraseWords('assad bashar'))).toBe(false);
    expect(mentions(text, phraseWords('bashar assad'))).toBe(false);
  });

  it('finds a match that starts inside a partial one', () => {
    expect(mentions('the the the end', phraseWords('the the end'))).toBe(true);
    expect(mentions('a b a b c', phraseWords('a b c'))).toBe(true);
    expect(mentions('a b a b d', phraseWords('a b c'))).toBe(false);
  });

  it('lower-cases words beyond ASCII as the scanner does', () => {
    expect(mentions('Die Straße in MÜNCHEN war gesperrt.', phraseWords('münchen'))).toBe(true);
    expect(mentions('ΟΔΟΣ κλειστή', phraseWords('οδος'))).toBe(true);
  });
});

describe('mentionsAll', () => {
  const story = [
    ['Ferry runs aground', 'The Solveig ran aground off Kallo.'],
    ['Kallo ferry grounding', 'All 212 passengers were rescued by lifeboats.'],
  ];

  it('wants every phrase, each in any article of the story', () => {
    expect(mentionsAll(story, [phraseWords('solveig'), phraseWords('lifeboats')])).toBe(true);
    expect(mentionsAll(story, [phraseWords('solveig'), phraseWords('helicopter')])).toBe(false);
    expect(mentionsAll(story, [phraseWords('ferry grounding')])).toBe(true);
  });

  it('does not join the end of one sentence to the start of the next', () => {
    expect(mentionsAll(story, [phraseWords('aground the solveig')])).toBe(false);
  });

  it('lets a phrase without words match everything', () => {
    expect(mentionsAll(story, [[]])).toBe(true);
    expect(mentionsAll([], [])).toBe(true);
  });
});

describe('source names', () => {
  it('compares names case and spacing aside', () => {
    expect(sourceKey('  Le   Monde ')).toBe('le monde');
    expect(sourceKey('Example Times')).toBe(sourceKey('example  TIMES'));
  });

  it('takes a known outlet by any of its names or domains, as the reports spell it', () => {
    expect(sourceKey('  BBC   News ')).toBe(sourceKey('BBC'));
    expect(sourceKey('bbc.co.uk')).toBe('bbc');
    expect(sourceKey('https://www.bbc.com/news')).toBe('bbc');
    expect(sourceKey('Associated Press')).toBe('ap');
    expect(sourceKey('ansa.it')).toBe('ansa');
    expect(sourceKey('example.org')).toBe('example.org');
  });

  it('offers the names that contain the one given, or that it contains', () => {
    const known = ['BBC News', 'BBC Sport', 'Reuters', 'The Guardian'];
    expect(nearSources('bbc', known)).toEqual(['BBC News', 'BBC Sport']);
    expect(nearSources('Reuters UK', known)).toEqual(['Reuters']);
    expect(nearSources('Le Monde', known)).toEqual([]);
    expect(nearSources('  ', known)).toEqual([]);
  });
});

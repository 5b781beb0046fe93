import { describe, expect, it } from 'vitest';
import { mentions, mentionsAll, nearSources, phraseWords, sourceKey } from '../src/render/match.js';

describe('phraseWords', () => {
  it('reads a phrase as the word scanner reads text: lower case, punctuation and possessives aside', () => {
    expect(phraseWords('  Bashar al-Assad ')).toEqual([['bashar'], ['al'], ['assad']]);
    expect(phraseWords("Obama's U.S. visit")).toEqual([['obama'], ['u'], ['s'], ['visit']]);
    expect(phraseWords('5.00 a.m.')).toEqual([['5.00'], ['a'], ['m']]);
    expect(phraseWords(' -- ')).toEqual([]);
  });

  it('reads each word without its accents, and a German umlaut or ß also spelled out (review 27)', () => {
    expect(phraseWords('Petrópolis')).toEqual([['petropolis']]);
    expect(phraseWords('José Ángel Núñez')).toEqual([['jose'], ['angel'], ['nunez']]);
    expect(phraseWords('Saalebrücke Straße')).toEqual([['saalebrucke', 'saalebruecke'], ['straße', 'strasse']]);
    // A mark typed apart from its letter (NFD) is the same word.
    expect(phraseWords('Petro\u0301polis')).toEqual([['petropolis']]);
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

  it('finds words with or without accents either way, and German umlauts spelled out (review 27)', () => {
    const pt = 'O temporal atingiu Petrópolis na segunda-feira; o prefeito Julio Huamán falou.';
    expect(mentions(pt, phraseWords('Petropolis'))).toBe(true);
    expect(mentions(pt, phraseWords('PETRÓPOLIS'))).toBe(true);
    expect(mentions(pt, phraseWords('Huaman falou'))).toBe(true);
    expect(mentions('Reuters wrote Julio Huaman.', phraseWords('Huamán'))).toBe(true);
    expect(mentions('José Ángel Núñez, consejero', phraseWords('jose angel nunez'))).toBe(true);
    const de = 'Die Saalebrücke in Halle ist eingestürzt, die Straße bleibt gesperrt.';
    for (const p of ['Saalebrucke', 'Saalebruecke', 'Saalebrücke', 'Strasse', 'eingesturzt', 'eingestuerzt']) expect(mentions(de, phraseWords(p)), p).toBe(true);
    expect(mentions('Die Saalebruecke in Halle', phraseWords('Saalebrücke'))).toBe(true);
    // Whole words still, and a letter is not another letter: "u" is not "ue", "o" is not "ø".
    expect(mentions(de, phraseWords('Saalebruck'))).toBe(false);
    expect(mentions('Die Saalebrucke in Halle', phraseWords('Saalebruecke'))).toBe(false);
    expect(mentions('Søren Kierkegaard', phraseWords('Soren'))).toBe(false);
    expect(mentions(pt, phraseWords('Petropolys'))).toBe(false);
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

  it('compares names without accents, and agencies by their names in their own languages (review 27)', () => {
    expect(sourceKey('La Cronica de Zaragoza')).toBe(sourceKey('La Crónica de Zaragoza'));
    expect(sourceKey('Heraldo de Aragon')).toBe(sourceKey('Heraldo de Aragón'));
    expect(sourceKey('Agencia EFE')).toBe(sourceKey('EFE'));
    expect(sourceKey('Deutsche Presse-Agentur')).toBe(sourceKey('dpa'));
    expect(sourceKey('Suddeutsche Zeitung')).toBe(sourceKey('Süddeutsche Zeitung'));
    expect(nearSources('Cronica', ['La Crónica de Zaragoza', 'Heraldo de Aragón'])).toEqual(['La Crónica de Zaragoza']);
  });

  it('offers the names that contain the one given, or that it contains', () => {
    const known = ['BBC News', 'BBC Sport', 'Reuters', 'The Guardian'];
    expect(nearSources('bbc', known)).toEqual(['BBC News', 'BBC Sport']);
    expect(nearSources('Reuters UK', known)).toEqual(['Reuters']);
    expect(nearSources('Le Monde', known)).toEqual([]);
    expect(nearSources('  ', known)).toEqual([]);
  });
});

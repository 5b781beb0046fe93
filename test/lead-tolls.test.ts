/**
 * The tolls the leads state, compared across a story (facts/lead-tolls.ts): leads worded differently are seldom one
 * fact, and the headline figure was never compared (review 29 #4). Literal articles; the facts are given by hand.
 */
import { describe, expect, it } from 'vitest';
import { leadTollConflicts, leadTolls, type LeadArticle } from '../src/facts/lead-tolls.js';
import type { Conflict, Fact } from '../src/types.js';

const article = (id: string, source: string, ...texts: string[]): LeadArticle => ({ id, source, sentences: texts.map((text, index) => ({ index, text })) });
/** One fact a sentence, in article order: what a story whose leads were not aligned has. */
const factsOf = (articles: readonly LeadArticle[]): Fact[] =>
  articles.flatMap((a) => a.sentences.map((s) => ({ id: `${a.id}-${s.index}`, articles: [a.id], mentions: [{ article: a.id, sentence: s.index, text: s.text }] })));
const run = (articles: readonly LeadArticle[], extra: { conflicts?: Conflict[]; apart?: [string, string][] } = {}): Conflict[] =>
  leadTollConflicts({ articles, facts: factsOf(articles), conflicts: extra.conflicts ?? [], ...(extra.apart ? { apart: extra.apart } : {}) });
const sides = (c: Conflict | undefined): string[] => (c?.values ?? []).map((v) => `${v.article}:${v.normalized}`).sort();

const AP = 'LIMA, Peru (AP) — A landslide buried dozens of homes in a mountain town in central Peru early Monday, killing at least 12 people, officials said.';
const REUTERS = 'LIMA, Nov 23 (Reuters) - The death toll from a landslide that buried part of an Andean town in central Peru rose to 23 on Monday, the civil defense institute said.';
const YAHOO = 'LIMA, Nov 23 (Reuters) - A landslide triggered by torrential rain buried part of an Andean town in central Peru on Monday, killing 16 people, the institute said.';

describe('lead tolls', () => {
  it('sets the tolls of two outlets\' leads against each other though their sentences are two facts; a floor is the count so far', () => {
    const [c, ...more] = run([article('ap', 'AP', AP, 'Rescuers dug with shovels.'), article('rt', 'Reuters', REUTERS, 'Soldiers cleared the road.')]);
    expect(more).toEqual([]);
    expect(c).toMatchObject({ kind: 'number', fact: 'ap-0', leads: true });
    expect(c?.detail).toBe('number: 12 people (AP) vs 23 (Reuters)');
    expect(c?.mentions.map((m) => `${m.article}:${m.sentence}`)).toEqual(['ap:0', 'rt:0']);
    expect(c?.values.find((v) => v.article === 'ap')).toMatchObject({ value: '12', unit: 'people', bound: 'min', dispute: 0 });
  });

  it('is no conflict when the leads agree, or when one outlet updates its own figure', () => {
    expect(run([article('ap', 'AP', AP), article('rt', 'Reuters', REUTERS.replace('rose to 23', 'rose to 12'))])).toEqual([]);
    expect(run([article('a1', 'Reuters', YAHOO), article('a2', 'Reuters', REUTERS)])).toEqual([]);
    // Two roundings within a tenth agree.
    expect(run([article('a', 'AP', 'About 1,500 people were injured in the quake, officials said.'), article('b', 'AFP', 'Some 1,400 people were injured in the quake.')])).toEqual([]);
  });

  it('does not set a copy of an earlier version against its outlet\'s later one, but against every other outlet', () => {
    const ap = article('ap', 'AP', AP);
    const rt = article('rt', 'Reuters', REUTERS);
    const yahoo = article('yh', 'Yahoo News', YAHOO);
    expect(run([rt, yahoo], { apart: [['yh', 'rt']] })).toEqual([]);
    const [c] = run([ap, rt, yahoo], { apart: [['yh', 'rt']] });
    expect(sides(c)).toEqual(['ap:12', 'rt:23', 'yh:16']);
  });

  it('reads only the first two sentences, and no history, superseded or cited figure there', () => {
    expect(run([article('ap', 'AP', AP), article('rt', 'Reuters', 'A landslide buried part of a town in Peru.', 'Rescuers were at work.', 'The toll rose to 23.')])).toEqual([]);
    expect(leadTolls(article('ap', 'AP', 'A landslide buried homes in Peru.', 'In 2024, a landslide in the same region killed 9 people.'))).toEqual([]);
    expect(leadTolls(article('ap', 'AP', 'Previously, officials had said 12 people were killed.'))).toEqual([]);
    expect(leadTolls(article('bbc', 'BBC', 'The landslide killed 16 people, according to Reuters.'))).toEqual([]);
    // An outlet's own figure that it cites under its own name is its claim.
    expect(leadTolls(article('rt', 'Reuters', 'The landslide killed 16 people, according to Reuters.')).flatMap((l) => l.slots.map((s) => s.value))).toEqual(['16']);
  });

  it('keeps the dead and the injured apart, and adds nothing a fact\'s conflict already disputes', () => {
    const a = article('a', 'AP', 'The quake killed 41 people and injured 1,600, officials said.');
    const b = article('b', 'Reuters', 'The quake killed 41 people and injured 1,200, officials said.');
    expect(run([a, b])[0]?.detail).toBe('number: 1,600 (AP) vs 1,200 (Reuters)');
    const within: Conflict = { kind: 'number', fact: 'a-0', detail: '', mentions: [], values: [
      { article: 'a', value: '1,600', normalized: '1600', dispute: 0 },
      { article: 'b', value: '1,200', normalized: '1200', dispute: 0 },
    ] };
    expect(run([a, b], { conflicts: [within] })).toEqual([]);
  });

  it('compares the leads of each country apart when they report from two (two events of one kind in one story)', () => {
    const peru = article('pe', 'AP', AP);
    const ecuador = article('ec', 'Reuters', 'QUITO, Ecuador (Reuters) - A landslide buried part of a gold-mining town in southern Ecuador on Monday, killing 9 people.');
    expect(run([peru, ecuador])).toEqual([]);
    const ecuador2 = article('ec2', 'AP', 'QUITO, Ecuador (AP) — A landslide buried homes in a mining town in southern Ecuador on Monday, killing at least 8 people.');
    const found = run([peru, ecuador, ecuador2, article('rt', 'Reuters', REUTERS)]);
    expect(found.map(sides)).toEqual([['pe:12', 'rt:23'], ['ec2:8', 'ec:9']]);
  });
});

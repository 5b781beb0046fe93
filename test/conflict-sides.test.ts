/**
 * The sides of a conflict's detail: merged where articles share a value, split by what was compared (unit,
 * role, zone), a straddling article on a side of its own. Property: the merge puts every value set on exactly
 * one side, never two sets that share no value on one side, and two sets that share a value on different
 * sides only when one of them straddles a dispute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factConflicts } from '../src/facts/conflicts.js';
import { mergeSides, type ValueSet } from '../src/facts/conflict-sides.js';
import type { Mention } from '../src/types.js';

const m = (article: string, text: string): Mention => ({ article, sentence: 0, text });
const sourceOf = new Map([['x', 'AP'], ['y', 'Reuters'], ['z', 'AFP'], ['w', 'BBC']]);
const details = (mentions: readonly Mention[]): string[] => factConflicts({ fact: 's1-f1', mentions, sourceOf }).map((c) => c.detail);

describe('conflict details', () => {
  it('names a value that two sides share once, with both sources, on one side', () => {
    const mentions = [
      m('x', 'The Saints signed Wynn on Monday and on Wednesday signed Bell.'),
      m('y', 'The Saints signed Wynn on Tuesday and Bell off the practice squad.'),
      m('z', 'On Wednesday the Saints signed Bell off the practice squad.'),
    ];
    expect(details(mentions)).toEqual(['weekday: Wednesday (AFP, AP), Monday (AP) vs Tuesday (Reuters)']);
  });

  it('keeps together the values one source gives', () => {
    const mentions = [m('x', 'The city will pay $4 million to the family.'), m('y', 'The city will pay $25 million now and $20 million later to the family.')];
    expect(details(mentions)).toEqual(['number: $4 million (AP) vs $25 million, $20 million (Reuters)']);
  });

  it('sets out each counted thing apart: minutes against minutes, yards against yards', () => {
    const mentions = [
      m('x', 'With 4 minutes left Ratliff returned the interception 35 yards for a touchdown.'),
      m('y', 'With five minutes left Ratliff returned the interception 364 yards for a touchdown.'),
      m('z', 'With five minutes left Ratliff returned the interception 35 yards for a touchdown.'),
    ];
    expect(details(mentions)).toEqual(['number: 4 minutes (AP) vs five minutes (AFP, Reuters); 35 yards (AFP, AP) vs 364 yards (Reuters)']);
  });

  it('never merges a dispute into one side: an article whose sentences give both values stays apart', () => {
    // 24 of 313 conflicts of the 20,000-article bench corpus read "Monday (…), Thursday (…)", no "vs" at all.
    const mentions = [m('x', 'The talks began on Monday.'), m('y', 'The talks began on Thursday.'), m('y', 'The talks, which began on Monday, went on.')];
    expect(details(mentions)).toEqual(['weekday: Monday (AP) vs Thursday, Monday (Reuters)']);
  });

  it('shows an article that gives a value of each side on a side of its own', () => {
    const mentions = [
      m('x', 'The talks opened on Friday.'),
      m('y', 'The talks opened on Saturday.'),
      m('w', 'The talks opened on Friday, or on Saturday by other accounts.'),
      m('z', 'The talks opened on Sunday.'),
    ];
    expect(details(mentions)).toEqual(['weekday: Friday (AP) vs Saturday (Reuters) vs Sunday (AFP) vs Friday, Saturday (BBC)']);
  });

  it('sees no dispute between values one mention gives together: two things the fact holds, not rival figures', () => {
    // ECB+ dev, helper-53: "a depth of six miles, 34 miles from the town" in three of five sources.
    const mentions = [
      m('x', 'The quake struck at a depth of six miles, 34 miles from Takengon.'),
      m('y', 'The quake struck 34 miles from Takengon.'),
      m('z', 'The quake struck at a depth of six miles.'),
    ];
    expect(details(mentions)).toEqual([]);
    // A possessive weekday names what it is the day of: "Saturday's semifinal" is not the day Creighton won.
    const creighton = [m('x', 'Creighton advanced on Friday.'), m('w', "Creighton, which won on Friday, plays in Saturday's semifinal."), m('y', 'Creighton won on Friday.')];
    expect(details(creighton)).toEqual([]);
  });
});

/** Value sets over a few values, each its own article. */
const setsArb = fc
  .array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 })
  .map((all) => all.map((keys, i): ValueSet => ({ keys, articles: [`n${i}`] })));

describe('mergeSides', () => {
  const meet = (p: ValueSet, q: ValueSet): boolean => p.keys.some((k) => q.keys.includes(k));

  it('puts each set on one side, never two sets that share no value together, and splits sets that share one only at a straddler', () => {
    fc.assert(
      fc.property(setsArb, (sets) => {
        const sides = mergeSides(sets);
        expect(sides.flat().sort((p, q) => (p.articles[0] ?? '').localeCompare(q.articles[0] ?? ''))).toEqual([...sets].sort((p, q) => (p.articles[0] ?? '').localeCompare(q.articles[0] ?? '')));
        for (const side of sides) for (const p of side) for (const q of side) expect(meet(p, q)).toBe(true);
        const straddles = (s: ValueSet): boolean => sets.some((p) => p !== s && meet(p, s) && sets.some((r) => r !== s && meet(r, s) && !meet(p, r)));
        const sideOf = (s: ValueSet): number => sides.findIndex((side) => side.includes(s));
        for (const p of sets) for (const q of sets) if (sideOf(p) !== sideOf(q) && meet(p, q)) expect(straddles(p) || straddles(q)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('lists sides in the order of their first set', () => {
    const set = (keys: string[], article: string): ValueSet => ({ keys, articles: [article] });
    const sides = mergeSides([set(['c'], 'p'), set(['a', 'b'], 'q'), set(['b'], 'r'), set(['c', 'd'], 's')]);
    expect(sides.map((side) => side.map((s) => s.articles[0]))).toEqual([['p', 's'], ['q', 'r']]);
  });
});

describe('what a number counts, in the articles\' words', () => {
  it('names it after each value as its side wrote it, glued where the article glued it', () => {
    // The detail read "number: five (AP) vs one (Reuters)": five and one what, only the sentences said.
    const people = [m('x', 'The quake killed at least five people in Aceh.'), m('y', 'The quake killed at least one person in Aceh.')];
    expect(details(people)).toEqual(['number: five people (AP) vs one person (Reuters)']);
    const shares = [m('x', 'Support for the government fell to 5.4% in the poll.'), m('y', 'Support for the government fell to 6 per cent in the poll.')];
    expect(details(shares)).toEqual(['number: 5.4% (AP) vs 6 per cent (Reuters)']);
    const ages = [m('x', 'She lost an 8-year-old daughter in the strike.'), m('y', 'She lost a nine-year-old daughter in the strike.')];
    expect(details(ages)).toEqual(['number: 8-year-old (AP) vs nine-year-old (Reuters)']);
  });

  it('gives a value the wording most articles give it, whichever article comes first', () => {
    const mentions = [
      m('x', 'The climber fell 150 meters from the ridge.'),
      m('y', 'The climber fell 60 metres from the ridge.'),
      m('z', 'The climber fell 150 metres from the ridge.'),
      m('w', 'The climber fell 150 metres from the ridge, police said.'),
    ];
    expect(details(mentions)).toEqual(['number: 150 metres (AFP, AP, BBC) vs 60 metres (Reuters)']);
    expect(details([mentions[0], mentions[1], mentions[2]] as Mention[])).toEqual(['number: 150 meters (AFP, AP) vs 60 metres (Reuters)']);
  });

  it('leaves the values themselves as written, for the views to mark in the sentences', () => {
    const mentions = [m('x', 'Israeli jets flew 143 more air raids on Monday.'), m('y', 'Israeli jets flew 140 air raids on Monday.'), m('z', 'The city pledged $4 million.')];
    const [conflict] = factConflicts({ fact: 's1-f1', mentions, sourceOf });
    expect(conflict?.detail).toBe('number: 143 air raids (AP) vs 140 air raids (Reuters)');
    expect(conflict?.values).toEqual([
      { article: 'x', value: '143', unit: 'air raids', normalized: '143', dispute: 0 },
      { article: 'y', value: '140', unit: 'air raids', normalized: '140', dispute: 0 },
    ]);
    const money = [m('x', 'The city will pay $4 million.'), m('y', 'The city will pay $5 million.')];
    expect(factConflicts({ fact: 's1-f1', mentions: money, sourceOf })[0]?.values).toEqual([
      { article: 'x', value: '$4 million', normalized: '4000000', dispute: 0 },
      { article: 'y', value: '$5 million', normalized: '5000000', dispute: 0 },
    ]);
    // Two disputes of one kind, and qualifiers: each value says which dispute it is of and its bound.
    const two = [m('x', 'At least 27 people died in the magnitude 6.4 quake.'), m('y', 'At least 32 people died in the magnitude 5.6 quake.')];
    expect(factConflicts({ fact: 's1-f1', mentions: two, sourceOf })[0]?.values).toEqual([
      { article: 'x', value: '27', unit: 'people', normalized: '27', bound: 'min', dispute: 0 },
      { article: 'x', value: 'magnitude 6.4', normalized: '6.4', dispute: 1 },
      { article: 'y', value: '32', unit: 'people', normalized: '32', bound: 'min', dispute: 0 },
      { article: 'y', value: 'magnitude 5.6', normalized: '5.6', dispute: 1 },
    ]);
  });
});

describe('no conflict where every source gives the same values', () => {
  it('leaves out a dispute between sentences that each source tells both of', () => {
    // Bench corpus s4030-f1 read "weekday: Monday, Thursday (o0, o1)": a conflict with nobody on the other side.
    const mentions = [m('x', 'The talks began on Monday.'), m('x', 'The talks resume on Thursday.'), m('y', 'The talks resume on Thursday.'), m('y', 'The talks began on Monday.')];
    expect(details(mentions)).toEqual([]);
    expect(details([...mentions, m('z', 'The talks began on Tuesday.')])).toEqual(['weekday: Monday, Thursday (AP, Reuters) vs Tuesday (AFP)']);
  });
});

describe('no part of a detail where every source gives the same values', () => {
  it('leaves out a counted thing that every article tells alike, with its values and the mentions that give only it', () => {
    // helper-43: "number: 95, 158 (AP, Reuters); 300 (AP) vs 400 (Reuters)", citing all six sentences.
    const mentions = [
      m('x', 'The quake killed 95 people on Monday.'),
      m('x', 'The quake killed 158 people, officials said.'),
      m('x', 'The quake destroyed 300 homes.'),
      m('y', 'The quake killed 95 people on Monday.'),
      m('y', 'The quake killed 158 people, officials said.'),
      m('y', 'The quake destroyed 400 homes.'),
    ];
    const [conflict, ...more] = factConflicts({ fact: 's1-f1', mentions, sourceOf });
    expect(more).toEqual([]);
    expect(conflict?.detail).toBe('number: 300 homes (AP) vs 400 homes (Reuters)');
    expect(conflict?.values).toEqual([
      { article: 'x', value: '300', unit: 'homes', normalized: '300', dispute: 0 },
      { article: 'y', value: '400', unit: 'homes', normalized: '400', dispute: 0 },
    ]);
    expect(conflict?.mentions.map((x) => x.text)).toEqual(['The quake destroyed 300 homes.', 'The quake destroyed 400 homes.']);
  });
});

describe('sides that agree as the comparison has it', () => {
  it('stand together: a month with a day of it, two spellings of one person', () => {
    // helper-43: "December 3 (AP) vs September 5 (Reuters) vs September (AFP)", "… vs Jon Kirby (AFP)".
    const dates = [m('x', 'The vote was held on December 3.'), m('y', 'The vote was held on September 5.'), m('z', 'The vote was held in September.')];
    expect(details(dates)).toEqual(['date: December 3 (AP) vs September 5 (Reuters), September (AFP)']);
    const names = [
      m('x', 'State Department spokesman John Kirby said the talks failed.'),
      m('y', 'State Department spokesman Ned Price said the talks failed.'),
      m('z', 'State Department spokesman Jon Kirby said the talks failed.'),
    ];
    expect(details(names)).toEqual(['name: John Kirby (AP), Jon Kirby (AFP) vs Ned Price (Reuters)']);
  });
});

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
    expect(details(mentions)).toEqual(['number: 4 (AP) vs five (AFP, Reuters); 35 (AFP, AP) vs 364 (Reuters)']);
  });

  it('never merges a dispute into one side: an article whose sentences give both values stays apart', () => {
    // 24 of 313 conflicts of the 20,000-article bench corpus read "Monday (…), Thursday (…)", no "vs" at all.
    const mentions = [m('x', 'The talks began on Monday.'), m('y', 'The talks began on Thursday.'), m('y', 'The talks, which began on Monday, went on.')];
    expect(details(mentions)).toEqual(['weekday: Monday (AP) vs Thursday, Monday (Reuters)']);
  });

  it('shows an article that gives a value of each side on a side of its own', () => {
    const mentions = [
      m('x', 'Creighton advanced on Friday.'),
      m('y', 'Creighton advanced to play on Saturday.'),
      m('w', "Creighton, which won on Friday, plays in Saturday's semifinal."),
      m('z', 'Creighton advanced to play on Saturday afternoon.'),
    ];
    expect(details(mentions)).toEqual(['weekday: Friday (AP) vs Saturday (AFP, Reuters) vs Friday, Saturday (BBC)']);
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
    expect(conflict?.detail).toBe('number: 300 (AP) vs 400 (Reuters)');
    expect(conflict?.values).toEqual([{ article: 'x', value: '300' }, { article: 'y', value: '400' }]);
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

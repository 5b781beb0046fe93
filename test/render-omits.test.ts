import { describe, expect, it } from 'vitest';
import { notableOmits, OMITS_ALL_UP_TO, unlistedOmitsNote } from '../src/render/sections.js';
import { renderers } from '../src/render/index.js';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import { article, OPTIONS } from './render-fixture.js';

const omit = (fact: string, reportedBy: number, otherSources: number) => ({ fact, reportedBy, otherSources });

describe('notableOmits', () => {
  it('lists every omitted fact in a story of up to six sources, even one a single other source reports', () => {
    const omits = [omit('s1-f1', 1, 2), omit('s1-f2', 2, 2)];
    expect(notableOmits(omits)).toEqual({ listed: omits, unlisted: 0, least: 1, others: 2 });
    const four = [omit('s1-f1', 1, 3), omit('s1-f2', 1, 3), omit('s1-f3', 3, 3)];
    expect(notableOmits(four).listed).toEqual(four);
    const six = [omit('s1-f1', 1, OMITS_ALL_UP_TO), omit('s1-f2', 2, OMITS_ALL_UP_TO)];
    expect(notableOmits(six)).toEqual({ listed: six, unlisted: 0, least: 1, others: OMITS_ALL_UP_TO });
    expect(unlistedOmitsNote(notableOmits(six))).toBe('');
  });

  it('past six sources, lists the facts at least a third of the others report, and at least two, and says which it counts', () => {
    const seven = [omit('s1-f1', 1, 6), omit('s1-f2', 2, 6), omit('s1-f3', 6, 6)];
    expect(notableOmits(seven)).toEqual({ listed: [seven[1], seven[2]], unlisted: 1, least: 2, others: 6 });
    expect(unlistedOmitsNote(notableOmits(seven))).toBe('and 1 more, each reported by only 1 of the 6 others (all in --json)');
    const omits = [omit('s1-f1', 1, 13), omit('s1-f2', 4, 13), omit('s1-f3', 4, 13), omit('s1-f4', 5, 13), omit('s1-f5', 13, 13)];
    expect(notableOmits(omits)).toEqual({ listed: [omits[3], omits[4]], unlisted: 3, least: 5, others: 13 });
    expect(unlistedOmitsNote(notableOmits(omits))).toBe('and 3 more, each reported by fewer than 5 of the 13 others (all in --json)');
    // A heading "(2)" over no line but the note: the note says none is listed rather than "and 2 more".
    expect(unlistedOmitsNote(notableOmits(omits.slice(0, 2)))).toBe('none listed, each reported by fewer than 5 of the 13 others (all in --json)');
  });
});

/** `n` sources that each tell the shared fact, the first two also `common`, and the first its own fact too. */
function storyOf(n: number) {
  const shared = 'The ferry Solveig ran aground off Kallo island on Friday morning.';
  const common = 'Coast guard boats rescued 212 passengers from the stranded ferry.';
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India'];
  const own = 'Islanders brought blankets and hot soup to the quay.';
  return buildReport({
    articles: names.slice(0, n).map((name, i) => article(name.toLowerCase(), name, 'Ferry aground', i === 0 ? [shared, common, own] : i === 1 ? [shared, common] : [shared])).map(stored),
    groups: [names.slice(0, n).map((_, i) => i)],
    copies: [],
    skipped: [],
    warnings: [],
    options: OPTIONS,
  });
}

describe('leaves out, in the views', () => {
  it('at four sources names a fact one other source reports ("they had it, we didn\'t"), under a heading that counts what it lists', () => {
    const r = storyOf(4);
    const terminal = renderers.terminal(r, { color: false, width: 100 });
    expect(terminal).toMatch(/D \(Delta\) leaves out \(2\)\n.*Coast guard boats rescued 212 passengers.*\(2 of 3\)\n.*Islanders brought blankets.*\(1 of 3\)\n/);
    expect(terminal).not.toContain('more, each reported by');
    const markdown = renderers.markdown(r);
    expect(markdown).toMatch(/Islanders brought blankets.*\(1 of 3\)/);
    expect(markdown).not.toContain('more, each reported by');
  });

  it('at nine sources names the facts many others report and counts the rest, in the terminal view and Markdown; JSON keeps them all', () => {
    const r = storyOf(9);
    const terminal = renderers.terminal(r, { color: false, width: 100 });
    // India leaves out `common` (2 of the 8 others tell it) and Alpha's own fact (1 of 8): past six sources a fact is
    // listed when at least ceil(8 / 3) = 3 others tell it, so neither is.
    expect(terminal).toMatch(/I \(India\) leaves out \(2\)\n\s+none listed, each reported by fewer than 3 of the 8 others \(all in --json\)/);
    expect(terminal).not.toMatch(/Islanders brought blankets.*\(1 of 8\)/);
    const markdown = renderers.markdown(r);
    expect(markdown).toContain('- _none listed, each reported by fewer than 3 of the 8 others (all in --json)_');
    const json = JSON.parse(renderers.json(r)) as { stories: { coverage: { omits: { reportedBy: number }[] }[] }[] };
    expect(json.stories[0]?.coverage.flatMap((c) => c.omits.map((o) => o.reportedBy)).filter((n) => n === 1)).toHaveLength(8);
  });
});

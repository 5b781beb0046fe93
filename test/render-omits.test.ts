import { describe, expect, it } from 'vitest';
import { notableOmits, unlistedOmitsNote } from '../src/render/sections.js';
import { renderers } from '../src/render/index.js';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import { article, OPTIONS } from './render-fixture.js';

const omit = (fact: string, reportedBy: number, otherSources: number) => ({ fact, reportedBy, otherSources });

describe('notableOmits', () => {
  it('lists every omitted fact when there are fewer than three other sources', () => {
    const omits = [omit('s1-f1', 1, 2), omit('s1-f2', 2, 2)];
    expect(notableOmits(omits)).toEqual({ listed: omits, unlisted: 0 });
  });

  it('with three or more, lists the facts at least a third of the others report, and at least two', () => {
    const omits = [omit('s1-f1', 1, 3), omit('s1-f2', 2, 3), omit('s1-f3', 4, 13), omit('s1-f4', 5, 13), omit('s1-f5', 13, 13)];
    expect(notableOmits(omits)).toEqual({ listed: [omits[1], omits[3], omits[4]], unlisted: 2 });
    expect(unlistedOmitsNote(0)).toBe('');
    expect(unlistedOmitsNote(2)).toBe('and 2 more, each reported by under a third of the others (all in --json)');
  });
});

describe('leaves out, in the views', () => {
  // Four sources: what one source alone adds is left out by three others, each "1 of 3"; the fact three tell is "2 of 3" for the fourth.
  const shared = 'The ferry Solveig ran aground off Kallo island on Friday morning.';
  const common = 'Coast guard boats rescued 212 passengers from the stranded ferry.';
  const r = buildReport({
    articles: [
      article('a', 'Alpha', 'Ferry aground', [shared, common, 'Islanders brought blankets and hot soup to the quay.']),
      article('b', 'Bravo', 'Ferry aground', [shared, common]),
      article('c', 'Charlie', 'Ferry aground', [shared, common]),
      article('d', 'Delta', 'Ferry aground', [shared]),
    ].map(stored),
    groups: [[0, 1, 2, 3]],
    copies: [],
    skipped: [],
    warnings: [],
    options: OPTIONS,
  });

  it('names the facts many others report and counts the rest, in the terminal view and Markdown; JSON keeps them all', () => {
    const terminal = renderers.terminal(r, { color: false, width: 100 });
    expect(terminal).toMatch(/Coast guard boats rescued 212 passengers from the stranded ferry\. \(3 of 3\)/);
    expect(terminal).toContain('and 1 more, each reported by under a third of the others (all in --json)');
    expect(terminal).not.toMatch(/Islanders brought blankets.*\(1 of 3\)/);
    const markdown = renderers.markdown(r);
    expect(markdown).toContain('- _and 1 more, each reported by under a third of the others (all in --json)_');
    const json = JSON.parse(renderers.json(r)) as { stories: { coverage: { omits: { reportedBy: number }[] }[] }[] };
    expect(json.stories[0]?.coverage.flatMap((c) => c.omits.map((o) => o.reportedBy)).filter((n) => n === 1)).toHaveLength(3);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate, type Schema } from './json-schema.js';
import { storyCoverage } from '../src/facts/coverage.js';
import { renderers } from '../src/render/index.js';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import type { Fact, Report } from '../src/types.js';
import { article, OPTIONS } from './render-fixture.js';

const fact = (id: string, articles: string[]): Fact => ({ id, articles, mentions: articles.map((a) => ({ article: a, sentence: 0, text: id })) });

describe('storyCoverage: facts every source reports, teasers aside', () => {
  const sourceOf = new Map([['a', 'Alpha'], ['b', 'Bravo'], ['c', 'Charlie']]);
  const facts = [fact('f1', ['a', 'b', 'c']), fact('f2', ['a', 'b']), fact('f3', ['a'])];

  it('counts every source when every article is whole', () => {
    const r = storyCoverage({ articles: ['a', 'b', 'c'], facts, sourceOf });
    expect(r.shared).toEqual(['f1']);
    expect(r.sharedExcept).toEqual([]);
  });

  it('leaves a teaser-only source out when two others have whole articles', () => {
    const r = storyCoverage({ articles: ['a', 'b', 'c'], facts, sourceOf, partial: new Set(['c']) });
    expect(r.shared).toEqual(['f1', 'f2']);
    expect(r.sharedExcept).toEqual(['Charlie']);
  });

  it('counts every source when fewer than two have a whole article', () => {
    const r = storyCoverage({ articles: ['a', 'b', 'c'], facts, sourceOf, partial: new Set(['b', 'c']) });
    expect(r.shared).toEqual(['f1']);
    expect(r.sharedExcept).toEqual([]);
  });

  it('a source with one whole article among teasers still counts', () => {
    const withMore = new Map([...sourceOf, ['c2', 'Charlie']]);
    const r = storyCoverage({ articles: ['a', 'b', 'c', 'c2'], facts: [...facts, fact('f4', ['a', 'b', 'c2'])], sourceOf: withMore, partial: new Set(['c']) });
    expect(r.shared).toEqual(['f1', 'f4']);
    expect(r.sharedExcept).toEqual([]);
  });
});

describe('a teaser in the views', () => {
  const lead = 'The ferry Solveig ran aground off Kallo island on Friday morning.';
  const rescue = 'Coast guard boats rescued 212 passengers from the stranded ferry.';
  const cause = 'The harbour master said the captain had reported engine trouble on the crossing.';
  const report: Report = buildReport({
    articles: [
      article('a', 'Alpha', 'Ferry aground', [lead, rescue, cause]),
      article('b', 'Bravo', 'Ferry aground', [lead, rescue, cause]),
      article('c', 'Charlie', 'Ferry aground', [lead], { excerpt: true }),
    ].map(stored),
    groups: [[0, 1, 2]],
    copies: [],
    skipped: [],
    warnings: [],
    options: OPTIONS,
  });
  const story = report.stories[0];

  it('lists what both whole articles report as reported by every source, and names the teaser left out', () => {
    expect(story?.shared).toHaveLength(3);
    expect(story?.sharedExcept).toEqual(['Charlie']);
    const terminal = renderers.terminal(report, { color: false, width: 100 });
    expect(terminal).toContain('Reported by every source (3; Charlie not counted: teaser only)');
    expect(terminal).not.toContain('Reported by some sources');
    expect(renderers.markdown(report)).toContain('### Reported by every source (3; Charlie not counted: teaser only)');
    const json = JSON.parse(renderers.json(report)) as { stories: { shared: string[]; sharedExcept?: string[] }[] };
    expect(json.stories[0]?.sharedExcept).toEqual(['Charlie']);
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as Schema;
    expect(validate(schema, json)).toEqual([]);
  });
});

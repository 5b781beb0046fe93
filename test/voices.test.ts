/**
 * A copy group counts once (src/facts/voices.ts): wire copy republished by a second outlet is not independent
 * corroboration, in the coverage, the corroborated facts of `fullest`, the views' sections and the sources table.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparedVoices, storyVoices } from '../src/facts/voices.js';
import { storyCoverage } from '../src/facts/coverage.js';
import { storyFacts } from '../src/facts/story-facts.js';
import { buildReport } from '../src/report/build.js';
import { renderers } from '../src/render/index.js';
import { storySections } from '../src/render/sections.js';
import { stored } from '../src/clean/packed.js';
import type { CopyPair, Fact, Report } from '../src/types.js';
import { article, OPTIONS } from './render-fixture.js';
import { validate, type Json, type Schema } from './json-schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('storyVoices', () => {
  const sources: Record<string, string> = { r1: 'Reuters', r2: 'Reuters', y: 'Yahoo', b: 'BBC', g: 'Guardian', m: 'MSN' };
  const sourceOf = (id: string): string => sources[id] ?? id;

  it('makes the sources of a copy group one voice, keyed by its first source in story order', () => {
    const v = storyVoices(['b', 'g', 'r1', 'y'], sourceOf, [['y', 'r1']]);
    expect(v.count).toBe(3);
    expect([...v.of]).toEqual([['b', 'BBC'], ['g', 'Guardian'], ['r1', 'Reuters'], ['y', 'Reuters']]);
  });

  it('joins a source with all its articles, and chains groups through a source', () => {
    // y copies r2, m copies r1: Reuters, Yahoo and MSN carry the wire's texts, one voice.
    const v = storyVoices(['b', 'm', 'r1', 'r2', 'y'], sourceOf, [['r2', 'y'], ['m', 'r1']]);
    expect(v.count).toBe(2);
    expect(new Set(['m', 'r1', 'r2', 'y'].map((id) => v.of.get(id)))).toEqual(new Set(['MSN']));
  });

  it('counts every source apart without groups, with a group inside one source, and ignores ids not in the story', () => {
    expect(storyVoices(['b', 'g', 'r1'], sourceOf).count).toBe(3);
    expect(storyVoices(['b', 'r1', 'r2'], sourceOf, [['r1', 'r2']]).count).toBe(2);
    expect(storyVoices(['b', 'r1'], sourceOf, [['r1', 'elsewhere'], ['x', 'b']]).count).toBe(2);
  });

  it('compares a story of one text and its copies source by source', () => {
    const one = storyVoices(['r1', 'y'], sourceOf, [['r1', 'y']]);
    expect(one.count).toBe(1);
    const compared = comparedVoices(one, ['r1', 'y'], sourceOf);
    expect(compared.count).toBe(2);
    expect([...compared.of.values()]).toEqual(['Reuters', 'Yahoo']);
    const three = storyVoices(['b', 'r1', 'y'], sourceOf, [['r1', 'y']]);
    expect(comparedVoices(three, ['b', 'r1', 'y'], sourceOf)).toBe(three);
  });
});

describe('storyCoverage with voices', () => {
  const fact = (id: string, articles: string[]): Fact => ({ id, articles, mentions: articles.map((a) => ({ article: a, sentence: 0, text: id })) });
  const sourceOf = new Map([['b', 'BBC'], ['g', 'Guardian'], ['r', 'Reuters'], ['y', 'Yahoo']]);
  const voiceOf = new Map([['b', 'BBC'], ['g', 'Guardian'], ['r', 'Reuters'], ['y', 'Reuters']]);
  // f1 every source; f2 BBC and the Guardian; f3 BBC and the wire text; f4 the wire text alone; f5 Reuters only (Yahoo cut it).
  const facts = [fact('f1', ['b', 'g', 'r', 'y']), fact('f2', ['b', 'g']), fact('f3', ['b', 'r', 'y']), fact('f4', ['r', 'y']), fact('f5', ['r'])];
  const articles = ['b', 'g', 'r', 'y'];

  it('makes a fact only a text and its copy tell an add of each, left out by the others "1 of 2", not "2 of 3"', () => {
    const { coverage, shared } = storyCoverage({ articles, facts, sourceOf, voiceOf });
    expect(shared).toEqual(['f1']);
    const [b, g, r, y] = coverage;
    expect(b).toEqual({ article: 'b', source: 'BBC', adds: [], omits: [{ fact: 'f4', reportedBy: 1, otherSources: 2 }, { fact: 'f5', reportedBy: 1, otherSources: 2 }] });
    expect(g?.omits).toEqual([{ fact: 'f3', reportedBy: 2, otherSources: 2 }, { fact: 'f4', reportedBy: 1, otherSources: 2 }, { fact: 'f5', reportedBy: 1, otherSources: 2 }]);
    expect(r).toEqual({ article: 'r', source: 'Reuters', adds: ['f4', 'f5'], omits: [{ fact: 'f2', reportedBy: 2, otherSources: 2 }] });
    // The copy keeps its own lists: f4 is its add too, and f5 (which only the text it copies tells) is no omission.
    expect(y).toEqual({ article: 'y', source: 'Yahoo', adds: ['f4'], omits: [{ fact: 'f2', reportedBy: 2, otherSources: 2 }] });
  });

  it('counted source by source (no voices), as it was: the copy corroborates its text', () => {
    const { coverage } = storyCoverage({ articles, facts, sourceOf });
    expect(coverage[0]?.omits).toContainEqual({ fact: 'f4', reportedBy: 2, otherSources: 3 });
    expect(coverage[2]?.adds).toEqual(['f5']);
  });

  it('leaves teasers out of `shared` only when the whole articles are two voices', () => {
    const partial = new Set(['g']);
    const twoVoices = storyCoverage({ articles, facts, sourceOf, voiceOf, partial });
    expect(twoVoices.sharedExcept).toEqual(['Guardian']);
    expect(twoVoices.shared).toEqual(['f1', 'f3']);
    // Without BBC, the whole articles are Reuters and its copy: one voice, so the teaser counts and `shared` is what all tell.
    const wire = [fact('f1', ['g', 'r', 'y']), fact('f2', ['r', 'y'])];
    const oneVoice = storyCoverage({ articles: ['g', 'r', 'y'], facts: wire, sourceOf, voiceOf, partial });
    expect(oneVoice.sharedExcept).toEqual([]);
    expect(oneVoice.shared).toEqual(['f1']);
    // Counted source by source, Reuters and Yahoo were two whole sources: the teaser was left out and the wire's f2 was
    // "reported by every source".
    expect(storyCoverage({ articles: ['g', 'r', 'y'], facts: wire, sourceOf, partial }).shared).toEqual(['f1', 'f2']);
  });
});

const SHARED = 'A powerful earthquake struck eastern Turkey on Friday evening, killing at least 42 people.';
const MAGNITUDE = 'The magnitude 6.8 quake hit the province of Elazig, toppling buildings in the lakeside town.';
const RESCUERS = 'Rescuers searched through the night for people trapped under collapsed buildings in Sivrice.';
const ERDOGAN = 'President Tayyip Erdogan said the government would do everything to help the victims.';
const TREMOR = 'Neighbouring Syria, Iran and Armenia also felt the tremor.';
const FAULTS = 'Turkey sits on major fault lines and is frequently hit by earthquakes.';
const DEBRIS = 'Rescue workers used their hands to dig through debris as temperatures dropped to minus 8C overnight.';
const WIRE = [SHARED, RESCUERS, ERDOGAN, TREMOR];

/** BBC, the Guardian, a Reuters wire story and Yahoo's copy of it (marked as a copy when `copies`). */
function quake(copies: readonly CopyPair[], yahoo: readonly string[] = WIRE): Report {
  const articles = [
    article('bbc', 'BBC', 'Earthquake kills 42 in Turkey', [SHARED, MAGNITUDE, RESCUERS, FAULTS]),
    article('guardian', 'The Guardian', 'Earthquake kills 42 in Turkey', [SHARED, MAGNITUDE, DEBRIS]),
    article('reuters', 'Reuters', 'Earthquake kills 42 in Turkey', WIRE),
    article('yahoo', 'Yahoo News', 'Earthquake kills 42 in Turkey', yahoo),
  ];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2, 3]], copies, skipped: [], warnings: [], options: OPTIONS });
}
const COPY: CopyPair[] = [{ a: 'yahoo', b: 'reuters', jaccard: 1 }];

describe('a wire story and its republished copy, in the report', () => {
  const r = quake(COPY);
  const story = r.stories[0];
  if (!story) throw new Error('no story');
  const text = (id: string): string => story.facts.find((f) => f.id === id)?.mentions[0]?.text ?? '';
  const factOf = (sentence: string): string => story.facts.find((f) => f.mentions.some((m) => m.text === sentence))?.id ?? '?';

  it('counts the copy group once: 3 independent sources, its facts the wire text\'s own, left out "1 of 2"', () => {
    expect(story.independentSources).toBe(3);
    const byArticle = new Map(story.coverage.map((c) => [c.article, c]));
    expect(byArticle.get('reuters')?.adds.map(text)).toEqual([ERDOGAN, TREMOR]);
    expect(byArticle.get('yahoo')?.adds.map(text)).toEqual([ERDOGAN, TREMOR]);
    const bbc = byArticle.get('bbc')?.omits ?? [];
    expect(bbc).toHaveLength(3);
    expect(bbc).toEqual(expect.arrayContaining([
      { fact: factOf(ERDOGAN), reportedBy: 1, otherSources: 2 },
      { fact: factOf(TREMOR), reportedBy: 1, otherSources: 2 },
      { fact: factOf(DEBRIS), reportedBy: 1, otherSources: 2 },
    ]));
    expect(byArticle.get('guardian')?.omits).toContainEqual({ fact: factOf(RESCUERS), reportedBy: 2, otherSources: 2 });
  });

  it('names as most complete the article with the most facts two independent sources tell, not the copied text', () => {
    // Corroborated: SHARED, MAGNITUDE, RESCUERS. Counting the copy, ERDOGAN and TREMOR were too, and Reuters (4 of 5) won.
    expect(story.fullest).toEqual({ article: 'bbc', facts: 4, corroborated: 3, storyCorroborated: 3 });
    // Yahoo, unmarked, has Reuters' counts: a tie, said (Reuters is first in story order); marked, it is Reuters' copy.
    expect(quake([]).stories[0]?.fullest).toEqual({ article: 'reuters', facts: 4, corroborated: 4, storyCorroborated: 5, tiedWith: ['yahoo'] });
  });

  it('puts no fact only the copy group tells under "Reported by some sources", in the terminal view and Markdown', () => {
    const terminal = renderers.terminal(r, { color: false, width: 120, matrix: false });
    const some = terminal.slice(terminal.indexOf('Reported by some sources'), terminal.indexOf('Only A'));
    expect(some).toContain('Reported by some sources (2)');
    expect(some).toContain(MAGNITUDE);
    expect(some).toContain(RESCUERS);
    expect(some).not.toContain(ERDOGAN);
    expect(terminal).toContain('Only B (Reuters) and its near-duplicate D report (2)');
    // One section for the text and its copy: the copy's would list the same facts again.
    expect(terminal).not.toContain('Only D');
    expect(terminal).toMatch(/A \(BBC\) leaves out \(3\)\n.*President Tayyip Erdogan.*\(1 of 2\)\n/);
    expect(terminal).not.toContain('of 3)');
    expect(terminal).toContain('A BBC in/bbc.txt most complete: 3 of 3 corroborated facts, 4 of 7 in all');
    const markdown = renderers.markdown(r);
    expect(markdown).toContain('### Reported by some sources (2)');
    expect(markdown).toContain('### Only B (Reuters) and its near-duplicate D report (2)');
    expect(markdown).not.toContain('of 3)');
    const html = renderers.html(r);
    expect(html).toContain('only this source and its near-duplicates: 2 facts');
    expect(html).toContain('reported only by this source (or its near-duplicates)');
  });

  it('without the copy marked, counts Yahoo as a second source of the wire text, as before (the test can tell)', () => {
    const plain = quake([]);
    const terminal = renderers.terminal(plain, { color: false, width: 120, matrix: false });
    expect(terminal).toContain('Reported by some sources (4, most widely reported first)');
    expect(terminal).toMatch(/President Tayyip Erdogan.*\(2 of 3\)/);
    expect(plain.stories[0]?.independentSources).toBeUndefined();
  });

  it('counts the same adds and omits per source in the sources table as the sections show', () => {
    const articles = new Map(r.articles.map((a) => [a.id, a]));
    const sections = storySections(story, articles);
    for (const row of r.sources) {
      const g = sections.bySource.find((s) => s.source === row.source);
      expect([row.addedFacts, row.omittedFacts], row.source).toEqual([g?.adds.length, g?.omits.length]);
    }
    expect(r.sources.map((s) => [s.source, s.addedFacts, s.omittedFacts])).toEqual([
      ['BBC', 1, 3],
      ['Reuters', 2, 3],
      ['The Guardian', 1, 4],
      ['Yahoo News', 2, 3],
    ]);
  });

  it('writes JSON the schema accepts, with independentSources', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;
    const doc = JSON.parse(renderers.json(r)) as Json;
    expect(validate(schema, doc)).toEqual([]);
    expect(JSON.stringify(doc)).toContain('"independentSources":3');
  });
});

describe('a story of one text and its copies only', () => {
  // Yahoo cut the wire's last line: the copies are compared source by source, and nothing is corroborated.
  const articles = [article('reuters', 'Reuters', 'Quake', WIRE), article('yahoo', 'Yahoo News', 'Quake', WIRE.slice(0, 3))];
  const r = buildReport({ articles: articles.map(stored), groups: [[0, 1]], copies: [{ a: 'yahoo', b: 'reuters', jaccard: 0.8 }], skipped: [], warnings: [], options: OPTIONS });
  const story = r.stories[0];

  it('says what the copy cut, has one independent source and no corroborated fact', () => {
    expect(story?.independentSources).toBe(1);
    const tremor = story?.facts.find((f) => f.mentions[0]?.text === TREMOR)?.id;
    expect(story?.coverage).toEqual([
      { article: 'reuters', source: 'Reuters', adds: [tremor], omits: [] },
      { article: 'yahoo', source: 'Yahoo News', adds: [], omits: [{ fact: tremor, reportedBy: 1, otherSources: 1 }] },
    ]);
    expect(story?.fullest).toMatchObject({ article: 'reuters', corroborated: 0, storyCorroborated: 0 });
  });

  it('gives storyFacts the same with the copy groups passed directly', () => {
    const f = storyFacts('s1', articles.map((a) => ({ id: a.id, source: a.source, sentences: a.sentences })), OPTIONS.factThreshold, [['reuters', 'yahoo']]);
    expect(f.coverage).toEqual(story?.coverage);
    expect(f.fullest).toEqual(story?.fullest);
  });
});

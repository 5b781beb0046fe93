/**
 * An excerpt (a partial copy of another source's article, cluster/partial-copies.ts) does not corroborate its whole
 * (src/facts/voices.ts): it is in its whole's voice for the other sources' counts, while its own coverage compares it
 * with every voice, so what it cut is still listed. And `fullest` names the articles it ties with. Unit tests on
 * literal facts and articles, then the built CLI on test/fixtures/excerpt-voice (review 26: Ventura County Star
 * running AP's first four paragraphs) and test/fixtures/fullest-tie (BBC and the Kathmandu Post tie).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyCoverage } from '../src/facts/coverage.js';
import { excerptingSources, othersTelling, factVoices, storyVoices, voiceGroups } from '../src/facts/voices.js';
import { storyFacts } from '../src/facts/story-facts.js';
import { buildReport } from '../src/report/build.js';
import { renderers } from '../src/render/index.js';
import { fullestNote, storySections } from '../src/render/sections.js';
import { stored } from '../src/clean/packed.js';
import type { Fact, PartialCopy, Report, Story } from '../src/types.js';
import { article, OPTIONS } from './render-fixture.js';
import { validate, type Json, type Schema } from './json-schema.js';
import { runCli, ROOT } from './cli-run.js';

describe('the voices of a story with an excerpt', () => {
  const sources: Record<string, string> = { ap: 'AP', vcs: 'Ventura County Star', lat: 'Los Angeles Times' };
  const sourceOf = (id: string): string => sources[id] ?? id;

  it('joins an excerpt to its whole, and names the sources that excerpt another source', () => {
    const groups = voiceGroups(undefined, [{ part: 'vcs', whole: 'ap' }]);
    expect(groups).toEqual([['vcs', 'ap']]);
    expect(storyVoices(['ap', 'lat', 'vcs'], sourceOf, groups).count).toBe(2);
    expect(voiceGroups(undefined, [])).toBeUndefined();
    expect([...excerptingSources([{ part: 'vcs', whole: 'ap' }], sourceOf)]).toEqual(['Ventura County Star']);
    // An excerpt of an article of its own source excerpts no other source.
    expect(excerptingSources([{ part: 'ap', whole: 'ap2' }], (id) => (id.startsWith('ap') ? 'AP' : id)).size).toBe(0);
  });

  it('counts for an excerpting source its whole as another voice, its own telling not', () => {
    // Voices: AP (AP and the excerpting VCS) and LAT. A fact told by AP only, by VCS only, by AP and VCS.
    const voiceOf = (s: string): string => (s === 'Los Angeles Times' ? s : 'AP');
    const apOnly = factVoices(['AP'], voiceOf);
    const vcsOnly = factVoices(['Ventura County Star'], voiceOf);
    const both = factVoices(['AP', 'Ventura County Star'], voiceOf);
    expect([othersTelling(apOnly, 'AP', true, false), othersTelling(vcsOnly, 'AP', true, true), othersTelling(both, 'AP', true, true)]).toEqual([1, 0, 1]);
    // A source of the voice that does not excerpt: its voice never counts.
    expect([othersTelling(apOnly, 'AP', false, true), othersTelling(vcsOnly, 'AP', false, false)]).toEqual([0, 0]);
  });
});

describe('storyCoverage with an excerpting source', () => {
  const fact = (id: string, articles: string[]): Fact => ({ id, articles, mentions: articles.map((a) => ({ article: a, sentence: 0, text: id })) });
  const sourceOf = new Map([['ap', 'AP'], ['lat', 'Los Angeles Times'], ['vcs', 'Ventura County Star']]);
  const voiceOf = new Map([['ap', 'AP'], ['lat', 'Los Angeles Times'], ['vcs', 'AP']]);
  // f1 all; f2 AP's lead, which the excerpt kept; f3 AP only (cut); f4 AP and LAT (cut); f5 LAT only; f6 VCS's own line.
  const facts = [fact('f1', ['ap', 'lat', 'vcs']), fact('f2', ['ap', 'vcs']), fact('f3', ['ap']), fact('f4', ['ap', 'lat']), fact('f5', ['lat']), fact('f6', ['vcs'])];
  const articles = ['ap', 'lat', 'vcs'];
  const excerpting = new Set(['Ventura County Star']);

  it('lets the excerpt corroborate nothing of its whole, and lists what it cut as its omits', () => {
    const { coverage } = storyCoverage({ articles, facts, sourceOf, voiceOf, excerpting });
    const [ap, lat, vcs] = coverage;
    // AP's lead is AP's own; LAT leaves it out "1 of 1", not "2 of 2". VCS's own line is not LAT's "2 of 2" either.
    expect(ap).toEqual({ article: 'ap', source: 'AP', adds: ['f2', 'f3'], omits: [{ fact: 'f5', reportedBy: 1, otherSources: 1 }] });
    expect(lat?.omits).toEqual([
      { fact: 'f2', reportedBy: 1, otherSources: 1 },
      { fact: 'f3', reportedBy: 1, otherSources: 1 },
      { fact: 'f6', reportedBy: 1, otherSources: 1 },
    ]);
    // The excerpt: compared with AP and LAT, two voices; it cut f3 and f4; its own f6 is its add, AP's lead is not.
    expect(vcs).toEqual({
      article: 'vcs',
      source: 'Ventura County Star',
      adds: ['f6'],
      omits: [
        { fact: 'f3', reportedBy: 1, otherSources: 2 },
        { fact: 'f4', reportedBy: 2, otherSources: 2 },
        { fact: 'f5', reportedBy: 1, otherSources: 2 },
      ],
    });
  });

  it('without the excerpting source named, the excerpt is a copy: what only its whole tells vanishes from its omits, and it adds its whole\'s lead (the test can tell)', () => {
    const vcs = storyCoverage({ articles, facts, sourceOf, voiceOf }).coverage[2];
    expect(vcs?.omits.map((o) => o.fact)).toEqual(['f4', 'f5']);
    expect(vcs?.adds).toEqual(['f2', 'f6']);
  });
});

const LEAD = 'A wildfire driven by Santa Ana winds forced more than 8,000 people to leave their homes in Ventura County on Thursday.';
const HOMES = 'At least 132 structures were destroyed, including dozens of homes in the community of Camarillo Heights.';
const ACRES = 'The fire had burned about 10,400 acres by Thursday evening and was not contained, according to Cal Fire.';
const POWER = 'Southern California Edison said it had cut power to about 60,000 customers to reduce the risk of new fires.';
const CAUSE = 'The cause of the fire was under investigation and arson investigators were at the scene.';
const SCHOOLS = 'Schools in the Pleasant Valley district were closed on Friday and buses were cancelled.';
const PETS = 'Many residents said they had only minutes to grab pets and documents before the flames arrived.';
const WIRE = [LEAD, HOMES, ACRES, POWER, CAUSE, SCHOOLS];

/** AP, the Ventura County Star's excerpt of it (marked when `partial`), and the LA Times' own report. */
function wildfire(partial: boolean): Report {
  const articles = [
    article('ap', 'AP', 'Wildfire forces thousands to flee', WIRE),
    article('lat', 'Los Angeles Times', 'Wildfire forces thousands to flee', [HOMES, ACRES, POWER, PETS]),
    article('vcs', 'Ventura County Star', 'Wildfire forces thousands to flee', WIRE.slice(0, 3)),
  ];
  const partialCopies: PartialCopy[] = partial ? [{ part: 'vcs', whole: 'ap', containment: 1, jaccard: 0.5 }] : [];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2]], copies: [], partialCopies, skipped: [], warnings: [], options: OPTIONS });
}

describe('a wire story and an excerpt of it, in the report', () => {
  const r = wildfire(true);
  const story = r.stories[0] as Story;
  const factOf = (sentence: string): string => story.facts.find((f) => f.mentions.some((m) => m.text === sentence))?.id ?? '?';
  const byArticle = new Map(story.coverage.map((c) => [c.article, c]));

  it('has two independent sources, and the wire lead is AP\'s own, left out "1 of 1" by the LA Times', () => {
    expect(story.independentSources).toBe(2);
    expect(byArticle.get('ap')?.adds).toEqual([factOf(LEAD), factOf(CAUSE), factOf(SCHOOLS)]);
    expect(byArticle.get('lat')?.omits).toContainEqual({ fact: factOf(LEAD), reportedBy: 1, otherSources: 1 });
    expect(byArticle.get('vcs')?.adds).toEqual([]);
    const cuts = [POWER, CAUSE, SCHOOLS, PETS].map((s) => ({ fact: factOf(s), reportedBy: s === POWER ? 2 : 1, otherSources: 2 }));
    expect(byArticle.get('vcs')?.omits).toHaveLength(cuts.length);
    expect(byArticle.get('vcs')?.omits).toEqual(expect.arrayContaining(cuts));
  });

  it('counts as corroborated only what AP and the LA Times both tell', () => {
    expect(story.fullest).toEqual({ article: 'ap', facts: 6, corroborated: 3, storyCorroborated: 3 });
    expect(wildfire(false).stories[0]?.fullest).toEqual({ article: 'ap', facts: 6, corroborated: 4, storyCorroborated: 4 });
  });

  it('shows no wire-only fact under "Reported by some sources", and the excerpt\'s cuts in its own section', () => {
    const terminal = renderers.terminal(r, { color: false, width: 140, matrix: false });
    expect(terminal).toContain('Reported by some sources (1)');
    expect(terminal).toContain('Only A (AP) and its excerpt C report (3; B leaves them out)');
    expect(terminal).toContain('Only B (Los Angeles Times) reports (1; A, C leave them out)');
    // Two voices: no "leaves out" section but the excerpt's.
    expect(terminal).not.toContain('B (Los Angeles Times) leaves out');
    expect(terminal).toMatch(/C \(Ventura County Star\) leaves out \(4\)\n.*Southern California Edison.*\(2 of 2\)\n.*The cause of the fire.*\(1 of 2\)\n/);
    const markdown = renderers.markdown(r);
    expect(markdown).toContain('### Only A (AP) and its excerpt C report (3; B leaves them out)');
    expect(markdown).toContain('### C (Ventura County Star) leaves out (4)');
    expect(markdown).not.toContain('### B (Los Angeles Times) leaves out');
    const html = renderers.html(r);
    expect(html).toContain('only this source and its copies: 3 facts');
    expect(html).toContain('only this source: 0 facts · leaves out 4 facts');
    const plain = renderers.terminal(wildfire(false), { color: false, width: 140, matrix: false });
    expect(plain).toMatch(/Reported by some sources \(2\)/);
  });

  it('in a story of the wire text and its excerpt alone, compares the two as sources, with no section of the excerpt\'s own', () => {
    const articles = [article('ap', 'AP', 'Wildfire forces thousands to flee', WIRE), article('vcs', 'Ventura County Star', 'Wildfire forces thousands to flee', WIRE.slice(0, 3))];
    const partialCopies: PartialCopy[] = [{ part: 'vcs', whole: 'ap', containment: 1, jaccard: 0.5 }];
    const two = buildReport({ articles: articles.map(stored), groups: [[0, 1]], copies: [], partialCopies, skipped: [], warnings: [], options: OPTIONS });
    expect(two.stories[0]?.independentSources).toBe(1);
    expect(two.stories[0]?.coverage[1]?.omits).toHaveLength(3);
    const terminal = renderers.terminal(two, { color: false, width: 140, matrix: false });
    expect(terminal).toContain('Only A (AP) reports (3; B leaves them out)');
    expect(terminal).not.toContain('leaves out (');
  });

  it('counts the same adds and omits per source in the sources table as the sections and the coverage', () => {
    const sections = storySections(story, new Map(r.articles.map((a) => [a.id, a])));
    for (const row of r.sources) {
      const g = sections.bySource.find((s) => s.source === row.source);
      const cov = story.coverage.filter((c) => c.source === row.source);
      expect([row.addedFacts, row.omittedFacts], row.source).toEqual([g?.adds.length, g?.omits.length]);
      expect(row.omittedFacts, row.source).toBe(new Set(cov.flatMap((c) => c.omits.map((o) => o.fact))).size);
    }
    expect(r.sources.map((s) => [s.source, s.addedFacts, s.omittedFacts])).toEqual([
      ['AP', 3, 1],
      ['Los Angeles Times', 1, 3],
      ['Ventura County Star', 0, 4],
    ]);
  });

  it('writes JSON the schema accepts', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, JSON.parse(renderers.json(r)) as Json)).toEqual([]);
  });
});

describe('the most complete article, tied', () => {
  const A = 'A strong earthquake struck western Nepal late on Friday, killing at least 27 people.';
  const B = 'The quake had a magnitude of 5.6 and was centred in the Jajarkot district.';
  const C = 'Rescuers were digging through the rubble of collapsed houses in the hills.';
  const X = 'The prime minister flew to the area with a medical team.';
  const Y = 'Aid groups said the winter would make the rescue harder.';
  const articles = [
    article('a', 'Al Jazeera', 'Quake in Nepal', [A, B]),
    article('b', 'BBC', 'Quake in Nepal', [A, B, C, X]),
    article('c', 'Reuters', 'Quake in Nepal', [A, B, C, Y]),
    article('d', 'The Kathmandu Post', 'Quake in Nepal', [A, C]),
  ];
  const facts = (copies: (readonly string[])[] = []) => storyFacts('s1', articles.map((a) => ({ id: a.id, source: a.source, sentences: a.sentences })), OPTIONS.factThreshold, copies);

  it('names the first in story order and lists the others with the same counts', () => {
    expect(facts().fullest).toEqual({ article: 'b', facts: 4, corroborated: 3, storyCorroborated: 3, tiedWith: ['c'] });
  });

  it('lists no near-duplicate of the chosen article as a tie: it is the same account', () => {
    expect(facts([['b', 'c']]).fullest?.tiedWith).toBeUndefined();
  });

  it('names one article of each other text that ties: a copy group\'s first', () => {
    const withCopy = [...articles, article('e', 'Yahoo News', 'Quake in Nepal', [A, B, C, Y])];
    const fullest = storyFacts('s1', withCopy.map((a) => ({ id: a.id, source: a.source, sentences: a.sentences })), OPTIONS.factThreshold, [['c', 'e']]).fullest;
    // Yahoo's copy does not corroborate Reuters' Y: BBC, Reuters and Yahoo have 3 of 3 and 4 facts; Yahoo is Reuters' text.
    expect(fullest).toEqual({ article: 'b', facts: 4, corroborated: 3, storyCorroborated: 3, tiedWith: ['c'] });
  });

  it('says the tie in the views, with the labels as shown', () => {
    const story = { facts: [], fullest: { article: 'b', facts: 6, corroborated: 4, storyCorroborated: 5, tiedWith: ['c', 'd'] } } as unknown as Story;
    const labels: Record<string, string> = { c: 'C', d: 'D' };
    expect(fullestNote(story, 'b', (id) => labels[id])).toBe('most complete (tied with C, D): 4 of 5 corroborated facts, 6 of 0 in all');
    expect(fullestNote({ ...story, fullest: { article: 'b', facts: 6, corroborated: 4, storyCorroborated: 5 } }, 'b')).toBe('most complete: 4 of 5 corroborated facts, 6 of 0 in all');
  });
});

describe('the CLI on review 26\'s examples', () => {
  const EX = 'test/fixtures/excerpt-voice';
  const TIE = 'test/fixtures/fullest-tie';
  const dedupe = (args: readonly string[], env: Record<string, string> = { NO_COLOR: '1' }): string => runCli([...args, '-q'], { env }).stdout;

  it('counts the Ventura County Star excerpt of AP in AP\'s voice: two independent sources, AP\'s lead its own', () => {
    const report = JSON.parse(dedupe([EX, '--json'])) as Report;
    const story = report.stories[0] as Story;
    const idOf = (line: string): string => report.articles.find((a) => a.path.endsWith(`:${line}`))?.id ?? '';
    expect(story.partialCopies?.map((p) => [p.part, p.whole])).toEqual([[idOf('2'), idOf('1')]]);
    expect(story.independentSources).toBe(2);
    expect(story.fullest).toEqual({ article: idOf('3'), facts: 10, corroborated: 4, storyCorroborated: 4 });
    const lat = story.coverage.find((c) => c.source === 'Los Angeles Times');
    expect(lat?.omits.every((o) => o.reportedBy === 1 && o.otherSources === 1)).toBe(true);
    const vcs = story.coverage.find((c) => c.source === 'Ventura County Star');
    expect(vcs?.adds).toEqual([]);
    expect(vcs?.omits).toHaveLength(7);
    expect(vcs?.omits.every((o) => o.otherSources === 2)).toBe(true);
    const terminal = dedupe([EX, '--no-matrix', '--width', '100']);
    expect(terminal).toContain('Reported by some sources (1)\n');
    expect(terminal).toContain('Only A, B (AP) and its excerpt D report (6; C leaves them out)');
    expect(terminal).toMatch(/D \(Ventura County Star\) leaves out \(7\)\n.*\(2 of 2\)\n    -  6 The cause of the fire was under investigation\. \(1 of 2\)\n/);
    // Two voices: what AP alone tells, the LA Times leaves out, said in the "Only" heading.
    expect(terminal).not.toContain('C (Los Angeles Times) leaves out');
  });

  it('agrees in every view with the JSON, and is the same for --jobs 1 and 2', () => {
    const json = dedupe([EX, '--json']);
    const report = JSON.parse(json) as Report;
    const story = report.stories[0] as Story;
    const csv = dedupe([EX, '--format', 'csv']).trim().split('\r\n').map((l) => l.split(','));
    const head = csv[0] ?? [];
    const col = (row: readonly string[], name: string): string => row[head.indexOf(name)] ?? '';
    for (const row of csv.slice(1)) {
      const cov = story.coverage.find((c) => c.article === col(row, 'article'));
      expect([col(row, 'adds'), col(row, 'omits')]).toEqual([String(cov?.adds.length), String(cov?.omits.length)]);
    }
    const line = JSON.parse(dedupe([EX, '--format', 'ndjson']).split('\n')[0] ?? '{}') as { story: Story };
    expect(line.story).toEqual(story);
    const markdown = dedupe([EX, '--format', 'markdown']);
    expect(markdown).toContain('### D (Ventura County Star) leaves out (7)');
    expect(markdown).toMatch(/\| AP \| 2 \| 1 \| 1 \| 1 \| 0 \| 1 \| 6 \| 1 \| 2 \|/);
    expect(markdown).toMatch(/\| Ventura County Star \| 1 \| 1 \| 1 \| 0 \| 0 \| 1 \| 0 \| 7 \| 2 \|/);
    expect(report.sources.map((s) => [s.source, s.addedFacts, s.omittedFacts])).toEqual([
      ['AP', 6, 1],
      ['Los Angeles Times', 1, 6],
      ['Ventura County Star', 0, 7],
    ]);
    // The facts stage on worker threads gets each story's partial copies (parallel/story-facts.ts).
    for (const format of ['json', 'ndjson', 'markdown']) {
      const one = dedupe([EX, TIE, '--format', format, '--jobs', '1']);
      expect(dedupe([EX, TIE, '--format', format, '--jobs', '2'], { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.0001' }), format).toBe(one);
    }
  }, 180_000);

  it('says the tie for most complete in the JSON and the views', () => {
    const report = JSON.parse(dedupe([TIE, '--json'])) as Report;
    const story = report.stories[0] as Story;
    const id = (file: string): string => report.articles.find((a) => a.path.endsWith(file))?.id ?? '';
    // (Reuters tied too until a fact link needed a shared word that is not a name: its names-only fact split.)
    expect(story.fullest).toEqual({ article: id('bbc.md'), facts: 6, corroborated: 4, storyCorroborated: 5, tiedWith: [id('kathpost.md')] });
    const note = 'most complete (tied with D): 4 of 5 corroborated facts, 6 of 15 in all';
    expect(dedupe([TIE, '--width', '200'])).toContain(`B BBC 2026-11-24 08:00 UTC ${TIE}/bbc.md ${note}`);
    expect(dedupe([TIE, '--format', 'markdown'])).toContain(`| **B** | BBC (${note}) |`);
    expect(dedupe([TIE, '--format', 'html'])).toContain(note);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, report as unknown as Json)).toEqual([]);
  });
});

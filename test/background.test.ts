/**
 * Background (slots/background.ts, review 27 #5 and #6): a history sentence anchored to its own year ("In 2024, a
 * landslide in the same region killed 9 people") and a value told as superseded ("Previously, officials had said 12
 * people were killed") are not compared with another outlet's values, and a history year does not date an undated
 * article. Unit checks with made-up sentences, each next to the real disagreement of the same shape that is still
 * reported; then the CLI on the review's wire texts (test/fixtures/background: AFP, two AP versions, a dated local
 * rewrite, and a Reuters text with a "Previously … had said" line).
 */
import { describe, expect, it } from 'vitest';
import { factConflicts } from '../src/facts/conflicts.js';
import { alignFacts, storySentences } from '../src/facts/align.js';
import { article } from './article-fixture.js';
import { claimSlots, extractSlots, mayTellPast, openingYear } from '../src/facts/slots/index.js';
import type { Mention } from '../src/types.js';
import { runCli } from './cli-run.js';

const m = (article: string, text: string): Mention => ({ article, sentence: 0, text });
const sourceOf = new Map([['x', 'AFP'], ['y', 'AP'], ['z', 'Reuters']]);
const details = (...texts: string[]): string[] =>
  factConflicts({ fact: 's1-f1', mentions: texts.map((t, i) => m(['x', 'y', 'z'][i] ?? 'x', t)), sourceOf }).map((c) => c.detail);
const anchored = (text: string, language?: Parameters<typeof extractSlots>[1]): string[] =>
  extractSlots(text, language).flatMap((s) => (s.kind === 'year' && s.anchor === true ? [s.value] : []));
const claimed = (text: string): string[] => claimSlots(text).map((s) => `${s.kind} ${s.text}`);

describe('history sentences anchored to a year', () => {
  it('marks the year a sentence opens with as its time, and no other', () => {
    expect(anchored('In March 2017, floods and landslides caused by a coastal El Niño killed more than 100 people in Peru.')).toEqual(['2017']);
    expect(anchored('In 2024, a landslide in the same region killed 9 people.')).toEqual(['2024']);
    expect(anchored('Back in 2019, the river burst its banks.')).toEqual(['2019']);
    expect(anchored('In late 2019 the river burst its banks.')).toEqual(['2019']);
    expect(anchored('In December 26, 2004, a tsunami struck.')).toEqual(['2004']);
    expect(anchored('En mars 2017, des inondations ont tué 100 personnes.', 'fr')).toEqual(['2017']);
    expect(anchored('Im Jahr 2017 starben 100 Menschen.', 'de')).toEqual(['2017']);
    // Not at the start, not the sentence's time, or no year.
    expect(anchored('Floods in 2017 killed more than 100 people.')).toEqual([]);
    expect(anchored('In the 2017 floods, more than 100 people died.')).toEqual([]);
    expect(anchored('In 2015-16, floods killed 100 people.')).toEqual([]);
    expect(anchored('In March, floods killed 100 people.')).toEqual([]);
  });

  it('does not compare two history sentences anchored to different years: two past events', () => {
    expect(
      details('In March 2017, floods and landslides caused by a coastal El Niño killed more than 100 people in Peru.', 'In 2024, a landslide in the same region killed 9 people.'),
    ).toEqual([]);
    expect(details('In 2019, a landslide in the region killed 9 people.', 'In 2024, a landslide in the region killed 12 people.')).toEqual([]);
  });

  it('still compares them when they are anchored to the same year, or only one of them is', () => {
    expect(details('In 2004, a tsunami in the Indian Ocean killed 230,000 people.', 'In 2004, a tsunami in the Indian Ocean killed 220,000 people.')).toEqual([
      'number: 230,000 people (AFP) vs 220,000 people (AP)',
    ]);
    expect(details('In 2004, a tsunami in the Indian Ocean killed 230,000 people.', 'A tsunami in the Indian Ocean killed 220,000 people in 2004.')).toEqual([
      'number: 230,000 people (AFP) vs 220,000 people (AP)',
    ]);
    expect(details('The city council approved the bond in 2009.', 'The city council approved the bond in 2010.')).toEqual(['year: 2009 (AFP) vs 2010 (AP)']);
  });
});

describe('a history sentence and the current event', () => {
  it('tells a sentence that may tell the past from one about the current event', () => {
    expect(mayTellPast('A landslide in the same region killed 11 people two years ago.')).toBe(true);
    expect(mayTellPast('A 2024 landslide in the same region killed 11 people.')).toBe(true);
    expect(mayTellPast('The previous landslide there killed 11 people.')).toBe(true);
    expect(mayTellPast('It is the deadliest landslide since the floods.')).toBe(true);
    expect(mayTellPast('The death toll has risen to 19, the regional government says.')).toBe(false);
    expect(mayTellPast('Thenceforth the pastor spoke.')).toBe(false);
  });

  it('does not set a year-anchored history sentence against one about the current event', () => {
    expect(details('In 2024, a landslide in the same region killed 9 people.', 'The death toll has risen to 19, the regional government says.')).toEqual([]);
    expect(details('In 2024, a landslide in the same region killed 9 people.', 'A landslide in the same region killed 19 people on Monday.')).toEqual([]);
  });

  it('still compares it with another outlet\'s telling of the same past event that says it is past', () => {
    expect(details('In 2024, a landslide in the same region killed 9 people.', 'A landslide in the same region killed 11 people two years ago.')).toEqual([
      'number: 9 people (AFP) vs 11 people (AP)',
    ]);
  });
});

describe('aligning history sentences', () => {
  /** The facts of two one-sentence-per-line articles, as "article:sentence" labels; the lead is shared by both. */
  const facts = (a: string, b: string): string[][] => {
    const lead = 'A landslide buried dozens of homes in the mountain town of Chaglla in central Peru on Monday.';
    const articles = [article('a', 'AFP', [lead, a]), article('b', 'AP', [lead, b])];
    const sentences = storySentences(articles);
    return alignFacts(sentences, { threshold: 0.25 }).map((g) => g.map((i) => `${articles[sentences[i]?.article ?? 0]?.id}:${sentences[i]?.sentence}`));
  };

  it('keeps two history sentences that open with different years apart: two facts', () => {
    expect(facts('In 2017, a landslide in the same region killed 100 people.', 'In 2024, a landslide in the same region killed 9 people.')).toEqual([
      ['a:0', 'b:0'],
      ['a:1'],
      ['b:1'],
    ]);
  });

  it('keeps a year-anchored history sentence apart from one about the current event', () => {
    expect(facts('A landslide in the same region killed 19 people on Monday, officials said.', 'In 2024, a landslide in the same region killed 9 people.')).toEqual([
      ['a:0', 'b:0'],
      ['a:1'],
      ['b:1'],
    ]);
    expect(facts('A landslide in the same region killed 11 people two years ago.', 'In 2024, a landslide in the same region killed 9 people.')).toEqual([
      ['a:0', 'b:0'],
      ['a:1', 'b:1'],
    ]);
  });

  it('still aligns them when they open with the same year, or one of them with none', () => {
    expect(facts('In 2024, a landslide in the same region killed 12 people.', 'In 2024, a landslide in the same region killed 9 people.')).toEqual([
      ['a:0', 'b:0'],
      ['a:1', 'b:1'],
    ]);
    expect(facts('A landslide in the same region killed 12 people in 2024.', 'In 2024, a landslide in the same region killed 9 people.')).toEqual([
      ['a:0', 'b:0'],
      ['a:1', 'b:1'],
    ]);
  });
});

describe('values told as superseded', () => {
  it('drops the values of a part of a sentence told as said before, and keeps the rest', () => {
    expect(claimed('Previously, officials had said 12 people were killed.')).toEqual([]);
    expect(claimed('Earlier, officials said 12 people were killed on Monday.')).toEqual([]);
    expect(claimed('The ministry had earlier said 12 people were killed.')).toEqual([]);
    expect(claimed('Police previously reported 12 deaths.')).toEqual([]);
    expect(claimed('Officials had said 12 people were killed, but on Tuesday raised the toll to 19.')).toEqual(['weekday Tuesday', 'number 19']);
    expect(claimed('The toll rose to 19 people, but officials had earlier said 12.')).toEqual(['number 19']);
    // Not said before: the saying is the article's own report, or "earlier" after it says when.
    expect(claimed('Officials said 12 people had been killed.')).toEqual(['number 12']);
    expect(claimed('Police said earlier this week that 12 people were arrested.')).toEqual(['number 12']);
    expect(claimed('He had previously been arrested four times.')).toEqual(['number four']);
    expect(claimed('Residents had been told to leave by 6 p.m.')).toEqual(['time 6 p.m.']);
    expect(claimed('Earlier this month, the company said it would cut 500 jobs.')).toEqual(['number 500']);
    expect(claimed('The mayor had repeatedly said 12 homes were at risk.')).toEqual([]);
    // Extraction itself keeps them all (explain's shared values).
    expect(extractSlots('Previously, officials had said 12 people were killed.').map((s) => s.text)).toEqual(['12']);
  });

  it('does not set a superseded figure against another outlet\'s', () => {
    expect(details('In 2024, a landslide in the same region killed 9 people.', 'Previously, officials had said 12 people were killed.')).toEqual([]);
    expect(details('At least 19 people were killed in the landslide, officials said.', 'Officials had said 12 people were killed in the landslide.')).toEqual([]);
    expect(details('At least 19 people were killed in the landslide, officials said.', 'At least 12 people were killed in the landslide, officials said.')).toEqual([
      'number: 19 people (AFP) vs 12 people (AP)',
    ]);
  });
});

interface JsonReport {
  readonly articles: readonly { readonly id: string; readonly path: string }[];
  readonly stories: readonly {
    readonly articles: readonly string[];
    readonly facts: readonly { readonly articles: readonly string[]; readonly mentions: readonly { readonly text: string }[] }[];
    readonly conflicts: readonly { readonly kind: string; readonly detail: string; readonly mentions: readonly { readonly text: string }[] }[];
  }[];
}

const DIR = 'test/fixtures/background';
const json = (args: readonly string[]): JsonReport => {
  const r = runCli([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
};
const HISTORY = /^(In March 2017|In 2024|Previously)/;

describe('the review 27 wire texts (end to end)', () => {
  it('reports no conflict between two outlets\' background of different past disasters, and keeps the leads\' one', () => {
    const r = json([`${DIR}/afp.rss`, `${DIR}/ap_0810.txt`, '--single-story']);
    // Each history sentence is a fact of its own outlet.
    const history = r.stories.flatMap((s) => s.facts).filter((f) => f.mentions.some((x) => HISTORY.test(x.text)));
    expect(history.map((f) => f.articles.length)).toEqual([1, 1]);
    const conflicts = r.stories.flatMap((s) => s.conflicts);
    expect(conflicts.filter((c) => c.mentions.some((x) => HISTORY.test(x.text))).map((c) => c.detail)).toEqual([]);
    expect(conflicts.map((c) => c.detail)).toContain('number: 17 people (AFP) vs 12 people (AP)');
  });

  it('puts the dated local rewrite in the story of the undated wire texts whose only later year is history, without a superseded figure in dispute', () => {
    const r = json([DIR]);
    const byPath = new Map(r.articles.map((a) => [a.id, a.path.replace(`${DIR}/`, '')]));
    const grouped = r.stories.map((s) => s.articles.map((a) => byPath.get(a)).sort());
    expect(grouped).toContainEqual(['afp.rss[0]', 'ap_0810.txt', 'ap_1140_update.txt', 'diario_centro.md', 'reuters.md']);
    const conflicts = r.stories.flatMap((s) => s.conflicts);
    expect(conflicts.filter((c) => c.mentions.some((x) => HISTORY.test(x.text))).map((c) => c.detail)).toEqual([]);
    expect(conflicts.length).toBeGreaterThan(0);
  });

  it('explain: the undated AP text has no year, so no time penalty against the dated rewrite', () => {
    const r = runCli(['explain', `${DIR}/diario_centro.md`, `${DIR}/ap_1140_update.txt`, '--context', `${DIR}/`, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { a: { year?: number }; b: { year?: number }; timeFactor: number; sameStory: boolean };
    expect([e.a.year, e.b.year, e.timeFactor, e.sameStory]).toEqual([2026, undefined, 1, true]);
  });
});

describe('a year that opens a plan or a forecast (review 29)', () => {
  it('is no history: it anchors nothing, and the sentence is compared as any', () => {
    expect(openingYear('In 2024, a landslide in the same region killed 9 people.')).toBe(2024);
    expect(openingYear('In 2027, inflation in the euro zone is expected to average 2.1 percent, the central bank said.')).toBeUndefined();
    expect(openingYear('In 2027, the government plans to spend 50 billion euros on defence.')).toBeUndefined();
    const sourceOf = new Map([['a', 'Reuters'], ['b', 'AP']]);
    const conflicts = factConflicts({
      fact: 's1-f2',
      mentions: [
        { article: 'a', sentence: 1, text: 'In 2027, inflation in the euro zone is expected to average 2.1 percent, the central bank said in its new projections.' },
        { article: 'b', sentence: 1, text: 'Inflation in the euro zone is expected to average 2.4 percent next year, the central bank said in its new projections.' },
      ],
      sourceOf,
    });
    expect(conflicts.map((c) => c.detail)).toEqual(['number: 2.1 percent (Reuters) vs 2.4 percent (AP)']);
  });
});

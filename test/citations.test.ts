/**
 * Values an article gives as another outlet's (slots/citations.ts): the part of the sentence that cites a known outlet
 * is that outlet's claim, left out of the article's own unless the article is the outlet's. Sentences are made up.
 */
import { describe, expect, it } from 'vitest';
import { claims } from '../src/facts/slots/index.js';
import { factConflicts } from '../src/facts/conflicts.js';
import type { Mention } from '../src/types.js';

/** The outlets a sentence cites, each with the text of the part it covers. */
const cited = (text: string): string[] => claims(text).cited.map((c) => `${c.outlet}: ${text.slice(c.from, c.to).trim()}`);

const m = (article: string, text: string): Mention => ({ article, sentence: 0, text });
const sourceOf = new Map([['ap', 'AP'], ['rt', 'Reuters'], ['bbc', 'BBC'], ['file', '001_9d1f47d9723a6f2b']]);
const details = (mentions: readonly Mention[]): string[] => factConflicts({ fact: 's1-f1', mentions, sourceOf }).map((c) => c.detail);

describe('citations of other outlets', () => {
  it('reads an outlet before a verb of telling, and after "according to", "citing", "quoted by", "reported by"', () => {
    expect(cited('Reuters reported earlier that 16 people had died.')).toEqual(['Reuters: Reuters reported earlier that 16 people had died.']);
    expect(cited('The landslide killed 16 people, according to the BBC.')).toEqual(['BBC: The landslide killed 16 people']);
    expect(cited('At least 16 died, the Reuters news agency said.')).toEqual(['Reuters: At least 16 died']);
    expect(cited('The toll rose to 16, Reuters News Agency reported.')).toEqual(['Reuters: The toll rose to 16']);
    expect(cited('Sixteen people were killed, citing Agence France-Presse.')).toEqual(['AFP: Sixteen people were killed']);
    expect(cited('A governor quoted by The New York Times put the toll at 16.')).toEqual(['The New York Times: A governor quoted by The New York Times put the toll at 16.']);
    expect(cited('The toll of 16, first reported by CNN, rose overnight.')).toEqual(['CNN: The toll of 16']);
  });

  it('covers the clause of the cited figure only: the part, then its clause between commas', () => {
    expect(cited('At least 19 people died, officials said, while Reuters reported 16.')).toEqual(['Reuters: while Reuters reported 16.']);
    expect(cited('Officials said 19 died; the BBC said 16.')).toEqual(['BBC: ; the BBC said 16.']);
    // The article's own figure in another clause stays its claim (review 28).
    expect(cited('The fire destroyed 120 homes on Tuesday, fire chief Tom Miller said, up from 90 reported by Reuters on Monday.')).toEqual([
      'Reuters: , up from 90 reported by Reuters on Monday.',
    ]);
    expect(cited('At least 19 people died, according to officials, and 16 are missing, according to Reuters.')).toEqual(['Reuters: , and 16 are missing']);
  });

  it('covers the clause whose values the cue attributes, on either side of it', () => {
    // An attribution of another source closes the article's own figure, with or without commas.
    expect(cited('19 people died according to officials and 16 are missing according to Reuters.')).toEqual(['Reuters: 16 are missing according to Reuters.']);
    expect(cited('19 people died, officials said, and 16 were missing, Reuters reported.')).toEqual(['Reuters: , and 16 were missing']);
    // A figure after the cue in its own clause is the outlet's, not the article's figure in the clause before.
    expect(cited('Officials said 19 people died, and Reuters reported 16 missing.')).toEqual(['Reuters: , and Reuters reported 16 missing.']);
    expect(cited('19 people died in the blast, which Reuters said injured 16.')).toEqual(['Reuters: , which Reuters said injured 16.']);
    // A cue that leads covers the clause after it.
    expect(cited('According to Reuters, 16 people died, and officials said 19 were injured.')).toEqual(['Reuters: , 16 people died']);
    expect(cited('The BBC, citing Reuters, said 16 people died.')).toEqual(['Reuters: , said 16 people died.']);
    expect(cited('On Monday, according to the BBC, 16 people died.')).toEqual(['BBC: , 16 people died.']);
    // …but not a clause with its source of its own after one that holds a value.
    expect(cited('The quake struck on Monday, according to the BBC, and officials said 19 died.')).toEqual(['BBC: The quake struck on Monday']);
    // One clause that tells several values on the outlet's word gives them all to it.
    expect(cited('Officials said 19 people died and 16 were injured, according to Reuters.')).toEqual(['Reuters: Officials said 19 people died and 16 were injured']);
    // A day after the cue is when the outlet told it: the figure before is the outlet's.
    expect(cited('The landslide killed 16 people, Reuters reported on Monday.')).toEqual(['Reuters: The landslide killed 16 people']);
  });

  it('reads an outlet after a capitalised opener or a day, not after a name it ends', () => {
    expect(cited('Yesterday Reuters reported that 16 people had died.')).toEqual(['Reuters: Yesterday Reuters reported that 16 people had died.']);
    expect(cited('On Monday Reuters reported that 16 people had died.')).toEqual(['Reuters: On Monday Reuters reported that 16 people had died.']);
    expect(cited('In March Reuters reported 16 deaths.')).toEqual(['Reuters: In March Reuters reported 16 deaths.']);
    expect(cited('Meanwhile AP said 16 people had died.')).toEqual(['AP: Meanwhile AP said 16 people had died.']);
    expect(cited('Yesterday the Hill reported 16 deaths.')).toEqual(['The Hill: Yesterday the Hill reported 16 deaths.']);
    // A weekday that names a newspaper: "The Sunday Times" is not The Times (it is an outlet by its shape, below).
    expect(cited('The Sunday Times reported 16 deaths.')).toEqual(['Sunday Times: The Sunday Times reported 16 deaths.']);
    // A one-word name of an outlet called "The …" is a surname without "the".
    expect(cited('Hill said 16 people died.')).toEqual([]);
    expect(cited('Yesterday Hill said 16 people died.')).toEqual([]);
  });

  it('is not a citation: "told Reuters" (an outlet\'s own reporting), sources that are no outlet, lower-case words', () => {
    expect(cited('The spokesman told Reuters that 16 people had died.')).toEqual([]);
    expect(cited('The landslide killed 16 people, according to the ministry.')).toEqual([]);
    expect(cited('The landslide killed 16 people, the guardian of the shrine said.')).toEqual([]);
    expect(cited('Times Square was closed on Monday, police said.')).toEqual([]);
  });

  it('is no outlet inside a longer name: a surname ("Tom Hill said", "Michael Bloomberg said"), the start of an organisation\'s', () => {
    expect(cited('The fire destroyed 120 homes in Auberry on Tuesday, fire chief Tom Hill said.')).toEqual([]);
    expect(cited('Michael Bloomberg said 16 people died.')).toEqual([]);
    expect(cited('Turnout was 65 percent, according to the Independent Electoral and Boundaries Commission.')).toEqual([]);
    expect(cited('The vote was approved, according to the Guardian Council.')).toEqual([]);
    expect(cited('Turnout was 65 percent, according to the Independent.')).toEqual(['The Independent: Turnout was 65 percent']);
  });

  it('reads an unknown outlet by its shape: capitalised words ending in a newspaper\'s word, after "the" but for "Daily" and "News"', () => {
    expect(cited('The landslide killed 16 people, according to the Daily Star.')).toEqual(['Daily Star: The landslide killed 16 people']);
    expect(cited('The Kathmandu Post has said 16 people died.')).toEqual(['Kathmandu Post: The Kathmandu Post has said 16 people died.']);
    expect(cited('China Daily said 16 people died.')).toEqual(['China Daily: China Daily said 16 people died.']);
    expect(cited('Sixteen died, the Anchorage Daily News reported.')).toEqual(['Anchorage Daily News: Sixteen died']);
    expect(cited('The toll rose to 16, the Islamic Republic News Agency reported.')).toEqual(['Islamic Republic News Agency: The toll rose to 16']);
    // A known outlet's name and "News Agency" are that outlet.
    expect(cited('The toll rose to 16, Reuters News Agency reported.')).toEqual(['Reuters: The toll rose to 16']);
  });

  it('is no outlet by shape: officials, ministries, agencies of government, a person, an office, one word', () => {
    expect(cited('16 people died, according to the Ministry of Home Affairs.')).toEqual([]);
    expect(cited('16 people died, according to the National Disaster Management Authority.')).toEqual([]);
    expect(cited('16 people died, the Nepal Army said.')).toEqual([]);
    expect(cited('The State Department said 16 people died.')).toEqual([]);
    expect(cited('16 people died, the county Medical Examiner said.')).toEqual([]);
    expect(cited('Emily Post said 16 people died.')).toEqual([]);
    expect(cited('The Kalanki Police Post said 16 people died.')).toEqual([]);
    expect(cited('The Post said 16 people died.')).toEqual([]);
  });

  it('is English only', () => {
    expect(claims('Der Erdrutsch tötete 16 Menschen, berichtete Reuters.', 'de').cited).toEqual([]);
  });
});

describe('conflicts leave out values told as another outlet\'s', () => {
  it('a third outlet citing Reuters\' figure is not on that figure\'s side as its own, but as Reuters\' cited by it', () => {
    const mentions = [
      m('ap', 'A landslide buried dozens of homes on Monday, killing at least 19 people, officials said.'),
      m('rt', 'A landslide buried dozens of homes on Monday, killing 16 people, a local official said.'),
      m('bbc', 'A landslide buried dozens of homes on Monday, killing 16 people, according to Reuters.'),
    ];
    const [conflict] = factConflicts({ fact: 's1-f1', mentions, sourceOf });
    expect(conflict?.detail).toBe('number: 19 people (AP) vs 16 people (Reuters; Reuters cited by BBC)');
    expect(conflict?.values.map((v) => [v.article, v.value, v.cites])).toEqual([
      ['ap', '19', undefined],
      ['rt', '16', undefined],
      ['bbc', '16', 'Reuters'],
    ]);
    expect(conflict?.mentions.map((x) => x.article)).toEqual(['ap', 'rt', 'bbc']);
  });

  it('a cited figure joins a conflict only in a dispute of its own articles, on the side it agrees with or its own', () => {
    const ap = m('ap', 'The landslide killed 19 people, officials said.');
    const rt = m('rt', 'The landslide killed 16 people, a local official said.');
    // Reuters' earlier figure as the BBC tells it: a side of its own.
    expect(details([ap, rt, m('bbc', 'Reuters reported on Sunday that the landslide killed 12 people.')])).toEqual([
      'number: 19 people (AP) vs 16 people (Reuters) vs 12 people (Reuters cited by BBC)',
    ]);
    // Two outlets citing one, and an article with no source name of its own (named by its file).
    expect(details([ap, rt, m('bbc', 'The landslide killed 16 people, according to Reuters.'), m('file', 'The landslide killed 16 people, Reuters reported.')])).toEqual([
      'number: 19 people (AP) vs 16 people (Reuters; Reuters cited by 001_9d1f47d9723a6f2b and BBC)',
    ]);
    // On the side it agrees with, whoever gives that side; a cited count of another thing is no part of the dispute.
    expect(details([ap, rt, m('bbc', 'The landslide killed 19 people and destroyed 40 homes, according to Reuters.')])).toEqual([
      'number: 19 people (AP; Reuters cited by BBC) vs 16 people (Reuters)',
    ]);
    expect(details([ap, rt, m('bbc', 'The landslide destroyed 40 homes, according to Reuters.')])).toEqual(['number: 19 people (AP) vs 16 people (Reuters)']);
  });

  it('an outlet citing itself keeps its figure ("Reuters reported" in Reuters\' own text)', () => {
    const mentions = [
      m('ap', 'A landslide buried dozens of homes on Monday, killing at least 19 people, officials said.'),
      m('rt', 'A landslide buried dozens of homes on Monday, killing 16 people, Reuters reported.'),
    ];
    expect(details(mentions)).toEqual(['number: 19 people (AP) vs 16 people (Reuters)']);
  });

  it('a cited figure alone makes no conflict, and the article\'s own figure in another part still counts', () => {
    expect(details([m('ap', 'The landslide killed 19 people, officials said.'), m('bbc', 'The landslide killed 16 people, according to Reuters.')])).toEqual([]);
    expect(
      details([m('rt', 'The landslide killed 16 people, a local official said.'), m('bbc', 'The landslide killed 19 people, officials said, while Reuters reported 16 people.')]),
    ).toEqual(['number: 16 people (Reuters) vs 19 people (BBC)']);
  });

  it('a figure of the article\'s own beside one it gives as another outlet\'s still counts (review 28)', () => {
    expect(
      details([
        m('ap', 'The fire destroyed 120 homes on Tuesday, fire chief Tom Miller said, up from 90 reported by Reuters on Monday.'),
        m('rt', 'The fire destroyed 150 homes on Tuesday, fire officials said.'),
      ]),
    ).toEqual(['number: 120 homes (AP) vs 150 homes (Reuters)']);
    expect(details([m('ap', 'The fire destroyed 120 homes on Tuesday, fire chief Tom Hill said.'), m('rt', 'The fire destroyed 150 homes on Tuesday, fire officials said.')])).toEqual([
      'number: 120 homes (AP) vs 150 homes (Reuters)',
    ]);
  });

  it('an outlet read by its shape is the article\'s own when its source is that outlet, by name or by domain', () => {
    const sources = new Map([...sourceOf, ['kp', 'kathmandupost.com'], ['kp2', 'The Kathmandu Post'], ['ds', 'thedailystar.net']]);
    const ap = m('ap', 'The landslide killed 19 people, officials said.');
    const own = (article: string, text: string): string[] => factConflicts({ fact: 's1-f1', mentions: [ap, m(article, text)], sourceOf: sources }).map((c) => c.detail);
    expect(own('kp', 'The landslide killed 16 people, the Kathmandu Post reported.')).toEqual(['number: 19 people (AP) vs 16 people (kathmandupost.com)']);
    expect(own('kp2', 'The landslide killed 16 people, the Kathmandu Post reported.')).toEqual(['number: 19 people (AP) vs 16 people (The Kathmandu Post)']);
    expect(own('ds', 'The landslide killed 16 people, according to the Daily Star.')).toEqual(['number: 19 people (AP) vs 16 people (thedailystar.net)']);
    expect(own('bbc', 'The landslide killed 16 people, the Kathmandu Post reported.')).toEqual([]);
  });

  it('an article whose outlet is unknown (named by its file) cites the outlet it names', () => {
    expect(details([m('ap', 'The landslide killed 19 people, officials said.'), m('file', 'The landslide killed 16 people, AFP reported.')])).toEqual([]);
  });
});

describe('pairs kept apart', () => {
  it('a copy of an earlier version is not set against its outlet\'s later version, but still against the others', () => {
    const mentions = [
      m('rt', 'The landslide killed 23 people, the institute said.'),
      m('bbc', 'The landslide killed 16 people, the institute said.'),
      m('ap', 'The landslide killed 23 people, officials said.'),
    ];
    expect(details(mentions)).toEqual(['number: 23 people (AP, Reuters) vs 16 people (BBC)']);
    expect(factConflicts({ fact: 's1-f1', mentions, sourceOf, apart: [['bbc', 'rt']] }).map((c) => c.detail)).toEqual(['number: 16 people (BBC) vs 23 people (AP, Reuters)']);
    expect(factConflicts({ fact: 's1-f1', mentions: mentions.slice(0, 2), sourceOf, apart: [['bbc', 'rt']] })).toEqual([]);
  });
});

describe('a citation in a clause of time (review 29)', () => {
  const citedText = (t: string): string[] => claims(t).cited.map((c) => t.slice(c.from, c.to));
  it('tells when, not whose: the figures around it stay the article\'s', () => {
    for (const t of ['A day after Reuters reported the talks, Siemens shares rose 12 percent in Frankfurt trading.', 'Since the BBC reported the story, 300 people have gathered outside parliament.', 'Shares rose 12 percent, after Reuters reported the talks.']) {
      expect(citedText(t).join(' '), t).not.toMatch(/\d/);
    }
    // A cue that is no clause of time still covers the figure.
    expect(citedText('16 people died, as reported by Reuters.').join(' ')).toContain('16');
    expect(citedText('According to Reuters, 16 people died.').join(' ')).toContain('16');
  });

  it('passes over a relative aside after a leading cue to the figure it attributes', () => {
    const t = 'According to Reuters, which cited two local officials, 16 people died in the landslide.';
    expect(citedText(t)).toEqual([', 16 people died in the landslide.']);
  });
});

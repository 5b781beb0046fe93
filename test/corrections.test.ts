/**
 * Corrections, agency revision notes and calls to act (review 27 #3 and #11): cleaning keeps them out of the facts,
 * an article's corrections are listed with it (not only among its dropped lines), and the views show them.
 */
import { describe, expect, it } from 'vitest';
import { editorialNote, opensCorrection } from '../src/clean/notes.js';
import { callsToAct } from '../src/clean/furniture.js';
import { cleanPacked, MAX_LISTED_CORRECTIONS, MAX_LISTED_DROPPED, sentencesOf } from '../src/clean/sentences.js';
import { packParagraphs } from '../src/clean/packed.js';
import { lineHashes } from '../src/clean/boilerplate.js';
import { toArticles } from '../src/clean/articles.js';
import { correctionNotes, shownCorrection } from '../src/render/corrections.js';
import { renderTerminal } from '../src/render/terminal.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderHtml } from '../src/render/html.js';
import { buildReport } from '../src/report/build.js';
import { stored } from '../src/clean/packed.js';
import type { DroppedLine } from '../src/types.js';
import { article, OPTIONS } from './render-fixture.js';

const CORRECTION = "An earlier version of this story misstated the mayor's first name. He is Julio Huamán, not Carlos Huamán.";

describe('editorialNote', () => {
  it('reads a correction whatever its length, up to a paragraph, and a notice or revision note only up to 40 words', () => {
    const long = `Correction: ${'An earlier version of this story gave the wrong figure for the homes destroyed. '.repeat(4)}`.trim();
    expect(long.split(' ').length).toBeGreaterThan(40);
    expect(editorialNote(long, 41)).toBe('correction');
    expect(editorialNote('This story has been updated with comment from the ministry.', 41)).toBeUndefined();
    expect(editorialNote('Adds quotes from prime minister.', 41)).toBeUndefined();
  });

  it('keeps a notice shape that reports someone, but not a correction opening that does', () => {
    expect(editorialNote('The report was amended on Tuesday to correct the names of the crew, the coastguard said.', 17)).toBeUndefined();
    expect(editorialNote('CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.', 17)).toBe('correction');
  });
});

describe('opensCorrection', () => {
  it.each([
    ['An earlier version of this story misstated the mayor\'s first name.', true],
    ['Correction: the mayor is Julio Huamán.', true],
    ["(Corrects mayor's first name)", true],
    ['This story has been corrected to show the right toll.', true],
    ['(Story corrects headline to show the toll rose to 23)', true],
    ['Rectificatif : une version précédente de cet article indiquait 41 maisons détruites.', true],
    ['Berichtigung: In einer früheren Version hieß es, 41 Häuser seien zerstört worden.', true],
    ['Korrektur: Der Bürgermeister heißt Julio Huamán.', true],
    ['This story has been updated with comment from the ministry.', false],
    ['Officials corrected the death toll to 38 on Tuesday.', false],
    ['An earlier version of the bill was rejected in March.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(opensCorrection(sentence)).toBe(expected);
  });
});

describe('callsToAct', () => {
  it.each(['Follow our live coverage below.', 'Check back for updates.', 'Sign up for our newsletter to get the latest headlines every morning.', 'Follow the latest developments here.'])('%s is a call to act', (s) => {
    expect(callsToAct(s)).toBe(true);
  });
  it.each([
    'Follow-up inspections found more damage.',
    'Stay-at-home orders were lifted on Monday.',
    '"Follow our instructions and stay indoors," the mayor said.',
    'Watch the skies over the next three nights for the meteor shower, astronomers said.',
    // More than 12 words: a sentence, not a line of furniture.
    'Follow our live coverage below as rescuers dig through the mud in the town of Chaglla for survivors.',
  ])('%s is not', (s) => {
    expect(callsToAct(s)).toBe(false);
  });
});

describe('sentencesOf', () => {
  it('drops a correction that opens inside a paragraph, with the rest of the paragraph, and keeps the news before it', () => {
    const dropped: DroppedLine[] = [];
    const sentences = sentencesOf([`In 2024, a landslide in the same region killed 9 people. ${CORRECTION}`, 'Rescuers reached the town on foot.'], dropped);
    expect(sentences.map((s) => s.text)).toEqual(['In 2024, a landslide in the same region killed 9 people.', 'Rescuers reached the town on foot.']);
    expect(dropped).toEqual([{ text: CORRECTION, reason: 'correction' }]);
  });

  it.each([
    'Moves to change the constitution have been blocked three times since 2020 by the appointed Senate.',
    'Expands background checks throughout the state system for buyers under 21.',
    'Corrects a loophole that let domestic abusers buy rifles.',
    'Updates with new details of the vote were published by the parliament on Tuesday.',
  ])('keeps news that opens like a revision note: %s (review 27b)', (line) => {
    expect(editorialNote(line, line.split(' ').length)).toBeUndefined();
  });

  it.each(['Stay with your vehicle until help arrives.', 'Register to vote by Oct. 10 at any county office.'])('%s is advice in the news, no call to act on the site (review 27b)', (s) => {
    expect(callsToAct(s)).toBe(false);
  });

  it('a report on another report is no correction of this one (review 27b)', () => {
    expect(opensCorrection('Report corrects earlier undercount in Gaza, the centre said.')).toBe(false);
    expect(opensCorrection('This version corrects the toll in paragraph 2.')).toBe(true);
    expect(opensCorrection('(Story corrects toll in paragraph 2)')).toBe(true);
  });

  it("drops a live blog's call to act as a promo, and keeps the paragraph's news (review 27 #11)", () => {
    const dropped: DroppedLine[] = [];
    const sentences = sentencesOf(["A landslide has buried homes in the town of Chaglla in Peru's Huánuco region. Follow our live coverage below."], dropped);
    expect(sentences.map((s) => s.text)).toEqual(["A landslide has buried homes in the town of Chaglla in Peru's Huánuco region."]);
    expect(dropped).toEqual([{ text: 'Follow our live coverage below.', reason: 'promo' }]);
  });
});

describe('cleaning: an article keeps its corrections', () => {
  it('lists the corrections with their text, apart from the revision notes, which are only dropped', () => {
    const lines = [
      'LIMA, Nov 23 (Reuters) - The death toll from a landslide in central Peru rose to 23 on Monday, the civil defense institute said.',
      "(Corrects mayor's first name in paragraph 3 to Julio from Carlos)",
      'Mayor Julio Huaman told local broadcaster RPP that about 20 people were still unaccounted for.',
      'Adds new death toll, emergency declaration in paragraphs 1 and 4; updates missing in paragraph 3.',
      'CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.',
    ];
    const cleaned = cleanPacked(packParagraphs(lines, lineHashes(lines)), new Set());
    expect(cleaned.sentenceCount).toBe(2);
    expect(cleaned.corrections).toEqual([lines[1], lines[4]]);
    expect(cleaned.dropped).toEqual([
      { text: lines[1], reason: 'correction' },
      { text: lines[3], reason: 'revision' },
      { text: lines[4], reason: 'correction' },
    ]);
  });

  it('keeps corrections that come after the first MAX_LISTED_DROPPED dropped lines, up to MAX_LISTED_CORRECTIONS', () => {
    const stray = Array.from({ length: MAX_LISTED_DROPPED + 10 }, (_, i) => `Link${i}`);
    const corrections = Array.from({ length: MAX_LISTED_CORRECTIONS + 5 }, (_, i) => `Correction: an earlier version of this story gave ${i + 2} as the number of injured.`);
    const lines = ['The council approved the budget on Monday after a long debate.', ...stray, ...corrections];
    const cleaned = cleanPacked(packParagraphs(lines, lineHashes(lines)), new Set());
    expect(cleaned.dropped.some((d) => d.reason === 'correction')).toBe(false);
    expect(cleaned.corrections).toEqual(corrections.slice(0, MAX_LISTED_CORRECTIONS));
  });

  it('puts corrections on the article only when it has some, after its dropped lines', () => {
    const parsed = (path: string, paragraphs: string[]) => ({ path, title: 'Landslide', paragraphs, meta: {} });
    const { articles } = toArticles([
      parsed('ap.txt', ['Rescuers pulled more bodies from the mud in a mountain town in central Peru on Monday.', CORRECTION]),
      parsed('afp.txt', ['At least 17 people were killed after a landslide buried homes in central Peru.']),
    ]);
    const [afp, ap] = [...articles].sort((x, y) => x.path.localeCompare(y.path));
    expect(ap?.corrections).toEqual([CORRECTION]);
    expect(Object.keys(ap!).slice(-3)).toEqual(['sentences', 'dropped', 'corrections']);
    expect(afp && 'corrections' in afp).toBe(false);
  });
});

describe('the views show each correction next to its article', () => {
  it('leaves out a correction label and the parentheses of an agency note, not the words', () => {
    expect(shownCorrection('CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.')).toBe('An earlier version of this report said 41 homes were destroyed. The institute said 38.');
    expect(shownCorrection("(Corrects mayor's first name in paragraph 3 to Julio from Carlos)")).toBe("Corrects mayor's first name in paragraph 3 to Julio from Carlos");
    expect(shownCorrection('(Corrects date) of the vote (in paragraph 2)')).toBe('(Corrects date) of the vote (in paragraph 2)');
    expect(shownCorrection('Correction:')).toBe('Correction:');
    expect(correctionNotes({ corrections: [CORRECTION] })).toEqual([`correction: ${CORRECTION}`]);
    expect(correctionNotes(undefined)).toEqual([]);
  });

  const articles = [
    article('a1', 'AP', 'Peru landslide toll rises to 19', ['A landslide buried dozens of homes in the mountain town of Chaglla in central Peru on Monday.', 'Mayor Julio Huamán said rescuers were digging with shovels.'], { corrections: [CORRECTION] }),
    article('a2', 'Reuters', 'Peru landslide toll rises to 23', ['A landslide buried dozens of homes in the mountain town of Chaglla in central Peru on Monday.', 'Mayor Julio Huaman said about 20 people were unaccounted for.']),
    article('a3', 'Reuters', 'Ecuador bridge reopens', ['The bridge over the Guayas river reopened to traffic on Tuesday after repairs.'], { corrections: ['(Corrects name of river in paragraph 1)'] }),
  ];
  const report = buildReport({ articles: articles.map(stored), groups: [[0, 1], [2]], copies: [], skipped: [], warnings: [], options: OPTIONS });

  it('in the JSON entry of the article, and only there', () => {
    expect(report.articles.map((a) => a.corrections)).toEqual([[CORRECTION], undefined, ['(Corrects name of river in paragraph 1)']]);
  });

  it('in the terminal view: under the article of a story, and under a single-article story', () => {
    const text = renderTerminal(report, { color: false, width: 200 });
    const lines = text.split('\n');
    const ap = lines.findIndex((l) => /^ {4}[AB] AP /.test(l));
    expect(lines[ap + 1]).toBe(`      ${lines[ap]?.trim().slice(0, 1)} correction: ${CORRECTION}`);
    const single = lines.findIndex((l) => l.includes('Ecuador bridge reopens'));
    expect(lines[single + 1]).toBe('      correction: Corrects name of river in paragraph 1');
    expect(text.match(/correction:/g)).toHaveLength(2);
  });

  it('in the Markdown view: under the sources table, and under a single-article story', () => {
    const text = renderMarkdown(report);
    expect(text).toMatch(new RegExp(`\\| \\*\\*([AB])\\*\\* \\| AP[^|]*\\|[^\\n]*\\n(\\|[^\\n]*\\n)*\\n- \\*\\*\\1\\*\\* correction: An earlier version of this story misstated the mayor's first name\\.`));
    expect(text).toContain('Ecuador bridge reopens — Reuters, `in/a3.txt`\n  - correction: Corrects name of river in paragraph 1\n');
  });

  it('in the HTML view: a list under the sources table, and in a single-article story', () => {
    const page = renderHtml(report);
    expect(page).toMatch(/<\/table><ul class="corrections"><li><strong>[AB]<\/strong> correction: An earlier version of this story misstated the mayor&#39;s first name\. He is Julio Huamán, not Carlos Huamán\.<\/li><\/ul>/);
    expect(page).toContain('<br><span class="correction">correction: Corrects name of river in paragraph 1</span></li>');
  });
});

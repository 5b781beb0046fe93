/** A small real report for renderer tests: literal articles through the real report builder (facts, conflicts). */
import { buildReport } from '../src/report/build.js';
import type { Article, Report } from '../src/types.js';
import { stored } from '../src/clean/packed.js';

export function article(id: string, source: string, title: string, sentences: readonly string[], extra: Partial<Article> = {}): Article {
  return {
    id,
    path: `in/${id}.txt`,
    source,
    sourceOrigin: 'metadata',
    title,
    sentences: sentences.map((text, index) => ({ index, paragraph: index, text })),
    dropped: [],
    ...extra,
  };
}

export const OPTIONS = { storyThreshold: 0.25, duplicateThreshold: 0.5, factThreshold: 0.25, permutations: 128, shingle: 5, seed: 1, singleStory: false };

/** Story 1: three sources on a ferry grounding (one conflict on the number rescued); story 2: one article. */
export function sampleReport(hostile = ''): Report {
  const articles = [
    article('a1', 'Wire', 'Ferry runs aground off Kallo', [
      `The ferry Solveig ran aground off Kallo island on Friday morning.${hostile}`,
      'Coast guard boats rescued 212 passengers from the stranded ferry.',
      'The harbour master said the captain had reported engine trouble.',
    ], { date: '2031-04-08' }),
    article('a2', 'Gazette', 'Solveig ferry aground near Kallo', [
      'The ferry Solveig ran aground near Kallo island on Friday morning.',
      'Coast guard boats rescued 180 passengers from the stranded ferry.',
      'Islanders brought blankets and hot soup to the quay.',
    ]),
    article('a3', 'Radio North', 'Kallo ferry grounding', [
      'The ferry Solveig ran aground off Kallo island on Friday morning, officials said.',
      'Islanders brought blankets and hot soup to the quay for the passengers.',
    ], { date: '2031-04-09' }),
    article('a4', 'Gazette', 'Blue lobster caught off Pellworth', ['A fisherman caught a rare blue lobster off Pellworth pier.'], { date: '2031-05-01' }),
  ];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2], [3]], copies: [], skipped: [{ path: 'in/x.png', reason: 'a PNG image, not text', level: 'skipped' }], warnings: [], options: OPTIONS });
}

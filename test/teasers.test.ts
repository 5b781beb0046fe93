/**
 * Teasers in the views (src/render/terminal.ts, markdown.ts, html.ts): no article whose text is a teaser is said to
 * leave facts out, and a teaser's column of the matrix is marked, so its gaps are not read as omissions.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { renderers } from '../src/render/index.js';
import { storyLabels, storyMatrix, TEASER_LEGEND, TEASER_MARK } from '../src/render/matrix.js';
import { stored } from '../src/clean/packed.js';
import type { Report } from '../src/types.js';
import { article, OPTIONS } from './render-fixture.js';

const FERRY = [
  'The ferry Solveig ran aground off Kallo island on Friday morning.',
  'Coast guard boats rescued 212 passengers from the stranded ferry.',
  'The harbour master said the captain had reported engine trouble.',
  'An inquiry into the grounding will open next month, ministers said.',
];

/** The Herald's whole article, and the Wire's teaser and whole article of the same story. */
function mixedReport(): Report {
  const articles = [
    article('h', 'Herald', 'Ferry aground off Kallo', FERRY),
    article('t', 'Wire', 'Ferry aground off Kallo', FERRY.slice(0, 2), { excerpt: true }),
    article('w', 'Wire', 'Ferry aground off Kallo', [FERRY[0] ?? '', FERRY[1] ?? '', 'Weather warnings stay in place until Sunday.']),
  ];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2]], copies: [], skipped: [], warnings: [], options: OPTIONS });
}

describe('two sources, one with a teaser and a whole article', () => {
  it('names only the whole article as leaving out what the other source alone reports', () => {
    const r = mixedReport();
    const story = r.stories[0];
    if (story === undefined) throw new Error('no story');
    const labels = storyLabels(story);
    const [h, t, w] = ['h', 't', 'w'].map((id) => labels.get(id));
    const adds = story.coverage.find((c) => c.article === 'h')?.adds.length;
    expect(adds).toBe(2);
    const terminal = renderers.terminal(r, { color: false, width: 100 });
    expect(terminal).toContain(`Only ${h} (Herald) reports (2; ${w} leaves them out)`);
    expect(terminal).not.toContain(`${t}, ${w} leave them out`);
    const markdown = renderers.markdown(r);
    expect(markdown).toContain(`### Only ${h} (Herald) reports (2; ${w} leaves them out)`);
    expect(markdown).toContain(`### Only ${[t, w].sort().join(', ')} (Wire) report (1; ${h} leaves them out)`);
  });
});

/** The Herald's and the Gazette's whole articles, and the Wire's teaser alone (its only article in the story). */
function teaserReport(): Report {
  const articles = [
    article('h', 'Herald', 'Ferry aground off Kallo', FERRY),
    article('g', 'Gazette', 'Ferry aground off Kallo', [FERRY[0] ?? '', FERRY[2] ?? '', 'Weather warnings stay in place until Sunday.']),
    article('t', 'Wire', 'Ferry aground off Kallo', FERRY.slice(0, 2), { excerpt: true }),
  ];
  return buildReport({ articles: articles.map(stored), groups: [[0, 1, 2]], copies: [], skipped: [], warnings: [], options: OPTIONS });
}

describe('the facts × sources matrix with a teaser', () => {
  const r = teaserReport();
  const story = r.stories[0];
  if (story === undefined) throw new Error('no story');
  const t = storyLabels(story).get('t') ?? '?';
  const legend = `${TEASER_MARK} ${TEASER_LEGEND}`;

  it('marks a column teaser when all its source\'s articles in the story are teasers, and only then', () => {
    const m = storyMatrix(story, new Map(r.articles.map((a) => [a.id, a])));
    expect(m.columns.map((c) => [c.source, c.teaser])).toEqual([['Gazette', false], ['Herald', false], ['Wire', true]]);
    const wire = m.columns.findIndex((c) => c.teaser);
    expect(m.rows.filter((row) => row.cells[wire] === 'absent')).not.toHaveLength(0); // the gaps the mark explains
    const mixed = mixedReport();
    const mixedStory = mixed.stories[0];
    if (mixedStory === undefined) throw new Error('no story');
    expect(storyMatrix(mixedStory, new Map(mixed.articles.map((a) => [a.id, a]))).columns.map((c) => c.teaser)).toEqual([false, false]);
  });

  it('terminal: the teaser column\'s header is marked and a legend line says what its gaps mean, at any width', () => {
    for (const width of [40, 80, 120]) {
      const lines = renderers.terminal(r, { color: false, width }).split('\n');
      const at = lines.findIndex((l) => l.includes('Who reported what'));
      const header = lines.slice(at).find((l) => l.trimEnd().endsWith(' fact')) ?? '';
      expect(header.trim().split(/\s+/), `${width}`).toContain(`${t}${TEASER_MARK}`);
      expect(lines.slice(at, lines.indexOf(header)).join(' ').replace(/\s+/g, ' '), `${width}`).toContain(legend);
      for (const l of lines.slice(at, lines.indexOf(header))) expect([...l].length).toBeLessThanOrEqual(width);
    }
    const noTeaser = renderers.terminal(mixedReport(), { color: false, width: 120 });
    expect(noTeaser).toContain('Who reported what');
    expect(noTeaser).not.toContain(TEASER_LEGEND);
  });

  it('Markdown: the header cell is marked (escaped) and the legend explains it', () => {
    const markdown = renderers.markdown(r);
    const header = markdown.split('\n').find((l) => l.startsWith('| # | fact |')) ?? '';
    expect(header.split(' | ').at(-1)).toBe(`${t}\\${TEASER_MARK} |`);
    expect(markdown).toContain(`conflicting; \\${legend})`);
    expect(renderers.markdown(mixedReport())).not.toContain(TEASER_LEGEND);
  });

  it('HTML: the header cell is marked, its gaps are labelled teaser only, and the legend explains the mark', () => {
    const html = renderers.html(r);
    expect(html).toContain(`<th scope="col" class="col teaser" title="Wire (teaser only)">${t}<span class="teaser-mark">${TEASER_MARK}</span></th>`);
    expect(html).toContain('title="Wire: not reported (teaser only)" aria-label="not reported (teaser only)"');
    expect(html).not.toContain('title="Herald: not reported (teaser only)"');
    expect(html).toContain(`<span>${legend}</span></p><table class="matrix">`);
    expect(renderers.html(mixedReport())).not.toContain(TEASER_LEGEND);
  });
});

describe("a story's most complete account (fullest)", () => {
  const lines = ['The ferry Solveig ran aground off Kallo island on Friday morning.', 'Coast guard boats rescued 212 passengers from the stranded ferry.', 'The harbour master said the captain had reported engine trouble.', 'An inquiry into the grounding will open next month, ministers said.'];
  const build = (articles: ReturnType<typeof article>[]): Report =>
    buildReport({ articles: articles.map(stored), groups: [articles.map((_, i) => i)], copies: [], skipped: [], warnings: [], options: OPTIONS });

  it('is the article reporting the most corroborated facts, then the most facts, a teaser left out, ties to the first in story order', () => {
    const r = build([
      article('a', 'Alpha', 'Ferry aground', lines.slice(0, 2)),
      article('b', 'Bravo', 'Ferry aground', lines.slice(0, 3)),
      article('t', 'Teaser Post', 'Ferry aground', [...lines, 'Weather warnings stay in place until Sunday.'], { excerpt: true }),
    ]);
    const story = r.stories[0];
    expect(story?.facts).toHaveLength(5);
    expect(story?.fullest).toEqual({ article: 'b', facts: 3, corroborated: 3, storyCorroborated: 3 });
    const tie = build([article('a', 'Alpha', 'Ferry aground', lines.slice(0, 2)), article('b', 'Bravo', 'Ferry aground', lines.slice(1, 3))]);
    expect(tie.stories[0]?.fullest).toEqual({ article: tie.stories[0]?.articles[0], facts: 2, corroborated: 1, storyCorroborated: 1, tiedWith: [tie.stories[0]?.articles[1]] });
    // Only teasers, or one article: no most complete account.
    expect(build([article('t', 'T', 'Ferry aground', lines, { excerpt: true }), article('u', 'U', 'Ferry aground', lines, { excerpt: true })]).stories[0]?.fullest).toBeUndefined();
    expect(build([article('a', 'Alpha', 'Ferry aground', lines)]).stories[0]?.fullest).toBeUndefined();
  });

  it('is the article reporting the most corroborated facts (two or more sources), not the longest', () => {
    const r = build([
      article('a', 'Alpha', 'Ferry aground', lines.slice(0, 2)),
      article('b', 'Bravo', 'Ferry aground', [lines[0] as string, 'Weather warnings stay in place until Sunday.', 'The island has one school and two shops.', 'Its lighthouse was built in 1874.']),
      article('c', 'Charlie', 'Ferry aground', lines.slice(0, 2)),
    ]);
    // b tells four facts, one of which others report; a tells two, both reported by c too.
    expect(r.stories[0]?.fullest).toEqual({ article: 'a', facts: 2, corroborated: 2, storyCorroborated: 2, tiedWith: ['c'] });
    // Two articles of one source corroborate nothing.
    const one = build([article('a', 'Alpha', 'Ferry aground', lines.slice(0, 2)), article('a2', 'Alpha', 'Ferry aground', lines.slice(0, 3))]);
    expect(one.stories[0]?.fullest).toEqual({ article: 'a2', facts: 3, corroborated: 0, storyCorroborated: 0 });
  });

  it('is noted on its article line in every view', () => {
    const r = build([article('a', 'Alpha', 'Ferry aground', lines.slice(0, 2)), article('b', 'Bravo', 'Ferry aground', lines.slice(0, 3))]);
    const label = storyLabels(r.stories[0] as Report['stories'][number]).get('b');
    const note = 'most complete: 2 of 2 corroborated facts, 3 of 3 in all';
    expect(renderers.terminal(r, { color: false, width: 100 })).toMatch(new RegExp(`\\n    ${label} Bravo in/b\\.txt ${note}\\n`));
    expect(renderers.markdown(r)).toContain(`| **${label}** | Bravo (${note}) |`);
    expect(renderers.html(r)).toContain(`Bravo <span class="muted">${note}</span>`);
    // Without a corroborated fact, the note counts facts.
    const alone = build([article('a', 'Alpha', 'Ferry aground', lines.slice(0, 1)), article('b', 'Bravo', 'Ferry aground', lines.slice(2, 4))]);
    expect(renderers.markdown(alone)).toContain('(most complete: 2 of 3 facts)');
  });
});

/** Teasers in the views (src/render/terminal.ts, markdown.ts): no article whose text is a teaser is said to leave facts out. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { renderers } from '../src/render/index.js';
import { storyLabels } from '../src/render/matrix.js';
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

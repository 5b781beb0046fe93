/**
 * When articles are dated, every view says when the story was first reported and by whom.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]): string =>
  execFileSync(process.execPath, ['bin/dedupe.js', 'test/fixtures/inputs/seed-html', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('first report', () => {
  it.each([['terminal'], ['markdown'], ['html']])('is shown in the %s view', (format) => {
    expect(run('--format', format)).toContain('first reported 2017-03-21T10:38:00Z by Reuters');
  });

  it('is in the JSON and NDJSON story', () => {
    const doc = JSON.parse(run('--json')) as { stories: { firstReported?: { date: string; source: string } }[] };
    expect(doc.stories[0]?.firstReported).toMatchObject({ date: '2017-03-21T10:38:00Z', source: 'Reuters' });
    const line = JSON.parse(run('--format', 'ndjson').split('\n')[0] ?? '{}') as { story: { firstReported?: { source: string } } };
    expect(line.story.firstReported?.source).toBe('Reuters');
  });
});

/**
 * When articles are dated, every view says when the story was first reported and by whom.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shownDate } from '../src/render/sections.js';

const run = (...args: string[]): string =>
  execFileSync(process.execPath, ['bin/dedupe.js', 'test/fixtures/inputs/seed-html', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('first report', () => {
  it.each([['terminal'], ['markdown'], ['html']])('is shown in the %s view', (format) => {
    expect(run('--format', format)).toContain('first reported 2017-03-21 10:38 UTC by Reuters');
  });

  it('is in the JSON and NDJSON story', () => {
    const doc = JSON.parse(run('--json')) as { stories: { firstReported?: { date: string; source: string } }[] };
    expect(doc.stories[0]?.firstReported).toMatchObject({ date: '2017-03-21T10:38:00Z', source: 'Reuters' });
    const line = JSON.parse(run('--format', 'ndjson').split('\n')[0] ?? '{}') as { story: { firstReported?: { source: string } } };
    expect(line.story.firstReported?.source).toBe('Reuters');
  });
});

describe('dates in the views', () => {
  it('are shown in one form from published, whatever the input wrote, and as written when not read', () => {
    expect(shownDate('Tue, 03 Nov 2026 14:05:00 GMT', '2026-11-03T14:05:00Z')).toBe('2026-11-03 14:05 UTC');
    expect(shownDate('2026-11-03T14:05:07+01:00', '2026-11-03T13:05:07Z')).toBe('2026-11-03 13:05:07 UTC');
    expect(shownDate('2026-11-03 16:20', '2026-11-03T16:20:00')).toBe('2026-11-03 16:20');
    expect(shownDate('November 3, 2026', '2026-11-03')).toBe('2026-11-03');
    expect(shownDate('November 2026', undefined)).toBe('November 2026');
  });
});

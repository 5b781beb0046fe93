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
    expect(shownDate('2026-11-03T14:05:00+00:00', '2026-11-03T14:05:00Z')).toBe('2026-11-03 14:05 UTC');
    expect(shownDate('1793714700', '2026-11-03T14:05:00Z')).toBe('2026-11-03 14:05 UTC');
    expect(shownDate('2026-11-03 16:20', '2026-11-03T16:20:00')).toBe('2026-11-03 16:20');
    expect(shownDate('November 3, 2026', '2026-11-03')).toBe('2026-11-03');
    expect(shownDate('November 2026', undefined)).toBe('November 2026');
  });

  it('give a time in the offset its input gave: the day and time where it was published, not the UTC ones', () => {
    // A Brazilian evening is the next day in UTC.
    expect(shownDate('2026-02-16T21:00:00-03:00', '2026-02-17T00:00:00Z')).toBe('2026-02-16 21:00 UTC-03:00');
    expect(shownDate('2026-11-03T14:05:07+01:00', '2026-11-03T13:05:07Z')).toBe('2026-11-03 14:05:07 UTC+01:00');
    expect(shownDate('Tue, 03 Nov 2026 09:05:00 EST', '2026-11-03T14:05:00Z')).toBe('2026-11-03 09:05 UTC-05:00');
    expect(shownDate('Mon, 16 Feb 2026 23:30:00 +0530', '2026-02-16T18:00:00Z')).toBe('2026-02-16 23:30 UTC+05:30');
    expect(shownDate('16/02/2026 21h00 -0300', '2026-02-17T00:00:00Z')).toBe('2026-02-16 21:00 UTC-03:00');
    expect(shownDate('2026-01-01T01:30:00+14:00', '2025-12-31T11:30:00Z')).toBe('2026-01-01 01:30 UTC+14:00');
  });
});

describe('an article dated with an offset, end to end', () => {
  const lines = [
    { source: 'Folha', published: '2026-02-16T21:00:00-03:00', title: 'Temporal alaga bairros de Petrópolis', text: 'Heavy rain flooded streets across the hillside city of Petropolis on Monday evening, forcing dozens of families from their homes, the civil defence agency said. Firefighters rescued 14 people trapped by rising water in the Quitandinha district. The mayor declared a state of emergency and opened three schools as shelters.' },
    { source: 'Reuters', published: '2026-02-16T23:30:00Z', title: 'Floods force families from homes in Brazil\'s Petropolis', text: 'Heavy rain flooded streets across the hillside city of Petropolis on Monday evening, forcing dozens of families from their homes, the civil defence agency said. Firefighters rescued 14 people trapped by rising water in the Quitandinha district. Officials said more rain was expected overnight.' },
  ];
  const feed = lines.map((l) => JSON.stringify(l)).join('\n');
  const cli = (...args: string[]): string => execFileSync(process.execPath, ['bin/dedupe.js', '-', ...args], { encoding: 'utf8', input: feed, env: { ...process.env, NO_COLOR: '1' } });

  it('is shown at its own offset in every view, and ordered by the instant: Folha at 21:00 -03:00 is after Reuters at 23:30 UTC', () => {
    // The story mixes offsets (-03:00 and UTC), so a time at another offset than UTC gives its UTC time as well.
    const terminal = cli('--no-matrix');
    expect(terminal).toContain('first reported 2026-02-16 23:30 UTC by Reuters');
    expect(terminal).toMatch(/Folha 2026-02-16 21:00 UTC-03:00 \(2026-02-17 00:00 UTC\) /);
    expect(terminal).toMatch(/Reuters 2026-02-16 23:30 UTC <stdin>/);
    expect(cli('-f', 'markdown')).toContain('| 2026-02-16 21:00 UTC-03:00 (2026-02-17 00:00 UTC) |');
    // The HTML's title (on hover) gives the UTC time beside the date as written, where the two differ.
    const html = cli('-f', 'html');
    expect(html).toContain('<time datetime="2026-02-17T00:00:00Z" title="2026-02-16T21:00:00-03:00 (2026-02-17 00:00 UTC)">2026-02-16 21:00 UTC-03:00 (2026-02-17 00:00 UTC)</time>');
    expect(html).toContain('<time datetime="2026-02-16T23:30:00Z" title="2026-02-16T23:30:00Z">2026-02-16 23:30 UTC</time>');
  });

  it('gives no UTC time beside a story whose dated articles share one offset', () => {
    const local = lines.map((l, i) => JSON.stringify({ ...l, published: i === 0 ? l.published : '2026-02-16T22:15:00-03:00' })).join('\n');
    const terminal = execFileSync(process.execPath, ['bin/dedupe.js', '-', '--no-matrix'], { encoding: 'utf8', input: local, env: { ...process.env, NO_COLOR: '1' } });
    expect(terminal).toContain('first reported 2026-02-16 21:00 UTC-03:00 by Folha');
    expect(terminal).toMatch(/Reuters 2026-02-16 22:15 UTC-03:00 <stdin>/);
    expect(terminal).not.toContain('00:00 UTC)');
  });

  it('leaves the JSON as it was: the date as written, and published in UTC', () => {
    const doc = JSON.parse(cli('--json')) as { articles: Record<string, unknown>[]; stories: { firstReported?: Record<string, unknown> }[] };
    const folha = doc.articles.find((a) => a.source === 'Folha');
    expect(folha).toMatchObject({ date: '2026-02-16T21:00:00-03:00', published: '2026-02-17T00:00:00Z' });
    expect(Object.keys(folha ?? {}).filter((k) => /offset|local/i.test(k))).toEqual([]);
    expect(doc.stories[0]?.firstReported).toMatchObject({ source: 'Reuters', published: '2026-02-16T23:30:00Z' });
  });
});

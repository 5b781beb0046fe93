// A story's key (report/story-key.ts): the id of its anchor article, the same from run to run where `s1`, `s2`, …
// are ranks that move when a story gains a source.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyKey } from '../src/report/story-key.js';
import { csvRows } from '../src/input/csv.js';
import { ROOT, runCli } from './cli-run.js';
import type { Report } from '../src/types.js';

describe('storyKey', () => {
  it('is the earliest dated article, then the smallest id', () => {
    expect(storyKey([{ id: 'a00000001' }, { id: 'a00000002', date: '2026-11-03T10:00:00Z' }, { id: 'a00000003', date: '2026-11-03T09:00:00Z' }])).toBe('a00000003');
    expect(storyKey([{ id: 'a00000009', date: '2026-11-03' }, { id: 'a00000004', date: '3 November 2026' }])).toBe('a00000004');
  });

  it('is the smallest id when no article is dated', () => {
    expect(storyKey([{ id: 'a0000000f' }, { id: 'a0000000a', date: 'yesterday' }, { id: 'a0000000c' }])).toBe('a0000000a');
  });
});

describe('story keys across runs', () => {
  const keyed = (r: Report): Map<string, { id: string; articles: string }> => new Map(r.stories.map((s) => [s.key, { id: s.id, articles: [...s.articles].sort().join(' ') }]));

  it('keep a dated story its key when a third source joins another and the ranks change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-keys-'));
    cpSync(path.join(ROOT, 'test/fixtures/two-stories'), dir, { recursive: true });
    const before = JSON.parse(runCli([dir, '--json', '--quiet']).stdout) as Report;
    // A third source on the lobster story: it becomes s1, the mill fire s2.
    writeFileSync(
      path.join(dir, 'lobster-valley-news.md'),
      '---\ntitle: Blue lobster caught off Pellworth\nsource: Valley News\n---\n\nPellworth skipper Tomas Oyelaran caught a rare blue lobster in his traps near the northern pier this week.\n\nMarine biologists say only about one lobster in two million has a blue shell.\n',
    );
    const after = JSON.parse(runCli([dir, '--json', '--quiet']).stdout) as Report;
    const millBefore = before.stories.find((s) => s.title.includes('mill'));
    const millAfter = after.stories.find((s) => s.title.includes('mill'));
    expect([millBefore?.id, millAfter?.id]).toEqual(['s1', 's2']);
    expect(millAfter?.key).toBe(millBefore?.key);
    expect(keyed(after).get(millBefore?.key ?? '')?.articles).toBe(keyed(before).get(millBefore?.key ?? '')?.articles);
    expect(after.stories.find((s) => s.sources.includes('Valley News'))?.id).toBe('s1');
  });

  it('is the CSV column story_key, after published', () => {
    const [head, ...rows] = csvRows(runCli(['test/fixtures/two-stories', '-f', 'csv']).stdout, ',');
    const report = JSON.parse(runCli(['test/fixtures/two-stories', '--json']).stdout) as Report;
    const at = head?.fields.indexOf('story_key') ?? -1;
    expect(head?.fields[at - 1]).toBe('published');
    const keyOf = new Map(report.stories.map((s) => [s.id, s.key]));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.fields[at]).toBe(keyOf.get(row.fields[0] ?? ''));
  });
});

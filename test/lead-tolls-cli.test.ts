/**
 * The built CLI on the two cases of review 29: a toll gap between leads worded differently (test/fixtures/version-copies:
 * AP at least 12, Yahoo's copy of Reuters' UPDATE 1 16, Reuters' UPDATE 2 23), and a count whose sentence names the
 * operator the other outlet's leaves unnamed (two literal articles).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('lead tolls and shared names in the report', () => {
  it('flags the toll gap of the version-copies fixture first, with the latest figure, in the terminal and Markdown views', () => {
    const text = runCli(['test/fixtures/version-copies', '-q', '--no-matrix', '--width', '200']).stdout;
    expect(text).toMatch(/Conflicts \(1\)\n\s+!\s+1 number: 12 people \(AP\) vs 23 \(Reuters\) vs 16 people \(Yahoo News\)\n\s+latest: 23 \(Reuters, 2026-11-23 17:40 UTC\)/);
    expect(runCli(['test/fixtures/version-copies', '-q', '-f', 'markdown']).stdout).toContain('number: 12 people (AP) vs 23 (Reuters) vs 16 people (Yahoo News)');
  }, 60_000);

  it('compares a count whose sentence names the company with one whose sentence names no one else (review 29 #3)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-shared-names-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), 'Ferry aground\n\nA CalMac ferry carrying 120 passengers ran aground near Uig on Monday.\n\nNo one was hurt, the coastguard said.\n');
      writeFileSync(path.join(dir, 'b.txt'), 'Ferry aground near Uig\n\nA ferry carrying 12 passengers ran aground near Uig on Monday.\n\nNo one was hurt, the coastguard said.\n');
      const doc = JSON.parse(runCli([dir, '-q', '--json']).stdout) as { stories: { conflicts: { detail: string }[] }[] };
      expect(doc.stories.flatMap((s) => s.conflicts.map((c) => c.detail))).toEqual(['number: 120 passengers (a) vs 12 passengers (b)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { renderNdjson } from '../src/render/ndjson.js';
import { sampleReport } from './render-fixture.js';
import type { Story } from '../src/types.js';

describe('renderNdjson', () => {
  it('writes one self-contained JSON object per story per line', () => {
    const report = sampleReport('\nline break\u2028and separator');
    const out = renderNdjson(report);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(report.stories.length);
    lines.forEach((line, i) => {
      const obj = JSON.parse(line) as { version: number; story: { id: string; articles: string[] }; articles: { id: string }[] };
      expect(obj.version).toBe(1);
      expect(obj.story).toEqual(report.stories[i]);
      expect(obj.articles.map((a) => a.id)).toEqual(obj.story.articles);
    });
  });

  it('escapes what a terminal may obey and what line readers take for line ends, and parses back to the text', () => {
    const hostile = ' \u0000\u001b[31m\u007f\u0085\u009b\u200e\u2028\u2029\u202e\u2066 é 😀 "q"';
    const report = sampleReport(hostile);
    const out = renderNdjson(report);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('\\u0085\\u009b\\u200e\\u2028\\u2029\\u202e\\u2066');
    // Python's str.splitlines() ends lines at these too; now they only end where the stories do.
    const lines = out.slice(0, -1).split(/\r\n|[\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/);
    expect(lines).toHaveLength(report.stories.length);
    const first = JSON.parse(lines[0] as string) as { story: Story };
    expect(first.story).toEqual(report.stories[0]);
    expect(first.story.facts.some((f) => f.mentions.some((m) => m.text.endsWith(hostile)))).toBe(true);
  });
});

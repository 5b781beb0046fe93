import { describe, expect, it } from 'vitest';
import { renderNdjson } from '../src/render/ndjson.js';
import { sampleReport } from './render-fixture.js';

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
});

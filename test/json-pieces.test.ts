import { describe, expect, it } from 'vitest';
import type { Story } from '../src/types.js';
import { compactPieces, indentedPieces, ndjsonPieces, SPLIT_ENTRIES, storyEntries, storyJsonPieces } from '../src/render/json-pieces.js';
import { escapeUnsafe, storyJson } from '../src/render/json.js';
import { ndjsonLine } from '../src/render/ndjson.js';
import { storyBytes } from '../src/render/story-text.js';

/** A story of `n` articles, every pair of the first 120 a copy, with facts whose mentions hold characters json.ts escapes. */
function bigStory(n: number): Story {
  const articles = Array.from({ length: n }, (_, i) => `a${i.toString(16).padStart(8, '0')}`);
  const copies = [];
  for (let a = 0; a < 120; a++) for (let b = a + 1; b < 120; b++) copies.push({ a: articles[a] as string, b: articles[b] as string, jaccard: 0.9 });
  const facts = Array.from({ length: 30 }, (_, f) => ({
    id: `s1-f${f + 1}`,
    articles,
    mentions: articles.map((article, k) => ({ article, sentence: f, text: `Fact ${f} in ${k}\u2028 with \u0085 and "quotes" ✓` })),
  }));
  return {
    id: 's1',
    key: articles[0] as string,
    title: 'A \u202e title',
    articles,
    sources: ['Wire'],
    copies,
    copyGroups: [{ articles: articles.slice(0, 120), pairs: copies.length, allPairs: true, minJaccard: 0.9, maxJaccard: 0.9 }],
    shared: [],
    facts,
    conflicts: [],
    coverage: [],
  };
}

describe('a story written in pieces', () => {
  it('joins to exactly the story in one piece, in the document and on an NDJSON line, with no piece of much of it', () => {
    const story = bigStory(800);
    expect(storyEntries(story)).toBeGreaterThan(SPLIT_ENTRIES);
    const whole = storyJson(story);
    const pieces = [...storyJsonPieces(story)];
    expect(pieces.join('')).toBe(whole);
    expect(pieces.reduce((m, p) => Math.max(m, p.length), 0)).toBeLessThan(whole.length / 1000);
    const line = [...ndjsonPieces(1, story, [])];
    expect(line.join('')).toBe(ndjsonLine(1, story, []));
    expect(line.length).toBeGreaterThan(1000);
    expect(Buffer.from(storyBytes('json', story, [])).toString('utf8')).toBe(whole);
    expect(Buffer.from(storyBytes('ndjson', story, [])).toString('utf8')).toBe(ndjsonLine(1, story, []));
  });

  it('keeps a small story one piece', () => {
    const story = { ...bigStory(3), facts: [] };
    expect([...storyJsonPieces(story)]).toEqual([storyJson(story)]);
  });

  it('writes any JSON value as JSON.stringify does, at any depth and split to any level', () => {
    const values: unknown[] = [
      { a: [1, undefined, () => 1, 'x\u2029'], b: {}, c: [], d: undefined, e: null, f: { g: [{ h: [[], [1, [2]]] }] } },
      [{}, [], 'é', 1.5e-7, true],
      'plain',
    ];
    for (const value of values) {
      for (let levels = 0; levels <= 5; levels++) {
        expect([...compactPieces(value, levels)].join('')).toBe(escapeUnsafe(JSON.stringify(value)));
        for (let depth = 0; depth <= 3; depth++) {
          let wrapped: unknown = value;
          for (let k = 0; k < depth; k++) wrapped = [wrapped];
          const text = JSON.stringify(wrapped, null, 2);
          expect([...indentedPieces(value, depth, levels)].join('')).toBe(escapeUnsafe(text.slice(depth * (depth + 3), text.length - depth * (depth + 1))));
        }
      }
    }
  });
});

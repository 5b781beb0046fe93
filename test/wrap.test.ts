import { describe, expect, it } from 'vitest';
import { shorten, wrap } from '../src/render/wrap.js';

/** A lone surrogate half: what a cut through an emoji leaves (printed as U+FFFD). */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('wrap and shorten never cut an emoji in half', () => {
  const emoji = '😀'.repeat(40);
  it('wrap breaks a long word of emoji between them, at every width', () => {
    for (let width = 20; width <= 60; width++) {
      for (const text of [emoji, `a${emoji}`, `ab ${emoji} cd`]) {
        const lines = wrap(text, width, '  ');
        for (const line of lines) expect(line, `${width}`).not.toMatch(LONE);
        expect(lines.map((l) => l.slice(2)).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }
    }
  });

  it('shorten cuts between two emoji, at every length', () => {
    for (let max = 2; max <= 40; max++) {
      for (const text of [emoji, `a${emoji}`]) {
        const out = shorten(text, max);
        expect(out, `${max}`).not.toMatch(LONE);
        expect(out.length).toBeLessThanOrEqual(max);
      }
    }
  });
});

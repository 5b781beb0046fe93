import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shorten, stripAnsi, wrap } from '../src/render/wrap.js';
import { columns, cutColumns, padColumns } from '../src/render/columns.js';

/**
 * The wrap before the fifteenth session, which measured the whole line again at every word (quadratic in a long
 * line), with its emoji-safe cut: the reference the kept-count wrap must equal.
 */
function referenceWrap(text: string, width: number, indent: string, first: string = indent): string[] {
  const visible = (s: string): number => stripAnsi(s).length;
  const safe = (t: string, n: number): number => {
    const before = t.charCodeAt(n - 1);
    const after = t.charCodeAt(n);
    return n > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? n - 1 : n;
  };
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string): number => Math.max(10, width - visible(prefix));
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let w = word;
    let left = visible(w);
    while (left > room(indent) && w.length > 0) {
      if (!empty) {
        lines.push(line);
        line = indent;
      }
      const piece = w.slice(0, safe(w, room(indent)));
      lines.push(line + piece);
      w = w.slice(piece.length);
      left -= visible(piece);
      line = indent;
      empty = true;
    }
    if (!empty && visible(line) + 1 + visible(w) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + w;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

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

  it('wraps as the reference does, colour codes, long words and emoji included (property)', () => {
    const piece = fc.constantFrom('a', 'bb', 'word', 'longerword', ' ', '  ', '\n', '\u001b[1m', '\u001b[22m', '\u001b[3', '😀', 'é', 'x'.repeat(30));
    const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
    const prefix = fc.constantFrom('', '  ', '    ', '\u001b[1mA\u001b[22m  ', '      ');
    fc.assert(
      fc.property(text, fc.integer({ min: 5, max: 90 }), prefix, prefix, (t, width, indent, first) => {
        expect(wrap(t, width, indent, first)).toEqual(referenceWrap(t, width, indent, first));
      }),
      { numRuns: 2000 },
    );
  });

  it('measures the rest of a word cut inside a colour code as the reference does', () => {
    const text = `${'x'.repeat(18)}\u001b[1m${'y'.repeat(10)} ${'z'.repeat(9)}`;
    expect(wrap(text, 20, '')).toEqual(referenceWrap(text, 20, ''));
    expect(wrap(text, 20, '')).toHaveLength(3);
  });
});

describe('columns', () => {
  it('counts two for a wide character or emoji, none for a combining mark, one for the rest', () => {
    expect(['Herald', '東京新聞', 'Le Monde\u0301', 'a📰b', '\uff21'].map(columns)).toEqual([6, 8, 8, 4, 2]);
    expect(cutColumns('東京新聞東京新聞', 7)).toBe('東京新…');
    expect(cutColumns('東京新聞', 8)).toBe('東京新聞');
    expect(padColumns('東京', 6)).toBe('東京  ');
  });
});

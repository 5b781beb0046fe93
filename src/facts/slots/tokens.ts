/**
 * Tokens of one sentence and the helpers every slot finder uses: look-up by index (out of range is an empty
 * word), gluing (no space between two tokens), claiming tokens for a slot, and Porter stemming of unit words.
 */
import { createRequire } from 'node:module';
import type { Slot, SlotKind } from '../../types.js';

const require = createRequire(import.meta.url);
// Deep path: natural's package index prints to stdout when loaded.
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

export interface Tok {
  readonly text: string;
  /** Lowercase, possessive "'s" removed. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'num' | 'punct';
  readonly cap: boolean;
  /** Ends in a possessive "'s". */
  readonly poss: boolean;
}

export interface Ctx {
  readonly text: string;
  readonly toks: readonly Tok[];
  readonly used: Uint8Array;
  readonly out: Slot[];
}

const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’‐‑-]\p{L}[\p{L}\p{M}]*)*)|(\d+(?:[.,:]\d+)*)|(\S)/gu;

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = m.index;
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'punct';
    const poss = kind === 'word' && /['’][sS]$/.test(t);
    const lower = poss ? t.slice(0, -2).toLowerCase() : kind === 'word' ? t.toLowerCase() : t;
    const cap = kind === 'word' && t[0] !== t[0]?.toLowerCase();
    toks.push({ text: t, lower, start, end: start + t.length, kind, cap, poss });
  }
  return toks;
}

export function lowerAt(c: Ctx, i: number): string {
  return c.toks[i]?.lower ?? '';
}

/** Tokens i and i + 1 touch, with no space between. */
export function glued(c: Ctx, i: number): boolean {
  const a = c.toks[i];
  const b = c.toks[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
}

export function isWordAt(c: Ctx, i: number): boolean {
  return c.toks[i]?.kind === 'word';
}

export function free(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (c.used[k] !== 0 || k >= c.toks.length) return false;
  return true;
}

/** Records a slot covering tokens `from`..`to` (text may be narrowed with `start`/`end`). */
export function emit(c: Ctx, kind: SlotKind, value: string, from: number, to: number, unit?: string, end?: number): void {
  for (let k = from; k <= to; k++) c.used[k] = 1;
  const start = c.toks[from]?.start ?? 0;
  const stop = end ?? c.toks[to]?.end ?? start;
  const slot: Slot = { kind, value, text: c.text.slice(start, stop), start, end: stop };
  c.out.push(unit === undefined ? slot : { ...slot, unit });
}

export function stem(word: string): string {
  // Porter's regular expressions are quadratic on very long words; no real unit is that long.
  return word.length > 30 ? word : porter.stem(word);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

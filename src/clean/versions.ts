/**
 * Versions of one outlet's story: what tells a write-through ("UPDATE 2-…", AP's 11:40 rewrite of its 08:10
 * story) from another story of the same outlet. Used by clean/repeats.ts (which records are one article) and by
 * the story title (report/build.ts), which leaves the agency's version slug out.
 */
import { HashList, wordHashes } from '../fingerprint/word-hashes.js';
import { shingles } from '../fingerprint/shingles.js';
import { sharedCount } from '../fingerprint/articles.js';

/**
 * An agency's version slug before a headline: Reuters' `UPDATE 2-`, `CORRECTED-`, `REFILE-`, `WRAPUP 1-`,
 * `RPT-` and their chains (`CORRECTED-UPDATE 3-`). Upper case only, as the agencies write them (a headline
 * "Update on the talks" keeps its word); a dash, en or em dash, or colon after each.
 */
const VERSION_SLUG = /^(?:(?:UPDATE|WRAPUP)\s?\d{1,2}\s?[-–—:]\s*|(?:CORRECTED|REFILE|RPT|REPEAT)\s?[-–—:]\s*)+/;

/** A live page's label before its headline: `Live:`, `LIVE -`. */
const LIVE_LABEL = /^live\s?[:–—-]\s*/i;

/** The headline without its version slug and live label ("UPDATE 1-Peru landslide kills 16" → "Peru landslide kills 16"); unchanged when nothing is left after them. */
export function withoutWireSlug(title: string): string {
  const t = title.trim();
  const cut = t.replace(VERSION_SLUG, '').replace(LIVE_LABEL, '').replace(VERSION_SLUG, '');
  return cut.trim() === '' ? t : cut.trim();
}

/** The headline's version slug without its closing dash ("UPDATE 1-Peru landslide …" → "UPDATE 1"), or undefined when it has none. */
export function versionSlug(title: string): string | undefined {
  const slug = VERSION_SLUG.exec(title.trim())?.[0];
  return slug === undefined ? undefined : slug.replace(/[\s:–—-]+$/, '');
}

/** Whether the headline carries an agency's version slug (`UPDATE n-`, `CORRECTED-`, `REFILE-`, `WRAPUP n-`, `RPT-`). */
export function hasVersionSlug(title: string): boolean {
  return VERSION_SLUG.test(title.trim());
}

/**
 * Where a headline's slug puts its version among the outlet's others: `UPDATE n-` and `WRAPUP n-` are n, a
 * `CORRECTED-` or `REFILE-` adds a half (it follows the version it corrects), no slug is 0. What orders versions
 * that the dates cannot (undated wire copy).
 */
export function versionRank(title: string): number {
  const slug = VERSION_SLUG.exec(title.trim())?.[0];
  if (slug === undefined) return 0;
  const n = /(?:UPDATE|WRAPUP)\s?(\d{1,2})/.exec(slug);
  return (n ? Number(n[1]) : 0) + (/CORRECTED|REFILE/.test(slug) ? 0.5 : 0);
}

/** Word shingle width: three words, so a changed figure or name spoils only the three shingles around it. */
const WIDTH = 3;

const words = new HashList();

/** The distinct word 3-shingles of a text's headline and paragraphs, sorted (hashes, see fingerprint/shingles.ts). */
export function shingleSet(paragraphs: readonly string[]): Uint32Array {
  const all: Uint32Array[] = [];
  for (const p of paragraphs) {
    words.clear();
    wordHashes(p, words);
    if (words.view().length >= WIDTH) all.push(shingles(words.view(), WIDTH));
  }
  let n = 0;
  for (const s of all) n += s.length;
  const out = new Uint32Array(n);
  let at = 0;
  for (const s of all) {
    out.set(s, at);
    at += s.length;
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i] as number;
  return out.slice(0, k);
}

/** The share of the smaller set's shingles that the other holds too (0 when either is empty). */
export function containment(x: Uint32Array, y: Uint32Array): number {
  const small = Math.min(x.length, y.length);
  return small === 0 ? 0 : sharedCount(x, y) / small;
}

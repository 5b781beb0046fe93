/**
 * Terminal columns a text takes, for the tables that line text up (the sources table): a CJK character, a
 * full-width form or an emoji takes two, a combining mark or joiner none, any other character one. An approximation
 * of wcwidth (East Asian Wide and Fullwidth, the emoji blocks); a terminal may draw an emoji sequence otherwise.
 */

/** Characters drawn two columns wide. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Characters drawn in no column of their own: combining marks, zero-width spaces and joiners, variation selectors. */
const ZERO = /[\u0300-\u036f\u200b-\u200d\ufe00-\ufe0f]/u;

const ANY = new RegExp(`${WIDE.source}|${ZERO.source}`, 'u');

function charColumns(ch: string): number {
  return WIDE.test(ch) ? 2 : ZERO.test(ch) ? 0 : 1;
}

/** Whether every character of `text` takes one column, as most text does (its length is then its columns). */
export const narrow = (text: string): boolean => !ANY.test(text);

export function columns(text: string): number {
  if (narrow(text)) return text.length;
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** `text` cut to at most `max` columns, whole characters only, ending in "…" when cut. */
export function cutColumns(text: string, max: number): string {
  if (columns(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return `${out.replace(/[\s,;:]+$/, '')}…`;
}

/** `text` padded with spaces to `width` columns. */
export const padColumns = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - columns(text)));

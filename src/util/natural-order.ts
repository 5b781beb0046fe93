/**
 * Order of strings with their runs of digits compared as numbers: `poll-2` before `poll-10`, `T9` before `T10`,
 * `a1f03c9e2-2` before `a1f03c9e2-10`. Ties (`007` and `7`) fall back to the plain string order, so two different
 * strings never compare equal and the order is total.
 */
const RUNS = /\d+|\D+/g;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.match(RUNS) ?? [];
  const y = b.match(RUNS) ?? [];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const pd = p.charCodeAt(0) <= 57 && p.charCodeAt(0) >= 48;
    const qd = q.charCodeAt(0) <= 57 && q.charCodeAt(0) >= 48;
    if (pd && qd) {
      const pt = p.replace(/^0+(?=\d)/, '');
      const qt = q.replace(/^0+(?=\d)/, '');
      if (pt.length !== qt.length) return pt.length - qt.length;
      if (pt !== qt) return pt < qt ? -1 : 1;
      continue;
    }
    return p < q ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : 1;
}

/**
 * Order of article ids (clean/articles.ts: `a` and 8 hex digits, then `-2`, `-3`, … for identical copies): by the
 * content hash as text, then by the copy's number (`-2` before `-10`, so letters follow the copies' order).
 */
export function compareArticleIds(a: string, b: string): number {
  const i = a.indexOf('-');
  const j = b.indexOf('-');
  const x = i < 0 ? a : a.slice(0, i);
  const y = j < 0 ? b : b.slice(0, j);
  if (x !== y) return x < y ? -1 : 1;
  const n = i < 0 ? 1 : Number(a.slice(i + 1));
  const m = j < 0 ? 1 : Number(b.slice(j + 1));
  return n - m || (a < b ? -1 : a > b ? 1 : 0);
}

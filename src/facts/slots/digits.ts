/** Numbers written in digits: separators, decimals and scales, read without floating point. */
import { glued, type Ctx, type Tok } from './tokens.js';

/** "1,200" → ["1200", ""]; "3.5" → ["3", "5"]; undefined for anything ambiguous ("1.200", "1,2", "007"). */
export function splitDigits(s: string): [string, string] | undefined {
  return splitNumber(s, '.', ',', true);
}

/**
 * Whole and fraction digits of `s` written with `decimal` and thousands `separator`s (groups of three after a first of
 * one to three digits); undefined for anything else, and, when `threeDecimals` is ambiguous (English: "1.200" may be
 * a thousand written the other way), for three decimals after a whole other than 0.
 */
function splitNumber(s: string, decimal: string, separator: string, threeDecimals: boolean): [string, string] | undefined {
  if (s.includes(':')) return undefined;
  const parts = s.split(decimal);
  if (parts.length > 2) return undefined;
  const [whole = '', frac = ''] = parts;
  const groups = whole.split(separator);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => g.length !== 3))) return undefined;
  if (threeDecimals && groups.length === 1 && frac.length === 3 && whole !== '0') return undefined;
  const int = groups.join('');
  if (int.length > 1 && int[0] === '0') return undefined;
  return [int, frac];
}

/** Decimal string of int.frac × 10^zeros, without floating point. */
export function scaled(int: string, frac: string, zeros: number): string {
  const digits = int + frac.padEnd(zeros, '0');
  const whole = digits.slice(0, int.length + zeros).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(int.length + zeros).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/**
 * "2, 117" or "1, 600, 000" at token i: digit groups of three after a first group of one to three digits, each
 * after a comma and a space, as tokenised text writes "2,117"; the digits and the last token, or undefined.
 */
export function spacedGroups(c: Ctx, i: number): { digits: string; last: number } | undefined {
  const first = c.toks[i] as Tok;
  if (!/^\d{1,3}$/.test(first.text)) return undefined;
  let digits = first.text;
  let k = i;
  while (c.toks[k + 1]?.text === ',' && glued(c, k) && !glued(c, k + 1) && c.used[k + 2] === 0 && /^\d{3}$/.test(c.toks[k + 2]?.text ?? '')) {
    digits += c.toks[k + 2]?.text ?? '';
    k += 2;
  }
  return k === i ? undefined : { digits, last: k };
}


/**
 * Digits as languages with a decimal comma write them (locale.ts): "1.200" → ["1200", ""], "12,5" → ["12", "5"],
 * "1.200,5" → ["1200", "5"], "1.200.000"; undefined for anything else ("12.5", "27.11", "1,2,3", "007").
 */
export function splitLocalDigits(s: string): [string, string] | undefined {
  return splitNumber(s, ',', '.', false);
}

/**
 * "1 200" or "1 200 000" at token i, as French and others group thousands with a space (or a no-break space): a
 * first group of one to three digits, then groups of three, each after exactly one white space character; the last
 * may carry a decimal comma ("1 200,5"). The digits as one number's text and the last token, or undefined.
 */
export function localSpacedGroups(c: Ctx, i: number): { digits: string; last: number } | undefined {
  const first = c.toks[i] as Tok;
  if (!/^\d{1,3}$/.test(first.text) || (i > 0 && c.toks[i - 1]?.kind === 'num' && (c.toks[i - 1] as Tok).end + 1 === first.start)) return undefined;
  let digits = first.text;
  let k = i;
  for (;;) {
    const a = c.toks[k] as Tok;
    const b = c.toks[k + 1];
    if (b === undefined || b.kind !== 'num' || b.start !== a.end + 1 || c.used[k + 1] !== 0 || !/^\d{3}(,\d+)?$/.test(b.text)) break;
    digits += b.text;
    k++;
    if (b.text.includes(',')) break;
  }
  return k === i ? undefined : { digits, last: k };
}

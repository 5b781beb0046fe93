/**
 * Quotations as evidence that two sentences tell the same fact: outlets often carry the same quote, one
 * trimmed. Two sentences share a quote when a quoted span of one (at least `MIN_RUN` words) has a run of at
 * least `MIN_RUN` words — or the whole quote, if shorter — in common with the other sentence.
 */
import { tokenize } from '../text/tokens.js';

const MIN_RUN = 6;
const MAX_QUOTE_WORDS = 300;

const OPEN = new Set([34, 0x201c, 0x201e, 0x00ab]);
const CLOSE = new Set([34, 0x201d, 0x00bb]);

/** The quoted spans of a sentence (straight or curly double quotes, guillemets), as lowercase word lists. */
export function quotedSpans(text: string): string[][] {
  const spans: string[][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open < 0 && OPEN.has(c)) open = i + 1;
    else if (open >= 0 && CLOSE.has(c)) {
      const words = tokenize(text.slice(open, i)).map((t) => t.word);
      if (words.length > 0) spans.push(words.slice(0, MAX_QUOTE_WORDS));
      open = -1;
    }
  }
  return spans;
}

/** Length of the longest run of equal consecutive words in `a` and `b` (dynamic programming, O(|a|·|b|)). */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** True when either sentence quotes words that the other also carries, per the rule above. */
export function sharedQuote(
  quotesA: readonly (readonly string[])[],
  wordsA: readonly string[],
  quotesB: readonly (readonly string[])[],
  wordsB: readonly string[],
): boolean {
  const check = (quotes: readonly (readonly string[])[], other: readonly string[]): boolean =>
    quotes.some((q) => q.length >= 4 && longestCommonRun(q, other.slice(0, 2000)) >= Math.min(MIN_RUN, q.length));
  return check(quotesA, wordsB) || check(quotesB, wordsA);
}

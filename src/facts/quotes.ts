/**
 * Quotations as evidence that two sentences tell the same fact: outlets often carry the same quote, one
 * trimmed. Two sentences share a quote when a quoted span of one (at least `MIN_QUOTE` words, its first
 * `MAX_QUOTE_WORDS` taken) has a run of at least `MIN_RUN` words — or the whole quote, if shorter — in common
 * with the first `MAX_OTHER_WORDS` words of the other sentence.
 */
import { nextWord, wordText, WordSpan } from '../text/words.js';
import { MAX_KEPT_WORDS, wordId, wordIds } from './terms.js';

const MIN_RUN = 6;
const MIN_QUOTE = 4;
const MAX_QUOTE_WORDS = 300;
const MAX_OTHER_WORDS = MAX_KEPT_WORDS;

const span = new WordSpan();

/** The words of `text` (as `tokenize` gives them), at most `max`, each through `use`. */
function eachWord(text: string, max: number, use: (word: string) => void): void {
  let i = 0;
  for (let n = 0; n < max && nextWord(text, i, span); n++) {
    i = span.end;
    use(wordText(text, span));
  }
}

const isOpen = (c: number): boolean => c === 34 || c === 0x201c || c === 0x201e || c === 0x00ab;
const isClose = (c: number): boolean => c === 34 || c === 0x201d || c === 0x00bb;

/**
 * Whether `text` has an opening mark at all (most sentences have none): one search for the four marks, 1.6 times
 * as fast as four searches for one each (measured on 138,000 sentences of the bench corpus).
 */
export const mayQuote = (text: string): boolean => OPENING_MARK.test(text);
const OPENING_MARK = /["\u201c\u201e\u00ab]/;

/** The quoted spans of a sentence (straight or curly double quotes, guillemets), as lowercase word lists. */
export function quotedSpans(text: string): string[][] {
  const spans: string[][] = [];
  if (!mayQuote(text)) return spans;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open < 0 && isOpen(c)) open = i + 1;
    else if (open >= 0 && isClose(c)) {
      const words: string[] = [];
      eachWord(text.slice(open, i), MAX_QUOTE_WORDS, (w) => words.push(w));
      if (words.length > 0) spans.push(words);
      open = -1;
    }
  }
  return spans;
}

/**
 * Whether `a` and `b` have a run of at least `target` (≥ 1) equal consecutive words. Any such run covers one of
 * a's words at positions target − 1, 2·target − 1, …, so only those are looked up in `b`, and each match is
 * stretched both ways to the full run through it: about |a|·|b| / target comparisons where a table of common runs
 * (the longest common substring's dynamic programme) takes |a|·|b|.
 */
export function hasCommonRun(a: Int32Array, b: Int32Array, target: number): boolean {
  for (let i = target - 1; i < a.length; i += target) {
    const w = a[i] as number;
    for (let j = 0; j < b.length; j++) {
      if (b[j] !== w) continue;
      let run = 1;
      for (let l = 1; l <= i && l <= j && a[i - l] === b[j - l]; l++) run++;
      for (let r = 1; i + r < a.length && j + r < b.length && a[i + r] === b[j + r]; r++) run++;
      if (run >= target) return true;
    }
  }
  return false;
}

/**
 * The quotation evidence of one story's sentences: each sentence's quotes are read once, and its words (as word
 * ids, see facts/terms.ts) only when a pair needs them, unless they are `known` already (from the pass that
 * counted the story's terms). Word ids are only valid until the next story's terms are counted, so an instance
 * is used at once, never across stories.
 */
export class StoryQuotes {
  /** Per sentence, its quotes of at least MIN_QUOTE words (the only ones that can link). */
  private readonly quotes: readonly Int32Array[][];
  private readonly words: (Int32Array | undefined)[];

  /** `known[i]`, where given: the first {@link MAX_KEPT_WORDS} word ids of `texts[i]`, as `wordIds` gives them. */
  constructor(
    private readonly texts: readonly string[],
    private readonly known?: (i: number) => Int32Array | undefined,
  ) {
    this.quotes = texts.map((t) => quotedSpans(t).flatMap((q) => (q.length >= MIN_QUOTE ? [Int32Array.from(q, wordId)] : [])));
    this.words = new Array(texts.length);
  }

  /** True when sentence a or b quotes words that the other also carries, per the rule above. */
  shared(a: number, b: number): boolean {
    return this.check(a, b) || this.check(b, a);
  }

  /** Sentence `quoting` has a quote that sentence `other` carries. */
  private check(quoting: number, other: number): boolean {
    const quotes = this.quotes[quoting] ?? [];
    if (quotes.length === 0) return false;
    const words = this.wordsOf(other);
    return quotes.some((q) => hasCommonRun(q, words, Math.min(MIN_RUN, q.length)));
  }

  private wordsOf(i: number): Int32Array {
    return (this.words[i] ??= this.known?.(i) ?? wordIds(this.texts[i] ?? '', MAX_OTHER_WORDS));
  }
}

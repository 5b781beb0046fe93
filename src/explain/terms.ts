/**
 * The pieces of a pair's TF-IDF cosine: which shared terms make it up.
 */
import type { Article, SparseVector } from '../types.js';
import { contentWordOf, termRules } from '../text/term-rules.js';
import { isCapitalizedAt, nextWord, wordText, WordSpan } from '../text/words.js';
import type { Vocabulary } from '../fingerprint/tfidf.js';

export interface SharedTerm {
  /** The word as first written in A (lower case unless it is a name). */
  readonly word: string;
  readonly stem: string;
  /** weight in A × weight in B: this term's part of the cosine. */
  readonly contribution: number;
  /** Capitalised inside a sentence in either article (counted with --name-weight). */
  readonly name: boolean;
  readonly number: boolean;
}

function textOf(a: Article): string[] {
  return [a.title, ...a.sentences.map((s) => s.text)];
}

const span = new WordSpan();

/**
 * Surface form of each stem, and whether it is ever capitalised inside a sentence (a name); terms made by each
 * article's language's rules (text/term-rules.ts), as its fingerprint makes them.
 */
function surfaces(articles: readonly Article[]): Map<string, { word: string; name: boolean }> {
  const out = new Map<string, { word: string; name: boolean }>();
  for (const a of articles) {
    const rules = termRules(a.language);
    for (const [k, text] of textOf(a).entries()) {
      for (let i = 0, at = 0; nextWord(text, at, span); i++, at = span.end) {
        const content = contentWordOf(rules, text, span);
        if (!rules.isContentWord(content)) continue;
        const s = rules.stem(content);
        const name = k > 0 && i > 0 && isCapitalizedAt(text, span.start);
        const seen = out.get(s);
        const word = name ? text.slice(span.start, span.end) : wordText(text, span);
        if (!seen) out.set(s, { word, name });
        else if (name && !seen.name) out.set(s, { word, name });
      }
    }
  }
  return out;
}

/** Terms present in both vectors, by contribution (largest first, then by stem). */
export function sharedTerms(va: SparseVector, vb: SparseVector, vocab: Vocabulary, pair: readonly Article[]): SharedTerm[] {
  const words = surfaces(pair);
  const out: SharedTerm[] = [];
  for (const [s, info] of words) {
    const id = vocab.lookup(s);
    if (id === undefined) continue;
    const wa = weightOf(va, id);
    const wb = weightOf(vb, id);
    if (wa > 0 && wb > 0) out.push({ word: info.word, stem: s, contribution: wa * wb, name: info.name, number: /^\d/.test(s) });
  }
  return out.sort((x, y) => y.contribution - x.contribution || (x.stem < y.stem ? -1 : 1));
}

function weightOf(v: SparseVector, id: number): number {
  let lo = 0;
  let hi = v.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = v.terms[mid] ?? 0;
    if (t === id) return v.weights[mid] ?? 0;
    if (t < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}


/**
 * The pieces of a pair's TF-IDF cosine: which shared terms make it up.
 */
import type { Article, SparseVector } from '../types.js';
import { isContentWord, stem, tokenize } from '../text/tokens.js';
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

/** Surface form of each stem, and whether it is ever capitalised inside a sentence (a name). */
function surfaces(articles: readonly Article[]): Map<string, { word: string; name: boolean }> {
  const out = new Map<string, { word: string; name: boolean }>();
  for (const a of articles) {
    for (const [k, text] of textOf(a).entries()) {
      tokenize(text).forEach((t, i) => {
        if (!isContentWord(t.word)) return;
        const s = stem(t.word);
        const name = k > 0 && i > 0 && t.capitalized;
        const seen = out.get(s);
        const word = name ? text.slice(t.start, t.end) : t.word;
        if (!seen) out.set(s, { word, name });
        else if (name && !seen.name) out.set(s, { word, name });
      });
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


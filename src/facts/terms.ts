/**
 * Term counts of a story's sentences for fact alignment: what `contentTerms` and a fresh {@link Vocabulary}
 * give (ids numbered from 0 in order of first appearance), without building a string for most words (see
 * text/word-cache.ts): only a word not met before is stopped and stemmed. The same pass can keep each text's
 * words as integer ids, which the quotation check (quotes.ts) compares instead of reading the text again.
 * The caches are per thread; they are emptied between stories once they pass their limits (a few MB), so word ids
 * are only compared within one story. A text in another language than English has its terms made by that
 * language's rules (text/term-rules.ts): the word ids are the same, the term of each word id is kept per language.
 */
import { SequentialTermCounter, type TermCounts } from '../fingerprint/tfidf.js';
import { isContentWord, stem } from '../text/tokens.js';
import type { Language } from '../text/language.js';
import { contentWordOf, termRules, type TermRules } from '../text/term-rules.js';
import { JOINED, nextWord, WordSpan } from '../text/words.js';
import { WordCache } from '../text/word-cache.js';
import { StoryNaming, wordKind } from './naming.js';

/** Past this many cached words, word ids or known terms, the caches are emptied before the next story. */
const MAX_CACHED = 1 << 17;
const MAX_TERMS = 1 << 17;
/** Words of a text kept by {@link storyTermCounts} for the quotation check (which reads no further: quotes.ts). */
export const MAX_KEPT_WORDS = 2000;

/** Each word met → its process-wide word id (see {@link wordId}). */
const words = new WordCache();
/** Each word's process-wide id, by its text (as {@link wordText} gives it). */
const wordIndex = new Map<string, number>();
/** Each word id's word (for the terms of other languages, worked out when first met in one). */
const wordOfId: string[] = [];
/** Process-wide term of each word id (−1: not a content word), by English rules. */
let termOfWord = new Int32Array(1024);
/** Process-wide: per word id, what naming.ts asks of its word ({@link wordKind}). */
let kindOfWord = new Uint8Array(1024);
/** The same by the rules of other languages (−2: not worked out yet). */
const termOfWordIn = new Map<Language, Int32Array>();
const termIndex = new Map<string, number>();
/** Story-local id of each process-wide term (-1: not in this story); reset after each story. */
let local = new Int32Array(1024).fill(-1);

/** Empties the caches when they are past their limits (between stories: ids only matter within one). */
function trim(): void {
  if (words.size < MAX_CACHED && wordIndex.size < MAX_CACHED && termIndex.size < MAX_TERMS) return;
  words.clear();
  wordIndex.clear();
  wordOfId.length = 0;
  termOfWordIn.clear();
  termIndex.clear();
  local = new Int32Array(1024).fill(-1);
}
const span = new WordSpan();
const counter = new SequentialTermCounter();

/** The process-wide term of a stem. */
function termId(s: string): number {
  let t = termIndex.get(s);
  if (t === undefined) {
    t = termIndex.size;
    termIndex.set(s, t);
  }
  return t;
}

/** The process-wide term of a word (-1: not a content word). */
function termOf(word: string): number {
  return isContentWord(word) ? termId(stem(word)) : -1;
}

/** The process-wide term of a word by `rules` (-1: not a content word). */
function termIn(rules: TermRules, word: string): number {
  return rules.isContentWord(word) ? termId(rules.stem(word)) : -1;
}

/** The terms of the word ids by the rules of `language`, grown to hold `id` (new entries −2: not worked out). */
function termsIn(language: Language, id: number): Int32Array {
  let table = termOfWordIn.get(language);
  if (table === undefined || id >= table.length) {
    const grown = new Int32Array(Math.max(1024, 2 * id + 2)).fill(-2);
    if (table !== undefined) grown.set(table);
    termOfWordIn.set(language, (table = grown));
  }
  return table;
}

/**
 * The process-wide id of a word (as {@link wordText} gives it): equal words, equal ids, within one story (the ids
 * may be renumbered when {@link storyTermCounts} starts the next one). What quotes.ts compares words by.
 */
export function wordId(word: string): number {
  let id = wordIndex.get(word);
  if (id === undefined) {
    id = wordIndex.size;
    wordIndex.set(word, id);
    wordOfId.push(word);
    if (id >= termOfWord.length) {
      const grown = new Int32Array(2 * termOfWord.length);
      grown.set(termOfWord);
      termOfWord = grown;
      const titles = new Uint8Array(2 * kindOfWord.length);
      titles.set(kindOfWord);
      kindOfWord = titles;
    }
    termOfWord[id] = termOf(word);
    kindOfWord[id] = wordKind(word);
  }
  return id;
}

/** The word id of the word in `span`: from the cache, else worked out (and cached). */
const wordAt = (text: string): number => words.lookup(text, span, wordId);

/** The word ids ({@link wordId}) of the first `max` words of `text`. */
export function wordIds(text: string, max: number): Int32Array {
  const ids: number[] = [];
  for (let i = 0; ids.length < max && nextWord(text, i, span); i = span.end) ids.push(wordAt(text));
  return Int32Array.from(ids);
}

/** What {@link storyTermCounts} gives. */
export interface StoryTerms {
  readonly counts: TermCounts[];
  /** How many distinct terms there are (ids 0 … terms − 1). */
  readonly terms: number;
  /** With `keepWords`: text k's first {@link MAX_KEPT_WORDS} word ids, as {@link wordIds} gives them. */
  readonly words?: (k: number) => Int32Array;
  /**
   * Per text, its plain terms, sorted: those that one of its words gives other than as a name (naming.ts). Every
   * term of a text not in English.
   */
  readonly plain: readonly Uint32Array[];
}

/**
 * The term of the word in `span` (word id `w`) of a text in another language than English, by its `rules`: kept
 * per word id, but for a word with an elided article ("l'homme"), whose term is not its whole word's.
 */
function foreignTerm(rules: TermRules, text: string, w: number): number {
  if (rules.elisions !== undefined && span.flags & JOINED) return termIn(rules, contentWordOf(rules, text, span));
  const table = termsIn(rules.language, w);
  let t = table[w] as number;
  if (t === -2) t = table[w] = termIn(rules, wordOfId[w] as string);
  return t;
}

/**
 * The term counts of each text (content words stemmed, as `contentTerms`), with term ids numbered as a new
 * Vocabulary fed the texts' terms in order would number them; `terms` is how many there are. With `keepWords`,
 * also each text's word ids, from the same pass over its words. `languages[k]`: the language of text k, when
 * not English (see text/term-rules.ts).
 */
export function storyTermCounts(texts: readonly string[], keepWords = false, languages?: readonly (Language | undefined)[]): StoryTerms {
  trim();
  const seen: number[] = [];
  // Plain loops and locals, no closure over them: this runs for every word of every story.
  let kept = new Int32Array(keepWords ? 4096 : 0);
  let used = 0;
  const starts = new Int32Array(keepWords ? texts.length + 1 : 0);
  const counts: TermCounts[] = new Array(texts.length);
  const naming = new StoryNaming();
  try {
    for (let k = 0; k < texts.length; k++) {
      const text = texts[k] as string;
      const language = languages?.[k];
      const rules = language === undefined || language === 'en' ? undefined : termRules(language);
      if (keepWords) starts[k] = used;
      naming.begin(rules === undefined);
      let i = 0;
      for (let n = 0; nextWord(text, i, span); n++) {
        i = span.end;
        const w = wordAt(text);
        if (keepWords && n < MAX_KEPT_WORDS) {
          if (used === kept.length) {
            const grown = new Int32Array(2 * kept.length);
            grown.set(kept);
            kept = grown;
          }
          kept[used++] = w;
        }
        const t = rules === undefined ? (termOfWord[w] as number) : foreignTerm(rules, text, w);
        if (t < 0) {
          if (rules === undefined) naming.word(text, span.start, span.end, -1, kindOfWord[w] as number);
          continue;
        }
        if (t >= local.length) {
          const grown = new Int32Array(Math.max(t + 1, 2 * local.length)).fill(-1);
          grown.set(local);
          local = grown;
        }
        let id = local[t] as number;
        if (id < 0) {
          id = local[t] = seen.length;
          seen.push(t);
        }
        if (rules === undefined) naming.word(text, span.start, span.end, id, kindOfWord[w] as number);
        counter.add(id);
      }
      counts[k] = counter.finish();
    }
    const plain = naming.plain(seen.length, (k) => (counts[k] as TermCounts).ids);
    if (!keepWords) return { counts, terms: seen.length, plain };
    starts[texts.length] = used;
    const all = kept;
    return { counts, terms: seen.length, words: (k) => all.subarray(starts[k], starts[k + 1]), plain };
  } finally {
    for (const t of seen) local[t] = -1;
    counter.finish(); // empty unless a text threw half-way
  }
}

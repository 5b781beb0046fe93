/**
 * `--match` and `--source`/`--not-source`: which stories a reader asked about. A phrase matches a text when its
 * words appear there in a row, as the word scanner reads words (text/words.ts): case, punctuation and spacing
 * between the words do not matter, whole words only ("strike" does not match "strikes"). Accents do not matter
 * either (review 27): "Petropolis" finds "Petrópolis" and "Nunez" "Núñez", and a German umlaut or ß matches its
 * spelled-out form ("Saalebruecke" finds "Saalebrücke", "Strasse" "Straße"; text/fold.ts). A source name is matched
 * whole, case, spacing and accents aside, and a known outlet by any of its names or domains.
 */
import { nextWord, WIDE, wordText, WordSpan } from '../text/words.js';
import { tokenize } from '../text/tokens.js';
import { spellings, withoutMarks } from '../text/fold.js';
import { outletNamed } from '../input/outlet.js';

/** One word of a phrase: the spellings of a text's word it matches (text/fold.ts `spellings`), lower case. */
export type PhraseWord = readonly string[];

/** A phrase as the words it must match; empty when the phrase has no word. */
export function phraseWords(phrase: string): PhraseWord[] {
  // NFC first: a combining mark typed apart from its letter would split the word.
  return tokenize(phrase.normalize('NFC')).map((t) => spellings(t.word));
}

const span = new WordSpan();

/**
 * Whether `words` (from {@link phraseWords}, not empty) appear in a row in `text`. ASCII words are compared by
 * length before any is cut out of the text, so a text costs about one scan of the word scanner, plus the
 * accents taken off its words beyond ASCII.
 */
export function mentions(text: string, words: readonly PhraseWord[]): boolean {
  const n = words.length;
  // How many words of the phrase the words just read end with, each a possible start of a match.
  let matched: number[] = [];
  let from = 0;
  while (nextWord(text, from, span)) {
    from = span.end;
    let word: readonly string[] | undefined;
    // A word beyond ASCII is read as its spellings without accents; an ASCII word is its one spelling.
    const read = (): readonly string[] => (word ??= span.flags & WIDE ? spellings(wordText(text, span)) : [wordText(text, span)]);
    const next: number[] = [];
    // A match may start at this word, or go on from any partial match before it.
    for (const k of [0, ...matched]) {
      const want = words[k] as PhraseWord;
      // Lower-casing keeps the length of a word without code units beyond ASCII.
      if ((!(span.flags & WIDE) && !want.some((w) => w.length === span.length)) || !read().some((w) => want.includes(w))) continue;
      if (k + 1 === n) return true;
      next.push(k + 1);
    }
    matched = next;
  }
  return false;
}

/** Whether every phrase (as {@link phraseWords}) appears in at least one of the texts. */
export function mentionsAll(texts: Iterable<readonly string[]>, phrases: readonly (readonly PhraseWord[])[]): boolean {
  const left = new Set(phrases.filter((p) => p.length > 0));
  if (left.size === 0) return true;
  for (const article of texts) {
    for (const text of article) {
      for (const p of left) if (mentions(text, p)) left.delete(p);
      if (left.size === 0) return true;
    }
  }
  return false;
}

/**
 * A source name as `--source` compares it: spelled as the reports spell it (`BBC News` and bbc.co.uk as `BBC`,
 * `Associated Press` as `AP`: input/outlet.ts), lower-cased, without accents ("La Cronica" is "La Crónica"),
 * runs of white space as one space, trimmed.
 */
export function sourceKey(name: string): string {
  return withoutMarks(outletNamed(name.normalize('NFC')).toLowerCase()).replace(/\s+/g, ' ').trim();
}

/**
 * The source names among `known` that a name given on the command line may have meant: those containing it or
 * contained in it, case aside (at most `atMost`), for a message when it names no source.
 */
export function nearSources(given: string, known: readonly string[], atMost = 5): string[] {
  const key = sourceKey(given);
  if (key === '') return [];
  return known.filter((s) => {
    const k = sourceKey(s);
    return k.includes(key) || key.includes(k);
  }).slice(0, atMost);
}

/**
 * The rules that make a word a term, per language: which words are stop words, how a content word is stemmed, and
 * whether an elided article or pronoun is cut off the word it leans on ("l'homme" → "homme"). English is
 * text/tokens.ts as it always was (natural's list with news verbs, the Porter stemmer, synonyms). Other languages:
 * natural's stop word list for the language where it has one, a German list of our own (stopwords-de.ts), and in
 * every case the function words language detection counts (language.ts); natural's Snowball ("Porter") stemmer
 * for the language, loaded by deep path, and only when an article of the language is met. No synonyms: the English
 * list is of English stems.
 */
import { createRequire } from 'node:module';
import { isContentWord, stem } from './tokens.js';
import { elisionPrefix, FUNCTION_WORDS, type Language } from './language.js';
import { MAX_STEM_LENGTH } from './natural.js';
import { GERMAN_STOPWORDS } from './stopwords-de.js';
import { isDigit, wordText, type WordSpan } from './words.js';

const require = createRequire(import.meta.url);

export interface TermRules {
  readonly language: Language;
  /** True when a word (lower case, as {@link wordText} gives it) carries content: not a stop word, not one character. */
  isContentWord(word: string): boolean;
  /** A content word's term (its stem, memoised). */
  stem(word: string): string;
  /** The elided words cut off the word they lean on ({@link contentWordOf}), with their apostrophe; undefined for none. */
  readonly elisions: ReadonlySet<string> | undefined;
}

const ENGLISH: TermRules = { language: 'en', isContentWord, stem, elisions: undefined };

/** natural's stop word lists by language (node_modules/natural/lib/natural/util/stopwords_xx.js); German has none. */
const NATURAL_STOPWORDS: Partial<Record<Language, string>> = { fr: 'fr', es: 'es', it: 'it', pt: 'pt', nl: 'nl', sv: 'sv', no: 'no' };
/** The elided articles, pronouns and conjunctions of the languages that write them ("l'", "d'", "dell'"). */
const ELISIONS: Partial<Record<Language, ReadonlySet<string>>> = {
  fr: new Set("l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu'".split(' ')),
  it: new Set("l' d' un' dell' all' dall' nell' sull' coll' quell' quest' tutt'".split(' ')),
};
/** Stem cache entries per language, past which new stems are worked out but not kept. */
const MAX_CACHED_STEMS = 200_000;

const made = new Map<Language, TermRules>([['en', ENGLISH]]);

function stopWordsOf(language: Language): Set<string> {
  const words = new Set(FUNCTION_WORDS[language].split(' ').filter((w) => !w.endsWith("'")));
  const file = NATURAL_STOPWORDS[language];
  if (file !== undefined) for (const w of (require(`natural/lib/natural/util/stopwords_${file}.js`) as { words: string[] }).words) words.add(w.toLowerCase());
  if (language === 'de') for (const w of GERMAN_STOPWORDS) words.add(w);
  // Stop words are matched against words as the scanner gives them: without apostrophes (words.ts).
  for (const w of [...words]) if (/['’]/.test(w)) words.add(w.replace(/['’]/g, ''));
  return words;
}

function rulesOf(language: Language): TermRules {
  const stopWords = stopWordsOf(language);
  const stemmer = require(`natural/lib/natural/stemmers/porter_stemmer_${language}.js`) as { stem(word: string): string };
  const cache = new Map<string, string>();
  return {
    language,
    elisions: ELISIONS[language],
    isContentWord: (word) => word.length > 1 && !stopWords.has(word),
    stem(word) {
      let s = cache.get(word);
      if (s === undefined) {
        s = isDigit(word.charCodeAt(0)) ? word.replace(/,/g, '') : word.length > MAX_STEM_LENGTH ? word : stemmer.stem(word);
        if (cache.size < MAX_CACHED_STEMS) cache.set(word, s);
      }
      return s;
    },
  };
}

/** The term rules of a language (English when undefined). */
export function termRules(language: Language | undefined): TermRules {
  if (language === undefined) return ENGLISH;
  let rules = made.get(language);
  if (rules === undefined) made.set(language, (rules = rulesOf(language)));
  return rules;
}

/**
 * The word of `span` as a term is made of it under `rules`: with an elided article or pronoun cut off where the
 * language elides ("l'homme" → "homme", "dell'anno" → "anno", "qu'il" → "il"), else {@link wordText}.
 */
export function contentWordOf(rules: TermRules, text: string, span: WordSpan): string {
  const word = wordText(text, span);
  if (rules.elisions === undefined) return word;
  const prefix = elisionPrefix(text, span);
  return prefix !== undefined && rules.elisions.has(prefix) ? word.slice(prefix.length - 1) : word;
}

/** The term of a word under `rules`, or undefined for a stop word. */
export function termOf(rules: TermRules, word: string): string | undefined {
  return rules.isContentWord(word) ? rules.stem(word) : undefined;
}

/**
 * The parts of `natural` dedupe uses, loaded by deep path: natural's package index loads database clients
 * whose dotenv banners print to stdout, which would corrupt `--json` output.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(word: string): string;
}

const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;
const stopwordList = (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;

/** Longest word given to the stemmer: natural's Porter stemmer is regex-based and slows down worse than
 * quadratically on long words (a 4,000-letter hostile "word" took 0.2 s, a 1 MB one would never finish). */
export const MAX_STEM_LENGTH = 48;

/** Porter stem of a lowercase word; words longer than MAX_STEM_LENGTH are returned unchanged. */
export function porterStem(word: string): string {
  return word.length > MAX_STEM_LENGTH ? word : porter.stem(word);
}

/** natural's English stopword list. */
export const naturalStopwords: readonly string[] = stopwordList;

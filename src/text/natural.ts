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

/** Porter stem of a lowercase word. */
export function porterStem(word: string): string {
  return porter.stem(word);
}

/** natural's English stopword list. */
export const naturalStopwords: readonly string[] = stopwordList;

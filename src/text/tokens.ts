/**
 * Word tokens by char-code scanning (no regular expressions on the hot path), and the content terms
 * (stopwords removed, Porter-stemmed) that TF-IDF and fact alignment work on.
 */
import { naturalStopwords, porterStem } from './natural.js';
import { isCapitalizedAt, isDigit, nextWord, wordText, WordSpan } from './words.js';

export interface Token {
  /** Lowercase, apostrophes removed ("shi'ite" → "shiite"), possessive "'s" dropped. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** First letter is upper case in the original text. */
  readonly capitalized: boolean;
}

const span = new WordSpan();

/**
 * Split text into word tokens (the rules are in ./words.ts). Hyphens and other punctuation separate words; an
 * apostrophe between letters joins them; "1,200" and "5.00" stay one token.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (nextWord(text, i, span)) {
    i = span.end;
    tokens.push({ word: wordText(text, span), start: span.start, end: i, capitalized: isCapitalizedAt(text, span.start) });
  }
  return tokens;
}

/** How many words `text` has, counting no further than `atMost`: "has it two words?" without building tokens. */
export function countWords(text: string, atMost: number): number {
  let count = 0;
  for (let i = 0; count < atMost && nextWord(text, i, span); count++) i = span.end;
  return count;
}

const EXTRA_STOPWORDS = [
  'said', 'says', 'say', 'saying', 'told', 'tell', 'according', 'also', 'will', 'just', 'yet', 'however',
  'although', 'though', 'even', 'may', 'per', 'via', 'upon', 'within', 'without', 'across', 'among', 'around',
  'against', 'along', 'onto', 'toward', 'towards', 'whether', 'mr', 'mrs', 'ms', 'us', 'i', 'a', 'not', 'no',
  'one', 'its', 'it', 'can', 'could', 'who', 'got', 'get', 'ago', 'around', 'about', 'de',
];

export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, ...EXTRA_STOPWORDS]);

/**
 * Words news outlets use interchangeably for the same event, mapped to one term so that "attacked a
 * regime-held area" and "stormed a government-held area" share their terms. Keys are Porter stems.
 * Deliberately short: a synonym that is not one everywhere would merge different facts.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    captur: 'seiz', storm: 'attack', assault: 'attack', regim: 'govern', began: 'launch', begin: 'launch',
    start: 'launch', insurg: 'rebel', militant: 'rebel', detain: 'arrest', wound: 'injur', hurt: 'injur',
    die: 'kill', dead: 'kill', death: 'kill', tremor: 'earthquak', quak: 'earthquak', troop: 'soldier',
    blast: 'explos', explod: 'explos', vehicl: 'car', nation: 'countri',
  }),
);

const stemCache = new Map<string, string>();

/** Porter stem, memoised (news vocabularies repeat heavily). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = isDigit(word.charCodeAt(0)) ? word.replace(/,/g, '') : porterStem(word);
    s = SYNONYMS.get(s) ?? s;
    if (stemCache.size < 500_000) stemCache.set(word, s);
  }
  return s;
}

/** True when a token carries content: not a stopword, not a single character. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

/** The stemmed content terms of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  let i = 0;
  while (nextWord(text, i, span)) {
    i = span.end;
    const word = wordText(text, span);
    if (isContentWord(word)) terms.push(stem(word));
  }
  return terms;
}

/**
 * Word tokens by char-code scanning (no regular expressions on the hot path), and the content terms
 * (stopwords removed, Porter-stemmed) that TF-IDF and fact alignment work on.
 */
import { naturalStopwords, porterStem } from './natural.js';

export interface Token {
  /** Lowercase, apostrophes removed ("shi'ite" → "shiite"), possessive "'s" dropped. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** First letter is upper case in the original text. */
  readonly capitalized: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for a letter or digit; ASCII fast path, Unicode classes beyond. */
export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (code === 0x2019 || code === 0x2018) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/**
 * Split text into word tokens. Hyphens and other punctuation separate words; an apostrophe between letters
 * joins them; "1,200" and "5.00" stay one token.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let word = '';
    let segment = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        i++;
        continue;
      }
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const prev = text.charCodeAt(i - 1);
      if ((c === 44 || c === 46) && isDigit(prev) && isDigit(next)) {
        i++;
        continue;
      }
      if (isApostrophe(c) && isWordChar(next) && !isDigit(prev)) {
        word += text.slice(segment, i);
        const afterNext = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        if ((next === 115 || next === 83) && !isWordChar(afterNext)) {
          i += 2;
          segment = i;
          break;
        }
        i++;
        segment = i;
        continue;
      }
      break;
    }
    word += text.slice(segment, i);
    const first = text.charCodeAt(start);
    const capitalized = first >= 65 && first <= 90 ? true : first >= 128 && text[start] !== text[start]?.toLowerCase();
    if (word.length > 0) tokens.push({ word: word.toLowerCase(), start, end: i, capitalized });
  }
  return tokens;
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
  for (const t of tokenize(text)) {
    if (isContentWord(t.word)) terms.push(stem(t.word));
  }
  return terms;
}

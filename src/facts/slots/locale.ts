/**
 * How values are written in an article's language when it is not English: the decimal comma and the thousands dot
 * or space ("1.200,5", "1 200"), the day before the month ("27. November", "27 novembre", "27 de noviembre",
 * "27/11/2026"), and the language's month, weekday, scale, percent and qualifier words, stop words and stemmer.
 * English articles have no rules here (undefined): they are read by the English finders exactly as before. Only
 * German has number words ("zwölf", "zweihundertfünfzig"), a bare hour ("14 Uhr") and dotted dates ("27.11.2026");
 * French, Spanish, Italian, Dutch, Portuguese, Swedish and Norwegian have what falls out of their word lists.
 */
import type { Language } from '../../text/language.js';
import { termRules } from '../../text/term-rules.js';
import { germanNumber } from './german-numbers.js';
import { LOCALE_WORDS, type LocaleWords } from './locale-words.js';

export interface ValueRules extends LocaleWords {
  readonly language: Language;
  /** Whether a lower-case word is a stop word of the language (or one character long). */
  isStop(word: string): boolean;
  /** The language's stemmer (natural's Snowball one, as its terms are made). */
  stem(word: string): string;
  /** The value of a number word ("zwölf", "einundzwanzig"), or undefined. */
  numberWord(word: string): number | undefined;
  /** The stems of {@link LocaleWords.spans}. */
  readonly spanStems: ReadonlySet<string>;
}

const made = new Map<Language, ValueRules>();

/** The value rules of `language`; undefined for English (and languages read with English conventions). */
export function valueRules(language: Language | undefined): ValueRules | undefined {
  if (language === undefined) return undefined;
  const words = LOCALE_WORDS[language];
  if (words === undefined) return undefined;
  let rules = made.get(language);
  if (rules === undefined) {
    const terms = termRules(language);
    const stems = new Map<string, string>();
    rules = {
      ...words,
      language,
      isStop: (w) => !terms.isContentWord(w),
      stem(w) {
        let s = stems.get(w);
        if (s === undefined) {
          s = w.length > 30 ? w : terms.stem(w);
          if (stems.size < 50_000) stems.set(w, s);
        }
        return s;
      },
      numberWord: language === 'de' ? germanNumber : () => undefined,
      spanStems: new Set(words.spans.map((w) => terms.stem(w))),
    };
    made.set(language, rules);
  }
  return rules;
}

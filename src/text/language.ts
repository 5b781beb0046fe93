/**
 * Which language an article is written in, from the function words of its first {@link DETECT_WORDS} words: each
 * language's most frequent short words (articles, prepositions, pronouns, auxiliaries) are counted, and the article
 * is English unless another language has at least {@link MIN_HITS} hits and {@link FOREIGN_RATIO} times as many as
 * English. English wins ties and short texts, so an English article that quotes "der Spiegel" or names "Los
 * Angeles" stays English, and only an article written in another language is treated as one. Approximate: close
 * languages (Norwegian and Danish, Spanish and Catalan) are not told apart beyond these lists.
 */
import { JOINED, nextWord, wordText, WordSpan } from './words.js';
import { MISS, WordCache } from './word-cache.js';

/** The languages detected, as ISO 639-1 codes. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'no'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Words read from the start of an article. */
export const DETECT_WORDS = 200;
/** Hits another language needs at least. */
export const MIN_HITS = 5;
/** How many times English's hits another language needs at least. */
export const FOREIGN_RATIO = 2;

/**
 * Each language's most frequent function words (lower case). An elided article or pronoun ("l'", "d'", "qu'") is
 * written with its apostrophe: it is matched against the part of a word before its apostrophe (see
 * {@link elisionPrefix}). A word may be in several lists and then counts for each.
 */
export const FUNCTION_WORDS: Readonly<Record<Language, string>> = {
  en: 'the of and to in is that for it was on with as by he at from his are be this have has had were an not but they which or their been who will would after its there when more also than we out about up into her she him them what can could over other all',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei seit unter gegen sagte vom kann schon wurden',
  fr: "le la les de des du et en un une est que qui dans pour pas par sur au aux plus il elle ne se sont ce cette avec ont été mais ou leur son sa ses nous vous ils comme après entre sans aussi être dont très selon depuis contre déjà tout tous l' d' qu' n' s' c'",
  es: 'el la los las de del y en que a por con para una un es se su sus al lo como más pero fue ha le ya o este esta entre cuando muy sin sobre también hasta hay donde desde todo nos durante ante ellos según tras fueron han',
  it: "il lo la i gli le di del della dei delle e che in un una per con non si è da al alla nel nella sono ha anche come più ma questo questa dopo tra stato stata essere ancora hanno sul sulla degli loro l' dell' all' nell' un' d'",
  pt: 'o a os as de do da dos das e em no na nos nas um uma para com não que se por mais foi ao pelo pela à como mas também ser está são há ele ela seu sua quando muito já sobre até depois ainda entre sem aos isso foram tem pelos',
  nl: 'de van het een en in is dat op te zijn voor met die niet aan er om ook als bij door maar worden wordt naar dan nog uit werd over tot ze zich hij heeft hebben meer kan deze wel geen moet waar wat omdat haar',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer får finns vara hade alla andra än här sedan',
  no: 'og i det som en på er av for til med at den har de ikke et om han var jeg seg men fra vi så kan skal etter vil eller ble hadde også mot blir sier hun dette over når ut noe bare da nå inn mange alle ved sin være enn hva',
};

/** Each listed word → the languages it is a function word of, one bit each (bit k: LANGUAGES[k]). */
const LANGUAGES_OF = new Map<string, number>();
LANGUAGES.forEach((language, k) => {
  for (const w of FUNCTION_WORDS[language].split(' ')) LANGUAGES_OF.set(w, (LANGUAGES_OF.get(w) ?? 0) | (1 << k));
});

/**
 * The elided word before a joining apostrophe, with the apostrophe ("l'" of "l'homme", "dell'" of "dell'anno",
 * "qu'" of "qu'il"), when the span's word has one and the part before it is at most five letters; else undefined.
 */
export function elisionPrefix(text: string, span: WordSpan): string | undefined {
  if ((span.flags & JOINED) === 0) return undefined;
  for (let i = span.start + 1; i < span.end && i <= span.start + 5; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 0x2019) return `${text.slice(span.start, i).toLowerCase()}'`;
  }
  return undefined;
}

const span = new WordSpan();
/**
 * The function words that are plain (ASCII, no apostrophe: see word-cache.ts) → their languages, looked up by the
 * hash the scanner works out, without cutting any word out of the text; the rest are looked up in
 * {@link LANGUAGES_OF} by their string. Filled once and never added to: a word it does not hold is no function word.
 */
const plainWords = new WordCache(0);
for (const [word, bits] of LANGUAGES_OF) {
  if (nextWord(word, 0, span) && span.end === word.length && WordCache.plain(span)) plainWords.set(word, span, bits);
}

/** The languages the word in `span` is a function word of (bits as in {@link LANGUAGES_OF}). */
function languagesOf(text: string, span: WordSpan): number {
  if (WordCache.plain(span)) {
    const bits = plainWords.get(text, span);
    return bits === MISS ? 0 : bits;
  }
  let bits = LANGUAGES_OF.get(wordText(text, span)) ?? 0;
  const prefix = elisionPrefix(text, span);
  if (prefix !== undefined) bits |= LANGUAGES_OF.get(prefix) ?? 0;
  return bits;
}

/** How many function words of each language (in {@link LANGUAGES} order) the first `maxWords` words of `texts` have. */
export function functionWordHits(texts: readonly string[], maxWords = DETECT_WORDS): Uint16Array {
  const hits = new Uint16Array(LANGUAGES.length);
  let words = 0;
  for (const text of texts) {
    for (let i = 0; words < maxWords && nextWord(text, i, span); i = span.end, words++) {
      // Function words are short: a long word is looked up by no one (and not cut out of the text), unless an
      // elided article leans on it ("l'assemblée").
      if (span.length > 8 && (span.flags & JOINED) === 0) continue;
      const bits = languagesOf(text, span);
      for (let k = 0; bits >> k !== 0; k++) if ((bits >> k) & 1) hits[k] = (hits[k] as number) + 1;
    }
    if (words >= maxWords) break;
  }
  return hits;
}

/**
 * A short text (a feed's one-sentence teaser) has too few function words for {@link MIN_HITS}: it is taken in the
 * other language when that one has at least this many hits, {@link SHORT_RATIO} times English's and twice any
 * other language's. Read as English, a German teaser was stemmed by other rules than its German article and no
 * longer joined its story (0.157 against 0.639).
 */
const MIN_SHORT_HITS = 3;
const SHORT_RATIO = 3;

/**
 * The language of the counts {@link functionWordHits} gives: the language other than English with the most hits
 * (the first in {@link LANGUAGES} order on a tie) when it has at least {@link MIN_HITS} and at least
 * {@link FOREIGN_RATIO} times English's, or, in a short text, the rule of {@link MIN_SHORT_HITS}; else English.
 */
export function languageOfHits(hits: ArrayLike<number>): Language {
  let best = 0;
  let top = 0;
  let second = 0;
  for (let k = 1; k < LANGUAGES.length; k++) {
    const h = hits[k] ?? 0;
    if (h > top) {
      second = top;
      top = h;
      best = k;
    } else if (h > second) second = h;
  }
  const english = hits[0] ?? 0;
  const clear = top >= MIN_HITS && top >= FOREIGN_RATIO * english;
  const short = top >= MIN_SHORT_HITS && top >= SHORT_RATIO * english && top >= 2 * second;
  return clear || short ? (LANGUAGES[best] as Language) : 'en';
}

/** The language of an article's texts (headline or sentences, in reading order): see the top of this file. */
export function detectLanguage(texts: readonly string[]): Language {
  return languageOfHits(functionWordHits(texts));
}

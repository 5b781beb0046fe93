/**
 * The country an article reports from, read from its dateline and lead: a small number an article (0: none), for
 * the story scan's country penalty (cluster/story-scan.ts). Two events of one kind on one day told in one wire
 * template ("QUITO, Ecuador (AP) — A landslide …" and "LIMA, Peru (Reuters) - A landslide …") share most of their
 * words; their countries are what tells them apart.
 *
 * The country is the dateline's, else that of the first place the lead names (its headline and first
 * {@link LEAD_TEXTS} − 1 sentences: a country, a capital or large city, a state or region; table in
 * country-table.ts). A demonym ("Turkish rescuers …") tells whose, not where: it can be an article's other country
 * (below), never the one it reports from.
 * Only the lead is read, where the place of the news is told; "aid from Peru reached Ecuador" reads Peru, so the
 * dateline comes first. Approximate: a lead that opens with a country the news is not in ("Washington condemned
 * …") reads that one, and places not in the table are not read at all (no country).
 */
import { DEMONYMS, NAMES, NOT_PLACES, PLACES } from './country-table.js';
import { datelineOf } from '../facts/slots/lead.js';
import { datelinePlace } from '../clean/stamps.js';

/** Texts of the lead read: the headline and the first three sentences (as cluster/teasers.ts reads a lead). */
export const LEAD_TEXTS = 4;

interface Phrase {
  /** Country id (1 + its place in {@link COUNTRY_CODES}); 0 for words that name no country ({@link NOT_PLACES}). */
  readonly id: number;
  /** A demonym: an article's other country only, never the one it reports from. */
  readonly weak: boolean;
}

/** The ISO 3166 codes of the table, in order: country id `k` is `COUNTRY_CODES[k - 1]`. */
export const COUNTRY_CODES: readonly string[] = [...new Set([...Object.keys(NAMES), ...Object.keys(PLACES), ...Object.keys(DEMONYMS)])].sort();

/** Runs of letters (and combining marks), in lower case: "U.S." is "u", "s"; "Ecuador's" is "ecuador", "s"; "Port-au-Prince" three. */
const LETTERS = /[\p{L}\p{M}]+/gu;

function wordsOf(text: string): string[] {
  return Array.from(text.matchAll(LETTERS), (m) => m[0].toLowerCase());
}

/**
 * The table's phrases by their words joined with spaces, and the most words of a phrase by its first word. A name
 * that ends in a full stop (an abbreviation: "Calif.", "U.S.") keeps it in its key, so that only the word followed by
 * one is read as it ("Mont." is Montana, "Mont Blanc" is not; "Conn." is Connecticut, "Conn" a surname).
 */
const PHRASES = new Map<string, Phrase>();
const REACH = new Map<string, number>();

function add(names: string, phrase: Phrase): void {
  for (const name of names.split('|')) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    const key = words.join(' ') + (name.endsWith('.') ? '.' : '');
    // A name of two countries would be read as whichever came last: the first stays (tests check there is none).
    if (!PHRASES.has(key)) PHRASES.set(key, phrase);
    REACH.set(words[0] as string, Math.max(REACH.get(words[0] as string) ?? 0, words.length));
  }
}

COUNTRY_CODES.forEach((code, k) => {
  for (const names of [NAMES[code], PLACES[code]]) if (names !== undefined) add(names, { id: k + 1, weak: false });
  const demonyms = DEMONYMS[code];
  if (demonyms !== undefined) add(demonyms, { id: k + 1, weak: true });
});
add(NOT_PLACES, { id: 0, weak: false });

/** The code of country id `id` ("EC"), undefined for 0 or an id out of range. */
export function countryCode(id: number): string | undefined {
  return id > 0 ? COUNTRY_CODES[id - 1] : undefined;
}

/** A text with no lower-case letter: a headline in capitals, where "US" is a word as often as a country. */
function inCapitals(text: string): boolean {
  return text === text.toUpperCase();
}

/** A word that opens with a capital ("Ecuador" of "Ecuador's"; not "Donald" of "McDonald"). */
const CAPITALISED = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*/gu;
/** From where a word ends: what separates it from the next, and the next word (sticky). */
const NEXT = /[^\p{L}\p{M}]+([\p{L}\p{M}]+)/uy;

/**
 * The places `text` names, in order: the longest phrase of the table at each capitalised word ("Papua New Guinea",
 * not "New Guinea"; "Washington Post", which names no country, not "Washington"). Only a capitalised word is
 * lower-cased and looked up (the regular expressions find them), and the words after it only when a phrase of the
 * table starts with it: the reader runs on the lead of every article.
 */
export function placesIn(text: string): Phrase[] {
  const out: Phrase[] = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m !== null; m = CAPITALISED.exec(text)) {
    const first = m[0].toLowerCase();
    const reach = REACH.get(first) ?? 0;
    if (reach === 0) continue;
    // The phrase's possible keys, one word more each, and where each ends.
    const keys = [first];
    const ends = [m.index + m[0].length];
    NEXT.lastIndex = ends[0] as number;
    for (let k = 1; k < reach; k++) {
      const next = NEXT.exec(text);
      if (next === null) break;
      keys.push(`${keys[k - 1] as string} ${(next[1] as string).toLowerCase()}`);
      ends.push(NEXT.lastIndex);
    }
    for (let n = keys.length; n >= 1; n--) {
      const key = keys[n - 1] as string;
      const end = ends[n - 1] as number;
      const phrase = (text.charCodeAt(end) === 46 ? PHRASES.get(`${key}.`) : undefined) ?? PHRASES.get(key);
      if (phrase === undefined || (key === 'us' && inCapitals(text))) continue;
      out.push(phrase);
      CAPITALISED.lastIndex = end;
      break;
    }
  }
  return out;
}

/** The country id of the first place `text` names (not a demonym), 0 when none. */
function firstPlace(text: string): number {
  for (const p of placesIn(text)) if (!p.weak && p.id > 0) return p.id;
  return 0;
}

/** What the reader reads of an article: its headline, sentences and the lines cleaning dropped (a dateline on its own line). */
export interface CountrySource {
  readonly title: string;
  readonly sentences: readonly { readonly text: string }[];
  readonly dropped?: readonly { readonly text: string }[];
}

/**
 * The article's countries, packed in one number: the country it reports from (see the top of this file) times
 * 65536, plus the next other country its dateline and lead name (0 for none of either): "Sudan bombs refugee camp in
 * South Sudan" is Sudan and South Sudan. A phrase that names no country (an outlet, a region of several) is passed
 * over. Read the parts with {@link mainCountry} and {@link otherCountry}.
 */
export function articleCountry(a: CountrySource): number {
  const first = a.sentences[0]?.text;
  const datelines = [...(a.dropped ?? []).flatMap((d) => datelinePlace(d.text) ?? []), ...(first === undefined ? [] : [datelineOf(first)])];
  const found: number[] = [];
  const take = (id: number): boolean => {
    if (id > 0 && !found.includes(id)) found.push(id);
    return found.length === 2;
  };
  for (const d of datelines) if (take(firstPlace(d))) break;
  const places = [a.title, ...a.sentences.slice(0, LEAD_TEXTS - 1).map((s) => s.text)].flatMap(placesIn);
  for (const p of places) if (!p.weak && take(p.id)) break;
  // A demonym tells whose, not where ("An Australian climber … on Mount Cook"): it is an article's other country
  // only, never the one it reports from.
  if (found.length > 0) for (const p of places) if (p.weak && take(p.id)) break;
  return (found[0] ?? 0) * 65536 + (found[1] ?? 0);
}

/** The country an article reports from, of its {@link articleCountry} (an id; 0: none). */
export function mainCountry(countries: number): number {
  return countries >>> 16;
}

/** The other country its lead names, of its {@link articleCountry} (an id; 0: none). */
export function otherCountry(countries: number): number {
  return countries & 0xffff;
}

/**
 * Whether two articles' {@link articleCountry} tell different places: each names a country, and none of one's two
 * is one of the other's ("Sudan bombs … in South Sudan" and "… camp in South Sudan was bombed" share South Sudan).
 */
export function differentCountries(a: number, b: number): boolean {
  const [a1, a2, b1, b2] = [mainCountry(a), otherCountry(a), mainCountry(b), otherCountry(b)];
  if (a1 === 0 || b1 === 0) return false;
  return a1 !== b1 && a1 !== b2 && (a2 === 0 || (a2 !== b1 && a2 !== b2));
}

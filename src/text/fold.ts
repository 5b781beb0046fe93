/**
 * Spellings without accents, for what a reader types (render/match.ts: `--match`, `--source`): "Petropolis" for
 * "Petrópolis", "Nunez" for "Núñez", and German's spelled-out umlauts, "Saalebruecke" for "Saalebrücke" and
 * "Strasse" for "Straße". Letters that are not a base letter and a mark (ø, æ, ł) stay as they are.
 */

const MARKS = /\p{M}/gu;
const UMLAUTS = /[äöüß]/g;
const SPELLED: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A lower-case word without its combining marks (NFD, marks dropped): "núñez" → "nunez". ASCII is returned as it is. */
export function withoutMarks(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word : word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** A lower-case word with German umlauts and ß spelled out, then without marks: "saalebrücke" → "saalebruecke". */
export function spelledOut(word: string): string {
  return withoutMarks(word.normalize('NFC').replace(UMLAUTS, (c) => SPELLED[c] ?? c));
}

/** Spellings already worked out, up to {@link CACHED} words: a text in Greek or Russian has every word beyond ASCII. */
const known = new Map<string, readonly string[]>();
const CACHED = 50_000;

/** The spellings a lower-case word is matched by: without marks, and with umlauts spelled out when it has any. */
export function spellings(word: string): readonly string[] {
  let s = known.get(word);
  if (s === undefined) {
    const bare = withoutMarks(word);
    const spelled = spelledOut(word);
    s = spelled === bare ? [bare] : [bare, spelled];
    if (known.size < CACHED) known.set(word, s);
  }
  return s;
}

/**
 * What a value is about, as far as its own clause tells: the stemmed content words (names included) within a few
 * words of it. Two sentences of one fact often carry several numbers of one unit about different things ("Charles
 * rushed for 226 yards while Hillis added 101 yards"; "injuring five people" / "killing one person"); comparing a
 * value only with one whose context shares a word keeps "226 yards" from disputing Hillis's "101 yards".
 */
import { MONTHS, SCALES, SMALL, STOP, TENS, WEEKDAYS } from './words.js';
import { stem, type Ctx } from './tokens.js';
import { STOPWORDS } from '../../text/tokens.js';

/** Word tokens looked at on each side of a value. */
const WINDOW = 4;

/** Words that start another clause: a value's context stops before them. */
const CLAUSE_BREAK = new Set('and but while whereas or after before when which who whom whose that because although though since until as'.split(' '));

/** Punctuation that does not end a value's context: inside a compound, a possessive, a currency or a percentage. */
const INSIDE = new Set(['-', '‐', '‑', "'", '’', '$', '£', '€', '%']);

/**
 * Stems that say the same of a figure, as news words it: a toll is "killed", "dead" or "deaths". Each maps to one
 * of them, so that "killed 230,000 people" and "left 220,000 people dead" are about the same thing.
 */
const SAME_SENSE = new Map<string, string>([
  ...['kill', 'dead', 'di', 'die', 'death', 'fatal', 'perish', 'toll', 'live'].map((w) => [w, 'die'] as const),
  ...['injur', 'injuri', 'wound', 'hurt'].map((w) => [w, 'injur'] as const),
  ...['arrest', 'detain', 'held'].map((w) => [w, 'arrest'] as const),
]);

/** Words of the qualifiers before a figure ("at least", "an estimated"): they say how sure it is, not what it counts. */
const QUALIFIERS = new Set('least most just nearly almost roughly approximately estimated exceeding upwards excess'.split(' '));

/** Whether a lower-cased word says nothing about what a value is about: a function word, a qualifier, a number word or a calendar word. */
function isEmptyWord(w: string): boolean {
  return STOP.has(w) || STOPWORDS.has(w) || QUALIFIERS.has(w) || SMALL.has(w) || TENS.has(w) || SCALES.has(w) || MONTHS.includes(w) || WEEKDAYS.includes(w);
}

/**
 * The context of the value on tokens `from`..`to`: the stems of the content words among the {@link WINDOW} word
 * tokens on each side, within its clause (punctuation or a clause word ends it), without `skip` (the stems of the
 * value's own unit words). Sorted, without repeats.
 */
export function valueContext(c: Ctx, from: number, to: number, skip: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  const walk = (start: number, step: 1 | -1): void => {
    let seen = 0;
    // Numbers and joining marks are passed over without counting as words; at most this many tokens are, so that a
    // sentence of a thousand numbers stays linear.
    const end = start + step * WINDOW * 4;
    for (let k = start; k >= 0 && k < c.toks.length && seen < WINDOW && k !== end; k += step) {
      const t = c.toks[k];
      if (t === undefined) break;
      if (t.kind === 'punct') {
        if (INSIDE.has(t.text)) continue;
        break;
      }
      if (t.kind === 'num') continue;
      if (CLAUSE_BREAK.has(t.lower)) break;
      seen++;
      if (isEmptyWord(t.lower) || t.lower.length > 30) continue;
      const s = stem(t.lower);
      // A name (a capitalised word: at the start of a sentence, most often its subject) is marked: it says whom a figure is about, not what.
      if (!skip.has(s)) words.add(t.cap ? `${NAME_MARK}${s}` : (SAME_SENSE.get(s) ?? s));
    }
  };
  walk(from - 1, -1);
  walk(to + 1, 1);
  return [...words].sort();
}

/** The stems of a unit's words as written ("air raids" → air, raid), left out of its number's context. */
export function unitStems(unitText: string | undefined, unit: string | undefined): Set<string> {
  const out = new Set<string>();
  if (unit !== undefined) out.add(unit.replace(/^-/, ''));
  for (const w of (unitText ?? '').toLowerCase().split(/[\s‐‑-]+/)) if (w !== '') out.add(stem(w));
  return out;
}

/** Marks a name's stem in a context (sorts before any lower-case letter). */
const NAME_MARK = '^';

const isName = (w: string): boolean => w.startsWith(NAME_MARK);

/**
 * Whether two values may be about the same thing: their contexts share a word other than a name, or one of them
 * has none to tell; sharing only a name (whom the figure is about) counts only when one side says nothing else
 * ("Bush played in 10 games" and "Bush ... missed four games" share Bush, but not what the games were).
 */
export function sameContext(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === undefined || y === undefined || x.length === 0 || y.length === 0) return true;
  let i = 0;
  let j = 0;
  let names = false;
  while (i < x.length && j < y.length) {
    const a = x[i] as string;
    const b = y[j] as string;
    if (a === b) {
      if (!isName(a)) return true;
      names = true;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return names && (x.every(isName) || y.every(isName));
}

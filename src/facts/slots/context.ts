/**
 * What a value is about, as far as its own clause tells: the stemmed content words (names included) within a few
 * words of it. Two sentences of one fact often carry several numbers of one unit about different things ("Charles
 * rushed for 226 yards while Hillis added 101 yards"; "injuring five people" / "killing one person"); comparing a
 * value only with one whose context shares a word keeps "226 yards" from disputing Hillis's "101 yards".
 */
import { MONTHS, SCALES, SMALL, STOP, TENS, WEEKDAYS } from './words.js';
import { stem, type Ctx } from './tokens.js';
import { STOPWORDS } from '../../text/tokens.js';
import type { ValueRules } from './locale.js';

/**
 * Prepositions that, after a value, open where or when it was counted, not what it counts: "nine points in the
 * top-ranked Tar Heels' game", "170,000 people in the province". Words after them are the value's scope.
 */
const SETTING = new Set('in on at during across around throughout against near inside outside amid'.split(' '));

/** Word tokens looked at on each side of a value. */
const WINDOW = 4;
/** Word tokens looked at after a {@link SETTING} preposition. */
const SCOPE_WORDS = 3;

/** Words that start another clause: a value's context stops before them. */
export const CLAUSE_BREAK = new Set('and but while whereas or after before when which who whom whose that because although though since until as'.split(' '));

/** Clause words that are determiners right after a preposition: "in that stretch". */
const DETERMINERS = new Set(['that']);

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
  // Passengers "on board", "aboard", or that a ship or plane is "carrying".
  ...['board', 'aboard', 'carri'].map((w) => [w, 'aboard'] as const),
  ...['earthquak', 'quak', 'tremor', 'temblor'].map((w) => [w, 'quak'] as const),
]);

/**
 * The senses above that say which of a group of people a count is: the dead, the injured, the arrested, those on
 * board. Two counts that each say one and not the other's are not of the same people, whatever else their
 * contexts share: "the quake killed 41" and "the quake injured 39".
 */
const PEOPLE_SENSES: ReadonlySet<string> = new Set(['die', 'injur', 'arrest', 'aboard']);

/** Words of the qualifiers before a figure ("at least", "an estimated"): they say how sure it is, not what it counts. */
const QUALIFIERS = new Set('least most just nearly almost roughly approximately estimated exceeding upwards excess'.split(' '));

/** Whether a lower-cased word says nothing about what a value is about: a function word, a qualifier, a number word or a calendar word. */
function isEmptyWord(w: string): boolean {
  return STOP.has(w) || STOPWORDS.has(w) || QUALIFIERS.has(w) || SMALL.has(w) || TENS.has(w) || SCALES.has(w) || MONTHS.includes(w) || WEEKDAYS.includes(w);
}

/** The same in a language of `rules`: its stop words, number, scale and calendar words and qualifiers. */
function isEmptyLocalWord(w: string, rules: ValueRules): boolean {
  return rules.isStop(w) || rules.bounds.has(w) || rules.numberWord(w) !== undefined || rules.scales.has(w) || rules.months.has(w) || rules.weekdays.has(w);
}

/** What a value is about (`context`) and where or when it was counted (`scope`): sorted stems, without repeats. */
export interface ValueContext {
  readonly context: string[];
  readonly scope: string[];
  /** The names in `context` that may say whom the value is of: not the sentence's first word, not a place ("in Aceh"). */
  readonly subject: string[];
}

/** Prepositions before a name that make it a place or a time, not whom a figure is of: "in Aceh", "on Amber". */
const PLACE_BEFORE = new Set('in on at of from near to across around into toward towards against over throughout inside outside via'.split(' '));

/** Whether the capitalised word at token k is the sentence's first word or a place: after a preposition, directly or through a name ("in Central Aceh"). */
function notSubject(c: Ctx, k: number): boolean {
  let j = k;
  while (j > 0 && j > k - 4 && c.toks[j - 1]?.kind === 'word' && c.toks[j - 1]?.cap === true) j--;
  return k === 0 || PLACE_BEFORE.has(c.toks[j - 1]?.lower ?? '');
}

/**
 * The context of the value on tokens `from`..`to`: the stems of the content words among the {@link WINDOW} word
 * tokens on each side, within its clause (punctuation or a clause word ends it), without `skip` (the stems of the
 * value's own unit words). Words after it that follow a {@link SETTING} preposition are its scope instead.
 */
export function valueContext(c: Ctx, from: number, to: number, skip: ReadonlySet<string>): ValueContext {
  const words = new Set<string>();
  const scope = new Set<string>();
  const subject = new Set<string>();
  const rules = c.rules;
  const walk = (start: number, step: 1 | -1): void => {
    let into = words;
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
      if (rules !== undefined ? rules.clauseBreak.has(t.lower) : CLAUSE_BREAK.has(t.lower) && !(step === 1 && DETERMINERS.has(t.lower) && SETTING.has(c.toks[k - 1]?.lower ?? ''))) break;
      // After a preposition "that" is a determiner ("in that stretch"), not the start of a clause.
      seen++;
      // "on board" says who the passengers are, not where they were counted.
      if (step === 1 && into === words && (rules?.setting ?? SETTING).has(t.lower) && !(t.lower === 'on' && c.toks[k + 1]?.lower === 'board')) {
        // The setting's own words are looked at however far the value's window had got: "in Takengon".
        into = scope;
        seen = Math.min(seen, WINDOW - SCOPE_WORDS);
        continue;
      }
      if ((rules === undefined ? isEmptyWord(t.lower) : isEmptyLocalWord(t.lower, rules)) || t.lower.length > 30) continue;
      const s = rules === undefined ? stem(t.lower) : rules.stem(t.lower);
      // A name (a capitalised word: at the start of a sentence, most often its subject) is marked: it says whom a figure is about, not what.
      // In German every noun is capitalised: no word of the context is taken for a name there; one of the scope
      // is taken for a place ("in Passau", "in der Altstadt"), so that counts of two places are not compared.
      if (skip.has(s)) continue;
      const name = t.cap && (rules?.capsAreNames !== false || into === scope);
      into.add(name ? `${NAME_MARK}${s}` : ((rules?.sameSense ?? SAME_SENSE).get(s) ?? s));
      if (name && into === words && !notSubject(c, k)) subject.add(`${NAME_MARK}${s}`);
    }
  };
  walk(from - 1, -1);
  walk(to + 1, 1);
  return { context: [...words].sort(), scope: [...scope].sort(), subject: [...subject].sort() };
}

/** The stems of a unit's words as written ("air raids" → air, raid), left out of its number's context. */
export function unitStems(unitText: string | undefined, unit: string | undefined, rules?: ValueRules): Set<string> {
  const out = new Set<string>();
  if (unit !== undefined) out.add(unit.replace(/^-/, ''));
  for (const w of (unitText ?? '').toLowerCase().split(/[\s‐‑-]+/)) if (w !== '') out.add(rules === undefined ? stem(w) : rules.stem(w));
  return out;
}

/** Marks a name's stem in a context (sorts before any lower-case letter). */
export const NAME_MARK = '^';

export const isName = (w: string): boolean => w.startsWith(NAME_MARK);

/**
 * Whether two values may be about the same thing: their contexts share a word other than a name, or one of them
 * has none to tell; sharing only a name (whom the figure is about) counts only when one side says nothing else
 * ("Bush played in 10 games" and "Bush ... missed four games" share Bush, but not what the games were).
 */
export function sameContext(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === undefined || y === undefined || x.length === 0 || y.length === 0) return true;
  return sharedWord(x, y) && !otherPeople(x, y);
}

/** Whether two contexts each name one of {@link PEOPLE_SENSES} and none in common: "killed" and "injured". */
function otherPeople(x: readonly string[], y: readonly string[]): boolean {
  const sx = x.filter((w) => PEOPLE_SENSES.has(w));
  const sy = y.filter((w) => PEOPLE_SENSES.has(w));
  return sx.length > 0 && sy.length > 0 && !sx.some((w) => sy.includes(w));
}

/**
 * Whether two values may have been counted in the same place or setting: either says none, the two share a word,
 * or neither names a place ("in the quake" and "in the earthquake" are one setting in other words). A count for
 * one place does not dispute a count for another: "five people in Takengon" and "200 people in Aceh", "170,000
 * people in the province" and "230,000 people in 14 countries".
 */
export function sameScope(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === undefined || y === undefined || x.length === 0 || y.length === 0) return true;
  const plain = new Set(x.map((w) => w.replace(NAME_MARK, '')));
  return y.some((w) => plain.has(w.replace(NAME_MARK, ''))) || !(x.some(isPlace) || y.some(isPlace));
}

/** Nouns that name a kind of place ("in the province", "in 14 countries"): a scope with one says where. */
const PLACE_NOUNS = 'province country region state city town village district capital county island area neighborhood neighbourhood';
let placeStems: ReadonlySet<string> | undefined;

/** Whether a scope word names a place: a name, or a noun of a kind of place. */
function isPlace(w: string): boolean {
  placeStems ??= new Set(PLACE_NOUNS.split(' ').map(stem));
  return isName(w) || placeStems.has(w);
}

/** Sorted word lists that share a word other than a name, or share names while one of them is all names. */
function sharedWord(x: readonly string[], y: readonly string[]): boolean {
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

/**
 * Whether a value said of someone named (`subject`: "Jamaal Charles rushed for 226 yards" is said of Charles) may
 * be disputed by a value of a sentence that names `others` after its first word, `lead`: not when that sentence
 * names people or places of its own, that the value's sentence (`own`: its names) does not, and neither they nor its
 * first word are this one ("Peyton Hillis added 101 yards for the Chiefs, who had 352 yards"). A sentence that names
 * no one after its first word ("He rushed for 206 yards"), or only whom and where the value's sentence names too ("A
 * CalMac ferry carrying 120 passengers ran aground near Uig" / "A ferry carrying 12 passengers ran aground near
 * Uig"), names no one else, and may be about anyone.
 */
export function sameSubject(subject: readonly string[] | undefined, others: readonly string[] | undefined, lead: string | undefined, own?: readonly string[]): boolean {
  if (subject === undefined || subject.length === 0 || others === undefined || others.length === 0) return true;
  if (subject.some((w) => w === lead || others.includes(w))) return true;
  return own !== undefined && others.every((w) => own.includes(w));
}

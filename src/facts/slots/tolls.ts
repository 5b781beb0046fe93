/**
 * Tolls: counts of the dead or of the injured, however news writes them. "The death toll has risen to 41",
 * "officials put the death toll at 41", "the number of dead stands at 41", "the quake killed 41", "killing 41",
 * "41 dead", "41 deaths", "41 were killed", "41 have died" and "41 people were killed" all count the dead;
 * "injuring 1,600", "1,600 injured" and "1,600 people were injured" count the injured. Such a count is given the
 * dead or the injured as its unit, so that it is compared with the other tolls of its fact and never with a count
 * of the injured, nor with people counted otherwise ("30 people were rescued"); and the sense among the words of
 * its context, so that "the death toll … has risen to 41" is about what "killing 42 people" is about.
 */
import { CLAUSE_BREAK } from './context.js';
import { lowerAt, stem, type Ctx } from './tokens.js';
import type { Slot } from '../../types.js';

/** The senses of a toll, as context.ts writes them: the stems SAME_SENSE maps the words of death and injury to. */
export type TollSense = 'die' | 'injur';

/** Words that tell people were killed or died, around a count of them: "killed 41", "41 dead", "41 have died". */
const DEATH_WORDS = new Set('killed killing kills kill dead died dies perished drowned'.split(' '));
/** Words that tell people were injured. */
const INJURY_WORDS = new Set('injured injuring injures injure wounded wounding wounds wound hurt hurting'.split(' '));
/** The stems of the nouns a count may stand before that name no people but their death or injury ("41 dead", "41 deaths", "41 injuries"). */
const SENSE_UNITS = new Map<string, TollSense>([
  ...['dead', 'di', 'die', 'kill', 'death', 'fatal', 'perish', 'drown'].map((w) => [w, 'die'] as const),
  ...['injur', 'injuri', 'wound', 'hurt'].map((w) => [w, 'injur'] as const),
]);
/** The stems of the nouns that count people ("people", "person"), whose count a toll's words may tell the sense of. */
const PEOPLE_UNITS = new Set(['peopl']);

/** The unit of a toll of each sense: the stems "41 dead" and "41 injured" have. */
export const TOLL_UNIT: Readonly<Record<TollSense, string>> = { die: 'dead', injur: 'injur' };
/** Qualifiers and bounds passed over between a count and the words before it: "killed at least 41", "rose to an estimated 41". */
const QUALIFIERS = new Set('about around some nearly almost more than over only just an estimated roughly approximately fewer less as many'.split(' '));
/** Two-word qualifiers, by their last word, whose first word is also a link ("at", "to", "of") or a word of its own: "at least", "up to", "upwards of", "no fewer than". */
const QUALIFIER_PAIRS = new Map([
  ['least', 'at'],
  ['most', 'at'],
  ['to', 'up'],
  ['of', 'upwards'],
  ['fewer', 'no'],
]);
/** Words passed over between a count and the word after it that tells its sense: "41 were killed", "41 have now been confirmed dead". */
const AUXILIARIES = new Set('were was are is have has had been being now reportedly also feared believed confirmed reported already all'.split(' '));
/** Words that link a toll to its figure: "rose to 41", "put the death toll at 41", "a death toll of 41", "the toll is 41". */
const LINKS = new Set('to at of is was stood stands reached reaches hit hits topped passed exceeded surpassed'.split(' '));
/** Tokens looked back over, from a figure to the toll it is the figure of: "The death toll from a powerful earthquake in eastern Turkey has risen to 41". */
const TOLL_REACH = 14;

function sense(word: string): TollSense | undefined {
  return DEATH_WORDS.has(word) ? 'die' : INJURY_WORDS.has(word) ? 'injur' : undefined;
}

/**
 * The sense of the toll a count starting at token `first` is, or undefined when it is none. `unit` is the stem of
 * the noun found after the count, if any: a count of another noun ("41 sheep", "41 soldiers") is left as it is.
 * `end` is the count's last token, or its unit's.
 */
export function tollSense(c: Ctx, first: number, end: number, unit: string | undefined): TollSense | undefined {
  if (unit !== undefined && !PEOPLE_UNITS.has(unit)) return SENSE_UNITS.get(unit);
  let k = first - 1;
  for (;;) {
    const w = lowerAt(c, k);
    const pair = QUALIFIER_PAIRS.get(w);
    if (pair !== undefined && lowerAt(c, k - 1) === pair) k -= 2;
    else if (QUALIFIERS.has(w) && c.toks[k]?.kind === 'word') k--;
    else break;
  }
  // "killed 41", "killing at least 41", "wounding 1,600".
  const verb = sense(lowerAt(c, k));
  if (verb !== undefined) return verb;
  // "41 were killed", "41 dead", "41 people have been confirmed dead".
  let j = end + 1;
  while (AUXILIARIES.has(lowerAt(c, j))) j++;
  const after = sense(lowerAt(c, j));
  if (after !== undefined) return after;
  if (lowerAt(c, j) === 'lost' && lowerAt(c, j + 2) === 'lives') return 'die';
  return LINKS.has(lowerAt(c, k)) ? tollBefore(c, k - 1) : undefined;
}

/** Words that open a relative clause about the noun before them: "the landslide that buried homes", "the quake, which struck at dawn,". */
const RELATIVES = new Set(['that', 'which', 'who']);

/**
 * The start of a relative clause that ends at token `k`, a comma, going back: "…, which buried homes in central
 * Peru," (its opening comma), or -1 when none ends there. Its words are no clause of the toll's own.
 */
function relativeBefore(c: Ctx, k: number): number {
  for (let j = k - 1; j >= 0 && j > k - TOLL_REACH; j--) {
    const t = c.toks[j];
    if (t === undefined || t.kind === 'punct') return -1;
    if (RELATIVES.has(t.lower)) return c.toks[j - 1]?.text === ',' ? j - 1 : -1;
  }
  return -1;
}

/**
 * The sense of a toll named in the clause before token `from`, going back: "death toll", "toll", "death count",
 * "body count", "the number of dead", "the number of people killed", "the number of injured". Undefined at
 * punctuation, at a word that starts another clause, or after {@link TOLL_REACH} tokens. A relative clause between
 * the toll and its verb is passed over, its words not counted: "The death toll from a landslide that buried homes
 * in central Peru rose to 19", "The death toll from the quake, which struck at dawn, rose to 41".
 */
function tollBefore(c: Ctx, from: number): TollSense | undefined {
  let reach = TOLL_REACH;
  // One relative clause is passed over, no more.
  let crossed = false;
  for (let k = from; k >= 0 && reach > 0; k--, reach--) {
    const t = c.toks[k];
    if (t === undefined) return undefined;
    if (t.text === ',') {
      const open = crossed ? -1 : relativeBefore(c, k);
      if (open < 0) return undefined;
      crossed = true;
      reach += k - open + 1;
      k = open;
      continue;
    }
    if (t.kind === 'punct' && t.text !== '-' && t.text !== "'" && t.text !== '’') return undefined;
    // "a landslide that buried homes": the clause is about the noun before it, which may be the toll's.
    if (!crossed && RELATIVES.has(t.lower) && c.toks[k - 1]?.kind === 'word' && !CLAUSE_BREAK.has(lowerAt(c, k - 1))) {
      crossed = true;
      reach += from - k + 1;
      continue;
    }
    if (CLAUSE_BREAK.has(t.lower)) return undefined;
    const w = t.lower;
    if (w === 'toll' || w === 'tolls') return lowerAt(c, k - 1) === 'injury' ? 'injur' : 'die';
    if (w === 'count' && (lowerAt(c, k - 1) === 'death' || lowerAt(c, k - 1) === 'body')) return 'die';
    if (w === 'number' && lowerAt(c, k + 1) === 'of') {
      // "the number of dead", "the number of people killed", "the number of deaths", "the number of injured".
      for (let j = k + 2; j <= k + 3 && j < from + 1; j++) {
        const s = sense(lowerAt(c, j)) ?? SENSE_UNITS.get(stem(lowerAt(c, j)));
        if (s !== undefined) return s;
      }
      return undefined;
    }
  }
  return undefined;
}

/** `slot` with the sense of its toll among the words of its context, which may not reach the words that tell it. */
export function withSense(slot: Slot, sense: TollSense): Slot {
  const context = slot.context ?? [];
  return context.includes(sense) ? slot : { ...slot, context: [...context, sense].sort() };
}

/** Counted numbers, in digits or words, with the counted noun (their unit); ranges and numbers in names are dropped. */
import { CURRENCY, FILLER, IRREGULAR_PLURAL, MEASURE_UNITS, MEASURES, MONTHS, RANGE, SCALES, SMALL, STOP, TENS, UNIT_ALIAS, WEEKDAYS, WORD_UNIT } from './words.js';
import { emit, glued, hasHyphen, isWordAt, kmPerHour, lowerAt, opensAt, stem, type Ctx, type Tok } from './tokens.js';
import { meridiemAt } from './times.js';
import { isCountAt, isTally, partBefore, rateAfter, roleUnit, type Placed } from './number-roles.js';
import { localSpacedGroups, scaled, spacedGroups, splitDigits, splitLocalDigits } from './digits.js';
import { localBoundBefore, localUnitAfter, localWordsNumber, scaleEnd } from './local-numbers.js';
import { TOLL_UNIT, tollSense, withSense } from './tolls.js';
import type { Slot } from '../../types.js';

/** What a number counts: the stem it is compared by and the words that say it, as written ("air raids", "%"). */
interface Unit {
  readonly stem: string;
  /** Absent when the number's own text says it ("60m", "$4 million", "three-day"). */
  readonly text?: string;
  /** The last token of `text`, when there is one. */
  readonly end?: number;
  /** Counted as a part of a group ("46 of the wounded"): compared only with parts, as "including three" is. */
  readonly partitive?: boolean;
}

interface NumberCandidate {
  readonly value: string;
  readonly unit?: Unit;
  readonly first: number;
  /** Last token of the value itself (unit words excluded). */
  readonly last: number;
  /** Digits that belong to a name ("Route 6", "Linie 5"): no count, and its tokens are read as no other. */
  readonly name?: true;
}

/** A number word or "twenty-five" / "twenty five" at token k. */
function smallAt(c: Ctx, k: number): { n: number; last: number } | undefined {
  if (!isWordAt(c, k) || c.used[k] !== 0) return undefined;
  const w = lowerAt(c, k);
  const [tens, unit, extra] = (hasHyphen(w) ? w.split(/[‐‑-]/) : [w]) as [string, string | undefined, string | undefined];
  const t = TENS.get(tens);
  if (unit !== undefined) {
    const u = SMALL.get(unit);
    return t !== undefined && u !== undefined && u < 10 && extra === undefined ? { n: t + u, last: k } : undefined;
  }
  const next = t === undefined ? undefined : SMALL.get(lowerAt(c, k + 1));
  if (t !== undefined && next !== undefined && next < 10) return { n: t + next, last: k + 1 };
  const n = t ?? SMALL.get(w);
  return n === undefined ? undefined : { n, last: k };
}

/** Fractions that take a scale: "half a million", "a quarter of a million". */
const FRACTIONS = new Map([
  ['half', 0.5],
  ['quarter', 0.25],
]);

/**
 * "half a million", "a half million", "a quarter of a million", "quarter of a billion" at token i: the fraction of
 * a thousand, million, billion or trillion. Undefined for anything else ("half a dozen" is vague, "half the town"
 * no count).
 */
function fractionOfScale(c: Ctx, i: number): { value: string; last: number } | undefined {
  let k = i;
  if (lowerAt(c, k) === 'a' || lowerAt(c, k) === 'an') k++;
  const fraction = FRACTIONS.get(lowerAt(c, k));
  if (fraction === undefined) return undefined;
  k++;
  if (lowerAt(c, k) === 'of') k++;
  if (lowerAt(c, k) === 'a' || lowerAt(c, k) === 'an') k++;
  const scale = SCALES.get(lowerAt(c, k));
  if (scale === undefined || lowerAt(c, k) === 'bn') return undefined;
  return { value: String(fraction * 10 ** scale), last: k };
}

/**
 * "three", "twenty-five", "two hundred and fifty", "a dozen", "three million", "half a million" at token i. Starts only at "a", "an"
 * or a word smallAt takes (findNumbers skips every other word before calling it).
 */
function wordsNumber(c: Ctx, i: number): { value: string; last: number } | undefined {
  let k: number;
  let v: number;
  const w = lowerAt(c, i);
  const scaleNext = lowerAt(c, i + 1);
  const fraction = fractionOfScale(c, i);
  if (fraction !== undefined) return fraction;
  if ((w === 'a' || w === 'an') && (scaleNext === 'hundred' || scaleNext === 'dozen' || SCALES.has(scaleNext))) {
    // The rest of a fraction fractionOfScale did not take ("half a dozen": vague, not 12).
    const before = lowerAt(c, i - 1);
    if (FRACTIONS.has(before) || (before === 'of' && FRACTIONS.has(lowerAt(c, i - 2)))) return undefined;
    v = 1;
    k = i + 1;
  } else {
    const s = smallAt(c, i);
    if (s === undefined) return undefined;
    v = s.n;
    k = s.last + 1;
  }
  if (lowerAt(c, k) === 'hundred') {
    v *= 100;
    k++;
    const rest = smallAt(c, lowerAt(c, k) === 'and' ? k + 1 : k);
    if (rest !== undefined) {
      v += rest.n;
      k = rest.last + 1;
    }
  }
  // "two and a half million", "one and a half years".
  if (lowerAt(c, k) === 'and' && lowerAt(c, k + 1) === 'a' && lowerAt(c, k + 2) === 'half') {
    v += 0.5;
    k += 3;
  }
  const scale = SCALES.get(lowerAt(c, k));
  if (scale !== undefined && lowerAt(c, k) !== 'bn') {
    v *= 10 ** scale;
    k++;
  } else if (lowerAt(c, k) === 'dozen') {
    v *= 12;
    k++;
  }
  return k - 1 >= i && (k - 1 > i || w !== 'a') ? { value: String(v), last: k - 1 } : undefined;
}

function isPlural(w: string): boolean {
  return IRREGULAR_PLURAL.has(w) || (w.length > 2 && w.endsWith('s') && !/(ss|us|is)$/.test(w));
}

/** Tokens from..to as written, white space as one space, without a closing possessive "'s". */
function wording(c: Ctx, from: number, to: number): string {
  const last = c.toks[to] as Tok;
  const end = last.poss ? last.end - 2 : last.end;
  return c.text.slice((c.toks[from] as Tok).start, end).replace(/\s+/g, ' ');
}

/**
 * The counted noun after a number, Porter-stemmed: the first plural in a run of up to three content words
 * ("143 air raids" → "raid"), else the run's last word ("2 km east" → "km"). Undefined when a function word
 * follows ("one of the groups"), so such numbers are never compared. Its text runs from the run's first word
 * to the counted one ("air raids"), leaving out "more" and the like before it.
 */
export function unitAfter(c: Ctx, j: number): Unit | undefined {
  if (lowerAt(c, j) === '%') return { stem: 'percent', text: '%', end: j };
  if (lowerAt(c, j) === 'per' && lowerAt(c, j + 1) === 'cent') return { stem: 'percent', text: wording(c, j, j + 1), end: j + 1 };
  // "5.4 percent last month": the unit is the percent, not the last word of the run.
  if (lowerAt(c, j) === 'percent' || lowerAt(c, j) === 'pct') return { stem: 'percent', text: wording(c, j, j), end: j };
  while (FILLER.has(lowerAt(c, j)) && isWordAt(c, j)) j++;
  const run: number[] = [];
  for (let k = j; k < c.toks.length && run.length < 3; k++) {
    const t = c.toks[k] as Tok;
    const w = t.lower;
    if (t.kind !== 'word' || c.used[k] !== 0 || STOP.has(w) || SMALL.has(w) || TENS.has(w) || SCALES.has(w)) break;
    if (run.length > 0 && (t.cap || /(ed|ing|ly)$/.test(w))) break;
    if (w.length > 30 || MONTHS.includes(w) || WEEKDAYS.includes(w)) break;
    run.push(k);
    if (t.poss) break;
  }
  const measure = run[0] === undefined ? undefined : measureAt(c, j, run[0]);
  if (measure !== undefined) return measure;
  const pick = run.find((k) => isPlural(lowerAt(c, k))) ?? run[run.length - 1];
  if (pick === undefined) return undefined;
  const s = stem(lowerAt(c, pick));
  return { stem: WORD_UNIT.get(lowerAt(c, pick)) ?? UNIT_ALIAS.get(s) ?? s, text: wording(c, j, pick), end: pick };
}

/** Words after a measure that say which of its dimensions it is: "10 km deep" is no distance "55 km south". */
const DIMENSIONS = new Set(['deep', 'wide', 'long', 'high', 'tall', 'thick', 'below', 'above', 'underground', 'offshore', 'inland']);

/**
 * The unit of measure at token k, the first of a unit run from token j ({@link MEASURE_UNITS}: "mph", "metres",
 * "acres"), by itself: the words after it say when or where, not what ("61 mph overnight"); "km/h" is one unit.
 * Undefined before a word of a dimension ("10 km deep"), whose run is read as any other.
 */
function measureAt(c: Ctx, j: number, k: number): Unit | undefined {
  const s = stem(lowerAt(c, k));
  const unit = UNIT_ALIAS.get(s) ?? s;
  if (!MEASURE_UNITS.has(unit) || DIMENSIONS.has(lowerAt(c, k + 1))) return undefined;
  if (unit === 'km' && kmPerHour(c, k)) return { stem: 'kmh', text: wording(c, j, k + 2), end: k + 2 };
  return { stem: unit, text: wording(c, j, k), end: k };
}

/**
 * The counted noun of a partitive count, "46 of the wounded", "two of the victims", "46 of the 212 passengers": a
 * part of a group the sentence names, compared only with parts (the whole's own count is a `whole`: number-roles.ts):
 * "three of the four soldiers killed by friendly fire" does not dispute "five soldiers were killed". Not "one of the …" (a member, not a count), nor "20 of the country's provinces".
 */
function partitiveUnit(c: Ctx, j: number, value: string): Unit | undefined {
  if (value === '1' || lowerAt(c, j) !== 'of' || lowerAt(c, j + 1) !== 'the' || c.toks[j + 2]?.poss) return undefined;
  // "46 of the 212 passengers": the noun after the whole's count.
  const unit = unitAfter(c, isCountAt(c, j + 2) ? j + 3 : j + 2);
  return unit && { ...unit, partitive: true };
}

/** Which dollars a prefix names, "US$", "$US", "A$", "C$", "NZ$", "HK$", "S$". */
const DOLLARS = new Map([
  ['us', 'usd'],
  ['a', 'aud'],
  ['au', 'aud'],
  ['aus', 'aud'],
  ['c', 'cad'],
  ['ca', 'cad'],
  ['can', 'cad'],
  ['nz', 'nzd'],
  ['hk', 'hkd'],
  ['s', 'sgd'],
  ['sg', 'sgd'],
]);

/** Dollars named by a prefix glued to the number at token i, "US$5" or "$US5", and the token they start at. */
function dollarsBefore(c: Ctx, i: number): { currency: string; first: number } | undefined {
  if (i < 2 || !glued(c, i - 1) || !glued(c, i - 2)) return undefined;
  const [a, b] = [c.toks[i - 2] as Tok, c.toks[i - 1] as Tok];
  const prefix = a.text === '$' && b.kind === 'word' ? b : b.text === '$' && a.kind === 'word' ? a : undefined;
  const currency = prefix !== undefined && prefix.text.toUpperCase() === prefix.text ? DOLLARS.get(prefix.lower) : undefined;
  return currency === undefined ? undefined : { currency, first: i - 2 };
}

/**
 * Qualifiers that are also prepositions, which may open a name within a sentence ("the England Under 21 side",
 * "die Über 60"): read as names there, as any capitalised word is.
 */
const PREPOSITIONS = new Set(['over', 'under', 'above', 'below', 'within', 'über', 'unter', 'hasta', 'oltre', 'até', 'över']);

/**
 * Whether `w` is a one-word qualifier of the sentence's language ({@link BOUNDS}, ValueRules.bounds) other than a
 * preposition: capitalised, it opens a clause ("About", "Some", "Nearly", "Rund", "Etwa", "Quelque", "Environ",
 * "Unas", "Casi"), wherever that clause starts, and is never a name.
 */
function qualifierWord(c: Ctx, w: string): boolean {
  return !PREPOSITIONS.has(w) && (c.rules?.bounds ?? BOUNDS).has(w);
}

/**
 * A number written in digits at token i, with currency, scale and unit; undefined when it is not a count, a
 * candidate marked `name` when it is part of a name.
 */
function digitsNumber(c: Ctx, i: number): NumberCandidate | undefined {
  const prev = c.toks[i - 1];
  const rules = c.rules;
  // "2, 117 points", "230, 000 people": thousands as feeds that space their punctuation write them.
  const spaced = rules === undefined ? spacedGroups(c, i) : localSpacedGroups(c, i);
  const e = spaced?.last ?? i;
  const parts = rules === undefined ? splitDigits(spaced?.digits ?? (c.toks[i] as Tok).text) : splitLocalDigits(spaced?.digits ?? (c.toks[i] as Tok).text);
  if (parts === undefined || prev?.text === '#' || (rules === undefined && meridiemAt(c, e + 1) !== undefined)) return undefined;
  const dollars = dollarsBefore(c, i);
  // Part of a name: "MH17", "F-16", "Route 6", "No. 5"; not "Vinatieri's 45-yard", nor "$US1".
  if (dollars === undefined && prev !== undefined && glued(c, i - 1) && (prev.kind === 'word' || (prev.text === '-' && isWordAt(c, i - 2) && glued(c, i - 2)))) return undefined;
  // A sentence's first word is capitalised whatever it is, and so is the first past a dateline or credit
  // ("ZARAGOZA (AP) — About 1,500", lead.ts): in another language it makes no name ("Rund 1.200", "Plus de 1.200"),
  // in English a function word makes none ("About 1,500", not "Route 6"). A qualifier never does ("… said: Some 1,500").
  if (dollars === undefined && prev?.kind === 'word' && prev.cap && !prev.poss && c.used[i - 1] === 0 && !qualifierWord(c, prev.lower)) {
    const opening = opensAt(c, i - 1);
    // Its groups go with it: "Linie 5 200" leaves no "200".
    if (rules === undefined ? !opening || !STOP.has(prev.lower) : !opening) return { value: '', first: i, last: e, name: true };
  }
  if (prev?.text === '.' && (lowerAt(c, i - 2) === 'no' || (rules !== undefined && lowerAt(c, i - 2) === 'nr'))) return undefined;
  // "9/11", "3/4": dates and fractions written with a slash.
  if ((prev?.text === '/' && glued(c, i - 1)) || (c.toks[e + 1]?.text === '/' && glued(c, e))) return undefined;
  const currency = dollars?.currency ?? (prev !== undefined ? CURRENCY.get(prev.text) : undefined);
  const first = dollars?.first ?? (currency !== undefined ? i - 1 : i);
  let zeros = 0;
  let unit: Unit | undefined;
  let last = e;
  const next = c.toks[e + 1];
  const scales = rules?.scales ?? SCALES;
  if (next?.kind === 'word' && glued(c, e)) {
    if (rules === undefined && (next.lower === 'bn' || (next.lower === 'm' && currency !== undefined))) zeros = next.lower === 'bn' ? 9 : 6;
    else if (MEASURES.has(next.lower)) unit = { stem: next.lower };
    else return undefined; // "21st", "1990s", "6Syrian"
    last = e + 1;
    // "90km/h": one unit, written with the number.
    if (kmPerHour(c, last)) {
      unit = { stem: 'kmh' };
      last += 2;
    }
  } else if (next !== undefined && scales.has(next.lower)) {
    zeros = scales.get(next.lower) ?? 0;
    last = rules === undefined ? e + 1 : scaleEnd(c, e + 1);
  } else if (next?.text === '-' && glued(c, e) && isWordAt(c, e + 2) && glued(c, e + 1)) {
    // "25-year-old", "10-day": only compared with the same compound
    const word = lowerAt(c, e + 2);
    unit = { stem: `-${rules === undefined ? stem(word) : rules.stem(word)}`, text: wording(c, e + 1, e + 2), end: e + 2 };
  }
  const value = scaled(parts[0], parts[1], zeros);
  if (currency !== undefined) unit ??= { stem: currency };
  else if (rules !== undefined) unit ??= localUnitAfter(c, rules, last + 1);
  else unit ??= unitAfter(c, last + 1) ?? partitiveUnit(c, last + 1, value);
  return { value, ...(unit === undefined ? {} : { unit }), first, last };
}

/** "three-day" → 3 "-dai"; "twenty-five-year-old" → 25 "-year-old": only compared with the same compound. */
function hyphenCompound(word: string): { value: string; unit: Unit } | undefined {
  if (!hasHyphen(word)) return undefined; // no part after the number
  const parts = word.split(/[‐‑-]/);
  const tens = TENS.get(parts[0] ?? '');
  const ones = SMALL.get(parts[1] ?? '');
  const both = tens !== undefined && ones !== undefined && ones < 10;
  const value = both ? tens + ones : tens ?? SMALL.get(parts[0] ?? '');
  const rest = parts.slice(both ? 2 : 1);
  if (value === undefined || rest.length === 0 || rest.some((p) => p === '')) return undefined;
  return { value: String(value), unit: { stem: `-${stem(rest.join('-'))}` } };
}

/** Units of time that pass. */
const SPANS = new Set(['dai', 'week', 'month', 'hour', 'year', 'minut']);
/** Words before a span of time that make it the time passed until the article was written ("after four days"). */
const SINCE = new Set(['after', 'past', 'last', 'over']);

/**
 * Whether a number is the time passed so far ("after four days of riots", "in the past 11 days of fighting",
 * "13 days of bombardment"): it grows with the day each article was written, so two outlets' counts are no
 * disagreement. Such numbers are not compared.
 */
function elapsed(c: Ctx, n: NumberCandidate): boolean {
  const rules = c.rules;
  if (rules !== undefined) {
    // "seit vier Tagen", "in den vergangenen vier Tagen", "depuis trois jours".
    return n.unit !== undefined && n.unit.text !== undefined && rules.spanStems.has(n.unit.stem) && rules.since.has(lowerAt(c, n.first - 1));
  }
  if (n.unit === undefined || !SPANS.has(n.unit.stem) || n.unit.text === undefined) return false;
  const before = lowerAt(c, n.first - 1);
  if (SINCE.has(before) || (before === 'the' && SINCE.has(lowerAt(c, n.first - 2)))) return true;
  // The word after the unit's words: "days of fighting".
  const words = n.unit.text.split(' ').length;
  return lowerAt(c, n.last + 1 + words) === 'of';
}

/** `own` with the context and scope of the figure it restates. */
function restating(own: Slot, of: Slot): Slot {
  const { context: _context, scope: _scope, ...rest } = own;
  return { ...rest, ...(of.context === undefined ? {} : { context: of.context }), ...(of.scope === undefined ? {} : { scope: of.scope }) };
}

/** Qualifiers before a number, one word or two, and what they make of it (see Slot.bound). */
const BOUNDS = new Map<string, NonNullable<Slot['bound']>>([
  ...['about', 'around', 'some', 'roughly', 'approximately', 'approx', 'estimated', 'an estimated'].map((w) => [w, 'about'] as const),
  ...['at least', 'more than', 'over', 'above', 'upwards of', 'in excess of', 'no fewer than', 'no less than', 'exceeding'].map((w) => [w, 'min'] as const),
  ...['up to', 'under', 'below', 'within', 'less than', 'fewer than', 'nearly', 'almost', 'just under', 'at most', 'no more than', 'as many as', 'as much as'].map((w) => [w, 'max'] as const),
]);

/** The bound the words just before token `first` put on a number ("at least 143"), two-word qualifiers first. */
function boundBefore(c: Ctx, first: number): Slot['bound'] {
  const one = lowerAt(c, first - 1);
  return BOUNDS.get(`${lowerAt(c, first - 2)} ${one}`) ?? BOUNDS.get(one);
}

export function findNumbers(c: Ctx): void {
  const found: NumberCandidate[] = [];
  // A dateline holds no count: "Zaragoza, 2 mar (EFE).-" is the day it was filed (lead.ts).
  for (let i = c.lead; i < c.toks.length; i++) {
    if (c.used[i] !== 0) continue;
    const t = c.toks[i] as Tok;
    let cand: NumberCandidate | undefined;
    if (t.kind === 'num') {
      cand = digitsNumber(c, i);
      if (cand?.name === true) {
        i = cand.last;
        continue;
      }
    } else if (t.kind === 'word' && c.rules !== undefined) {
      const w = localWordsNumber(c, c.rules, i);
      const unit = w && localUnitAfter(c, c.rules, w.last + 1);
      if (w !== undefined) cand = { value: w.value, ...(unit === undefined ? {} : { unit }), first: i, last: w.last };
    } else if (t.kind === 'word') {
      // Most words start no number: not "a"/"an" (wordsNumber), not a number word (smallAt) or fraction
      // (fractionOfScale), no hyphen (hyphenCompound). Those three accept no other word; a new kind of number word must be let through here too.
      if (t.lower !== 'a' && t.lower !== 'an' && !TENS.has(t.lower) && !SMALL.has(t.lower) && !FRACTIONS.has(t.lower) && !hasHyphen(t.lower)) continue;
      const compound = hyphenCompound(t.lower);
      if (compound !== undefined) {
        cand = { ...compound, first: i, last: i };
      } else {
        const w = wordsNumber(c, i);
        if (w !== undefined) {
          const unit = unitAfter(c, w.last + 1) ?? partitiveUnit(c, w.last + 1, w.value);
          cand = { value: w.value, ...(unit === undefined ? {} : { unit }), first: i, last: w.last };
        }
      }
    }
    if (cand === undefined) continue;
    found.push(cand);
    i = cand.last;
  }
  let previous: (Placed & { tally: boolean }) | undefined;
  for (let k = 0; k < found.length; k++) {
    const cur = found[k] as NumberCandidate;
    const nxt = found[k + 1];
    if (nxt !== undefined && nxt.first === cur.last + 2 && (c.rules?.range ?? RANGE).has(lowerAt(c, cur.last + 1))) {
      k++; // a range: neither end is a reported count
      continue;
    }
    if (elapsed(c, cur)) continue;
    // The part it plays: a part of a count, a running total or a rate (number-roles.ts).
    const placed = { first: cur.first, last: cur.last, unitEnd: cur.unit?.end ?? cur.last };
    const tally = isTally(c, placed, previous);
    const part = partBefore(c, cur.first) ?? (cur.unit?.partitive ? 'part' : undefined);
    // A toll counts the dead or the injured, however it is written ("killed 41", "41 dead", "the death toll rose to 41"): tolls.ts.
    const sense = c.rules === undefined ? tollSense(c, cur.first, placed.unitEnd, cur.unit?.stem) : undefined;
    const counted = sense === undefined ? cur.unit?.stem : TOLL_UNIT[sense];
    const unit = counted && roleUnit(counted, part, tally, rateAfter(c, placed.unitEnd + 1));
    const before = c.out[c.out.length - 1];
    const bound = c.rules === undefined ? boundBefore(c, cur.first) : localBoundBefore(c, c.rules, cur.first);
    emit(c, 'number', cur.value, cur.first, cur.last, unit, undefined, cur.unit?.text, bound);
    if (sense !== undefined) c.out.push(withSense(c.out.pop() as Slot, sense));
    // "200 million euros ($265.3 million) of damage": a figure in brackets right after another restates it (a
    // conversion) and is about what that one is about; its own context ends at the brackets.
    if (previous !== undefined && before?.kind === 'number' && c.toks[cur.first - 1]?.text === '(' && previous.unitEnd === cur.first - 2) {
      const own = c.out.pop() as Slot;
      c.out.push(restating(own, before));
    }
    previous = { ...placed, tally };
  }
}

/**
 * Lead tolls: the death and injury tolls articles state in their leads, compared across the whole story. Conflicts
 * are otherwise found only between aligned mentions (facts/conflicts.ts), and leads worded differently are seldom
 * aligned: AP's "… killing at least 12 people …" and Reuters' "The death toll from a landslide … rose to 23 …" are
 * two facts each "only one source reports", and the story's headline figure went unflagged (review 29 #4).
 *
 * Each article's lead is its first {@link LEAD_SENTENCES} sentences. Their tolls (slots/tolls.ts: a count whose unit
 * is the dead or the injured, with no part it plays: not "including 3 children") are its lead tolls, but for a
 * history sentence ("In 2024, a landslide … killed 9 people": slots/background.ts), a figure told as said before
 * ("Previously, officials had said 12") and one cited as another outlet's ("…, according to Reuters":
 * slots/citations.ts). Two articles of different sources, not a copy of an earlier version and its outlet's later
 * one (`apart`), dispute a toll when each gives one of it (in the same place, if they say where) and none of the
 * one agrees with one of the other's. Agreeing here is stricter than within a fact: a floor is the count so far, so
 * "at least 12" and "16" are two counts (within a fact, a floor agrees with any higher figure); only two roundings
 * within a tenth ("about 1,500" / "some 1,400") agree without being equal. Two values that a dispute of a fact's
 * conflict already sets against each other (whoever gives them there) are not set against each other again.
 *
 * When the leads report from two countries or more (text/countries.ts: two landslides of one day in Peru and
 * Ecuador, put in one story, are two events), each country's leads are compared among themselves, and a lead that
 * reports from none with none.
 *
 * The result is a conflict of kind `number` with `leads: true` (one a country), attached to the fact of its first
 * lead sentence in the story's fact order, with every lead sentence that gives a disputed toll among its mentions
 * (they belong to several facts). Cost: nothing is parsed unless the leads of two sources hold a word of death or
 * injury and a figure in digits or words (most stories' do not); then those sentences are parsed, each distinct text
 * once, and articles that state the same tolls are compared once.
 */
import type { Conflict, ConflictValue, Fact, Language, Mention, Slot } from '../types.js';
import { claims, type Claims } from './slots/index.js';
import { sameScope } from './slots/context.js';
import { TOLL_UNIT } from './slots/tolls.js';
import { describeConflict, slotKey } from './conflict-sides.js';
import { conflictValue } from './conflicts.js';
import { outletKey } from '../input/outlet.js';
import { articleCountry, LEAD_TEXTS, mainCountry } from '../text/countries.js';

/** How many of an article's first sentences are its lead. */
export const LEAD_SENTENCES = 2;

const TOLL_UNITS: ReadonlySet<string> = new Set(Object.values(TOLL_UNIT));

/** A sentence that may state a toll: a word of death or injury, and a figure in digits or words. Read before parsing. */
const TOLL_CUE = /kill|dead|die[ds]|death|toll|injur|wound|hurt|perish|drown|lost their lives/i;
const FIGURE = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?)\b/i;

export interface LeadArticle {
  readonly id: string;
  readonly source: string;
  readonly language?: Language | undefined;
  readonly sentences: readonly { readonly index: number; readonly text: string }[];
}

export interface LeadTollInput {
  /** The story's articles, in story order. */
  readonly articles: readonly LeadArticle[];
  /** The story's facts, in their order. */
  readonly facts: readonly Fact[];
  /** The conflicts already found within facts: a pair of values one of them disputes is not disputed again. */
  readonly conflicts: readonly Conflict[];
  /** Pairs of article ids never compared (a copy of an earlier version and its outlet's latest: facts/conflicts.ts). */
  readonly apart?: readonly (readonly [string, string])[];
}

/** One lead sentence's tolls. */
interface LeadTolls {
  readonly mention: Mention;
  readonly slots: readonly Slot[];
}

/** Whether a sentence may state a toll, as far as a look at its words tells, before it is parsed. */
const mayStateToll = (text: string): boolean => TOLL_CUE.test(text) && FIGURE.test(text);

/** The sentences of its lead that may state a toll (see {@link mayStateToll}). */
const cuedLead = (a: LeadArticle): LeadArticle['sentences'] => a.sentences.filter((s) => s.index < LEAD_SENTENCES && mayStateToll(s.text));

/**
 * The lead tolls of an article: its first sentences' dead and injured counts that are its own current claims.
 * `read`: how a sentence's text is parsed (facts/slots `claims`; a cache of it, for copies that repeat a lead).
 */
export function leadTolls(a: LeadArticle, read: (text: string, language: Language | undefined) => Claims = claims): LeadTolls[] {
  const out: LeadTolls[] = [];
  const cued = cuedLead(a);
  if (cued.length === 0) return out;
  const outlet = outletKey(a.source);
  for (const s of cued) {
    const claimed = read(s.text, a.language);
    // A history sentence tells a past event: none of its figures is today's toll.
    if (claimed.slots.some((x) => x.anchor === true)) continue;
    const cited = claimed.cited.filter((c) => outletKey(c.outlet) !== outlet);
    const slots = claimed.slots.filter((x) => x.kind === 'number' && x.unit !== undefined && TOLL_UNITS.has(x.unit) && !cited.some((c) => x.start >= c.from && x.start < c.to));
    if (slots.length > 0) out.push({ mention: { article: a.id, sentence: s.index, text: s.text }, slots });
  }
  return out;
}

/** Whether two lead tolls can both stand: equal, or two roundings ("about", "some") within a tenth of each other. */
function agree(x: Slot, y: Slot): boolean {
  if (x.value === y.value) return true;
  if (x.bound !== 'about' && y.bound !== 'about') return false;
  const a = Number(x.value);
  const b = Number(y.value);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 0.1 * Math.max(Math.abs(a), Math.abs(b));
}

/** The slots of `xs` and `ys` (tolls of one unit) that dispute each other; empty when none does. */
function disputed(xs: readonly Slot[], ys: readonly Slot[]): [Slot[], Slot[]] {
  const pairs = xs.flatMap((x) => ys.filter((y) => sameScope(x.scope, y.scope)).map((y) => [x, y] as const));
  if (pairs.length === 0 || pairs.some(([x, y]) => agree(x, y))) return [[], []];
  return [[...new Set(pairs.map(([x]) => x))], [...new Set(pairs.map(([, y]) => y))]];
}

/**
 * The story's conflicts of lead tolls (see the module comment), in the order of their first articles; empty when
 * its leads agree or state none. Most stories give one at most: one more for each further country their leads
 * report from, when they report from several (two events of one kind in one story: each event's tolls are compared
 * among its own leads, and a lead that reports from no country is set against none).
 */
export function leadTollConflicts(input: LeadTollInput): Conflict[] {
  // Nothing is parsed unless the leads of two sources at least may state a toll: most stories' leads state none.
  if (new Set(input.articles.filter((a) => cuedLead(a).length > 0).map((a) => a.source)).size < 2) return [];
  const parsed = new Map<string, Claims>();
  const read = (text: string, language: Language | undefined): Claims => {
    const key = language === undefined ? text : `${language}\u0000${text}`;
    let c = parsed.get(key);
    if (c === undefined) parsed.set(key, (c = claims(text, language)));
    return c;
  };
  const leads = input.articles.map((a) => leadTolls(a, read));
  const stating = input.articles.flatMap((_, i) => ((leads[i] ?? []).length > 0 ? [i] : []));
  if (stating.length < 2) return [];
  // The country its dateline and lead report from (text/countries.ts), read only for an article whose lead states a toll.
  const country = new Map(stating.map((i) => [i, mainCountry(articleCountry({ title: '', sentences: (input.articles[i] as LeadArticle).sentences.slice(0, LEAD_TEXTS - 1) }))]));
  const places = new Set([...country.values()].filter((c) => c !== 0));
  if (places.size < 2) {
    const one = conflictAmong(input, leads, stating);
    return one === undefined ? [] : [one];
  }
  return [...places].flatMap((place) => conflictAmong(input, leads, stating.filter((i) => country.get(i) === place)) ?? []);
}

/** The conflict of the lead tolls of the articles at `among` (indexes into `input.articles`), or undefined. */
function conflictAmong(input: LeadTollInput, leads: readonly LeadTolls[][], among: readonly number[]): Conflict | undefined {
  const articles = among.map((i) => input.articles[i] as LeadArticle);
  const leadsOf = new Map(among.map((i) => [(input.articles[i] as LeadArticle).id, leads[i] ?? []]));
  const sourceOf = new Map(input.articles.map((a) => [a.id, a.source]));
  const apart = new Set((input.apart ?? []).flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  // Two values one dispute of a fact's conflict already sets against each other, whoever gives them there.
  const covered = (x: Slot, y: Slot): boolean =>
    input.conflicts.some((c) => c.kind === 'number' && c.values.some((v) => v.normalized === x.value && c.values.some((w) => w.dispute === v.dispute && w.normalized === y.value)));
  const found = new Map<string, Map<string, Slot>>();
  const note = (article: string, slots: readonly Slot[]): void => {
    let values = found.get(article);
    if (!values) found.set(article, (values = new Map()));
    for (const s of slots) if (!values.has(slotKey(s))) values.set(slotKey(s), s);
  };
  for (const unit of TOLL_UNITS) {
    // Articles that state the same tolls (copies, one outlet's repeats) are compared once: a signature of their
    // slots → the articles.
    const groups = new Map<string, { slots: Slot[]; articles: string[] }>();
    for (const a of articles) {
      const slots = (leadsOf.get(a.id) ?? []).flatMap((l) => l.slots.filter((s) => s.unit === unit));
      if (slots.length === 0) continue;
      const key = slots.map((s) => `${s.value}\u0001${s.bound ?? ''}\u0001${(s.scope ?? []).join(' ')}`).sort().join('\u0000');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { slots, articles: [] }));
      g.articles.push(a.id);
    }
    const list = [...groups.values()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const gi = list[i] as (typeof list)[number];
        const gj = list[j] as (typeof list)[number];
        const [xs, ys] = disputed(gi.slots, gj.slots);
        if (xs.length === 0 || xs.every((x) => ys.every((y) => covered(x, y)))) continue;
        // Some pair of articles of two sources, not a copy of an earlier version and its outlet's later one.
        const pair = gi.articles.some((a) => gj.articles.some((b) => sourceOf.get(a) !== sourceOf.get(b) && !apart.has(`${a}\u0000${b}`)));
        if (!pair) continue;
        for (const a of gi.articles) note(a, xs);
        for (const b of gj.articles) note(b, ys);
      }
    }
  }
  if (found.size === 0) return undefined;
  // Every article whose lead gives a disputed value is on that value's side, whatever its source.
  const keys = new Set([...found.values()].flatMap((vs) => [...vs.keys()]));
  const mentions: Mention[] = [];
  for (const a of articles) {
    for (const l of leadsOf.get(a.id) ?? []) {
      const given = l.slots.filter((s) => keys.has(slotKey(s)));
      if (given.length === 0) continue;
      note(a.id, given);
      mentions.push(l.mention);
    }
  }
  const byArticle = new Map(articles.flatMap((a) => (found.has(a.id) ? [[a.id, found.get(a.id) as Map<string, Slot>] as const] : [])));
  const disputes = new Map<string, number>();
  for (const vs of byArticle.values()) for (const s of vs.values()) if (!disputes.has(s.unit ?? '')) disputes.set(s.unit ?? '', disputes.size);
  const values: ConflictValue[] = [...byArticle].flatMap(([article, vs]) => [...vs.values()].map((s) => conflictValue(article, s, disputes.get(s.unit ?? '') ?? 0)));
  return { kind: 'number', fact: factOf(input.facts, mentions), detail: describeConflict('number', byArticle, sourceOf), values, mentions, leads: true };
}

/** The first fact, in the story's order, that holds one of `mentions`. */
function factOf(facts: readonly Fact[], mentions: readonly Mention[]): string {
  const wanted = new Set(mentions.map((m) => `${m.article}\u0000${m.sentence}`));
  const fact = facts.find((f) => f.mentions.some((m) => wanted.has(`${m.article}\u0000${m.sentence}`)));
  return fact?.id ?? facts[0]?.id ?? '';
}


/**
 * The sides of a conflict as a reader sees them in its detail: "weekday: Monday (AP, Reuters) vs Sunday (AFP)".
 *
 * Sides are worked out within each group of compared values (the unit of a number, the role of a name, the zone
 * of a time; see disagreements), because that is what was compared: "4 minutes … 35 yards" against "five minutes
 * … 364 yards" is two disputes, "4 minutes (A) vs five minutes (B); 35 yards (A) vs 364 yards (B)", not one. A
 * number is shown with what it counts in its article's words, as each side wrote it ("five people (A) vs one
 * person (B)"): the unit it was compared by is a stem, not fit to print. Articles that give the same
 * values stand on one side. Articles whose values agree as the comparison has it (a shared value, a month with a
 * day of it, two spellings of one person; see slots/compare.ts) have their sides merged, each value named once
 * with who gives it: "Wednesday (X, Z), Monday (X) vs Tuesday (Y)", not "Monday, Wednesday (X) vs Tuesday (Y) vs
 * Wednesday (Z)". Values that the same sources give
 * stay together ("$25 million, $20 million (B)"). An article that shares a value with each of two sides that
 * disagree ("Friday and Saturday" against "Friday" and "Saturday") agrees with both and joins neither: it is
 * shown as a side of its own with its values, the one case where a value appears on two sides. A value an article
 * gives as another outlet's (slots/citations.ts) stands with that outlet's name as a citation, after the sources that
 * give it as their own: "16 people (Reuters; Reuters cited by BBC)", "16 people (Reuters cited by BBC and CNN)".
 */
import type { Slot, SlotKind } from '../types.js';
import { dateRole, disagreements } from './slots/index.js';

/** Value sets in one group beyond which sides are not merged (each set is its own side): bounds the cubic check. */
const MAX_MERGED_SETS = 64;

/** What a slot was compared within: the unit of a number, the role of a name, the zone of a time, the role of a date. */
export function slotGroup(s: Slot): string {
  return s.kind === 'date' ? dateRole(s) : (s.unit ?? '');
}

/** A slot's value within its group: "95" dead and "95" houses are different values. */
export function slotKey(s: Slot): string {
  return `${slotGroup(s)}\u0000${s.value}`;
}

/** The values of a conflict's disputes that `article` gives as `outlet`'s (slots/citations.ts), by slot key. */
export interface CitedValues {
  readonly article: string;
  readonly outlet: string;
  readonly slots: ReadonlyMap<string, Slot>;
}

/** Who gives a value: a source as its own, or a source that cites an outlet for it. */
type Whose = { readonly source: string } | { readonly outlet: string; readonly by: string };

/** Articles that give exactly the same values (slot keys, in the first article's order). */
export interface ValueSet {
  readonly keys: readonly string[];
  readonly articles: string[];
}

/**
 * How a value reads in a detail: as written, a number with the words of what it counts ("35 yards", "5%",
 * "8-year-old"). "Sunday's talks" names Sunday: the possessive is the sentence's, not the value's.
 */
export function valuePhrase(s: Slot): string {
  return withUnit(s.text.replace(/['’]s$/, ''), s.unitText);
}

/** A number as written with the words of what it counts: "35 yards", "5%" and "8-year-old" (joined), or alone. */
export function withUnit(text: string, unitText: string | undefined): string {
  if (unitText === undefined) return text;
  return /^[-‐‑%]/.test(unitText) ? `${text}${unitText}` : `${text} ${unitText}`;
}

/**
 * Each value's phrase: the one most articles give it, then the first in `byArticle`'s order ("150 metres" from two
 * articles over "150 meters" from one).
 */
function phrases(byArticle: ReadonlyMap<string, ReadonlyMap<string, Slot>>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const slots of byArticle.values()) {
    for (const [key, s] of slots) {
      let byPhrase = counts.get(key);
      if (!byPhrase) counts.set(key, (byPhrase = new Map()));
      const phrase = valuePhrase(s);
      byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + 1);
    }
  }
  const shown = new Map<string, string>();
  for (const [key, byPhrase] of counts) {
    let best = '';
    let most = 0;
    for (const [phrase, n] of byPhrase) if (n > most) [best, most] = [phrase, n];
    shown.set(key, best);
  }
  return shown;
}

/**
 * The detail of a conflict: per group, its sides joined by " vs "; groups joined by "; ". `cited`: values articles
 * give as another outlet's, in groups of `byArticle` (they are shown, they make no dispute).
 */
export function describeConflict(
  kind: SlotKind,
  byArticle: ReadonlyMap<string, ReadonlyMap<string, Slot>>,
  sourceOf: ReadonlyMap<string, string>,
  cited: readonly CitedValues[] = [],
): string {
  const groups = new Map<string, Map<string, string[]>>();
  // A citation is a giver of its own, by an id no article has.
  const citedIds = new Map(cited.map((c, n) => [`\u0001${n}`, c]));
  const givers = citedIds.size === 0 ? byArticle : new Map([...byArticle, ...[...citedIds].map(([id, c]) => [id, c.slots] as const)]);
  const shown = phrases(givers);
  const slotOf = new Map<string, Slot>();
  for (const [article, slots] of givers) {
    for (const [key, s] of slots) {
      let inGroup = groups.get(slotGroup(s));
      if (!inGroup) groups.set(slotGroup(s), (inGroup = new Map()));
      inGroup.set(article, [...(inGroup.get(article) ?? []), key]);
      slotOf.set(key, s);
    }
  }
  const source = (article: string): string => sourceOf.get(article) ?? article;
  const whose = (id: string): Whose => {
    const c = citedIds.get(id);
    return c === undefined ? { source: source(id) } : { outlet: c.outlet, by: source(c.article) };
  };
  // Two value sets agree as the comparison has it: "September" with "September 5", "Jon Kirby" with "John Kirby".
  const slotsOf = (set: ValueSet): Slot[] => set.keys.flatMap((k) => slotOf.get(k) ?? []);
  const agree = (p: ValueSet, q: ValueSet): boolean => disagreements(slotsOf(p), slotsOf(q)).length === 0;
  const parts = [...groups.values()].map((keysOf) => sidesOf(valueSets(keysOf), agree).map((side) => describeSide(side, shown, whose)).join(' vs '));
  return `${kind}: ${parts.join('; ')}`;
}

/**
 * The sides of one group: {@link mergeSides}, unless that leaves one side. An article's values are those of all its
 * mentions of the fact, so one that says "Monday" in one sentence and "Thursday" in another shares Monday with
 * the article it disagreed with; merged, the detail would show no dispute at all ("Monday (A, B), Thursday (B)").
 * Each value set is then a side of its own: "Monday (A) vs Monday, Thursday (B)".
 */
function sidesOf(sets: readonly ValueSet[], agree: (p: ValueSet, q: ValueSet) => boolean): ValueSet[][] {
  const merged = mergeSides(sets, agree);
  return merged.length > 1 ? merged : sets.map((s) => [s]);
}

function valueSets(keysOf: ReadonlyMap<string, readonly string[]>): ValueSet[] {
  const sets = new Map<string, ValueSet>();
  for (const [article, keys] of keysOf) {
    const id = [...keys].sort().join('|');
    const set = sets.get(id);
    if (set) set.articles.push(article);
    else sets.set(id, { keys, articles: [article] });
  }
  return [...sets.values()];
}

/**
 * Value sets merged into sides: sets that agree (`agree`; by default, that share a value) are on one side, unless
 * one of them agrees with two sets that do not agree with each other (it straddles a dispute and stays a side of
 * its own). Without straddlers, sets joined through agreeing ones all agree pairwise, so a merged side never holds
 * two sets that disagree. Sides come in the order of their first set. O(n³) in the number of sets n, so beyond
 * MAX_MERGED_SETS each set is a side, as given.
 */
export function mergeSides(sets: readonly ValueSet[], agree?: (p: ValueSet, q: ValueSet) => boolean): ValueSet[][] {
  if (sets.length > MAX_MERGED_SETS) return sets.map((s) => [s]);
  const keySets = sets.map((s) => new Set(s.keys));
  const meet = (i: number, j: number): boolean =>
    agree ? agree(sets[i] as ValueSet, sets[j] as ValueSet) : (sets[j]?.keys.some((k) => keySets[i]?.has(k)) ?? false);
  const straddles = sets.map((_, i) => {
    const near = sets.map((__, j) => j).filter((j) => j !== i && meet(i, j));
    return near.some((p, x) => near.slice(x + 1).some((r) => !meet(p, r)));
  });
  const side = sets.map((_, i) => i);
  const root = (i: number): number => (side[i] === i ? i : (side[i] = root(side[i] ?? i)));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      if (!straddles[i] && !straddles[j] && meet(i, j)) side[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  }
  const merged = new Map<number, ValueSet[]>();
  sets.forEach((s, i) => merged.set(root(i), [...(merged.get(root(i)) ?? []), s]));
  return [...merged.values()];
}

/**
 * "Wednesday (X, Z), Monday (X)": values the same sources give together, the most widely given first; citations after
 * the sources' own ("16 people (Reuters; Reuters cited by BBC)").
 */
function describeSide(side: readonly ValueSet[], shown: ReadonlyMap<string, string>, whose: (id: string) => Whose): string {
  const giversOf = new Map<string, { own: Set<string>; cited: Map<string, Set<string>> }>();
  for (const set of side) {
    for (const key of set.keys) {
      let givers = giversOf.get(key);
      if (!givers) giversOf.set(key, (givers = { own: new Set(), cited: new Map() }));
      for (const a of set.articles) {
        const w = whose(a);
        if ('source' in w) givers.own.add(w.source);
        else givers.cited.set(w.outlet, (givers.cited.get(w.outlet) ?? new Set()).add(w.by));
      }
    }
  }
  const together = new Map<string, { keys: string[]; count: number }>();
  for (const [key, { own, cited }] of giversOf) {
    const names = [...own].sort().join(', ');
    const cites = [...cited].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([outlet, by]) => `${outlet} cited by ${[...by].sort().join(' and ')}`);
    const id = [...(names === '' ? [] : [names]), ...cites].join('; ');
    const entry = together.get(id);
    if (entry) entry.keys.push(key);
    else together.set(id, { keys: [key], count: own.size + [...cited.values()].reduce((n, by) => n + by.size, 0) });
  }
  const ordered = [...together].sort(([, x], [, y]) => y.count - x.count);
  return ordered.map(([names, e]) => `${e.keys.map((k) => shown.get(k) ?? '').join(', ')} (${names})`).join(', ');
}

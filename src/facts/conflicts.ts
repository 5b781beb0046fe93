/**
 * Conflicts: mentions of one fact, from different sources, that disagree on a number, a date or weekday, a
 * time or a name. Values are normalised before comparing (see slots/), so "5:00 am" and "5.00 a.m." agree.
 * Only a disagreement between sources makes a conflict (an outlet that updates its own figure is not one); once
 * there is one, every mention of the fact that gives a disputed value is counted on that value's side, whatever
 * its source, so that a Reuters article giving AP's figure is not hidden behind a later Reuters update. Values told
 * as superseded ("Previously, officials had said 12"), or a live blog's figures that a newer entry of it gives anew
 * (live-updates.ts), are no claims; two history sentences anchored to different years ("In 2017, …" / "In 2024, …")
 * tell two events, and one anchored to a year is not about the current event that a sentence which does not tell
 * the past is about (slots/background.ts): neither is compared. How the
 * sides are told in the detail: conflict-sides.ts.
 */
import type { Conflict, ConflictValue, Language, Mention, Slot, SlotKind } from '../types.js';
import { describeConflict, slotGroup, slotKey, type CitedValues } from './conflict-sides.js';
import { claims, disagreements, mayTellPast, type Claims, type Disagreement } from './slots/index.js';
import { outletKey } from '../input/outlet.js';

export interface ConflictInput {
  readonly fact: string;
  readonly mentions: readonly Mention[];
  /** Source name of each article id. */
  readonly sourceOf: ReadonlyMap<string, string>;
  /** The language of each article id that is not English: its values are read by that language's conventions (slots/locale.ts). */
  readonly languageOf?: ReadonlyMap<string, Language>;
  /**
   * Pairs of article ids never compared with each other: another outlet's copy of an earlier version and the latest
   * version's article (cluster/version-copies.ts). Its figures are the outlet's own earlier ones, and an outlet that
   * updates a figure is no conflict.
   */
  readonly apart?: readonly (readonly [string, string])[];
  /**
   * A live blog's superseded figures (facts/live-updates.ts): by `article\0sentence`, the start offsets of the slots a
   * newer entry of the blog gives anew. They are no claims, as values told as superseded are not.
   */
  readonly updated?: ReadonlyMap<string, readonly number[]>;
}

const KIND_ORDER: readonly SlotKind[] = ['weekday', 'date', 'year', 'time', 'number', 'name'];

/** The conflicts within one fact group, one per kind of value, in a fixed kind order. */
export function factConflicts(input: ConflictInput): Conflict[] {
  // Republished copies repeat sentences word for word: extract and compare each distinct text once (in its language).
  const textIds = new Map<string, number>();
  const texts: string[] = [];
  const languages: (Language | undefined)[] = [];
  const textOf = input.mentions.map((m) => {
    const language = input.languageOf?.get(m.article);
    const key = language === undefined ? m.text : `${language}\u0000${m.text}`;
    let id = textIds.get(key);
    if (id === undefined) {
      textIds.set(key, (id = textIds.size));
      texts.push(m.text);
      languages.push(language);
    }
    return id;
  });
  // A text's slots are only extracted once it is to be compared: a fact told in one text by every source (wire
  // copy) has nothing to compare. What a mention claims is its text's slots but those of a part it tells as another
  // outlet's ("…, according to Reuters": slots/citations.ts), unless its article is that outlet's: a claim set (an
  // index into `claimed`) per text and outlets left out, made when the mention is first compared.
  const parsed: (Claims | undefined)[] = [];
  const claimed: Slot[][] = [];
  // Per claim set, the values left out as another outlet's, with that outlet: shown on its side once there is a
  // conflict, never as the article's own.
  const citedOf: { outlet: string; slot: Slot }[][] = [];
  // The text of each claim set (an index into `texts`).
  const claimText: number[] = [];
  const claimIds = new Map<string, number>();
  const claimOf = new Int32Array(input.mentions.length).fill(-1);
  const own = new Map<string, string>();
  const ownOutlet = (source: string): string => {
    let o = own.get(source);
    if (o === undefined) own.set(source, (o = outletKey(source)));
    return o;
  };
  const claimsOf = (i: number): number => {
    const known = claimOf[i] as number;
    if (known >= 0) return known;
    const x = textOf[i] ?? 0;
    const read = (parsed[x] ??= claims(texts[x] ?? '', languages[x]));
    const outlet = ownOutlet(input.sourceOf.get((input.mentions[i] as Mention).article) ?? '');
    const others = read.cited.filter((c) => outletKey(c.outlet) !== outlet);
    const m = input.mentions[i] as Mention;
    // A live blog entry's figures that a newer entry of the blog gives anew (facts/live-updates.ts): no claims.
    const stale = input.updated?.get(`${m.article}\u0000${m.sentence}`);
    const cut = others.length === 0 ? '' : `\u0000${[...new Set(others.map((c) => c.outlet))].sort().join('\u0000')}`;
    const key = `${x}${cut}${stale === undefined ? '' : `\u0001${stale.join(',')}`}`;
    let id = claimIds.get(key);
    if (id === undefined) {
      claimIds.set(key, (id = claimed.length));
      claimText.push(x);
      const own: Slot[] = [];
      const cited: { outlet: string; slot: Slot }[] = [];
      for (const s of read.slots) {
        if (stale !== undefined && stale.includes(s.start)) continue;
        const by = others.length === 0 ? undefined : others.find((c) => s.start >= c.from && s.start < c.to);
        if (by === undefined) own.push(s);
        else cited.push({ outlet: by.outlet, slot: s });
      }
      claimed.push(others.length === 0 && stale === undefined ? read.slots : own);
      citedOf.push(cited);
    }
    claimOf[i] = id;
    return id;
  };
  const slotsOf = (x: number): Slot[] => claimed[x] ?? [];
  // Two history sentences anchored to different years ("In March 2017, floods … killed more than 100 people" / "In
  // 2024, a landslide … killed 9 people") tell two past events: neither their years nor their figures are compared.
  // Nor are such a sentence's and those of one that does not tell the past ("The death toll has risen to 19"): it is
  // about the current event (slots/background.ts mayTellPast).
  const anchorOf = (x: number): string | undefined => slotsOf(x).find((s) => s.anchor === true)?.value;
  const tellsPast = (x: number): boolean => mayTellPast(texts[claimText[x] ?? 0] ?? '');
  const otherEvents = (x: number, y: number): boolean => {
    const ax = anchorOf(x);
    const ay = anchorOf(y);
    if (ax === undefined && ay === undefined) return false;
    if (ax === undefined) return !tellsPast(x);
    if (ay === undefined) return !tellsPast(y);
    return ax !== ay;
  };
  const compared = new Map<number, Disagreement[]>();
  const disagreementsOf = (x: number, y: number): Disagreement[] => {
    const key = x * input.mentions.length + y;
    let d = compared.get(key);
    if (!d) compared.set(key, (d = disagreements(slotsOf(x), slotsOf(y))));
    return d;
  };
  // kind → article → disagreeing slots (by slotKey)
  const found = new Map<SlotKind, Map<string, Map<string, Slot>>>();
  const mentionsOf = new Map<SlotKind, Set<number>>();
  const note = (kind: SlotKind, mention: number, list: readonly Slot[]): void => {
    const article = input.mentions[mention]?.article ?? '';
    let byArticle = found.get(kind);
    if (!byArticle) found.set(kind, (byArticle = new Map()));
    let values = byArticle.get(article);
    if (!values) byArticle.set(article, (values = new Map()));
    for (const s of list) if (!values.has(slotKey(s))) values.set(slotKey(s), s);
    let ms = mentionsOf.get(kind);
    if (!ms) mentionsOf.set(kind, (ms = new Set()));
    ms.add(mention);
  };
  const apart = new Set((input.apart ?? []).flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  for (let i = 0; i < input.mentions.length; i++) {
    const text = textOf[i] ?? 0;
    const article = (input.mentions[i] as Mention).article;
    const source = input.sourceOf.get(article);
    for (let j = i + 1; j < input.mentions.length; j++) {
      // One text claims nothing against itself: its claim sets differ only by values left out.
      const other = (input.mentions[j] as Mention).article;
      if (text === textOf[j] || input.sourceOf.get(other) === source || (apart.size > 0 && apart.has(`${article}\u0000${other}`))) continue;
      const x = claimsOf(i);
      // A mention without slots disagrees with nothing: most sentences have none.
      if (slotsOf(x).length === 0) break;
      const y = claimsOf(j);
      if (slotsOf(y).length === 0 || otherEvents(x, y)) continue;
      for (const d of disagreementsOf(x, y)) {
        note(d.kind, i, d.a);
        note(d.kind, j, d.b);
      }
    }
  }
  // Same-source pairs were skipped above: count every mention that gives a disputed value on that value's side.
  for (const [kind, byArticle] of found) {
    const disputed = new Set([...byArticle.values()].flatMap((vs) => [...vs.keys()]));
    for (let i = 0; i < input.mentions.length; i++) {
      const given = slotsOf(claimsOf(i)).filter((s) => s.kind === kind && disputed.has(slotKey(s)));
      if (given.length > 0) note(kind, i, given);
    }
  }
  // Whether one mention gives every one of these values: then they are two things the fact holds ("a depth of six
  // miles, 34 miles from the town"; "won Friday's quarterfinal, plays Saturday's semifinal"), not rival figures.
  const givenTogether = (keys: readonly string[]): boolean =>
    input.mentions.some((_, i) => {
      const given = new Set(slotsOf(claimsOf(i)).map(slotKey));
      return keys.every((k) => given.has(k));
    });
  // The values of `kind` in the conflict's disputes (the groups of `disputes`) that articles give as another outlet's,
  // by article and outlet, and the mentions that give them.
  const citedValues = (kind: SlotKind, disputes: ReadonlyMap<string, number>): { cited: CitedValues[]; citing: number[] } => {
    const byCite = new Map<string, { article: string; outlet: string; slots: Map<string, Slot> }>();
    const citing: number[] = [];
    for (let i = 0; i < input.mentions.length; i++) {
      const article = (input.mentions[i] as Mention).article;
      for (const { outlet, slot } of citedOf[claimsOf(i)] ?? []) {
        if (slot.kind !== kind || !disputes.has(slotGroup(slot))) continue;
        const key = `${article}\u0000${outlet}`;
        let entry = byCite.get(key);
        if (!entry) byCite.set(key, (entry = { article, outlet, slots: new Map() }));
        if (!entry.slots.has(slotKey(slot))) entry.slots.set(slotKey(slot), slot);
        if (citing[citing.length - 1] !== i) citing.push(i);
      }
    }
    return { cited: [...byCite.values()], citing };
  };
  const conflicts: Conflict[] = [];
  for (const kind of KIND_ORDER) {
    const all = found.get(kind);
    const byArticle = all && disputedOnly(all, givenTogether);
    if (!byArticle) continue;
    const kept = new Set([...byArticle.values()].flatMap((vs) => [...vs.keys()]));
    const disputes = new Map<string, number>();
    for (const vs of byArticle.values()) for (const s of vs.values()) if (!disputes.has(slotGroup(s))) disputes.set(slotGroup(s), disputes.size);
    const { cited, citing } = citedValues(kind, disputes);
    const values = [
      ...[...byArticle].flatMap(([article, vs]) => [...vs.values()].map((s) => conflictValue(article, s, disputes.get(slotGroup(s)) ?? 0))),
      ...cited.flatMap((c) => [...c.slots.values()].map((s) => ({ ...conflictValue(c.article, s, disputes.get(slotGroup(s)) ?? 0), cites: c.outlet }))),
    ];
    const mentions = [...new Set([...(mentionsOf.get(kind) ?? [])].filter((i) => slotsOf(claimsOf(i)).some((s) => s.kind === kind && kept.has(slotKey(s)))).concat(citing))]
      .sort((x, y) => x - y)
      .map((i) => input.mentions[i] as Mention);
    conflicts.push({ kind, fact: input.fact, detail: describeConflict(kind, byArticle, input.sourceOf, cited), values, mentions });
  }
  return conflicts;
}

/**
 * One article's value in a conflict: as written, with what it counts, the value as compared, its qualifier, and
 * which of the conflict's disputes (groups of values compared with each other: slotGroup) it is a value of.
 */
export function conflictValue(article: string, s: Slot, dispute: number): ConflictValue {
  return {
    article,
    value: s.text,
    ...(s.unitText === undefined ? {} : { unit: s.unitText }),
    normalized: s.value,
    ...(s.bound === undefined ? {} : { bound: s.bound }),
    dispute,
  };
}

/**
 * The values of the groups (unit, role, zone; see conflict-sides.ts) where articles differ, by article; undefined
 * when there is none. An article's values are those of all its mentions, so in a group where every article gives
 * the same ones (each tells "95 killed" in one sentence and "158 killed" in another) the sentences disagree and
 * the sources do not: it is left out, with its values and the mentions that give only them. So is a group whose
 * values one mention gives all together (`givenTogether`).
 */
function disputedOnly(byArticle: ReadonlyMap<string, ReadonlyMap<string, Slot>>, givenTogether: (keys: readonly string[]) => boolean): Map<string, Map<string, Slot>> | undefined {
  const setsOf = new Map<string, Set<string>>();
  const keysOf = new Map<string, Set<string>>();
  for (const values of byArticle.values()) {
    const byGroup = new Map<string, string[]>();
    for (const [key, s] of values) byGroup.set(slotGroup(s), [...(byGroup.get(slotGroup(s)) ?? []), key]);
    for (const [group, keys] of byGroup) {
      let sets = setsOf.get(group);
      if (!sets) setsOf.set(group, (sets = new Set()));
      sets.add(keys.sort().join('\u0000'));
      let all = keysOf.get(group);
      if (!all) keysOf.set(group, (all = new Set()));
      for (const k of keys) all.add(k);
    }
  }
  const disputed = new Set([...setsOf].filter(([group, sets]) => sets.size > 1 && !givenTogether([...(keysOf.get(group) ?? [])])).map(([group]) => group));
  const out = new Map<string, Map<string, Slot>>();
  for (const [article, values] of byArticle) {
    const kept = new Map([...values].filter(([, s]) => disputed.has(slotGroup(s))));
    if (kept.size > 0) out.set(article, kept);
  }
  return out.size > 0 ? out : undefined;
}

/** Comparing the slots of two aligned sentences: which values the two outlets disagree on. */
import type { Slot, SlotKind } from '../../types.js';
import { nameDisagreement } from './name-compare.js';
import { NAME_MARK, sameContext, sameScope, sameSubject } from './context.js';
import { baseUnit } from './number-roles.js';
import { MEASURE_UNITS, MEASURES } from './words.js';
import { MAGNITUDE } from './magnitudes.js';

/** Values on which two aligned sentences disagree, with the disagreeing slots of each side. */
export interface Disagreement {
  readonly kind: SlotKind;
  readonly a: Slot[];
  readonly b: Slot[];
}

const KINDS: readonly SlotKind[] = ['weekday', 'date', 'year', 'time', 'number', 'name'];

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  const seen = new Set(a);
  return !b.some((v) => seen.has(v));
}

/** Groups slots by a key; slots whose key is undefined are dropped. */
function groupBy(slots: readonly Slot[], key: (s: Slot) => string | undefined): Map<string, Slot[]> {
  const groups = new Map<string, Slot[]>();
  for (const s of slots) {
    const k = key(s);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [s]);
    else g.push(s);
  }
  return groups;
}

/**
 * The values on which two aligned sentences (one fact, two outlets) disagree. Built for precision: values are
 * compared only within a group both sides have (the same time zone, the same counted noun, the same role), and
 * a group disagrees only when the two sides share no value at all.
 *   weekday, year: the sets of values are disjoint.
 *   time: per zone (no zone is its own group); "5:00 am" and "5.00 a.m." are both "05:00".
 *   date: per role (the day of the event, of a statement, of a named thing: slots/day-roles.ts); month-days if
 *     both sides have one, else months (a bare "December" against "December 3" agrees).
 *   number: per unit; numbers without a unit are never compared.
 *   name: per role; see nameDisagreement.
 * Returns at most one disagreement per kind and group, in the order weekday, date, year, time, number, name.
 */
export function disagreements(a: readonly Slot[], b: readonly Slot[]): Disagreement[] {
  const out: Disagreement[] = [];
  if (a.length === 0 || b.length === 0) return out;
  for (const kind of KINDS) {
    const as = a.filter((s) => s.kind === kind);
    const bs = b.filter((s) => s.kind === kind);
    if (as.length === 0 || bs.length === 0) continue;
    if (kind === 'date') {
      const ga = groupBy(as, dateRole);
      const gb = groupBy(bs, dateRole);
      for (const role of [...ga.keys()].sort()) {
        const d = dateDisagreement(ga.get(role) ?? [], gb.get(role) ?? []);
        if (d !== undefined) out.push(d);
      }
      continue;
    }
    const key = kind === 'number' || kind === 'name' ? (s: Slot) => s.unit : (s: Slot) => s.unit ?? '';
    const ga = groupBy(as, key);
    const gb = groupBy(bs, key);
    // "Hillis added 101." agrees with "101 yards": a number whose unit is left unsaid is no other figure. Only
    // that value is agreed on: "Carter scored 14 points and VanDeest scored 13" still disputes "Carter had 12 points".
    // So is one given of the same noun in another part ("$334 million, including $281 million in cash" gives
    // "$281 million in cash": number-roles.ts).
    const bare = (xs: readonly Slot[], unit: string): string[] =>
      kind === 'number' ? xs.filter((x) => x.unit === undefined || (x.unit !== unit && baseUnit(x.unit) === baseUnit(unit))).map((x) => x.value) : [];
    for (const unit of [...ga.keys()].sort()) {
      const sa = ga.get(unit) ?? [];
      const sb = gb.get(unit);
      if (sb === undefined) continue;
      if (kind === 'name') {
        const d = nameDisagreement(sa, sb);
        if (d !== undefined) out.push(d);
        continue;
      }
      // A value the other side gives without its unit is agreed on; the rest are compared.
      const bareA = new Set(bare(as, unit));
      const bareB = new Set(bare(bs, unit));
      const ra = sa.filter((x) => !bareB.has(x.value));
      const rb = sb.filter((y) => !bareA.has(y.value));
      if (ra.length === 0 || rb.length === 0) continue;
      if (ra.length * rb.length > PAIR_LIMIT) {
        // Hundreds of figures of one unit in one sentence (a table read as text): compared as sets, in linear time.
        if (disjoint(ra.map((x) => x.value), rb.map((y) => y.value))) out.push({ kind, a: ra, b: rb });
        continue;
      }
      if (ra.some((x) => rb.some((y) => agree(x, y)))) continue;
      const d = aboutTheSame(kind, ra, rb);
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

/** What a date is the day of: the event's (''), a statement's, a planned thing's or a named thing's (slots/day-roles.ts). */
export function dateRole(s: Slot): string {
  return s.unit === undefined || s.unit === 'month' ? '' : s.unit;
}

/** Dates of one role: month-days if both sides have one, else months (a bare "December" agrees with "December 3"). */
function dateDisagreement(as: readonly Slot[], bs: readonly Slot[]): Disagreement | undefined {
  if (as.length === 0 || bs.length === 0) return undefined;
  const full = (s: Slot): boolean => s.value.length === 5;
  const byDay = as.some(full) && bs.some(full);
  const value = (s: Slot): string => (byDay ? s.value : s.value.slice(0, 2));
  const da = byDay ? as.filter(full) : [...as];
  const db = byDay ? bs.filter(full) : [...bs];
  return disjoint(da.map(value), db.map(value)) ? { kind: 'date', a: da, b: db } : undefined;
}

/** Pairs of values of one group compared one by one; past this, a group's values are compared as sets. */
const PAIR_LIMIT = 10_000;

/**
 * Whether two values of one group can both be true. Exact figures, and two floors or two ceilings ("more than
 * 220,000" / "more than 230,000": outlets giving different figures), agree when equal. Otherwise a qualifier makes
 * room: "about 600m" agrees with "609 metres" (within a tenth), "at least four bombs" with "five bombs", "within 20
 * miles" and "nearly $80 million" with anything up to that figure; and two round figures within a tenth of each
 * other ("etwa 30.000" / "rund 28.000", "about 1,000" / "about 950") with each other, as either would with the exact
 * one: each is a rounding, not a count ("about 1,500" / "about 1,200" still disagree).
 */
function agree(x: Slot, y: Slot): boolean {
  if (x.value === y.value) return true;
  if (x.kind !== 'number' || (x.bound === y.bound && x.bound !== 'about')) return false;
  const a = Number(x.value);
  const b = Number(y.value);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return within(x.bound, a, b) || within(y.bound, b, a);
}

/** Whether `other` fits a figure `n` qualified by `bound`. */
function within(bound: Slot['bound'], n: number, other: number): boolean {
  if (bound === 'about') return Math.abs(n - other) <= 0.1 * Math.max(Math.abs(n), Math.abs(other));
  if (bound === 'min') return other >= n;
  if (bound === 'max') return other <= n;
  return false;
}

/**
 * The kinds whose values are compared only when their contexts meet: counts and years, of which one fact often
 * holds several about different things. A sentence's day or time is mostly the day of its event, and a
 * weekday's context is often the other half of its clause ("seized the area on Sunday before being forced to
 * retreat" / "the counterattack on Monday forced the rebels to retreat").
 */
const CONTEXT_KINDS: ReadonlySet<SlotKind> = new Set(['number', 'year']);

/**
 * The words that say what a value is about: its context, or its scope when it has no other ("five points during a
 * pivotal run" says where, which is more than nothing: it is not every figure of points).
 */
function about(s: Slot): readonly string[] | undefined {
  return s.context !== undefined && s.context.length > 0 ? s.context : s.scope;
}

/**
 * Whether two values may be said of the same thing, in the same place, of the same person (slots/context.ts). The
 * place is not asked of a measure (a length, a weight, a quake's magnitude): "fell 150 metres at Mount Cook" and
 * "fell 60m from a ridge near the Tasman Glacier" tell one fall, in two places' words; it is asked of a count, which
 * differs from place to place.
 */
function sameThing(x: Slot, y: Slot): boolean {
  const measure = x.unit !== undefined && (MEASURE_UNITS.has(baseUnit(x.unit)) || baseUnit(x.unit) === MAGNITUDE);
  const place = x.unit !== undefined && (MEASURES.has(baseUnit(x.unit)) || baseUnit(x.unit) === MAGNITUDE);
  return (
    (measure ? sameContext(unlead(about(x), x.lead), unlead(about(y), y.lead)) : sameContext(about(x), about(y))) &&
    (place || sameScope(x.scope, y.scope)) &&
    sameSubject(x.subject, y.names, y.lead, x.names) &&
    sameSubject(y.subject, x.names, x.lead, y.names)
  );
}

/**
 * A measure's context with its sentence's first word (`lead`) read as a word, not a name: "Gusts reached 61 mph" and
 * "Gusts hit 80 mph" measure the same gusts, capitalised only by their place. (A count keeps it a name: "Bush
 * played in 10 games" does not dispute "Bush missed four games".)
 */
function unlead(context: readonly string[] | undefined, lead: string | undefined): readonly string[] | undefined {
  if (context === undefined || lead === undefined || !context.includes(lead)) return context;
  return context.map((w) => (w === lead ? w.slice(NAME_MARK.length) : w)).sort();
}

/**
 * The slots of two sides that disagree and may be about the same thing ({@link sameContext}): a figure is disputed
 * only by one said of the same thing, so "Charles rushed for 226 yards" is not set against "Hillis added 101
 * yards". Undefined when no pair is.
 */
function aboutTheSame(kind: SlotKind, sa: readonly Slot[], sb: readonly Slot[]): Disagreement | undefined {
  const a = new Set<Slot>();
  const b = new Set<Slot>();
  for (const x of sa) {
    for (const y of sb) {
      if (agree(x, y) || (CONTEXT_KINDS.has(kind) && !sameThing(x, y))) continue;
      a.add(x);
      b.add(y);
    }
  }
  return a.size === 0 ? undefined : { kind, a: [...a], b: [...b] };
}

/** Comparing the slots of two aligned sentences: which values the two outlets disagree on. */
import type { Slot, SlotKind } from '../../types.js';
import { PARTICLES } from './words.js';

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
 *   date: month-days if both sides have one, else months (a bare "December" against "December 3" agrees).
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
      const full = (s: Slot): boolean => s.value.length === 5;
      const byDay = as.some(full) && bs.some(full);
      const value = (s: Slot): string => (byDay ? s.value : s.value.slice(0, 2));
      const da = byDay ? as.filter(full) : as;
      const db = byDay ? bs.filter(full) : bs;
      if (disjoint(da.map(value), db.map(value))) out.push({ kind, a: da, b: db });
      continue;
    }
    const key = kind === 'number' || kind === 'name' ? (s: Slot) => s.unit : (s: Slot) => s.unit ?? '';
    const ga = groupBy(as, key);
    const gb = groupBy(bs, key);
    for (const unit of [...ga.keys()].sort()) {
      const sa = ga.get(unit) ?? [];
      const sb = gb.get(unit);
      if (sb === undefined) continue;
      const d = kind === 'name' ? nameDisagreement(sa, sb) : disjoint(sa.map((s) => s.value), sb.map((s) => s.value)) ? { kind, a: sa, b: sb } : undefined;
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

/**
 * Names given for one role. Two names are the same person when equal ignoring spaces, or when one's words are
 * within the other's or they share the surname (see {@link samePerson}). A near-spelling IS flagged: same
 * word count, edit distance 1–2 on the whole value, differing only in words of 4+ letters ("Velucci" /
 * "Vellucci"); so are transliteration variants ("Mohamed" / "Mohammed"). Otherwise, when no name on one side
 * matches any on the other, the outlets named different people for the role.
 */
function nameDisagreement(as: Slot[], bs: Slot[]): Disagreement | undefined {
  const compact = (v: string): string => v.replace(/ /g, '');
  const misspelt: [Slot, Slot][] = [];
  let related = false;
  for (const x of as) {
    for (const y of bs) {
      if (compact(x.value) === compact(y.value)) related = true;
      else if (nearSpelling(x.value, y.value)) misspelt.push([x, y]);
      else if (samePerson(x.value, y.value)) related = true;
    }
  }
  const exact = (s: Slot, others: Slot[]): boolean => others.some((o) => compact(o.value) === compact(s.value));
  const flagged = misspelt.filter(([x, y]) => !exact(x, bs) && !exact(y, as));
  if (flagged.length > 0) {
    return { kind: 'name', a: unique(flagged.map(([x]) => x)), b: unique(flagged.map(([, y]) => y)) };
  }
  return related || misspelt.length > 0 ? undefined : { kind: 'name', a: as, b: bs };
}

function unique(slots: Slot[]): Slot[] {
  return [...new Set(slots)];
}

/**
 * Whether two names can be one person: the words of 3+ letters that are not particles of one are all in the other
 * ("Assad" / "Bashar al-Assad", "Wang Yi" / "Wang Li", whose given names are too short to tell), or the two end
 * with the same such word, the surname ("Bill Clinton" / "William Clinton"); words match when {@link sameWord}
 * ("Sawarmi Khaled Saad" / "Sawarmi Khalid"). A shared first name is not enough:
 * "John Kirby" and "John Smith", "Mohammed bin Salman" and "Mohammed bin Zayed" are different people.
 */
function samePerson(x: string, y: string): boolean {
  const words = (v: string): string[] => v.split(' ').filter((w) => w.length >= 3 && !PARTICLES.has(w));
  const xs = words(x);
  const ys = words(y);
  if (xs.length === 0 || ys.length === 0) return false;
  const within = (a: readonly string[], b: readonly string[]): boolean => a.every((w) => b.some((v) => sameWord(w, v)));
  return within(xs, ys) || within(ys, xs) || sameWord(xs[xs.length - 1] as string, ys[ys.length - 1] as string);
}

/** One word of a name, spelt alike or transliterated ("Khaled" / "Khalid"): equal, or 5+ letters with the same first letter 1–2 edits apart. */
function sameWord(w: string, v: string): boolean {
  if (w === v) return true;
  return w.length >= 5 && v.length >= 5 && w.length <= 40 && v.length <= 40 && w[0] === v[0] && editDistance(w, v) <= 2;
}

function nearSpelling(x: string, y: string): boolean {
  const xs = x.split(' ');
  const ys = y.split(' ');
  if (xs.length !== ys.length || x.length > 80 || y.length > 80) return false;
  for (let k = 0; k < xs.length; k++) {
    const p = xs[k] as string;
    const q = ys[k] as string;
    if (p !== q && (p.length < 4 || q.length < 4)) return false;
  }
  const d = editDistance(x, y);
  return d >= 1 && d <= 2;
}

/** Levenshtein distance (both strings are short: callers cap them at 80 characters). */
function editDistance(x: string, y: string): number {
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

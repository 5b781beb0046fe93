/** Comparing the names two aligned sentences give for one role: the same person, a misspelling, or another person. */
import type { Slot } from '../../types.js';
import type { Disagreement } from './compare.js';
import { PARTICLES } from './words.js';

/**
 * Names given for one role. Two names are the same person when equal ignoring spaces, or when one's words are
 * within the other's or they share the surname and the given name (see {@link samePerson}). A near-spelling IS flagged: same
 * word count, edit distance 1–2 on the whole value, differing only in words of 4+ letters ("Velucci" /
 * "Vellucci"); so are transliteration variants ("Mohamed" / "Mohammed"). Otherwise, when no name on one side
 * matches any on the other, the outlets named different people for the role.
 */
export function nameDisagreement(as: Slot[], bs: Slot[]): Disagreement | undefined {
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
 * with the same such word, the surname, and begin with the same given name as far as can be told ("Bill Clinton" /
 * "William Clinton", "Chris Smith" / "Christopher Smith": {@link sameGivenName}); words match when {@link sameWord}
 * ("Sawarmi Khaled Saad" / "Sawarmi Khalid"). A shared first name is not enough: "John Kirby" and "John Smith",
 * "Mohammed bin Salman" and "Mohammed bin Zayed" are different people; nor is a shared surname under two given
 * names: "Mark Hensley" and "Mike Hensley", two outlets' fire chiefs, are one of them wrong.
 */
function samePerson(x: string, y: string): boolean {
  const words = (v: string): string[] => v.split(' ').filter((w) => w.length >= 3 && !PARTICLES.has(w));
  const xs = words(x);
  const ys = words(y);
  if (xs.length === 0 || ys.length === 0) return false;
  const within = (a: readonly string[], b: readonly string[]): boolean => a.every((w) => b.some((v) => sameWord(w, v)));
  if (within(xs, ys) || within(ys, xs)) return true;
  return sameWord(xs[xs.length - 1] as string, ys[ys.length - 1] as string) && sameGivenName(xs[0] as string, ys[0] as string);
}

/** Short forms of English given names that are not a beginning of the full one ("Bill" of "William"), by short form. */
const SHORT_NAMES = new Map<string, readonly string[]>([
  ['bill', ['william']], ['billy', ['william']], ['will', ['william']], ['bob', ['robert']], ['bobby', ['robert']], ['rob', ['robert']],
  ['mike', ['michael']], ['jim', ['james']], ['jimmy', ['james']], ['tom', ['thomas']], ['tommy', ['thomas']], ['dick', ['richard']],
  ['rick', ['richard', 'frederick', 'eric']], ['jack', ['john']], ['johnny', ['john']], ['ted', ['edward', 'theodore']], ['ned', ['edward']],
  ['chuck', ['charles']], ['charlie', ['charles']], ['hank', ['henry']], ['harry', ['henry', 'harold']], ['tony', ['anthony', 'antonio']],
  ['andy', ['andrew']], ['drew', ['andrew']], ['nick', ['nicholas', 'nicolas']], ['peggy', ['margaret']], ['meg', ['margaret']],
  ['maggie', ['margaret']], ['liz', ['elizabeth']], ['beth', ['elizabeth']], ['betty', ['elizabeth']], ['kate', ['katherine', 'catherine', 'kathryn']],
  ['kathy', ['katherine', 'kathleen', 'kathryn']], ['cathy', ['catherine']], ['sue', ['susan', 'suzanne']], ['jenny', ['jennifer']],
  ['jen', ['jennifer']], ['becky', ['rebecca']], ['larry', ['lawrence', 'laurence']], ['jerry', ['gerald', 'jeremiah']], ['joe', ['joseph']],
  ['pat', ['patrick', 'patricia']], ['steve', ['stephen', 'steven']], ['vicky', ['victoria']], ['abby', ['abigail']], ['sandy', ['sandra', 'alexander']],
  ['sasha', ['alexander', 'alexandra']], ['dave', ['david']], ['zach', ['zachary']], ['jake', ['jacob']], ['ray', ['raymond']],
]);

/**
 * Whether two given names can be one person's: the same word ({@link sameWord}), one a beginning of the other
 * ("Chris" / "Christopher", "Alex" / "Alexander"), one letter apart with the same first letter ("Jon" / "John"),
 * or a short form of the other ("Bill" / "William"). Other pet
 * names and names of other languages' short forms ("Sasha" aside) are taken for other people.
 */
function sameGivenName(a: string, b: string): boolean {
  if (sameWord(a, b) || a.startsWith(b) || b.startsWith(a)) return true;
  // One letter apart with the same first letter: a spelling of one name ("Jon" / "John", "Marc" / "Mark").
  if (a[0] === b[0] && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1) return true;
  return (SHORT_NAMES.get(a) ?? []).includes(b) || (SHORT_NAMES.get(b) ?? []).includes(a);
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

/**
 * A live blog's superseded figures: a count an entry gives (a toll, the missing, the evacuated) that a newer entry
 * of the same blog gives anew ("Officials say the death toll has risen to 14" at 10:40, "23 people have died" at
 * 18:05). It is what was said then, as "Previously, officials had said 12" is (slots/background.ts): not the blog's
 * claim, and not compared with other outlets' figures (facts/conflicts.ts). The newest entry's values, and an older
 * entry's values that no newer entry gives again, stay the blog's claims.
 *
 * "Gives anew" is what a conflict between two outlets would be made of: a newer sentence of the blog whose number
 * of the same unit, context and scope the older one's disagrees with (slots/compare.ts `disagreements`), when the
 * number is a toll, the newer sentence tells it as an update ({@link UPDATE}: "toll", "now", "risen" …) or the two are
 * worded alike ({@link alike}); figures the blog cites as another outlet's take no part. Numbers
 * only: a time or a name an older entry gives is no running figure. Sentences before the first entry (a blog's
 * summary) neither supersede nor are superseded. Each older sentence is compared with at most {@link MAX_NEWER} of
 * the newer sentences that give a number (the nearest in time): a bound on a long blog's work.
 */
import type { Fact, Language, Sentence, Slot } from '../types.js';
import { claims, disagreements } from './slots/index.js';
import { TOLL_UNIT } from './slots/tolls.js';
import { baseUnit } from './slots/number-roles.js';

/** Newer sentences with a number an older one is compared with, at most (the nearest in time). */
export const MAX_NEWER = 400;

/**
 * The words that give a figure as an update of one told before: a toll ("the death toll has risen to 19"), a verb of
 * change or "now" ("now says 23 people have died", "rose to", "climbed to"), "latest", "updated", "revised". English
 * only: a blog in another language supersedes nothing (its entries' figures stay its claims).
 */
const UPDATE = /\b(?:toll|now|risen|rose|rises|climbed|climbs|increased|jumped|reached|latest|updated?|revised|raised|new figures?)\b/i;

/** Whether a number is a toll (slots/tolls.ts gives the dead and the injured their units). */
const isToll = (s: Slot): boolean => {
  const unit = baseUnit(s.unit ?? '');
  return unit === TOLL_UNIT.die || unit === TOLL_UNIT.injur;
};

/** A sentence's words, without its numbers: lower case, and its names (capitalised words but the first) apart. */
interface Words {
  readonly all: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

function wordSet(text: string): Words {
  const words = text.match(/\p{L}+/gu) ?? [];
  return { all: new Set(words.map((w) => w.toLowerCase())), names: new Set(words.slice(1).filter((w) => /^\p{Lu}/u.test(w))) };
}

/**
 * Whether two sentences are worded alike, their figures aside: half their words in common and the same names — the
 * same statement made again with a new figure ("About 400 homes have been destroyed, the regional governor said" /
 * "More than 1,200 homes have been destroyed, …"), not a count of another place ("… cancelled across Scotland" /
 * "… cancelled across northern England"; "In Wales, 12 people were rescued …" / "In Scotland, 3 …").
 */
function alike(a: Words, b: Words): boolean {
  if (a.names.size !== b.names.size || [...a.names].some((n) => !b.names.has(n))) return false;
  let both = 0;
  for (const w of a.all) if (b.all.has(w)) both++;
  return both * 2 >= a.all.size + b.all.size - both;
}

/** What is read of an article for its superseded figures. */
export interface LiveArticle {
  readonly id: string;
  readonly sentences: readonly Sentence[];
  readonly language?: Language;
}

/** Whether any sentence of the article is part of a live blog entry: only such articles are read. */
export const isLiveBlog = (a: Pick<LiveArticle, 'sentences'>): boolean => a.sentences.some((s) => s.entry !== undefined);

/**
 * The superseded figures of a live blog (see above): by sentence index, the start offsets of its number slots
 * (as slots/extract.ts `claims` reads them) that a newer entry gives anew. Empty for an article without entries.
 * `whole`, when given, gets the sentences all of whose own figures are superseded: only those are "since updated"
 * (a sentence with a stale toll and a bridge washed away still tells the bridge).
 */
export function supersededSlots(article: LiveArticle, whole?: Set<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const numbered: { sentence: Sentence; order: number; slots: Slot[]; update: boolean; words: Words }[] = [];
  for (const s of article.sentences) {
    if (s.entry === undefined) continue;
    const read = claims(s.text, article.language);
    // A figure the entry gives as another outlet's ("…, according to Reuters") is no figure of the blog's: it neither
    // is superseded nor supersedes (slots/citations.ts).
    const slots = read.slots.filter((x) => x.kind === 'number' && !read.cited.some((c) => x.start >= c.from && x.start < c.to));
    if (slots.length > 0) numbered.push({ sentence: s, order: s.entry.order, slots, update: UPDATE.test(s.text), words: wordSet(s.text) });
  }
  // Newest first: each sentence is compared with those of newer entries before it.
  numbered.sort((x, y) => y.order - x.order || x.sentence.index - y.sentence.index);
  let newer = 0;
  for (let i = 0; i < numbered.length; i++) {
    const older = numbered[i] as (typeof numbered)[number];
    while (newer < i && (numbered[newer] as (typeof numbered)[number]).order > older.order) newer++;
    const stale = new Set<number>();
    for (let j = newer - 1, seen = 0; j >= 0 && seen < MAX_NEWER; j--) {
      const later = numbered[j] as (typeof numbered)[number];
      seen++;
      // A newer entry supersedes a toll (the dead, the injured: a running count of the one event), or any figure it
      // gives as an update ("now", "risen to"): a count of another place or thing of one kind ("In Wales, 12 people
      // were rescued" after "In Scotland, 3 people were rescued") is news of its own (review 29).
      const ds = disagreements(older.slots, later.slots);
      if (ds.length === 0) continue;
      const restated = later.update || alike(older.words, later.words);
      for (const d of ds) for (const s of d.a) if (restated || isToll(s)) stale.add(s.start);
    }
    if (stale.size > 0) out.set(older.sentence.index, [...stale].sort((a, b) => a - b));
    if (whole !== undefined && stale.size > 0 && older.slots.every((x) => stale.has(x.start))) whole.add(older.sentence.index);
  }
  return out;
}

/**
 * Whether a fact is told only by live blog sentences whose figures newer entries give anew (Mention.updated): what
 * was said then, which no blog adds, no other source leaves out and none shares, whatever other sentences tell it
 * within theirs (`alsoIn`: another outlet's current toll beside the blog's stale one) (facts/story-facts.ts,
 * render/sections.ts).
 */
export const supersededOnly = (f: Pick<Fact, 'mentions'>): boolean => f.mentions.every((m) => m.updated === true);

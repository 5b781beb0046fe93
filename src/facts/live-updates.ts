/**
 * A live blog's superseded figures: a count an entry gives (a toll, the missing, the evacuated) that a newer entry
 * of the same blog gives anew ("Officials say the death toll has risen to 14" at 10:40, "23 people have died" at
 * 18:05). It is what was said then, as "Previously, officials had said 12" is (slots/background.ts): not the blog's
 * claim, and not compared with other outlets' figures (facts/conflicts.ts). The newest entry's values, and an older
 * entry's values that no newer entry gives again, stay the blog's claims.
 *
 * "Gives anew" is what a conflict between two outlets would be made of: a newer sentence of the blog whose number
 * of the same unit, context and scope the older one's disagrees with (slots/compare.ts `disagreements`). Numbers
 * only: a time or a name an older entry gives is no running figure. Sentences before the first entry (a blog's
 * summary) neither supersede nor are superseded. Each older sentence is compared with at most {@link MAX_NEWER} of
 * the newer sentences that give a number (the nearest in time): a bound on a long blog's work.
 */
import type { Fact, Language, Sentence, Slot } from '../types.js';
import { claims, disagreements } from './slots/index.js';

/** Newer sentences with a number an older one is compared with, at most (the nearest in time). */
export const MAX_NEWER = 400;

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
 */
export function supersededSlots(article: LiveArticle): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const numbered: { sentence: Sentence; order: number; slots: Slot[] }[] = [];
  for (const s of article.sentences) {
    if (s.entry === undefined) continue;
    const slots = claims(s.text, article.language).slots.filter((x) => x.kind === 'number');
    if (slots.length > 0) numbered.push({ sentence: s, order: s.entry.order, slots });
  }
  // Newest first: each sentence is compared with those of newer entries before it.
  numbered.sort((x, y) => y.order - x.order || x.sentence.index - y.sentence.index);
  let newer = 0;
  for (let i = 0; i < numbered.length; i++) {
    const older = numbered[i] as (typeof numbered)[number];
    while (newer < i && (numbered[newer] as (typeof numbered)[number]).order > older.order) newer++;
    const stale = new Set<number>();
    for (let j = newer - 1; j >= Math.max(0, newer - MAX_NEWER); j--) {
      for (const d of disagreements(older.slots, (numbered[j] as (typeof numbered)[number]).slots)) for (const s of d.a) stale.add(s.start);
    }
    if (stale.size > 0) out.set(older.sentence.index, [...stale].sort((a, b) => a - b));
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

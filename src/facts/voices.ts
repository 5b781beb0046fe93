/**
 * A story's voices: its sources as counts of independent reporting see them. The sources of a copy group
 * (near-duplicate copies of one text, report/copy-groups.ts) are one voice: a wire story republished by Yahoo
 * tells what Reuters told, once, however many outlets carry it. Sources are joined when an article of one is a
 * copy of an article of the other (union-find over sources, so a source is always in one voice with all its
 * articles, as articles of one source already counted as one source).
 *
 * Voices are what "reported by some sources", adds, omits (`reportedBy` of `otherSources`) and corroborated facts
 * count. The copies are still sources of the story: each keeps its own adds and omits lists, and a fact every
 * source reports is still one every source reports.
 *
 * A partial copy (an excerpt: Ventura County Star running AP's first four paragraphs word for word,
 * cluster/partial-copies.ts) joins its whole's voice too, for everyone else's counts: it corroborates nothing of its
 * whole. But its source itself ({@link excerptingSources}) is compared with every voice, its whole's included, so
 * its omits still list what it cut of the whole (what the republisher left out is what a coverage researcher asks
 * of it), and it adds only what no other source's article tells ({@link othersTelling}).
 */
import type { PartialCopy, Story } from '../types.js';
import { UnionFind } from '../util/union-find.js';

export interface Voices {
  /** Per article id of the story, the key of its voice (the first of the voice's sources in story order). */
  readonly of: ReadonlyMap<string, string>;
  /** How many voices the story has. */
  readonly count: number;
}

/**
 * The voices of a story of `articles` (ids in story order), each of source `sourceOf(id)`, with copy groups
 * `groups` (each a list of article ids of the story; ids not of the story are ignored). Sources of no copy group,
 * or copying only themselves, are a voice each.
 */
export function storyVoices(articles: readonly string[], sourceOf: (id: string) => string, groups: readonly (readonly string[])[] = []): Voices {
  const index = new Map<string, number>();
  const sources: string[] = [];
  const at = articles.map((id) => {
    const s = sourceOf(id);
    let i = index.get(s);
    if (i === undefined) {
      i = sources.length;
      index.set(s, i);
      sources.push(s);
    }
    return i;
  });
  const pos = new Map(articles.map((id, k) => [id, at[k] as number]));
  const sets = new UnionFind(sources.length);
  let count = sources.length;
  for (const g of groups) {
    let first: number | undefined;
    for (const id of g) {
      const i = pos.get(id);
      if (i === undefined) continue;
      if (first === undefined) first = i;
      else if (sets.union(first, i)) count--;
    }
  }
  // The key of a voice: its first source in story order (the representative's own name would depend on unions).
  const key = new Map<number, string>();
  sources.forEach((s, i) => {
    const root = sets.find(i);
    if (!key.has(root)) key.set(root, s);
  });
  const of = new Map(articles.map((id, k) => [id, key.get(sets.find(at[k] as number)) ?? sourceOf(id)]));
  return { of, count };
}

/**
 * What a story's sources are compared as: its `voices` when there are two or more, else its sources. A story
 * whose sources all carry one text (Reuters and a Yahoo copy, nothing else) has no second voice to compare it
 * with; what its copies differ by is what each cut or kept, so they are compared source by source, as before.
 */
export function comparedVoices(voices: Voices, articles: readonly string[], sourceOf: (id: string) => string): Voices {
  if (voices.count >= 2) return voices;
  const of = new Map(articles.map((id) => [id, sourceOf(id)]));
  return { of, count: new Set(of.values()).size };
}

/**
 * What joins a story's sources into voices: the articles of each copy group, then each partial copy's part and
 * whole. Absent when there is neither.
 */
export function voiceGroups(copyGroups: readonly (readonly string[])[] | undefined, partialCopies: readonly Pick<PartialCopy, 'part' | 'whole'>[] | undefined): (readonly string[])[] | undefined {
  if ((copyGroups?.length ?? 0) === 0 && (partialCopies?.length ?? 0) === 0) return undefined;
  return [...(copyGroups ?? []), ...(partialCopies ?? []).map((p) => [p.part, p.whole])];
}

/** {@link comparedVoices} of a story of the report (its copy groups and partial copies as the story gives them). */
export function reportVoices(story: Pick<Story, 'articles' | 'copyGroups' | 'partialCopies'>, sourceOf: (id: string) => string): Voices {
  const groups = voiceGroups(story.copyGroups?.map((g) => g.articles), story.partialCopies);
  return comparedVoices(storyVoices(story.articles, sourceOf, groups), story.articles, sourceOf);
}

/**
 * The sources of a story that excerpt another source's article (the part of a partial copy whose whole is of
 * another source): each is in its whole's voice for the others' counts, but compared with every voice itself.
 */
export function excerptingSources(partialCopies: readonly Pick<PartialCopy, 'part' | 'whole'>[] | undefined, sourceOf: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const p of partialCopies ?? []) {
    const s = sourceOf(p.part);
    if (s !== sourceOf(p.whole)) out.add(s);
  }
  return out;
}

/** The voices that tell one fact, and per voice how many of its sources tell it. */
export interface FactVoices {
  readonly size: number;
  readonly sources: ReadonlyMap<string, number>;
}

/** {@link FactVoices} of a fact told by `sources` (distinct), each of voice `voiceOf(source)`. */
export function factVoices(sources: Iterable<string>, voiceOf: (source: string) => string): FactVoices {
  const count = new Map<string, number>();
  for (const s of sources) {
    const v = voiceOf(s);
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  return { size: count.size, sources: count };
}

/**
 * How many voices other than source `source`'s own tell a fact (`told`): its voice (`voice`) does not count, as a
 * copy does not corroborate its text; for a source that excerpts (`excerpting`), only its own telling does not: its
 * whole and the whole's copies are another voice to it. `tells`: whether `source` tells the fact.
 */
export function othersTelling(told: FactVoices, voice: string, excerpting: boolean, tells: boolean): number {
  const n = told.sources.get(voice);
  if (n === undefined) return told.size;
  if (!excerpting) return told.size - 1;
  return tells && n === 1 ? told.size - 1 : told.size;
}

/**
 * How many voices a source is compared with (`otherSources`): the story's `voices` less its own, but for a source
 * that excerpts, whose voice counts unless it is alone in it (`alone`).
 */
export function otherVoiceCount(voices: number, excerpting: boolean, alone: boolean): number {
  return excerpting && !alone ? voices : voices - 1;
}

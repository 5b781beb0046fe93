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
 */
import type { Story } from '../types.js';
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

/** {@link comparedVoices} of a story of the report (its copy groups as `Story.copyGroups` gives them). */
export function reportVoices(story: Pick<Story, 'articles' | 'copyGroups'>, sourceOf: (id: string) => string): Voices {
  return comparedVoices(storyVoices(story.articles, sourceOf, story.copyGroups?.map((g) => g.articles)), story.articles, sourceOf);
}

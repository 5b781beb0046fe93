/**
 * A story's copy groups: its near-duplicate pairs (`copies`) read as a graph, one group for each connected set of
 * articles (union-find). Each pair of a group need not be a copy (A ≈ B and B ≈ C, A less like C), but every
 * article is a copy of at least one other. What a user asks ("how many copies of this text, and which") without
 * the pair list, which for a large group lists a spanning tree only (cluster/near-duplicates.ts).
 */
import type { CopyGroup, CopyPair } from '../types.js';
import { UnionFind } from '../util/union-find.js';

/**
 * The copy groups of a story of `articles` (ids in story order) with near-duplicate `pairs` (between articles of
 * the story); `bounded`: ids of the articles whose group lists a spanning tree only. In story order by first
 * article, each group's articles in story order.
 */
export function copyGroupsOf(articles: readonly string[], pairs: readonly CopyPair[], bounded: ReadonlySet<string>): CopyGroup[] {
  if (pairs.length === 0) return [];
  const at = new Map(articles.map((id, i) => [id, i]));
  const sets = new UnionFind(articles.length);
  for (const p of pairs) {
    const a = at.get(p.a);
    const b = at.get(p.b);
    if (a !== undefined && b !== undefined) sets.union(a, b);
  }
  // Per group (by its root), its members in story order and its pairs' figures.
  const groups = new Map<number, { articles: string[]; pairs: number; allPairs: boolean; minJaccard: number; maxJaccard: number }>();
  articles.forEach((id, i) => {
    if (sets.sizeOf(i) < 2) return;
    const root = sets.find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { articles: [], pairs: 0, allPairs: true, minJaccard: Infinity, maxJaccard: -Infinity }));
    g.articles.push(id);
    if (bounded.has(id)) g.allPairs = false;
  });
  for (const p of pairs) {
    const a = at.get(p.a);
    const g = a === undefined ? undefined : groups.get(sets.find(a));
    if (!g) continue;
    g.pairs++;
    g.minJaccard = Math.min(g.minJaccard, p.jaccard);
    g.maxJaccard = Math.max(g.maxJaccard, p.jaccard);
  }
  // A map keeps the order its keys were first set: the story order of each group's first article.
  return [...groups.values()].map((g) => ({ articles: g.articles, pairs: g.pairs, allPairs: g.allPairs, minJaccard: g.minJaccard, maxJaccard: g.maxJaccard }));
}

/** Per article id of `groups`, its group. */
export function groupOfArticle(groups: readonly CopyGroup[]): Map<string, CopyGroup> {
  const out = new Map<string, CopyGroup>();
  for (const g of groups) for (const id of g.articles) out.set(id, g);
  return out;
}

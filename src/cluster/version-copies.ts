/**
 * Copies of an earlier version. An outlet's earlier versions are dropped for its latest before fingerprinting
 * (clean/repeats.ts: Reuters' `UPDATE 1-` for its `UPDATE 2-`), and a write-through shares only about half its text
 * with the version before it, under the near-duplicate threshold. So another outlet's word-for-word copy of the
 * earlier version (Yahoo News running Reuters' `UPDATE 1-`) was a near-duplicate of nothing, and counted as a voice
 * of its own that "corroborated" Reuters.
 *
 * The versions' cleaned texts are fingerprinted too, a MinHash signature each (they are few: one a write-through), and
 * looked up in the LSH bands of every article; a candidate confirmed by the exact Jaccard similarity of the copy and
 * the version is a near-duplicate pair of the copy and the version's article (the latest), marked `ofVersion`, with
 * that similarity: the copy is in the outlet's copy group, hence in its voice and its story. A version is never
 * paired with its own article, and a copy of both the latest text and an earlier version is a copy of the latest
 * (the pair the search found already). Of an article's several versions a copy is paired by the one it is most like
 * (then the oldest).
 *
 * The pairs join the search's copy groups as its own pairs do (cluster/near-duplicates.ts): strongest first, a pair
 * that joins two groups is listed, one within a group waits and is listed only if the group ends up of at most
 * {@link MAX_LISTED_GROUP} articles. A group that grows past that here lists the pairs the search listed for its
 * parts and the joining pairs: not every pair (`bounded`), more than a spanning tree.
 */
import { bandKey, chooseBands } from '../fingerprint/lsh.js';
import { jaccard } from '../fingerprint/minhash.js';
import { UnionFind } from '../util/union-find.js';
import { CONFIRM_SLACK, MAX_LISTED_GROUP, type CopyIndexPair, type CopySearch } from './near-duplicates.js';
import { lowerBound } from '../util/typed.js';

/** An earlier version's fingerprint: the article that stands for it (its outlet's latest version) and its signature. */
export interface VersionPrint {
  readonly article: number;
  readonly signature: Uint32Array;
}

/** The exact Jaccard similarity of version `version` (its place in the prints) and article `article`. */
export type VersionJaccard = (version: number, article: number) => number;

/**
 * The search's pairs `found` with the pairs of articles that copy an earlier version of another article (see the
 * module comment). `signatures`: the articles' (128 slots at the defaults); `versions`: the earlier versions', made
 * alike; `exact`: when given, candidates within {@link CONFIRM_SLACK} of `threshold` (in (0, 1]) are confirmed
 * with it, else by the MinHash estimate. `found` itself when no article copies a version.
 */
export function withVersionCopies(
  found: CopySearch,
  signatures: readonly Uint32Array[],
  versions: readonly VersionPrint[],
  threshold: number,
  permutations: number,
  exact?: VersionJaccard,
  maxListed = MAX_LISTED_GROUP,
): CopySearch {
  if (versions.length === 0) return found;
  const copies = versionCandidates(signatures, versions, threshold, permutations, exact);
  return copies.length === 0 ? found : merged(found, copies, signatures.length, maxListed);
}

/** Band keys of different bands never meet: the band is the key's high part (at most 1,024 bands, so exact). */
const BAND_SPAN = 2 ** 32;

/**
 * The versions' band keys (band · 2^32 + key) sorted, with the version of each: a typed array to search, not a map of
 * doubles (a Map keyed by such numbers took 0.6 s for 20,000 articles' lookups on a loaded machine).
 */
function bucketsOf(versions: readonly VersionPrint[], bands: number, rows: number): { keys: Float64Array; versions: Uint32Array } {
  const keys = new Float64Array(versions.length * bands);
  versions.forEach((v, k) => {
    for (let band = 0; band < bands; band++) keys[k * bands + band] = band * BAND_SPAN + bandKey(v.signature, band, rows);
  });
  const order = Uint32Array.from(keys.keys()).sort((x, y) => (keys[x] as number) - (keys[y] as number) || x - y);
  return { keys: Float64Array.from(order, (i) => keys[i] as number), versions: Uint32Array.from(order, (i) => Math.floor(i / bands)) };
}

/**
 * The confirmed copies of the versions, one pair (version's article, copy) each, by the version the copy is most
 * like (then the oldest, the first in `versions`). The versions' band keys are bucketed (banded as the search's LSH
 * is, so a copy at the threshold is found with probability ≥ 0.99), and every article's band keys looked up in
 * them: the work is one pass of band hashing over the articles, and an estimate a version sharing a bucket.
 */
function versionCandidates(signatures: readonly Uint32Array[], versions: readonly VersionPrint[], threshold: number, permutations: number, exact?: VersionJaccard): CopyIndexPair[] {
  // At threshold 1 a copy has the same signature: one band of every slot (as near-duplicates.ts does).
  const { bands, rows } = threshold < 1 ? chooseBands(threshold, permutations) : { bands: 1, rows: permutations };
  const buckets = bucketsOf(versions, bands, rows);
  const floor = exact ? threshold - CONFIRM_SLACK : threshold;
  const n = signatures.length;
  const best = new Map<number, CopyIndexPair>();
  // The article each version was last looked at for, so that one met in several bands is looked at once.
  const seen = new Int32Array(versions.length).fill(-1);
  for (let x = 0; x < n; x++) {
    const signature = signatures[x] as Uint32Array;
    for (let band = 0; band < bands; band++) {
      const key = band * BAND_SPAN + bandKey(signature, band, rows);
      for (let at = lowerBound(buckets.keys, key); at < buckets.keys.length && buckets.keys[at] === key; at++) {
        const k = buckets.versions[at] as number;
        const v = versions[k] as VersionPrint;
        if (seen[k] === x || v.article === x) continue;
        seen[k] = x;
        const estimate = jaccard(v.signature, signature);
        if (estimate < floor) continue;
        const j = exact ? exact(k, x) : estimate;
        if (j < threshold) continue;
        const a = Math.min(x, v.article);
        const b = Math.max(x, v.article);
        const old = best.get(a * n + b);
        if (old === undefined || j > old.jaccard || (j === old.jaccard && k < (old.ofVersion as number))) best.set(a * n + b, { a, b, jaccard: j, ofVersion: k });
      }
    }
  }
  return [...best.values()];
}

/** `found` with the version copies `extra` that are not pairs of it already, joined as the module comment says. */
function merged(found: CopySearch, extra: readonly CopyIndexPair[], n: number, maxListed: number): CopySearch {
  const listed = new Set(found.pairs.map((p) => p.a * n + p.b));
  const fresh = extra.filter((p) => !listed.has(p.a * n + p.b)).sort((x, y) => y.jaccard - x.jaccard || x.a - y.a || x.b - y.b);
  if (fresh.length === 0) return found;
  const groups = new UnionFind(n);
  for (const p of found.pairs) groups.union(p.a, p.b);
  const added: CopyIndexPair[] = [];
  const waiting: CopyIndexPair[] = [];
  for (const p of fresh) {
    if (groups.union(p.a, p.b)) added.push(p);
    else waiting.push(p);
  }
  for (const p of waiting) if (groups.sizeOf(p.a) <= maxListed) added.push(p);
  const pairs = [...found.pairs, ...added].sort((x, y) => x.a - y.a || x.b - y.b);
  const bounded = new Set(found.bounded);
  for (const p of pairs) if (groups.sizeOf(p.a) > maxListed) bounded.add(p.a).add(p.b);
  return { pairs, bounded };
}

/**
 * Repeated polls of one record: hourly dumps of the same feeds hold the same item again and again, and a
 * record that is edited comes back with the same guid or URL and changed text. Records of one outlet that share
 * their feed id (`guid`, JSON `id`) or their URL (an HTML page's `<link rel="canonical">` is its URL) are one
 * article; the others of the group are dropped before cleaning (so they count neither as articles nor towards
 * recurring lines), with one diagnostic a record.
 *
 * Which version is kept, whatever the input order or the number of threads:
 * - of copies with the same text (same content id), the earliest by date, then the first path in natural order
 *   (`T9` before `T10`): the time the text was first out, as the first poll of an hourly dump saw it;
 * - of versions with changed text, the latest: latest by date (a text's date is that of its earliest copy), then
 *   by version slug (`UPDATE 2-` after `UPDATE 1-`, `CORRECTED-UPDATE 2-` after both), then the one first seen in
 *   the later path. It carries the corrections; the earlier versions are named in its
 *   diagnostic and listed with it ({@link Repeats.earlier}), so that the story keeps their first time.
 * Versions are one article only when they still look alike (clean/versions.ts): the same headline once an agency's
 * version slug is left out ("UPDATE 2-"), half the lines of the shorter in common, or half the word 3-shingles of
 * the shorter in common (a write-through that rewrites the lead and the headline). An export whose ids restart at 1
 * in each file, or a URL shared by unrelated items, does not merge different articles. A URL that is a site's home
 * page (no path) is no key.
 *
 * Records with no key in common are versions too when both carry a version slug and the slugs differ (`UPDATE 1-`
 * and `UPDATE 2-`, `CORRECTED-`, `REFILE-`, `WRAPUP 2-`), they are of the same outlet, dated at most two days apart
 * (or undated), and they share half the word 3-shingles of the shorter and 0.4 to 0.9 of the longer's (see
 * slugShares): wire copy often comes without a URL.
 */
import type { ArticleMeta, Diagnostic } from '../types.js';
import { parseDate } from '../input/date.js';
import { UnionFind } from '../util/union-find.js';
import { naturalCompare } from '../util/natural-order.js';
import { containment, hasVersionSlug, shingleSet, versionRank, withoutWireSlug } from './versions.js';
import { sharedCount } from '../fingerprint/articles.js';
import { lowerBound } from '../util/typed.js';

/** What {@link dropRepeats} needs of a record. */
export interface Polled {
  readonly path: string;
  readonly title: string;
  readonly meta: ArticleMeta;
  readonly outlet: { readonly source: string };
  /** Its content id (clean/articles.ts): equal for the same title and paragraphs. */
  readonly base: string;
  /** Its distinct line hashes (LineCounter.hashesIn). */
  readonly hashes: () => Uint32Array;
  /** Its paragraphs (read only for records that may be versions of another). */
  readonly body: () => readonly string[];
}

export interface Repeats {
  /** The indexes of the records kept, ascending. */
  readonly kept: number[];
  /** One `skipped` line for each kept record that stands for dropped ones, in the natural order of its path. */
  readonly diagnostics: Diagnostic[];
  /**
   * For each kept record that stands for earlier versions (texts changed, not copies), those versions: the
   * earliest copy of each earlier text, oldest first.
   */
  readonly earlier: Map<number, number[]>;
}

/** A URL as a key: host lower-cased, no fragment, no trailing slash; none for a home page. */
export function urlKey(url: string | undefined): string | undefined {
  const text = url?.trim();
  if (!text) return undefined;
  try {
    const u = new URL(text);
    const pathname = u.pathname.replace(/\/+$/, '');
    if (pathname === '' && u.search === '') return undefined;
    return `${u.host.toLowerCase()}${pathname}${u.search}`;
  } catch {
    return text;
  }
}

/** Records of one outlet with the same guid or URL, as one article each (see the file's comment). */
export function dropRepeats(records: readonly Polled[]): Repeats {
  const sets = new UnionFind(records.length);
  const byId = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const join = (map: Map<string, number>, key: string | undefined, i: number): void => {
    if (key === undefined) return;
    const first = map.get(key);
    if (first === undefined) map.set(key, i);
    else sets.union(first, i);
  };
  records.forEach((r, i) => {
    const id = r.meta.externalId?.trim();
    join(byId, id ? `${r.outlet.source}\u0000${id}` : undefined, i);
    const url = urlKey(r.meta.url);
    join(byUrl, url !== undefined ? `${r.outlet.source}\u0000${url}` : undefined, i);
  });
  const shingles = new Map<number, Uint32Array>();
  const shinglesOf = (i: number): Uint32Array => {
    let s = shingles.get(i);
    if (s === undefined) {
      const r = records[i] as Polled;
      s = shingleSet([r.title, ...r.body()]);
      shingles.set(i, s);
    }
    return s;
  };
  for (const [a, b] of slugVersions(records, shinglesOf)) sets.union(a, b);
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => {
    const root = sets.find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  });
  const dropped = new Uint8Array(records.length);
  const found: { kept: number; diagnostic: Diagnostic }[] = [];
  const earlier = new Map<number, number[]>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const article of articlesOf(members, records, shinglesOf)) {
      const { kept, repeats, versions, teasers } = article;
      if (repeats.length === 0) continue;
      repeats.forEach((i) => (dropped[i] = 1));
      found.push({ kept, diagnostic: diagnostic(records, kept, repeats, versions.length, teasers.length) });
      if (versions.length > 0) earlier.set(kept, versions);
    }
  }
  const kept: number[] = [];
  dropped.forEach((d, i) => d === 0 && kept.push(i));
  found.sort((x, y) => naturalCompare(records[x.kept]?.path ?? '', records[y.kept]?.path ?? '') || x.kept - y.kept);
  return { kept, diagnostics: found.map((f) => f.diagnostic), earlier };
}

/** Share of the shorter text's word 3-shingles that make two texts of one outlet versions of one story (see README, Input: "Repeated polls of one record are one article"). */
export const VERSION_CONTAINMENT = 0.5;
/** Fewer shingles in common than this never make versions: two briefs with one sentence in common are not. */
const MIN_SHARED_SHINGLES = 12;
/** How far apart two unkeyed texts can be dated and still be versions of one story (write-throughs run a day or two). */
const SLUG_WINDOW_MS = 2 * 86_400_000;
/** A shingle held by more slugged records of one outlet than this is its boilerplate ("Reporting by …"): not indexed. */
const MAX_POSTINGS = 32;
/**
 * Candidates are found by a quarter of the shingles (those whose hash ends in two zero bits, the same quarter in
 * every text), then checked on all of them: two versions share a hundred shingles or more (the review's Reuters and
 * AP pairs 106 and 147), so a quarter of them still finds them, at a quarter of the index.
 */
const SAMPLE_MASK = 3;
const MIN_SAMPLED = 2;

/** Two texts that share enough word 3-shingles to be versions of one story. */
function sharesText(x: Uint32Array, y: Uint32Array): boolean {
  return sharedCount(x, y) >= MIN_SHARED_SHINGLES && containment(x, y) >= VERSION_CONTAINMENT;
}

/**
 * Share of the longer text's word 3-shingles two unkeyed texts must share to be versions by their slug: a wire's
 * running story keeps the same background paragraphs in every piece, so a short next-day story can hold half of its
 * own shingles in an earlier one (review 27b: Reuters' Kyiv blackouts in its Kharkiv strike story) while the longer
 * holds far less of it in common; a write-through keeps most of its text (the review's pairs: 0.5 and more).
 */
const SLUG_LONGER_CONTAINMENT = 0.4;
/** Past this share of the longer text, two texts are one text republished (copies), not versions. */
const COPY_CONTAINMENT = 0.9;

/**
 * Two unkeyed records of one outlet that are versions by their slug: both slugged and different versions (UPDATE 1
 * and UPDATE 2; two files of the same version are copies, left to near-duplicate detection), text in common by
 * {@link sharesText} and {@link SLUG_LONGER_CONTAINMENT}, and not so much that they are one text.
 */
function slugShares(records: readonly Polled[], r: number, s: number, x: Uint32Array, y: Uint32Array): boolean {
  const a = (records[r] as Polled).title;
  const b = (records[s] as Polled).title;
  // Both slugged: an unslugged story of the outlet may be another story on the same running topic, sharing its
  // background paragraphs (review 27b: 0.70 of the shorter's shingles, more than two real write-throughs' 0.62).
  if (!hasVersionSlug(a) || !hasVersionSlug(b) || versionRank(a) === versionRank(b)) return false;
  if (!sharesText(x, y)) return false;
  const longer = sharedCount(x, y) / Math.max(x.length, y.length);
  return longer >= SLUG_LONGER_CONTAINMENT && longer < COPY_CONTAINMENT;
}

/**
 * Pairs of records of one outlet, one of them carrying an agency's version slug, that are versions of one story
 * without a key in common (see the file's comment). Each slugged record's shingles are indexed (a quarter of them),
 * and every record of its outlet dated near a slugged one is checked against the slugged records that share some of
 * its shingles.
 */
function slugVersions(records: readonly Polled[], shinglesOf: (i: number) => Uint32Array): [number, number][] {
  const byOutlet = new Map<string, number[]>();
  records.forEach((r, i) => {
    const list = byOutlet.get(r.outlet.source);
    if (list) list.push(i);
    else byOutlet.set(r.outlet.source, [i]);
  });
  const pairs: [number, number][] = [];
  const dates = new Map<number, number | undefined>();
  const when = (i: number): number | undefined => {
    if (!dates.has(i)) dates.set(i, parseDate(records[i]?.meta.date)?.ms);
    return dates.get(i);
  };
  for (const members of byOutlet.values()) {
    const slugged = members.filter((i) => hasVersionSlug((records[i] as Polled).title));
    // (Past PLACE_SPAN slugged records of one outlet, two million, the index cannot tell them apart: none are versions by slug.)
    if (slugged.length === 0 || slugged.length >= PLACE_SPAN || members.length < 2) continue;
    // Slugged records by their place in `slugged`, so that the counts are a typed array (reset by the places touched).
    const index = postingsOf(slugged.map(shinglesOf));
    const counts = new Uint32Array(slugged.length);
    const touched: number[] = [];
    // A dated record more than the window away from every slugged record is not shingled at all.
    const times = slugged.map(when);
    const undatedSlug = times.some((t) => t === undefined);
    const slugTimes = Float64Array.from(times.filter((t): t is number => t !== undefined)).sort();
    const near = (t: number | undefined): boolean => t === undefined || undatedSlug || nearest(slugTimes, t) <= SLUG_WINDOW_MS;
    for (const r of members) {
      if (!near(when(r))) continue;
      const rSlugged = hasVersionSlug((records[r] as Polled).title);
      for (const h of shinglesOf(r)) {
        if ((h & SAMPLE_MASK) !== 0) continue;
        const at = index.find(h);
        if (at < 0) continue;
        const end = index.offsets[at + 1] as number;
        for (let p = index.offsets[at] as number; p < end; p++) {
          const k = index.places[p] as number;
          if ((counts[k] as number)++ === 0) touched.push(k);
        }
      }
      for (const k of touched) {
        const n = counts[k] as number;
        counts[k] = 0;
        const s = slugged[k] as number;
        // Each pair once: from the record with the smaller index when both carry a slug.
        if (s === r || n < MIN_SAMPLED || (rSlugged && s < r)) continue;
        const a = when(r);
        const b = when(s);
        if (a !== undefined && b !== undefined && Math.abs(a - b) > SLUG_WINDOW_MS) continue;
        if (slugShares(records, r, s, shinglesOf(r), shinglesOf(s))) pairs.push([r, s]);
      }
      touched.length = 0;
    }
  }
  return pairs;
}

/** Sampled shingles and the slugged texts that hold each (by place): `places[offsets[i], offsets[i + 1])` hold `hashes[i]`. */
interface Postings {
  readonly hashes: Uint32Array;
  readonly offsets: Uint32Array;
  readonly places: Uint32Array;
  /** The position of `h` in `hashes`, or -1. */
  readonly find: (h: number) => number;
}

/**
 * The index of the sampled shingles of `sets` (sorted shingle sets), in typed arrays: pairs (hash, place) sorted as
 * one number each (hash × 2^21 + place, exact in a double), then grouped by hash. A hash held by more than
 * MAX_POSTINGS sets is left out (an outlet's boilerplate).
 */
function postingsOf(sets: readonly Uint32Array[]): Postings {
  let n = 0;
  for (const set of sets) for (const h of set) if ((h & SAMPLE_MASK) === 0) n++;
  const pairs = new Float64Array(n);
  let at = 0;
  sets.forEach((set, k) => {
    for (const h of set) if ((h & SAMPLE_MASK) === 0) pairs[at++] = h * PLACE_SPAN + k;
  });
  pairs.sort();
  const hashes: number[] = [];
  const offsets: number[] = [0];
  const places: number[] = [];
  for (let i = 0; i < n; ) {
    const h = Math.floor((pairs[i] as number) / PLACE_SPAN);
    let j = i;
    while (j < n && Math.floor((pairs[j] as number) / PLACE_SPAN) === h) j++;
    if (j - i <= MAX_POSTINGS) {
      for (let q = i; q < j; q++) places.push((pairs[q] as number) - h * PLACE_SPAN);
      hashes.push(h);
      offsets.push(places.length);
    }
    i = j;
  }
  const sorted = Uint32Array.from(hashes);
  const find = (h: number): number => {
    const at = lowerBound(sorted, h);
    return at < sorted.length && sorted[at] === h ? at : -1;
  };
  return { hashes: sorted, offsets: Uint32Array.from(offsets), places: Uint32Array.from(places), find };
}

/** Places in {@link postingsOf}'s pairs: more slugged records of one outlet than this (two million) are not indexed apart. */
const PLACE_SPAN = 2 ** 21;

/** The distance from `t` to the nearest of the sorted `times` (infinite when there are none). */
function nearest(times: Float64Array, t: number): number {
  const lo = lowerBound(times, t);
  const after = lo < times.length ? (times[lo] as number) - t : Number.POSITIVE_INFINITY;
  const before = lo > 0 ? t - (times[lo - 1] as number) : Number.POSITIVE_INFINITY;
  return Math.min(after, before);
}

/** More different texts than this under one guid or URL: a placeholder key, not one record's versions. */
const MAX_VERSIONS = 50;

/** One text of a record: its copies, earliest first, and its date (that of its earliest copy). */
interface Text {
  readonly copies: number[];
  readonly ms: number;
}

/**
 * A group's records as articles: the one kept, the others dropped, how many other texts those hold (`versions`, the
 * earlier ones; `teasers`, a teaser of the kept text dated with it or later).
 *
 * A teaser (`meta.excerpt`: a feed item's summary, a truncated record) never stands for a full text of its record:
 * the latest full text is kept, whatever the paths say. A teaser dated before it is an earlier version (it gives the
 * record's first time); one dated with it or after it is dropped as its teaser, not an earlier version, so that
 * neither the folder a file is in nor a later poll of a summary feed puts a sentence in place of the article. A later
 * teaser of an updated article loses to the earlier full text too: its new lead is not read (its diagnostic names it).
 */
function articlesOf(
  members: readonly number[],
  records: readonly Polled[],
  shinglesOf: (i: number) => Uint32Array,
): { kept: number; repeats: number[]; versions: number[]; teasers: number[] }[] {
  const when = (i: number): number => parseDate(records[i]?.meta.date)?.ms ?? Number.NEGATIVE_INFINITY;
  const at = (i: number): Polled => records[i] as Polled;
  const byTime = (x: number, y: number): number => when(x) - when(y) || naturalCompare(at(x).path, at(y).path) || x - y;
  const texts = new Map<string, number[]>();
  for (const i of members) {
    const copies = texts.get(at(i).base);
    if (copies) copies.push(i);
    else texts.set(at(i).base, [i]);
  }
  const ordered: Text[] = [...texts.values()].map((copies) => {
    copies.sort(byTime);
    return { copies, ms: when(copies[0] as number) };
  });
  // Oldest text first: a text's date, then its version slug (UPDATE 1 before UPDATE 2, for undated wire copy), then its first copy's path.
  const rank = (t: Text): number => versionRank(at(t.copies[0] as number).title);
  ordered.sort((x, y) => x.ms - y.ms || rank(x) - rank(y) || byTime(x.copies[0] as number, y.copies[0] as number));
  const teaser = (t: Text): boolean => at(t.copies[0] as number).meta.excerpt === true;
  // The text an article's versions are compared with and the one it keeps: its latest full text, else its latest teaser.
  const latestOf = (versions: readonly Text[]): Text => {
    for (let k = versions.length - 1; k >= 0; k--) if (!teaser(versions[k] as Text)) return versions[k] as Text;
    return versions[versions.length - 1] as Text;
  };
  // Texts that still look alike are versions of one article (each is compared with the latest version of the
  // articles so far); one that does not is an article of its own. A key that more than MAX_VERSIONS texts share is
  // a placeholder, not a record's: only the copies of each text are one article then.
  const articles: Text[][] = [];
  const lines = new Map<number, Uint32Array>();
  const linesOf = (i: number): Uint32Array => lines.get(i) ?? (lines.set(i, at(i).hashes()), lines.get(i) as Uint32Array);
  for (const text of ordered) {
    const first = text.copies[0] as number;
    const alike = ordered.length > MAX_VERSIONS ? undefined : articles.find((versions) => looksAlike(first, latestOf(versions).copies[0] as number, at, linesOf, shinglesOf));
    if (alike) alike.push(text);
    else articles.push([text]);
  }
  return articles.map((versions) => {
    const latest = latestOf(versions);
    const kept = latest.copies[0] as number;
    const repeats = versions.flatMap((v) => v.copies).filter((i) => i !== kept);
    repeats.sort((x, y) => naturalCompare(at(x).path, at(y).path) || x - y);
    const others = versions.filter((v) => v !== latest);
    // Only a teaser can follow the kept text; one dated with it is its teaser, not an earlier version, wherever its file is.
    const earlier = teaser(latest) ? others : others.filter((v) => !teaser(v) || v.ms < latest.ms);
    return {
      kept,
      repeats,
      versions: earlier.map((v) => v.copies[0] as number),
      teasers: others.filter((v) => !earlier.includes(v)).map((v) => v.copies[0] as number),
    };
  });
}

/**
 * Two texts of one record that are versions of one article: the same headline (version slugs aside), half the
 * lines of the shorter in common, or half its word 3-shingles.
 */
function looksAlike(i: number, j: number, at: (i: number) => Polled, linesOf: (i: number) => Uint32Array, shinglesOf: (i: number) => Uint32Array): boolean {
  const a = withoutWireSlug(at(i).title).toLowerCase();
  if (a !== '' && a === withoutWireSlug(at(j).title).toLowerCase()) return true;
  const x = linesOf(i);
  const y = linesOf(j);
  const set = new Set(x);
  let shared = 0;
  for (const h of y) if (set.has(h)) shared++;
  if (shared > 0 && 2 * shared >= Math.min(x.length, y.length)) return true;
  return sharesText(shinglesOf(i), shinglesOf(j));
}

/** The `skipped` line of a kept record's dropped ones: `versions` earlier texts and `teasers` teasers of it among them (other texts than its own). */
function diagnostic(records: readonly Polled[], kept: number, repeats: readonly number[], versions: number, teasers: number): Diagnostic {
  const path = (i: number): string => records[i]?.path ?? '';
  const k = records[kept] as Polled;
  const shareId = (i: number): boolean => (records[i]?.meta.externalId?.trim() ?? '') !== '' && records[i]?.meta.externalId?.trim() === k.meta.externalId?.trim();
  const shareUrl = (i: number): boolean => urlKey(k.meta.url) !== undefined && urlKey(records[i]?.meta.url) === urlKey(k.meta.url);
  // A record that shares no guid or URL with another of its article's records was joined by a version slug.
  const members = [kept, ...repeats];
  const idOf = (i: number): string => records[i]?.meta.externalId?.trim() ?? '';
  const ids = new Map<string, number>();
  const urls = new Map<string, number>();
  for (const i of members) {
    const id = idOf(i);
    const url = urlKey(records[i]?.meta.url);
    if (id !== '') ids.set(id, (ids.get(id) ?? 0) + 1);
    if (url !== undefined) urls.set(url, (urls.get(url) ?? 0) + 1);
  }
  const keyed = (i: number): boolean => (ids.get(idOf(i)) ?? 0) > 1 || (urls.get(urlKey(records[i]?.meta.url) ?? '') ?? 0) > 1;
  const by = !members.every(keyed) ? 'a version slug' : repeats.every(shareId) ? 'guid' : repeats.every(shareUrl) ? 'URL' : 'guid or URL';
  const n = repeats.length;
  const count = n.toLocaleString('en-US');
  const plural = n === 1 ? '' : 's';
  const texts = (k: number, what: string): string => `${k.toLocaleString('en-US')} ${what}${k === 1 ? '' : 's'}`;
  const what =
    versions === 0 && teasers === 0
      ? `${count} repeat${plural} of one record (same outlet and ${by}, same text)`
      : versions === n
        ? `${count} earlier version${plural} of one record (same outlet and ${by}, text changed)`
        : teasers === n
          ? `${count} teaser${plural} of one record (same outlet and ${by}, its full text read)`
          : teasers === 0
            ? `${count} repeats and earlier versions of one record (same outlet and ${by}; ${texts(versions, 'other text')})`
            : `${count} repeats, earlier versions and teasers of one record (same outlet and ${by}; ${[versions > 0 ? texts(versions, 'earlier text') : '', texts(teasers, 'teaser')].filter(Boolean).join(', ')})`;
  const range = n === 1 ? 'this one' : `this one to ${path(repeats[n - 1] as number)}`;
  const which = teasers > 0 ? (versions > 0 ? 'the latest full text, ' : 'the full text, ') : versions > 0 ? 'the latest, ' : '';
  return {
    path: path(repeats[0] as number),
    reason: `${what}, not read as ${n === 1 ? 'an article' : 'articles'}: ${range}; kept: ${which}${path(kept)}`,
    level: 'skipped',
    ...(n > 1 ? { records: n } : {}),
  };
}

/**
 * Repeated polls of one record: hourly dumps of the same feeds hold the same item again and again, and a
 * record that is edited comes back with the same guid or URL and changed text. Records of one outlet that share
 * their feed id (`guid`, JSON `id`) or their URL are one article; the others of the group are dropped before
 * cleaning (so they count neither as articles nor towards recurring lines), with one diagnostic a record.
 *
 * Which version is kept, whatever the input order or the number of threads:
 * - of copies with the same text (same content id), the earliest by date, then the first path in natural order
 *   (`T9` before `T10`): the time the text was first out, as the first poll of an hourly dump saw it;
 * - of versions with changed text, the latest: latest by date (a text's date is that of its earliest copy), then
 *   the one first seen in the later path. It carries the corrections; the earlier versions are named in its
 *   diagnostic.
 * Versions are one article only when they still look alike (the same headline, or half the lines of the shorter
 * in common): an export whose ids restart at 1 in each file, or a URL shared by unrelated items, does not merge
 * different articles. A URL that is a site's home page (no path) is no key.
 */
import type { ArticleMeta, Diagnostic } from '../types.js';
import { parseDate } from '../input/date.js';
import { UnionFind } from '../util/union-find.js';
import { naturalCompare } from '../util/natural-order.js';

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
}

export interface Repeats {
  /** The indexes of the records kept, ascending. */
  readonly kept: number[];
  /** One `skipped` line for each kept record that stands for dropped ones, in the natural order of its path. */
  readonly diagnostics: Diagnostic[];
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
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => {
    const root = sets.find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  });
  const dropped = new Uint8Array(records.length);
  const found: { kept: number; diagnostic: Diagnostic }[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const article of articlesOf(members, records)) {
      const { kept, repeats, versions } = article;
      if (repeats.length === 0) continue;
      repeats.forEach((i) => (dropped[i] = 1));
      found.push({ kept, diagnostic: diagnostic(records, kept, repeats, versions) });
    }
  }
  const kept: number[] = [];
  dropped.forEach((d, i) => d === 0 && kept.push(i));
  found.sort((x, y) => naturalCompare(records[x.kept]?.path ?? '', records[y.kept]?.path ?? '') || x.kept - y.kept);
  return { kept, diagnostics: found.map((f) => f.diagnostic) };
}

/** More different texts than this under one guid or URL: a placeholder key, not one record's versions. */
const MAX_VERSIONS = 50;

/** One text of a record: its copies, earliest first, and its date (that of its earliest copy). */
interface Text {
  readonly copies: number[];
  readonly ms: number;
}

/** A group's records as articles: the one kept, the others dropped, and how many other texts those hold. */
function articlesOf(members: readonly number[], records: readonly Polled[]): { kept: number; repeats: number[]; versions: number }[] {
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
  // Oldest text first: a text's date, then its first copy's path.
  ordered.sort((x, y) => x.ms - y.ms || byTime(x.copies[0] as number, y.copies[0] as number));
  // Texts that still look alike are versions of one article (each is compared with the latest version of the
  // articles so far); one that does not is an article of its own. A key that more than MAX_VERSIONS texts share is
  // a placeholder, not a record's: only the copies of each text are one article then.
  const articles: Text[][] = [];
  const lines = new Map<number, Uint32Array>();
  const linesOf = (i: number): Uint32Array => lines.get(i) ?? (lines.set(i, at(i).hashes()), lines.get(i) as Uint32Array);
  for (const text of ordered) {
    const first = text.copies[0] as number;
    const alike = ordered.length > MAX_VERSIONS ? undefined : articles.find((versions) => looksAlike(first, (versions[versions.length - 1] as Text).copies[0] as number, at, linesOf));
    if (alike) alike.push(text);
    else articles.push([text]);
  }
  return articles.map((versions) => {
    const latest = versions[versions.length - 1] as Text;
    const kept = latest.copies[0] as number;
    const repeats = versions.flatMap((v) => v.copies).filter((i) => i !== kept);
    repeats.sort((x, y) => naturalCompare(at(x).path, at(y).path) || x - y);
    return { kept, repeats, versions: versions.length - 1 };
  });
}

/** Two texts of one record that are versions of one article: the same headline, or half the lines of the shorter in common. */
function looksAlike(i: number, j: number, at: (i: number) => Polled, linesOf: (i: number) => Uint32Array): boolean {
  const a = at(i).title.trim().toLowerCase();
  if (a !== '' && a === at(j).title.trim().toLowerCase()) return true;
  const x = linesOf(i);
  const y = linesOf(j);
  const set = new Set(x);
  let shared = 0;
  for (const h of y) if (set.has(h)) shared++;
  return shared > 0 && 2 * shared >= Math.min(x.length, y.length);
}

function diagnostic(records: readonly Polled[], kept: number, repeats: readonly number[], versions: number): Diagnostic {
  const path = (i: number): string => records[i]?.path ?? '';
  const k = records[kept] as Polled;
  const shareId = (i: number): boolean => (records[i]?.meta.externalId?.trim() ?? '') !== '' && records[i]?.meta.externalId?.trim() === k.meta.externalId?.trim();
  const shareUrl = (i: number): boolean => urlKey(k.meta.url) !== undefined && urlKey(records[i]?.meta.url) === urlKey(k.meta.url);
  const by = repeats.every(shareId) ? 'guid' : repeats.every(shareUrl) ? 'URL' : 'guid or URL';
  const n = repeats.length;
  const count = n.toLocaleString('en-US');
  const plural = n === 1 ? '' : 's';
  const what =
    versions === 0
      ? `${count} repeat${plural} of one record (same outlet and ${by}, same text)`
      : versions === n
        ? `${count} earlier version${plural} of one record (same outlet and ${by}, text changed)`
        : `${count} repeats and earlier versions of one record (same outlet and ${by}; ${versions.toLocaleString('en-US')} other ${versions === 1 ? 'text' : 'texts'})`;
  const range = n === 1 ? 'this one' : `this one to ${path(repeats[n - 1] as number)}`;
  return {
    path: path(repeats[0] as number),
    reason: `${what}, not read as ${n === 1 ? 'an article' : 'articles'}: ${range}; kept: ${versions === 0 ? '' : 'the latest, '}${path(kept)}`,
    level: 'skipped',
    ...(n > 1 ? { records: n } : {}),
  };
}

/**
 * `dedupe explain A B`: why two articles are or are not in one story, and whether they are near-duplicate
 * copies. Runs the normal pipeline on A, B and any context articles (the idf, and so the cosine, depends on
 * the corpus: with context the scores are those of a run on that corpus), then recomputes the pair's scores
 * and takes them apart: the shared terms that made up the cosine, the shared names, numbers and dates, and
 * the facts the two share and differ on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Article, Diagnostic, Report } from '../types.js';
import { run, type RunOptions } from '../run.js';
import { exactJaccard, fingerprint, latestYear, sharedCount, shingleSet, termCounts } from '../fingerprint/articles.js';
import { scanCosine, Vocabulary } from '../fingerprint/tfidf.js';
import { rowVector } from '../fingerprint/vector-table.js';
import { jaccard } from '../fingerprint/minhash.js';
import { CONFIRM_SLACK, countryFactor, timeFactor } from '../cluster/stories.js';
import { articleCountry, countryCode, mainCountry, otherCountry } from '../text/countries.js';
import { readsAsLead, teaserLeadEdges } from '../cluster/teasers.js';
import { DAY_MS, isoDay, namedDays, namesOnlyLaterDays } from '../cluster/successive-events.js';
import { parseDate } from '../input/date.js';
import { stored } from '../clean/packed.js';
import { storyFacts, type StoryFacts } from '../facts/story-facts.js';
import { withLatestValues } from '../report/latest-value.js';
import { baseUnit, extractSlots } from '../facts/slots/index.js';
import { sharedTerms, type SharedTerm } from './terms.js';
import type { Slot, SlotKind } from '../types.js';
import type { Language } from '../text/language.js';
import { storyLabels } from '../render/matrix.js';

export interface ExplainedArticle {
  readonly id: string;
  readonly path: string;
  readonly source: string;
  readonly title: string;
  readonly sentences: number;
  /** The story the full run put it in. */
  readonly story: string;
  /** Latest year it is dated or mentions (what the year penalty looks at). */
  readonly year?: number;
  /**
   * The countries its dateline and lead name (text/countries.ts: what the country penalty looks at), ISO 3166 codes:
   * the one it reports from first, then the next other one named. Absent when they name none.
   */
  readonly countries?: readonly string[];
  /** Its text is a teaser (a feed's description), compared also with the other's lead (see cluster/teasers.ts). */
  readonly excerpt?: true;
  /**
   * Its letter in its story (A, B, …), as a report of the same run labels the story's articles (by source, then
   * id): with `--context` the folder's report, the letters of that report. Absent when the run shows no story of it.
   */
  readonly label?: string;
  /** The language it was read in (text/language.ts): its terms are made by that language's stop words and stemmer. */
  readonly language: Language;
}

export interface SharedValue {
  readonly kind: SlotKind;
  readonly value: string;
  /** As written in A and in B (first occurrence). */
  readonly a: string;
  readonly b: string;
  /**
   * For a number, what it counts as A words it after the value ("yards", "air raids", "%", "-year-old"), as a
   * report's conflict values carry it; B counts the same thing (the same stem). Absent when the value says it.
   */
  readonly unit?: string;
}

export interface Explanation {
  readonly a: ExplainedArticle;
  readonly b: ExplainedArticle;
  /** Articles in the run besides A and B (context for idf and clustering). */
  readonly context: number;
  readonly cosine: number;
  /** The factor from dates or years the clustering applies (1: none; `--year-penalty`; 0: over a year apart). */
  readonly timeFactor: number;
  /**
   * The factor the clustering puts on `cosine` from the countries A and B report from (`--country-penalty` when each
   * names a country and none in common, else 1). Absent when the penalty is 1 (the default: none).
   */
  readonly countryFactor?: number;
  /** Days between the two articles' dates, when both are fully dated. */
  readonly daysApart?: number;
  /**
   * When one of A and B is a teaser or short article and the other is not (see cluster/teasers.ts): the cosine of
   * that one against the other's lead (headline and first sentences), times `timeFactor`.
   */
  readonly leadSimilarity?: number;
  /** The larger of cosine × timeFactor × countryFactor and `leadSimilarity`: what the story clustering compares with the threshold. */
  readonly similarity: number;
  readonly storyThreshold: number;
  /** Same story in the run (average link over the whole run, so not always `similarity ≥ threshold`). */
  readonly sameStory: boolean;
  /**
   * When both are dated and the later one names only days two or more after the earlier one's publication day
   * (cluster/successive-events.ts): which one is later, the days it names and the earlier one's publication day
   * (ISO 8601 days). A story is cut there when every later article of it does so.
   */
  readonly laterEvent?: { readonly later: 'a' | 'b'; readonly days: readonly string[]; readonly earlierPublished: string };
  /** MinHash estimate of the Jaccard similarity of word shingles, as the run uses it. */
  readonly jaccardEstimate: number;
  /** The exact Jaccard similarity of the two shingle sets (cheap for one pair). */
  readonly jaccardExact: number;
  readonly duplicateThreshold: number;
  readonly nearDuplicate: boolean;
  /** The exact share of the shorter text's word shingles (A's when of one size) that are the other's. */
  readonly containment: number;
  /** `--partial-threshold` of the run; absent when the run had none. */
  readonly partialThreshold?: number;
  /** The run reported one of the two as a partial copy of the other (see cluster/partial-copies.ts). */
  readonly partialCopy: boolean;
  /**
   * The run reported one of the two as a copy of an earlier version of the other (cluster/version-copies.ts): that
   * version's path and the copy's exact Jaccard similarity to it (`jaccardExact` is the one to the latest text).
   */
  readonly versionCopy?: { readonly version: string; readonly jaccard: number };
  /** Shared terms by contribution to the cosine, largest first (sums to the cosine over all of them). */
  readonly terms: readonly SharedTerm[];
  readonly values: readonly SharedValue[];
  /** Facts of the pair aligned as if the two were one story (fact ids `x-f<n>`). */
  readonly facts: StoryFacts;
}

export type ExplainResult =
  | { readonly ok: true; readonly explanation: Explanation }
  | { readonly ok: false; readonly reason: string };

/** `feed.jsonl:3`, `news.rss[2]`, `feed.jsonl:3[2]`: an article of a feed, by its file and its place in it. */
const RECORD = /^(.*?)(:\d+(?:\[\d+\])?|\[\d+\])$/;

/**
 * The file to read for `input`: the feed itself when `input` names one of its articles (`news.rss[2]`, `feed.jsonl:3`)
 * and is no file of its own.
 */
export function fileOf(input: string, cwd: string): string {
  const m = RECORD.exec(input);
  if (m?.[1] === undefined || existsSync(path.resolve(cwd, input))) return input;
  return existsSync(path.resolve(cwd, m[1])) ? m[1] : input;
}

/**
 * The article `input` names: a file of one article, or one article of a feed (`news.rss[2]`, `feed.jsonl:3`); a
 * feed of several articles named whole is refused, with the way to name one.
 */
function findArticle(articles: readonly Article[], cwd: string, input: string): Article | string {
  const want = path.resolve(cwd, input);
  const exact = articles.find((a) => path.resolve(cwd, a.path) === want);
  if (exact) return exact;
  const inFile = articles.filter((a) => {
    const p = path.resolve(cwd, a.path);
    return p.startsWith(`${want}:`) || p.startsWith(`${want}[`);
  });
  if (inFile.length === 1 && inFile[0]) return inFile[0];
  if (inFile.length > 1) {
    const first = inFile[0]?.path ?? input;
    const suffix = first.slice(first.lastIndexOf(first.endsWith(']') ? '[' : ':'));
    return `${input} holds ${inFile.length} articles; name one of them, as in ${input}${suffix}`;
  }
  // A place in a feed that holds no article there (out of range, or a record that was skipped).
  const m = RECORD.exec(input);
  if (m?.[1] !== undefined && m[1] !== '') {
    const base = path.resolve(cwd, m[1]);
    const places = articles.filter((a) => RECORD.exec(path.resolve(cwd, a.path))?.[1] === base).map((a) => a.path.slice(a.path.length - (RECORD.exec(a.path)?.[2]?.length ?? 0)));
    const at = (place: string): number => Number(place.replace(/\D/g, ''));
    places.sort((x, y) => at(x) - at(y));
    if (places.length > 0) return `${input} is no article of ${m[1]}, which holds ${places.length}: ${places.slice(0, 5).join(', ')}${places.length > 5 ? ', …' : ''}`;
  }
  // An earlier version of another article's story (clean/repeats.ts): read as one article with it.
  const latest = articles.find((a) => a.earlierVersions?.some((v) => path.resolve(cwd, v.path) === want));
  if (latest) return `${input} is an earlier version of ${latest.path} (the same outlet's story), read as one article with it: the latest`;
  return `not a usable article file: ${input}`;
}

function sharedValues(a: Article, b: Article): SharedValue[] {
  const slots = (x: Article) => [x.title, ...x.sentences.map((s) => s.text)].flatMap((text) => extractSlots(text, x.language));
  const inB = new Map<string, string>();
  // A number counts as shared only when it counts the same thing ("14 passengers", not "14 days"), in whatever part.
  const keyOf = (s: Slot): string => `${s.kind}:${s.value}:${s.kind === 'number' ? baseUnit(s.unit ?? '') : ''}`;
  for (const s of slots(b)) if (!inB.has(keyOf(s))) inB.set(keyOf(s), s.text);
  const seen = new Set<string>();
  const out: SharedValue[] = [];
  for (const s of slots(a)) {
    const key = keyOf(s);
    const other = inB.get(key);
    if (other === undefined || seen.has(key)) continue;
    seen.add(key);
    const unit = s.kind === 'number' ? s.unitText : undefined;
    out.push({ kind: s.kind, value: s.value, a: s.text, b: other, ...(unit === undefined ? {} : { unit }) });
  }
  return out.sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
}

/** {@link Explanation.laterEvent} of `a` and `b`, as a field to spread (nothing when there is none). */
function laterEventOf(a: Article, b: Article): { laterEvent?: Explanation['laterEvent'] } {
  const ma = parseDate(a.date)?.ms;
  const mb = parseDate(b.date)?.ms;
  if (ma === undefined || mb === undefined) return {};
  const [early, late, side] = ma <= mb ? [ma, b, 'b' as const] : [mb, a, 'a' as const];
  const earlyDay = Math.floor(early / DAY_MS);
  const days = namedDays([late.title, ...late.sentences.map((s) => s.text)], Math.floor(Math.max(ma, mb) / DAY_MS), late.language);
  if (!namesOnlyLaterDays(days, earlyDay)) return {};
  return { laterEvent: { later: side, days: [...new Set(days.all)].sort((x, y) => x - y).map(isoDay), earlierPublished: isoDay(earlyDay) } };
}

/** The teaser–lead similarity of articles `x < y` as the run's clustering saw it (0 when under the scan's floor). */
function leadSimilarity(articles: readonly Article[], x: number, y: number, options: RunOptions): number {
  const edges = teaserLeadEdges(articles.map(stored), options);
  for (let e = 0; e < edges.count; e++) if (edges.a[e] === x && edges.b[e] === y) return edges.sim[e] as number;
  return 0;
}

function described(a: Article, report: Report): ExplainedArticle {
  const found = report.stories.find((s) => s.articles.includes(a.id));
  const story = found?.id ?? '?';
  const label = found ? storyLabels(found).get(a.id) : undefined;
  const year = latestYear(a);
  const both = articleCountry(a);
  const countries = [mainCountry(both), otherCountry(both)].flatMap((id) => countryCode(id) ?? []);
  return {
    id: a.id,
    path: a.path,
    source: a.source,
    title: a.title,
    sentences: a.sentences.length,
    story,
    ...(year !== undefined ? { year } : {}),
    ...(countries.length > 0 ? { countries } : {}),
    ...(a.excerpt ? { excerpt: true as const } : {}),
    ...(label !== undefined ? { label } : {}),
    language: a.language ?? 'en',
  };
}

export async function explain(
  pair: readonly [string, string],
  context: readonly string[],
  cwd: string,
  options: RunOptions,
  onDiagnostic: (d: Diagnostic) => void,
): Promise<ExplainResult> {
  // An article of a feed is read with its feed, which may hold others: they are context, as --context's are.
  const files = [...new Set([fileOf(pair[0], cwd), fileOf(pair[1], cwd)])];
  const result = await run([...files, ...context], cwd, { ...options, singleStory: false }, { onDiagnostic });
  if (!result.ok) return { ok: false, reason: 'neither article could be used' };
  const a = findArticle(result.articles, cwd, pair[0]);
  const b = findArticle(result.articles, cwd, pair[1]);
  if (typeof a === 'string') return { ok: false, reason: a };
  if (typeof b === 'string') return { ok: false, reason: b };
  if (a === b) return { ok: false, reason: 'A and B are the same file' };

  const prints = fingerprint(result.articles, options);
  const ia = result.articles.indexOf(a);
  const ib = result.articles.indexOf(b);
  const va = rowVector(prints.vectors, ia);
  const vb = rowVector(prints.vectors, ib);
  const sa = prints.signatures[ia];
  const sb = prints.signatures[ib];
  if (!va || !vb || !sa || !sb) return { ok: false, reason: 'internal: missing fingerprint' };
  // The same vocabulary fingerprint() builds (ids in order of first appearance), to name the shared terms.
  const vocab = new Vocabulary();
  for (const x of result.articles) termCounts(x, vocab, options);

  const ya = prints.years[ia];
  const yb = prints.years[ib];
  const da0 = prints.days[ia];
  const db0 = prints.days[ib];
  const timeWeight = timeFactor({ year: ya, day: da0 }, { year: yb, day: db0 }, options);
  const placeWeight = countryFactor(prints.countries[ia] ?? 0, prints.countries[ib] ?? 0, options);
  // As the story scan adds it up (the article first in input order first), so it is the value clustering saw.
  const cos = ia < ib ? scanCosine(va, vb) : scanCosine(vb, va);
  const jaccardEstimate = jaccard(sa, sb);
  const setA = shingleSet(a, options.shingle);
  const setB = shingleSet(b, options.shingle);
  const exact = exactJaccard(setA, setB);
  const smaller = Math.min(setA.length, setB.length);
  const containment = smaller === 0 ? 1 : sharedCount(setA, setB) / smaller;
  const versionPair = result.report.stories.flatMap((s) => s.copies).find((p) => p.ofVersion !== undefined && ((p.a === a.id && p.b === b.id) || (p.a === b.id && p.b === a.id)));
  const versionCopy = versionPair?.ofVersion !== undefined ? { version: versionPair.ofVersion, jaccard: versionPair.jaccard } : undefined;
  const partialCopy = result.report.stories.some((s) => (s.partialCopies ?? []).some((p) => (p.part === a.id && p.whole === b.id) || (p.part === b.id && p.whole === a.id)));
  // A teaser or short article and a longer one (two short ones are compared whole: the lead of either is all of it).
  const lead = readsAsLead(stored(a)) !== readsAsLead(stored(b)) ? leadSimilarity(result.articles, Math.min(ia, ib), Math.max(ia, ib), options) : undefined;
  const da = described(a, result.report);
  const db = described(b, result.report);
  return {
    ok: true,
    explanation: {
      a: da,
      b: db,
      context: result.articles.length - 2,
      cosine: cos,
      timeFactor: timeWeight,
      ...(options.countryPenalty !== 1 ? { countryFactor: placeWeight } : {}),
      ...(da0 !== undefined && db0 !== undefined ? { daysApart: Math.abs(da0 - db0) } : {}),
      ...(lead !== undefined ? { leadSimilarity: lead } : {}),
      similarity: Math.max(cos * timeWeight * placeWeight, lead ?? 0),
      storyThreshold: options.storyThreshold,
      sameStory: da.story === db.story,
      ...laterEventOf(a, b),
      jaccardEstimate,
      jaccardExact: exact,
      duplicateThreshold: options.duplicateThreshold,
      // The run's rule: a MinHash estimate within the slack of the threshold, confirmed by the exact value.
      nearDuplicate: versionCopy !== undefined || (jaccardEstimate >= options.duplicateThreshold - CONFIRM_SLACK && exact >= options.duplicateThreshold),
      ...(versionCopy !== undefined ? { versionCopy } : {}),
      containment,
      ...(options.partialThreshold !== undefined ? { partialThreshold: options.partialThreshold } : {}),
      partialCopy,
      terms: sharedTerms(va, vb, vocab, [a, b]),
      values: sharedValues(a, b),
      // A disputed count's newest value too, as the report gives it (report/latest-value.ts).
      facts: withLatestValues(storyFacts('x', [a, b], options.factThreshold, [], [], versionCopy ? [[a.id, b.id]] : []), [a, b]),
    },
  };
}

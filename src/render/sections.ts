/**
 * What a story's merged view is made of, worked out once for the Markdown and HTML views: facts every source
 * reports, facts some sources report, what each source alone reports, what each leaves out, and conflicts.
 */
import type { Conflict, Diagnostic, Fact, Language, OmittedFact, Report, ReportArticle, SourceSummary, Story } from '../types.js';
import { SOURCES_SHOWN_FROM } from '../report/sources.js';
import { isoDate, writtenOffset } from '../input/date.js';
import { excerptingSources, reportVoices } from '../facts/voices.js';
import { filterFlags } from './select.js';
import { tellingArticles } from '../report/telling.js';
import { factNumber } from './matrix.js';
import { supersededOnly } from '../facts/live-updates.js';

export interface SourceGroup {
  readonly source: string;
  readonly articles: readonly string[];
  /** Facts no other voice reports: only this source, or only it and the sources it shares a copied text with ({@link copied}). */
  readonly adds: readonly Fact[];
  /** Whether other sources are in its voice (facts/voices.ts): sources of copies of its text, counted with it as one. */
  readonly copied: boolean;
  /** Whether it excerpts another source's article (facts/voices.ts `excerptingSources`): it adds only what no other source tells. */
  readonly excerpts: boolean;
  /** Facts other sources report and this source does not (merged over its articles). */
  readonly omits: readonly OmittedFact[];
}

/**
 * A voice's "Only … report" section (facts/voices.ts): the sources that carry one text (a copy group's) share one,
 * or each copy would list the same facts again (2,000 copies of a wire story made 2,000 such lists).
 */
export interface VoiceGroup {
  /** Its first source in story order, and that source's articles. */
  readonly source: string;
  readonly articles: readonly string[];
  /** The articles of its other sources (copies of its text, or sources of the text it copies), in story order. */
  readonly copiedWith: readonly string[];
  /** Those of `copiedWith` that are excerpts of the text (the part of a partial copy of another source's article). */
  readonly excerpts: readonly string[];
  /** Facts no other voice reports. */
  readonly adds: readonly Fact[];
  /**
   * When the story has two voices: the other's articles but teasers, which leave out exactly `adds` (said once, in
   * this section's heading, rather than in a "leaves out" section of their own). Else empty.
   */
  readonly leaving: readonly string[];
}

export interface StorySections {
  readonly shared: readonly Fact[];
  /** Reported by more than one voice (a copy group's sources counting once: facts/voices.ts) but not by every source; the most voices first. */
  readonly some: readonly Fact[];
  /** Facts told only by live blog entries whose figures newer entries of the blog give anew (facts/live-updates.ts supersededOnly). */
  readonly superseded: readonly Fact[];
  readonly bySource: readonly SourceGroup[];
  /** One per voice, in story order of first article. */
  readonly byVoice: readonly VoiceGroup[];
  /**
   * How many voices the story is compared as (facts/voices.ts `comparedVoices`): 2 means no "leaves out" sections
   * but for the {@link excerpting} sources.
   */
  readonly voices: number;
  /**
   * Sources that excerpt another source's article (facts/voices.ts `excerptingSources`) and share their voice with
   * it: compared with every voice, their whole's too, so what they leave out (what they cut) is not said by any
   * "Only" heading.
   */
  readonly excerpting: ReadonlySet<string>;
}

/** The stories a view (terminal, Markdown, HTML) gives a section of their own; the others are listed near its end. */
export const sectionStories = (report: Report): Story[] => report.stories.filter((s) => s.articles.length > 1);

/**
 * Whether a view shows any of a story's facts: not for a story of one article, nor of one source (there is nothing
 * to compare). The facts of the others need not be worked out for it.
 */
export const showsFacts = (story: Story): boolean => story.articles.length > 1 && story.sources.length > 1;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/**
 * A date as the views show it: from `published` (ISO 8601, see input/date.ts) in one form whatever the input
 * wrote — `2026-11-03 13:05 UTC` (a time given in UTC: `Z`, `GMT`, `+00:00`, or Unix time), `2026-02-16 21:00
 * UTC-03:00` (a time given with another offset or zone: the wall-clock time and day where it was published, with
 * that offset), `2026-11-03 14:05` (a time the input gave no zone for), `2026-11-03` (a day) — so that a story's
 * dates read alike; as written when it was not read (no `published`). Seconds only when not :00. Only the text
 * shown is local: the report orders and compares by the instant (`published` in UTC).
 */
export function shownDate(date: string, published: string | undefined): string {
  const m = published === undefined ? null : /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(Z)?)?$/.exec(published);
  if (!m) return date;
  const [, day, time, seconds, zone] = m;
  if (time === undefined) return day as string;
  const offset = zone ? writtenOffset(date) : undefined;
  if (offset !== undefined && offset !== 0) return localDate(`${day}T${time}${seconds ?? ':00'}Z`, offset);
  return `${day} ${time}${seconds && seconds !== ':00' ? seconds : ''}${zone ? ' UTC' : ''}`;
}

/** The offset a view shows a date in (minutes east of UTC; 0 for UTC), or undefined for a date with no zone (see {@link shownDate}). */
function shownOffset(date: string, published: string | undefined): number | undefined {
  if (published === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z$/.test(published)) return undefined;
  return writtenOffset(date) ?? 0;
}

/**
 * Whether a story's articles are shown in more than one offset ("21:00 UTC-03:00" beside "02:10 UTC"): then
 * {@link storyDate} gives each time in another offset than UTC with its UTC time too, so that which came first
 * reads at a glance.
 */
export function mixedOffsets(story: Story, articles: ReadonlyMap<string, { readonly date?: string; readonly published?: string }>): boolean {
  let seen: number | undefined;
  for (const id of story.articles) {
    const a = articles.get(id);
    const offset = a?.date === undefined ? undefined : shownOffset(a.date, a.published);
    if (offset === undefined) continue;
    if (seen !== undefined && seen !== offset) return true;
    seen = offset;
  }
  return false;
}

/**
 * An article's date in a story's source list: {@link shownDate}, and when the story mixes offsets
 * ({@link mixedOffsets}) a time in another offset than UTC with its UTC time after it: "2026-02-16 21:00 UTC-03:00
 * (2026-02-17 00:00 UTC)".
 */
export function storyDate(date: string, published: string | undefined, mixed: boolean): string {
  const shown = shownDate(date, published);
  if (!mixed || published === undefined || !shown.includes('UTC')) return shown;
  const utc = shownDate(published, published);
  return utc === shown ? shown : `${shown} (${utc})`;
}

/** `utc` (ISO 8601 with `Z`) at `offset` minutes east of UTC: "2026-02-16 21:00 UTC-03:00" (seconds when not :00). */
function localDate(utc: string, offset: number): string {
  const local = new Date(Date.parse(utc) + offset * 60_000).toISOString();
  const seconds = local.slice(16, 19);
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  const sign = offset < 0 ? '-' : '+';
  return `${local.slice(0, 10)} ${local.slice(11, 16)}${seconds === ':00' ? '' : seconds} UTC${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * "latest: 23 people (Reuters, 2026-11-23 17:40 UTC)": a disputed figure's newest value (`conflict.latest`, worked
 * out with the facts: report/latest-value.ts), or '' when the dates cannot tell; `escape` makes the article-supplied
 * parts safe for the format.
 */
export function latestNote(conflict: Conflict, escape: (text: string) => string): string {
  const latest = conflict.latest;
  if (latest === undefined) return '';
  const figure = latest.unit ? `${latest.value} ${latest.unit}` : latest.value;
  return `latest: ${escape(figure)} (${escape(latest.source)}, ${escape(shownDate(latest.date, latest.published))})`;
}

/**
 * "3 articles from 2 sources · first reported 2017-03-21 10:38 UTC by Reuters" — the story's line under its
 * title; `escape` makes the article-supplied parts (date, source) safe for the format; `mixed`: the story mixes
 * offsets ({@link storyDate}).
 */
export function storyLine(story: Story, escape: (text: string) => string, mixed = false): string {
  const firstReported = story.firstReported;
  const first = firstReported ? ` · first reported ${escape(storyDate(firstReported.date, firstReported.published, mixed))} by ${escape(firstReported.source)}` : '';
  return `${plural(story.articles.length, 'article')} from ${plural(story.sources.length, 'source')}${first}`;
}

/**
 * "1 of 2 articles names no outlet (no metadata, URL, dateline or credit line): its source is its file name" — said
 * once under the summary, so that a source shown as "001_9d1f47d9723a6f2b" reads as what it is (a seed's case: the
 * first run of every new user); '' when every article's outlet was named.
 */
export function fileNamedNote(report: Report): string {
  const n = report.articles.filter((a) => a.sourceOrigin === 'filename').length;
  if (n === 0) return '';
  const all = report.articles.length;
  const of = n === all ? (n === 1 ? 'The article' : `All ${plural(n, 'article')}`) : `${n.toLocaleString('en-US')} of ${plural(all, 'article')}`;
  const one = n === 1;
  return `${of} name${one ? 's' : ''} no outlet (no metadata, URL, dateline or credit line): ${one ? 'its source is its file name' : 'their sources are their file names'}`;
}

/**
 * "2 articles from 2 sources · 1 story (1 with more than one article) · 0 near-duplicate pairs", of the stories
 * shown, with "· shown: --min-sources 2" (or "no story shown: …") when options chose them.
 */
export function summary(report: Report): string {
  return summaryParts(report).join(' · ');
}

/** The pieces of {@link summary}, which the terminal view wraps between (never inside one). */
export function summaryParts(report: Report): string[] {
  const multi = report.stories.filter((s) => s.articles.length > 1).length;
  const copies = report.stories.reduce((n, s) => n + s.copies.length, 0);
  const partial = report.stories.reduce((n, s) => n + (s.partialCopies?.length ?? 0), 0);
  const sources = new Set(report.articles.map((a) => a.source)).size;
  const parts = [
    `${plural(report.articles.length, 'article')} from ${plural(sources, 'source')}`,
    `${plural(report.stories.length, 'story', 'stories')} (${multi.toLocaleString('en-US')} with more than one article)`,
    `${plural(copies, 'near-duplicate pair')}`,
  ];
  // Copy groups too large to list every pair (copy-groups.ts): how many copies of how many texts, the pairs being a tree.
  const large = report.stories.flatMap((s) => (s.copyGroups ?? []).filter((g) => !g.allPairs));
  if (large.length > 0) parts.push(`${plural(large.reduce((n, g) => n + g.articles.length, 0), 'copy', 'copies')} of ${plural(large.length, 'text')} (not every pair listed)`);
  if (partial > 0) parts.push(plural(partial, 'excerpt'));
  if (report.skipped.length > 0) parts.push(`${skippedCount(report.skipped)} skipped`);
  // The counts are of the stories shown: say so when options chose them ("0 articles from 0 sources" alone read
  // as if nothing had been read).
  const filters = filterFlags(report.options);
  if (filters.length > 0) parts.push(`${report.stories.length === 0 ? 'no story shown' : 'shown'}: ${filters.join(' ')}`);
  return parts;
}

/** A record of a feed (`feed.jsonl:3`, `feed.jsonl.gz:3`, `feed.json[2]`, `news.rss[4]`, `news.csv:7`, `crawl.warc.gz[17]`, `<stdin>:3`, `feed.jsonl:3[2]`: an article of a response on line 3) rather than a whole file, by its path. */
const RECORD = /(?:\.(?:jsonl|ndjson|json|rss|atom|rdf|xml|csv|tsv|warc|wet)(?:\.gz)?|^<stdin>)(?::\d+(?:\[\d+\])?|\[\d+\])$/i;

/** Files and records skipped: a line that sums up records of one file (a web archive's pages) counts them. */
function skippedTally(skipped: readonly Diagnostic[]): { files: number; records: number } {
  let files = 0;
  let records = 0;
  for (const d of skipped) {
    if (d.records !== undefined) records += d.records;
    else if (RECORD.test(d.path)) records++;
    else files++;
  }
  return { files, records };
}

/** What was skipped, counted: "2 files", "3 records" (of feeds), "1 file and 3 records". */
export function skippedCount(skipped: readonly Diagnostic[]): string {
  const { files, records } = skippedTally(skipped);
  return [files > 0 ? plural(files, 'file') : '', records > 0 ? plural(records, 'record') : ''].filter((p) => p !== '').join(' and ');
}

/** The heading of the list of what was skipped: "Skipped files (2)", "Skipped records (3)", "Skipped files and records (4)". */
export function skippedHeading(skipped: readonly Diagnostic[]): string {
  const { files, records } = skippedTally(skipped);
  const what = records === 0 ? 'files' : files === 0 ? 'records' : 'files and records';
  return `Skipped ${what} (${files + records})`;
}

/**
 * Cost: O(articles + the facts' articles + the coverage's omits), so that a story of 2,000 copies (2,000 sources) is
 * not worked over once a source.
 */
export function storySections(story: Story, articles: ReadonlyMap<string, ReportArticle>): StorySections {
  const sourceOf = (id: string): string => articles.get(id)?.source ?? id;
  const compared = reportVoices(story, sourceOf);
  const voiceOf = (id: string): string => compared.of.get(id) ?? sourceOf(id);
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  const shared = story.shared.map((id) => byId.get(id)).filter((f): f is Fact => f !== undefined);
  const inShared = new Set(story.shared);
  // Per fact, its voices; per source, its articles and the facts they report; per voice, its articles.
  const voicesOf = new Map(story.facts.map((f) => [f, new Set(tellingArticles(f).map(voiceOf)).size]));
  // A fact told only by live blog entries whose figures newer entries give anew is what was said then: in a section
  // of its own, neither reported by some sources nor added by one (facts/live-updates.ts).
  const superseded = story.facts.filter(supersededOnly);
  // The most widely reported first (story order among equals): with many sources "every source" is mostly empty, and
  // the top of this list is the story's core (QA review 29: 35 of 40 ECB+ stories of 3+ sources had no shared fact).
  const some = story.facts.filter((f) => (voicesOf.get(f) ?? 0) > 1 && !inShared.has(f.id) && !supersededOnly(f)).sort((a, b) => (voicesOf.get(b) ?? 0) - (voicesOf.get(a) ?? 0));
  const idsOf = groupBy(story.articles, sourceOf);
  const inVoice = groupBy(story.articles, voiceOf);
  const factsOf = new Map<string, Set<Fact>>();
  for (const f of story.facts) {
    for (const a of tellingArticles(f)) {
      const src = sourceOf(a);
      let set = factsOf.get(src);
      if (!set) factsOf.set(src, (set = new Set()));
      set.add(f);
    }
  }
  const coverageOf = groupBy(story.coverage, (c) => sourceOf(c.article));
  const excerpting = excerptingSources(story.partialCopies, sourceOf);
  const bySource = story.sources.map((source): SourceGroup => {
    const ids = idsOf.get(source) ?? [];
    const voice = ids[0] === undefined ? source : voiceOf(ids[0]);
    const reported = factsOf.get(source) ?? new Set<Fact>();
    // An excerpt's source adds only what no other source tells (its whole's voice is another to it): as its coverage says.
    const added = excerpting.has(source) ? new Set((coverageOf.get(source) ?? []).flatMap((c) => c.adds)) : undefined;
    // A live blog's figure a newer entry of it gives anew is no fact it adds (facts/live-updates.ts).
    const adds = story.facts.filter((f) => reported.has(f) && (added ? added.has(f.id) : voicesOf.get(f) === 1) && !supersededOnly(f));
    const omits = new Map<string, OmittedFact>();
    for (const cov of coverageOf.get(source) ?? []) for (const o of cov.omits) if (!omits.has(o.fact)) omits.set(o.fact, o);
    // An article of a source may leave out what another article of the same source reports: not an omission.
    const own = new Set([...reported].map((f) => f.id));
    const copied = (inVoice.get(voice)?.length ?? 0) > ids.length;
    return { source, articles: ids, adds, copied, excerpts: added !== undefined, omits: [...omits.values()].filter((o) => !own.has(o.fact)) };
  });
  const isExcerpt = new Set((story.partialCopies ?? []).filter((p) => excerpting.has(sourceOf(p.part))).map((p) => p.part));
  const byVoice: VoiceGroup[] = [];
  for (const [voice, ids] of inVoice) {
    // Named by its first source that is not an excerpt's: the text's, not a cut copy's.
    const source = sourceOf(ids.find((id) => !excerpting.has(sourceOf(id))) ?? ids[0] ?? '');
    const leaving = compared.count === 2 ? story.articles.filter((id) => voiceOf(id) !== voice && articles.get(id)?.excerpt !== true) : [];
    const adds = story.facts.filter((f) => voicesOf.get(f) === 1 && voiceOf(tellingArticles(f)[0] ?? '') === voice && !supersededOnly(f));
    const copiedWith = ids.filter((id) => sourceOf(id) !== source);
    byVoice.push({ source, articles: idsOf.get(source) ?? [], copiedWith, excerpts: copiedWith.filter((id) => isExcerpt.has(id)), adds, leaving });
  }
  // An excerpt's source alone in its voice (a story of one text and its excerpt, compared source by source) is
  // said by the other voice's "Only" heading like any other.
  const ownSection = new Set(bySource.filter((g) => g.excerpts && g.copied).map((g) => g.source));
  return { shared, some, bySource, byVoice, voices: compared.count, excerpting: ownSection, superseded };
}

/** `items` by `key`, each list in the order of `items`, the keys in order of first item. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The heading of a story's section of facts told only by superseded live blog entries. */
export const supersededHeading = (count: number): string => `Since updated in a live blog (${count})`;

/** Labels named in a heading's list before "and N more". */
const LABELS_NAMED = 4;

/** "B, C, D": at most five labels, else the first four "and 1,996 more". */
const labelList = (labels: readonly string[]): string =>
  labels.length <= LABELS_NAMED + 1 ? labels.join(', ') : `${labels.slice(0, LABELS_NAMED).join(', ')} and ${(labels.length - LABELS_NAMED).toLocaleString('en-US')} more`;

/**
 * The heading of what a voice alone reports: "Only A (BBC) reports (2)", "Only B, C (AP) report (3; A leaves them
 * out)", and for sources that carry one text (`copies`: the labels of its other sources' articles), "Only C (Yahoo)
 * and its near-duplicate D report (3)": a fact told by a text and its copies alone is that text's own; those of
 * `copies` that are also in `excerpts` are its excerpts ("Only A, B (AP) and its excerpt D report (6)"). `tags` are
 * the labels of its first source's articles, `source` that source's name, `leaving` the labels of the articles that
 * leave these facts out when the story has two voices (else none), all escaped for the view. The verbs agree with
 * the articles named: "A reports", "B, C report".
 */
export function onlyHeading(tags: readonly string[], source: string, copies: readonly string[], count: number, leaving: readonly string[], excerpts: readonly string[] = []): string {
  const cut = new Set(excerpts);
  const near = copies.filter((c) => !cut.has(c));
  const parts = [
    near.length === 0 ? '' : `${near.length === 1 ? 'near-duplicate' : 'near-duplicates'} ${labelList(near)}`,
    excerpts.length === 0 ? '' : `${excerpts.length === 1 ? 'excerpt' : 'excerpts'} ${labelList(excerpts)}`,
  ].filter((p) => p !== '');
  const mates = parts.length === 0 ? '' : ` and its ${parts.join(' and ')}`;
  const verb = tags.length > 1 || copies.length > 0 ? 'report' : 'reports';
  const note = leaving.length === 0 ? '' : `; ${labelList(leaving)} ${leaving.length > 1 ? 'leave' : 'leaves'} them out`;
  return `Only ${labelList(tags)} (${source})${mates} ${verb} (${count}${note})`;
}

/** "Reported by some sources (54)", and how they are ordered when the order can tell something (four voices or more). */
export function someHeading(s: StorySections): string {
  return `Reported by some sources (${s.some.length}${s.voices >= 4 && s.some.length > 1 ? ', most widely reported first' : ''})`;
}

/**
 * The one line that stands for the "Only … reports" sections with nothing in them: "No fact of its own: C
 * (Reuters)", "No fact of their own: C (Reuters), D, E (AP)" (a voice's articles, copies with it, by their labels);
 * '' when every voice adds something. A section of "nothing" a source read as noise in stories of many sources
 * (QA review 29).
 */
export function noAddsLine(empty: readonly VoiceGroup[], label: (id: string) => string, escape: (text: string) => string): string {
  if (empty.length === 0) return '';
  const named = empty.map((g) => `${[...g.articles, ...g.copiedWith].map(label).join(', ')} (${escape(g.source)})`);
  return `No fact of ${empty.length === 1 ? 'its' : 'their'} own: ${named.join(', ')}`;
}

/**
 * Up to this many other sources (a copy group's sources counting once: `otherSources`), that is in a story of up to
 * six, a view lists every fact a source leaves out, whoever reports it: there a fact one other outlet has is the
 * "they had it, we didn't" an editor looks for (review 25: at four sources, "under a third of the others" hid every
 * fact a single other outlet reported, 4 of a source's 5 omits). Not more: most omits of a bigger story are facts one
 * other source tells (ECB+ dev, whole lists: 34 and 26 an article at five and six sources, 47 at seven, 98 at eight,
 * against 4 to 5 listed under the third rule).
 */
export const OMITS_ALL_UP_TO = 5;

/**
 * The omitted facts a view lists by name, and how many it only counts. Up to {@link OMITS_ALL_UP_TO} other sources,
 * every omitted fact is listed. Past that, a fact only one or a few of them report says little of what a source
 * left out ("1 of 13" was most of a big story's list on ECB+ dev), so the list keeps the facts at least a third of
 * the other sources report, and at least two (`least`); the JSON report has them all (`coverage`).
 */
export function notableOmits(omits: readonly OmittedFact[]): { readonly listed: readonly OmittedFact[]; readonly unlisted: number; readonly least: number; readonly others: number } {
  const others = omits[0]?.otherSources ?? 0;
  const least = others <= OMITS_ALL_UP_TO ? 1 : Math.max(2, Math.ceil(others / 3));
  const listed = omits.filter((o) => o.reportedBy >= least);
  return { listed, unlisted: omits.length - listed.length, least, others };
}

/**
 * The line under a list of omitted facts that counts those not listed (see {@link notableOmits}), or '': "and 9
 * more, each reported by only 1 of the 12 others (all in --json)", "… by fewer than 4 of the 11 others …"; "none
 * listed, each reported by …" when none is, so that the heading's count is always what the lines account for.
 */
export function unlistedOmitsNote(cut: ReturnType<typeof notableOmits>): string {
  if (cut.unlisted === 0) return '';
  const by = cut.least <= 2 ? `only 1 of the ${cut.others.toLocaleString('en-US')} others` : `fewer than ${cut.least} of the ${cut.others.toLocaleString('en-US')} others`;
  const count = cut.unlisted.toLocaleString('en-US');
  return `${cut.listed.length === 0 ? 'none listed' : `and ${count} more`}, each reported by ${by} (all in --json)`;
}

/**
 * "most complete: 12 of 14 corroborated facts, 29 of 37 in all" for the story's {@link Story.fullest} article, else
 * ''; "most complete: 29 of 37 facts" when no fact of the story is corroborated; "most complete (tied with C, D):
 * …" when other articles have the same counts (`tiedWith`: the choice among them was by story order), at most five
 * labels named ("tied with C, D, E, F and 3 more"). `label`: an article's label as the view shows it (escaped).
 */
export function fullestNote(story: Story, id: string, label: (id: string) => string | undefined = () => undefined): string {
  const f = story.fullest;
  if (f?.article !== id) return '';
  const tied = (f.tiedWith ?? []).map((t) => label(t) ?? '?');
  const head = tied.length === 0 ? 'most complete' : `most complete (tied with ${labelList(tied)})`;
  // Of the facts the fullest count weighs: a fact told only by superseded live blog entries is in none (review 29).
  const total = story.facts.filter((x) => !supersededOnly(x)).length;
  const all = `${f.facts} of ${plural(total, 'fact')}`;
  return f.storyCorroborated > 0 ? `${head}: ${f.corroborated} of ${f.storyCorroborated} corroborated ${f.storyCorroborated === 1 ? 'fact' : 'facts'}, ${f.facts} of ${total} in all` : `${head}: ${all}`;
}

/**
 * "excerpt of B (95% of its text word for word; B is 2.6× as long)" for an article that is the part of one of the
 * story's {@link Story.partialCopies}, else ''. `label`: the whole's label as the view shows it (escaped). The
 * length ratio is of shingle sets, from the rounded measures: |W| / |P| = c / J + c − 1.
 */
export function partialCopyNote(story: Story, id: string, label: (id: string) => string | undefined): string {
  const p = story.partialCopies?.find((c) => c.part === id);
  const whole = p ? label(p.whole) : undefined;
  if (!p || whole === undefined || p.jaccard <= 0) return '';
  const ratio = p.containment / p.jaccard + p.containment - 1;
  return `excerpt of ${whole} (${Math.round(p.containment * 100)}% of its text word for word; ${whole} is ${ratio.toFixed(1)}× as long)`;
}

/** Past this many sources in a story, the views show per-source sections only for sources with something in them, at most this many. */
export const MAX_SOURCE_SECTIONS = 40;

/**
 * The per-source sections ("Only B reports", "B leaves out") a view shows of a story: every one up to
 * {@link MAX_SOURCE_SECTIONS} of them; past that, the first that have something in them (`count` above 0), at most
 * that many, with how many have nothing (`empty`) and how many more were cut (`cut`). A wire story republished by
 * 2,000 outlets made 4,000 such sections, most of them "nothing".
 */
export function sourceSections<G>(groups: readonly G[], count: (g: G) => number): { shown: G[]; empty: number; cut: number } {
  if (groups.length <= MAX_SOURCE_SECTIONS) return { shown: [...groups], empty: 0, cut: 0 };
  const some = groups.filter((g) => count(g) > 0);
  const shown = some.slice(0, MAX_SOURCE_SECTIONS);
  return { shown, empty: groups.length - some.length, cut: some.length - shown.length };
}

/**
 * The lines that say what {@link sourceSections} left out: "1,990 sources: nothing (no section each)" and "50 more
 * sources: not shown (…)"; none when it left out nothing.
 */
export function hiddenSectionsNotes(hidden: { empty: number; cut: number }, noun: 'source' | 'article', nothing: string): string[] {
  const notes: string[] = [];
  if (hidden.empty > 0) notes.push(`${plural(hidden.empty, noun)} ${nothing}`);
  if (hidden.cut > 0) notes.push(`${plural(hidden.cut, `more ${noun}`)} not shown (the JSON report's coverage has every article's adds and omits)`);
  return notes;
}

/** Labels named before "and N more" when several articles word a fact the same. */
const SAME_WORDING_SHOWN = 4;

/**
 * A fact's mentions with one wording each: mentions of the same text (white space aside) in one entry, labelled by
 * their articles ("A, B, C" or "A, B, C, D and 1,996 more"), in order of first mention. Copies of one wire text word
 * every fact alike: 2,000 of them made 2,000 lines of the same sentence a fact.
 */
export function wordings<M extends { readonly article: string; readonly text: string; readonly entry?: string; readonly updated?: true }>(
  mentions: readonly M[],
  label: (article: string) => string,
): { label: string; mention: M }[] {
  const byText = new Map<string, { labels: string[]; mention: M }>();
  for (const m of mentions) {
    const key = m.text.replace(/\s+/g, ' ').trim();
    const entry = byText.get(key);
    const who = `${label(m.article)}${entryNote(m)}`;
    if (entry) entry.labels.push(who);
    else byText.set(key, { labels: [who], mention: m });
  }
  return [...byText.values()].map(({ labels, mention }) => ({
    label:
      labels.length <= SAME_WORDING_SHOWN + 1
        ? labels.join(', ')
        : `${labels.slice(0, SAME_WORDING_SHOWN).join(', ')} and ${(labels.length - SAME_WORDING_SHOWN).toLocaleString('en-US')} more`,
    mention,
  }));
}

/**
 * " 10:40 GMT, since updated": after a mention's article label, the time of the live blog entry it is part of (as
 * the page gives it, or its JSON-LD date as {@link shownDate} shows dates), and whether a newer entry gives its figure
 * anew (facts/live-updates.ts); '' for a mention outside a live blog's entries.
 */
export function entryNote(m: { readonly entry?: string; readonly updated?: true }): string {
  if (m.entry === undefined) return '';
  return ` ${shownDate(m.entry, isoDate(m.entry))}${m.updated ? ', since updated' : ''}`;
}

/**
 * "also told by B within its sentence of fact 1": the articles of a fact's `alsoIn` (facts/align.ts), each with the
 * fact its sentence is shown under; undefined when there are none.
 */
export function alsoInNote(story: Pick<Story, 'facts'>, fact: Fact, label: (article: string) => string): string | undefined {
  if (!fact.alsoIn || fact.alsoIn.length === 0) return undefined;
  const parts = fact.alsoIn.map((m) => {
    const home = story.facts.find((f) => f.mentions.some((x) => x.article === m.article && x.sentence === m.sentence));
    return home ? `${label(m.article)} (in ${factNumber(home.id)})` : label(m.article);
  });
  return `also told within a sentence of another fact by ${parts.join(', ')}`;
}

/** How the views mark an article whose text is a teaser (a feed's description): its omits are not listed. */
export const EXCERPT_NOTE = 'teaser only, no omits listed';

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  sv: 'Swedish',
  no: 'Norwegian',
};

/** The language's name in English ("German"). */
export const languageName = (language: Language): string => LANGUAGE_NAMES[language];

/** "in German" for an article not in English (its terms were made by that language's rules); '' for English. */
/**
 * "latest of 2 versions, first 2026-11-23 08:10 UTC" for an article that stands for earlier versions of its outlet's
 * story ({@link ReportArticle.earlierVersions}), else ''; the first time only when that version's date is read (so
 * the note holds no text of the input's).
 */
export function versionsNote(a: Pick<ReportArticle, 'earlierVersions'> | undefined): string {
  const earlier = a?.earlierVersions ?? [];
  if (earlier.length === 0) return '';
  const first = earlier[0];
  const when = first?.date !== undefined && first.published !== undefined ? `, first ${shownDate(first.date, first.published)}` : '';
  return `latest of ${(earlier.length + 1).toLocaleString('en-US')} versions${when}`;
}

export function languageNote(a: Pick<ReportArticle, 'language'> | undefined): string {
  return a?.language === undefined || a.language === 'en' ? '' : `in ${LANGUAGE_NAMES[a.language]}`;
}

/**
 * The heading of the list of facts every source reports: "Reported by every source (4)", or, when teaser-only
 * sources are not counted (`story.sharedExcept`), "Reported by every source (4; Reuters not counted: teaser
 * only)"; more than three such sources are counted, not named. `name` escapes a source name for the view.
 */
export function sharedHeading(story: Story, name: (s: string) => string): string {
  const except = story.sharedExcept ?? [];
  if (except.length === 0) return `Reported by every source (${story.shared.length})`;
  const who = except.length > 3 ? `${except.length} sources` : except.map(name).join(', ');
  return `Reported by every source (${story.shared.length}; ${who} not counted: teaser only)`;
}

/** The most sources a view lists; `--json` has them all. */
export const SOURCES_LISTED = 40;

/** A column of the sources table after the name: heading and field. */
export type SourceColumn = readonly [string, Exclude<keyof SourceSummary, 'source'>];

/** The columns of the sources table after the name; `partial` only in a run with a partial copy across sources. */
export const SOURCE_COLUMNS: readonly SourceColumn[] = [
  ['articles', 'articles'],
  ['stories', 'stories'],
  ['shared', 'sharedStories'],
  ['first', 'firstReports'],
  ['near-dup', 'nearDuplicates'],
  ['partial', 'partialCopies'],
  ['adds', 'addedFacts'],
  ['omits', 'omittedFacts'],
  ['confl', 'conflicts'],
];

const NOTES: Readonly<Partial<Record<SourceColumn[1], string>>> = {
  sharedStories: 'shared: stories another source told too',
  firstReports: 'first: of those, the ones it reported first (when the dates tell)',
  nearDuplicates: "near-dup: its articles that are near-duplicates of another source's",
  partialCopies: "partial: its articles that are excerpts of another source's, or that another source's excerpt is cut from",
  addedFacts: 'adds, omits, confl: in its shared stories, the facts it alone reports, the facts others report and it leaves out (teasers aside), the conflicts it is a side of',
};

/** The sources table of a view: its rows, how many sources are left out, its columns and what they count. */
export interface SourcesTable {
  readonly rows: readonly SourceSummary[];
  readonly more: number;
  readonly columns: readonly SourceColumn[];
  readonly note: string;
}

/**
 * The sources table of a view: its rows (at most {@link SOURCES_LISTED}) and how many sources are left out. None
 * below {@link SOURCES_SHOWN_FROM} sources, nor when every source has one article (a folder of files named after
 * nothing but themselves: a row of ones for each would say nothing).
 */
export function shownSources(report: Report): SourcesTable {
  const all = report.sources ?? [];
  if (all.length < SOURCES_SHOWN_FROM || all.every((s) => s.articles < 2)) return { rows: [], more: 0, columns: [], note: '' };
  const columns = SOURCE_COLUMNS.filter(([, key]) => key !== 'partialCopies' || all.some((s) => s.partialCopies > 0));
  const note = columns.flatMap(([, key]) => NOTES[key] ?? []).join(' · ');
  return { rows: all.slice(0, SOURCES_LISTED), more: Math.max(0, all.length - SOURCES_LISTED), columns, note };
}

/**
 * Choosing and ordering the stories a view shows (`--min-sources`, `--source`, `--not-source`, `--match`, `--since`,
 * `--until`, `--sort`, `--top`), applied to the report before
 * any renderer sees it. Story ids are kept as built (s1, s2, …), so an id means the same story whatever is
 * shown; the report's `articles` keep only the articles of the stories shown, its `sources` count those stories
 * only, and its `options` say how they were chosen.
 */
import type { Report, ReportArticle, Story } from '../types.js';
import { sourceSummary } from '../report/sources.js';
import { parseDate, writtenOffset } from '../input/date.js';
import { mentionsAll, phraseWords, sourceKey } from './match.js';

export const SORT_KEYS = ['sources', 'articles', 'date'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SelectOptions {
  /** Show only stories told by at least this many distinct sources (≥ 1). */
  readonly minSources: number;
  readonly sort: SortKey;
  /** Show only the first this many stories, in the order of {@link sort} (≥ 1); all when undefined. */
  readonly top?: number;
  /** Show only stories told by every one of these sources (names compared as render/match.ts `sourceKey`). */
  readonly source?: readonly string[];
  /** Show only stories told by none of these sources. */
  readonly notSource?: readonly string[];
  /** Show only stories whose articles (headlines and text) mention every one of these phrases (render/match.ts). */
  readonly match?: readonly string[];
  /** Show only stories with an article dated on or after this date (as input/date.ts reads it; a day: from its start). */
  readonly since?: string;
  /** Show only stories with an article dated on or before this date (a day: to its end). */
  readonly until?: string;
}

/** Each article of a story as its headline then sentences: what `--match` looks in. */
export type StoryTexts = (story: Story) => Iterable<readonly string[]>;

export function isSortKey(name: string): name is SortKey {
  return (SORT_KEYS as readonly string[]).includes(name);
}

/**
 * The newest date among a story's articles, as milliseconds since 1970, or undefined when none is dated or
 * parseable. Dates come from the inputs as written and are read as input/date.ts reads them (ISO, RSS, written dates, Unix time), else by `Date.parse`.
 */
export function storyDate(story: Story, articles: ReadonlyMap<string, ReportArticle>): number | undefined {
  let newest: number | undefined;
  for (const id of story.articles) {
    const d = articles.get(id)?.date;
    // As the rest of the report reads dates (input/date.ts: Unix time too, no time zone of the machine's), else Date.parse.
    const t = d === undefined ? NaN : (parseDate(d)?.ms ?? Date.parse(d));
    if (Number.isFinite(t) && (newest === undefined || t > newest)) newest = t;
  }
  return newest;
}

const DAY_MS = 86_400_000;

/** A date as the report reads it (see {@link storyDate}), as the span of time it names: a day, or an instant. */
function span(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const p = parseDate(text);
  if (p !== undefined) return [p.ms, p.ms + (p.precision === 'day' ? DAY_MS : 1)];
  const t = Date.parse(text);
  return Number.isFinite(t) ? [t, t + 1] : undefined;
}

/** Whether an option's date is a day alone ("2026-11-27"), not a time. */
const isDay = (text: string | undefined): boolean => text !== undefined && parseDate(text)?.precision === 'day';

/**
 * Whether a story passes `--since` and `--until`: one of its articles is dated within them, a date of a day
 * counting as the whole day on either side ("--since 2026-11-27T18:00Z" keeps an article dated 2026-11-27). A
 * story with no dated article passes neither. A bound given as a day alone is the calendar day where each article
 * was published, the day the views show (render/sections.ts `shownDate`): "--since 2026-11-24" leaves out an
 * article of 2026-11-23T23:30:00-05:00, though it is the 24th in UTC; a bound with a time is an instant.
 */
function datesPass(options: SelectOptions): (story: Story, articles: ReadonlyMap<string, ReportArticle>) => boolean {
  const from = options.since === undefined ? -Infinity : (span(options.since)?.[0] ?? Infinity);
  const until = options.until === undefined ? Infinity : (span(options.until)?.[1] ?? -Infinity);
  if (from === -Infinity && until === Infinity) return () => true;
  const fromDay = isDay(options.since);
  const untilDay = isDay(options.until);
  return (story, articles) =>
    story.articles.some((id) => {
      const date = articles.get(id)?.date;
      const s = span(date);
      if (s === undefined) return false;
      // The article's wall-clock time where it was published, against a bound that is a day.
      const local = fromDay || untilDay ? (writtenOffset(date) ?? 0) * 60_000 : 0;
      return s[0] + (untilDay ? local : 0) < until && s[1] + (fromDay ? local : 0) > from;
    });
}

/** Whether a story passes `--min-sources`, `--source` and `--not-source`. */
function sourcesPass(options: SelectOptions): (story: Story) => boolean {
  const all = (options.source ?? []).map(sourceKey);
  const none = new Set((options.notSource ?? []).map(sourceKey));
  return (story) => {
    if (story.sources.length < options.minSources) return false;
    if (all.length === 0 && none.size === 0) return true;
    const told = new Set(story.sources.map(sourceKey));
    return all.every((k) => told.has(k)) && ![...none].some((k) => told.has(k));
  };
}

/**
 * The options that chose the stories shown, as flags typed on the command line (`--min-sources 3`, `--source BBC`,
 * `--match "Damascus attack"`); none when every story is shown in full. `--sort` chooses an order, not stories.
 */
export function filterFlags(options: Omit<SelectOptions, 'sort' | 'minSources'> & { readonly minSources?: number }): string[] {
  const quoted = (v: string): string => (/^[\w.-]+$/.test(v) ? v : JSON.stringify(v));
  return [
    ...((options.minSources ?? 1) > 1 ? [`--min-sources ${options.minSources}`] : []),
    ...(options.source ?? []).map((v) => `--source ${quoted(v)}`),
    ...(options.notSource ?? []).map((v) => `--not-source ${quoted(v)}`),
    ...(options.match ?? []).map((v) => `--match ${quoted(v)}`),
    ...(options.since !== undefined ? [`--since ${quoted(options.since)}`] : []),
    ...(options.until !== undefined ? [`--until ${quoted(options.until)}`] : []),
    ...(options.top !== undefined ? [`--top ${options.top}`] : []),
  ];
}

/**
 * The stories that pass the filters, then ordered. `sources`: most sources first, then most articles (the
 * report's own order). `articles`: most articles first, then most sources. `date`: newest first by the newest
 * dated article; undated stories last. Ties keep the report's order, so the result is deterministic. Then the
 * first `top`, if given. `--match` needs the articles' texts (`texts`); it looks only in stories the other
 * filters kept.
 */
export function selectStories(report: Report, options: SelectOptions, texts?: StoryTexts): Report {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const rank = new Map(report.stories.map((s, i) => [s.id, i]));
  const phrases = (options.match ?? []).map(phraseWords);
  if (phrases.length > 0 && texts === undefined) throw new Error('selectStories: --match needs the articles\' texts');
  const dated = datesPass(options);
  const kept = report.stories
    .filter(sourcesPass(options))
    .filter((s) => dated(s, byId))
    .filter((s) => phrases.length === 0 || mentionsAll((texts as StoryTexts)(s), phrases));
  const dates = new Map(kept.map((s) => [s.id, storyDate(s, byId)]));
  const compare = (x: Story, y: Story): number => {
    if (options.sort === 'articles') return y.articles.length - x.articles.length || y.sources.length - x.sources.length;
    if (options.sort === 'date') {
      const dx = dates.get(x.id);
      const dy = dates.get(y.id);
      if (dx === undefined || dy === undefined) return dx === dy ? 0 : dx === undefined ? 1 : -1;
      return dy - dx;
    }
    return y.sources.length - x.sources.length || y.articles.length - x.articles.length;
  };
  const stories = [...kept].sort((x, y) => compare(x, y) || (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0)).slice(0, options.top ?? Infinity);
  // Echoed with the options, so a report says which stories it shows and in what order.
  const echoed = {
    ...report,
    options: {
      ...report.options,
      minSources: options.minSources,
      sort: options.sort,
      ...(options.top !== undefined ? { top: options.top } : {}),
      ...(options.source?.length ? { source: options.source } : {}),
      ...(options.notSource?.length ? { notSource: options.notSource } : {}),
      ...(options.match?.length ? { match: options.match } : {}),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
    },
  };
  if (stories.length === report.stories.length && stories.every((s, i) => s === report.stories[i])) return echoed;
  const shown = new Set(stories.flatMap((s) => s.articles));
  const articles = report.articles.filter((a) => shown.has(a.id));
  return { ...echoed, stories, articles, sources: sourceSummary({ articles, stories }) };
}

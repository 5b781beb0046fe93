/**
 * CSV: one row an article, for spreadsheets and data frames (pandas, R, DuckDB): the story it is in, its source,
 * date and title, what it copies, and how many of its story's facts it adds, leaves out and disputes, then its date
 * as ISO 8601 (`published`), the story's key, the earlier versions it stands for, its corrections and the earlier
 * version it copies (each added
 * last in its turn, so that no column before it moved). The stories come in the report's order, their articles in
 * story order, so the rows of a story are together.
 *
 * RFC 4180: a header row, then one record a line, ending in CRLF; a field holding a comma, a quote or a line break is
 * quoted with its quotes doubled. Text from articles (titles, sources, paths, URLs) is made inert as the terminal
 * view makes it (control characters shown escaped, see safe.ts), and a text field that a spreadsheet would run as a
 * formula (one starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe (OWASP's
 * advice against CSV injection); counts are plain numbers.
 */
import type { Report, ReportArticle, Story } from '../types.js';
import { storyArticles } from './ndjson.js';
import { safeText } from './safe.js';

/** The columns, in order: what each row gives (the README's Output formats section says what each means). */
export const CSV_COLUMNS = [
  'story',
  'story_title',
  'story_articles',
  'story_sources',
  'article',
  'source',
  'date',
  'title',
  'path',
  'url',
  'teaser',
  'near_duplicate_of',
  'excerpt_of',
  'adds',
  'omits',
  'conflicts',
  'published',
  'story_key',
  'earlier_versions',
  'earlier_published',
  'corrections',
  'copies_version',
] as const;

/**
 * What separates the items of a list cell (`earlier_versions`, `earlier_published`, `corrections`): visible in a
 * spreadsheet, on one line (a line break in a cell would break the one-record-a-line that line tools rely on), and
 * `str.split(' | ')` in pandas.
 */
export const CSV_LIST_SEPARATOR = ' | ';

/** The header row (with its line end): also how dedupe tells its own CSV report when it meets one as input. */
export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** A text field: inert, guarded against formulas, and quoted when it must be. */
function field(text: string): string {
  const safe = safeText(text);
  const guarded = /^[=+\-@\t\r]/.test(safe) ? `'${safe}` : safe;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Per article of the story, the ids in its `near_duplicate_of` cell: the articles it makes a near-duplicate pair
 * with, in `copies` order. In a copy group whose pairs are not all listed (`allPairs` false), the group's first
 * article instead (for that one, the second): `copies` lists a spanning tree there, whose pairs say little, and the
 * cell of the first would list thousands of ids.
 */
function copyPartners(story: Story): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const bounded = new Set<string>();
  for (const g of story.copyGroups ?? []) {
    if (g.allPairs) continue;
    const [first, second] = g.articles;
    if (first === undefined || second === undefined) continue;
    for (const id of g.articles) {
      out.set(id, [id === first ? second : first]);
      bounded.add(id);
    }
  }
  const add = (id: string, other: string): void => {
    if (bounded.has(id)) return;
    const list = out.get(id);
    if (list) list.push(other);
    else out.set(id, [other]);
  };
  for (const p of story.copies) {
    add(p.a, p.b);
    add(p.b, p.a);
  }
  return out;
}

/** The story's rows, one an article (each with its line end); `articles`: the report entries of its articles, in story order. */
export function csvStoryRows(story: Story, articles: readonly ReportArticle[]): string {
  const coverage = new Map(story.coverage.map((c) => [c.article, c]));
  const copies = copyPartners(story);
  const copiesOf = (id: string): string[] => copies.get(id) ?? [];
  const excerptOf = (id: string): string => story.partialCopies?.find((p) => p.part === id)?.whole ?? '';
  // Counted by the article's own values, not those it gives as another outlet's (`cites`).
  const conflictsOf = (id: string): number => story.conflicts.filter((c) => c.values.some((v) => v.article === id && v.cites === undefined)).length;
  // An article that copies another's earlier version (`ofVersion`): that version's path. The other of the pair is the
  // article whose earlier versions hold it.
  const holds = (id: string, version: string): boolean => articles.some((x) => x.id === id && (x.earlierVersions ?? []).some((v) => v.path === version));
  const versionsCopied = (id: string): string[] =>
    story.copies.flatMap((p) => (p.ofVersion !== undefined && (p.a === id || p.b === id) && !holds(id, p.ofVersion) ? [p.ofVersion] : []));
  let out = '';
  for (const a of articles) {
    const c = coverage.get(a.id);
    const versions = a.earlierVersions ?? [];
    const cells = [
      field(story.id),
      field(story.title),
      String(story.articles.length),
      String(story.sources.length),
      field(a.id),
      field(a.source),
      field(a.date ?? ''),
      field(a.title),
      field(a.path),
      field(a.url ?? ''),
      a.excerpt ? 'true' : 'false',
      field(copiesOf(a.id).join(' ')),
      field(excerptOf(a.id)),
      // Empty where no facts were worked out (`--fact-threshold 0`).
      c ? String(c.adds.length) : '',
      c ? String(c.omits.length) : '',
      c ? String(conflictsOf(a.id)) : '',
      // ISO 8601 text (digits, '-', ':', 'T', 'Z'): nothing to quote or guard.
      a.published ?? '',
      // An article id ("a" and hex digits): nothing to quote or guard.
      story.key,
      field(versions.map((v) => v.path).join(CSV_LIST_SEPARATOR)),
      // One item a version, in the same order, empty for one whose date is not read: the two cells split alike.
      versions.length === 0 ? '' : versions.map((v) => v.published ?? '').join(CSV_LIST_SEPARATOR),
      field((a.corrections ?? []).join(CSV_LIST_SEPARATOR)),
      field(versionsCopied(a.id).join(CSV_LIST_SEPARATOR)),
    ];
    out += `${cells.join(',')}\r\n`;
  }
  return out;
}

/** The whole report as CSV: the header, then every story's rows. */
export function renderCsv(report: Report): string {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  return CSV_HEADER + report.stories.map((s) => csvStoryRows(s, storyArticles(articles, s))).join('');
}

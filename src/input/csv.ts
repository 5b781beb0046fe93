/**
 * CSV and TSV tables of articles (`.csv`, `.tsv`), as news data sets are often shared: a header row names the
 * columns, every further record is an article, its fields taken by the same names as a JSON record's (json.ts:
 * `title`, `text`/`body`/`content`/`article`, `source`/`publication`/`outlet`, `url`, `date`, `author`, …; case
 * does not matter, other columns are ignored). Fields follow RFC 4180: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (`""`). In a TSV, often written without quoting, a quote that opens a
 * field is read as text unless a quote closes the field right before a tab or line end. An article is named
 * `news.csv:3`, by the line its record starts on (the header is line 1), as a JSON Lines record is.
 */
import type { Diagnostic, ParsedArticle } from '../types.js';
import { DATE_FIELDS, recordToArticle, type ParsedFile } from './json.js';

interface Row {
  readonly fields: string[];
  /** The line the record starts on, from 1. */
  readonly line: number;
  /** The record's quoted field runs to the end of the text. */
  readonly unclosed: boolean;
}

/** The records of a table, in order; blank lines are left out. */
export function csvRows(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let blank = true; // nothing read of this record yet
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (unclosed: boolean): void => {
    if (!blank) {
      fields.push(field);
      rows.push({ fields, line: start, unclosed });
    }
    fields = [];
    field = '';
    blank = true;
  };
  // Runs of text are sliced out whole: adding a character at a time made a 5 MB table take half a second.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (blank) start = line;
    const q = c === 0x22 && field === '' ? closingQuote(text, i) : -2;
    // A TSV is often written without quoting: a quote that opens a field there quotes it only if it closes it too.
    if (q !== -2 && (sep !== 0x09 || endsField(text, q, sep))) {
      // A quoted field: up to the quote that is not doubled, read as one slice.
      blank = false;
      const raw = q < 0 ? text.slice(i + 1) : text.slice(i + 1, q);
      // Only doubled quotes are left inside; split and join is twice as fast as replaceAll.
      field = raw.includes('"') ? raw.split('""').join('"') : raw;
      line += countLines(raw);
      if (q < 0) {
        endRecord(true);
        return rows;
      }
      i = q + 1;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      blank = false;
      i++;
    } else if (c === 0x0a || c === 0x0d) {
      endRecord(false);
      line++;
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else {
      // Unquoted text up to the next delimiter or line end; a record of spaces alone is blank.
      let j = i;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === sep || d === 0x0a || d === 0x0d) break;
        if (d !== 0x20 && d !== 0x09) blank = false;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  endRecord(false);
  return rows;
}

/** The quote that closes the quoted field opening at `open`, past doubled quotes; -1 when none does. */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q >= 0 && text.charCodeAt(q + 1) === 0x22) q = text.indexOf('"', q + 2);
  return q;
}

/** Whether the quote at `q` ends its field: the delimiter, a line end or the end of the text follows. */
function endsField(text: string, q: number, sep: number): boolean {
  if (q < 0) return false;
  const next = text.charCodeAt(q + 1);
  return q + 1 === text.length || next === sep || next === 0x0a || next === 0x0d;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** A column of article text, by its name in the header. */
const TEXT_COLUMN = /^(text|body|content|maintext|articlebody|article|full_?text|description|summary)$/i;

const SEPARATORS: Readonly<Record<string, string>> = { ',': 'commas', '\t': 'tabs', ';': 'semicolons', '|': 'bars' };

/**
 * Why a header of one name has no text column, when that name holds one split on another separator: a table saved
 * with semicolons, as spreadsheets in many European locales write CSV, or a .tsv file with commas.
 */
function separatorHint(names: readonly string[], delimiter: string): string {
  const only = names.length === 1 ? names[0] ?? '' : '';
  const other = Object.keys(SEPARATORS).find((d) => d !== delimiter && only.split(d).some((n) => TEXT_COLUMN.test(n.trim().replace(/^"|"$/g, ''))));
  return other === undefined ? '' : `; its names are separated by ${SEPARATORS[other]}, and a ${delimiter === ',' ? '.csv' : '.tsv'} file is read with ${SEPARATORS[delimiter]}`;
}

/**
 * The delimiter of a table whose header is `line` (tab or comma, tried in that order), when it names a column of
 * article text and one of the headline or address; undefined for other text. How a table piped in (`cat news.csv | dedupe -`) is told.
 */
export function tableDelimiter(line: string): ',' | '\t' | undefined {
  return (['\t', ','] as const).find((d) => {
    const names = line.split(d).map((n) => n.trim().replace(/^"|"$/g, ''));
    // A headline such as "Summary, analysis and reaction" is no header: a header also names the title or address.
    return names.length >= 2 && names.some((n) => TEXT_COLUMN.test(n)) && names.some((n) => HEADLINE_COLUMN.test(n));
  });
}

/** A header's name as a record's field name: lower case, runs of spaces, dots and hyphens as one `_`. */
const fieldName = (name: string): string => name.toLowerCase().replace(/[\s.-]+/g, '_');

/** A header name that looks like a date's, which a table whose date is not read is warned about. */
const DATE_LIKE = /date|publish|time/i;

/** A column a header of articles has beside the text: the headline or the address. */
const HEADLINE_COLUMN = /^(title|headline|url|link)$/i;

/** A CSV (`,`) or TSV (tab) table: an article a record; a diagnostic naming `path:line` for each that is not one. */
export function parseTable(path: string, text: string, delimiter: ',' | '\t'): ParsedFile {
  const rows = csvRows(text, delimiter);
  const header = rows.shift();
  if (header === undefined) return { articles: [], diagnostics: [{ path, reason: 'no header row', level: 'skipped' }] };
  const names = header.fields.map((n) => n.trim());
  if (!names.some((n) => TEXT_COLUMN.test(fieldName(n)))) {
    const reason = `no column of article text (text, body, content, article) in the header: ${names.slice(0, 8).join(', ').slice(0, 120)}${separatorHint(names, delimiter)}`;
    return { articles: [], diagnostics: [{ path, reason, level: 'skipped' }] };
  }
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  // Export headers in words ("Published At", "Publish Date") are the field names a JSON record has ("published_at").
  const keys = names.map(fieldName);
  const unread = keys.some((k) => DATE_FIELDS.includes(k)) ? undefined : names.find((n) => DATE_LIKE.test(n));
  if (unread !== undefined) diagnostics.push({ path, reason: `column "${unread.slice(0, 60)}" is not read as the articles' date (a date column is named date, published, published_at, publish_date, …)`, level: 'warning' });
  for (const row of rows) {
    const where = `${path}:${row.line}`;
    if (row.unclosed) {
      diagnostics.push({ path: where, reason: 'a quoted field is not closed before the end of the file', level: 'skipped' });
      continue;
    }
    const record: { [key: string]: string } = {};
    keys.forEach((key, k) => {
      // Names match without case, so of `text` and `Text` the first column is read, as of two `text` columns.
      if (key !== '' && !Object.hasOwn(record, key)) record[key] = row.fields[k] ?? '';
    });
    const r = recordToArticle(record, where);
    if ('article' in r) articles.push(r.article);
    else diagnostics.push({ path: where, reason: r.reason, level: 'skipped' });
  }
  if (articles.length === 0 && diagnostics.length === 0) diagnostics.push({ path, reason: 'no records after the header', level: 'skipped' });
  return { articles, diagnostics };
}

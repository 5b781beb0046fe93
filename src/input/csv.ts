/**
 * CSV and TSV tables of articles (`.csv`, `.tsv`), as news data sets are often shared: a header row names the
 * columns, every further record is an article, its fields taken by the same names as a JSON record's (json.ts:
 * `title`, `text`/`body`/`content`/`article`, `source`/`publication`/`outlet`, `url`, `date`, `author`, …; case
 * does not matter, other columns are ignored). Fields follow RFC 4180: a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (`""`). An article is named `news.csv:3`, by the line its record starts
 * on (the header is line 1), as a JSON Lines record is.
 */
import type { Diagnostic, ParsedArticle } from '../types.js';
import { recordToArticle, type ParsedFile } from './json.js';

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
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let blank = true; // nothing read of this record yet
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (unclosed: boolean): void => {
    if (!blank) rows.push({ fields: [...fields, field], line: start, unclosed });
    fields = [];
    field = '';
    blank = true;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (blank) start = line;
    if (c === 0x22 && field === '') {
      // A quoted field: up to the quote that is not doubled.
      blank = false;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        const chunk = q < 0 ? text.slice(j) : text.slice(j, q);
        line += countLines(chunk);
        value += chunk;
        if (q < 0) {
          field = value;
          endRecord(true);
          return rows;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      field = value;
      i = j;
      continue;
    }
    if (c === sep) {
      fields.push(field);
      field = '';
      blank = false;
    } else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      endRecord(false);
      line++;
    } else {
      field += text[i];
      if (c !== 0x20 && c !== 0x09) blank = false;
      else if (c === 0x09 && sep === 0x09) blank = false;
    }
    i++;
  }
  endRecord(false);
  return rows;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** A CSV (`,`) or TSV (tab) table: an article a record; a diagnostic naming `path:line` for each that is not one. */
export function parseTable(path: string, text: string, delimiter: ',' | '\t'): ParsedFile {
  const rows = csvRows(text, delimiter);
  const header = rows.shift();
  if (header === undefined) return { articles: [], diagnostics: [{ path, reason: 'no header row', level: 'skipped' }] };
  const names = header.fields.map((n) => n.trim());
  if (!names.some((n) => /^(text|body|content|maintext|articlebody|article|full_?text|description|summary)$/i.test(n))) {
    return { articles: [], diagnostics: [{ path, reason: `no column of article text (text, body, content, article) in the header: ${names.slice(0, 8).join(', ').slice(0, 120)}`, level: 'skipped' }] };
  }
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const row of rows) {
    const where = `${path}:${row.line}`;
    if (row.unclosed) {
      diagnostics.push({ path: where, reason: 'a quoted field is not closed before the end of the file', level: 'skipped' });
      continue;
    }
    const record: { [key: string]: string } = {};
    names.forEach((n, k) => {
      if (n !== '' && record[n] === undefined) record[n] = row.fields[k] ?? '';
    });
    const r = recordToArticle(record, where);
    if ('article' in r) articles.push(r.article);
    else diagnostics.push({ path: where, reason: r.reason, level: 'skipped' });
  }
  if (articles.length === 0 && diagnostics.length === 0) diagnostics.push({ path, reason: 'no records after the header', level: 'skipped' });
  return { articles, diagnostics };
}

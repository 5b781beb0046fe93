/**
 * Parse by file ending: one decoded file → its articles (a feed holds many) and the diagnostics of parts that
 * could not be used. `.html`/`.htm`/`.xhtml` → html.ts; `.json` and `.jsonl`/`.ndjson` → json.ts; everything
 * else (`.txt`, `.md`, …) → parse.ts. A file with another ending whose text starts like an HTML page is read
 * as HTML.
 */
import type { RawFile } from '../types.js';
import { parseArticle } from './parse.js';
import { looksLikeHtml, parseHtml } from './html.js';
import { parseJson, parseJsonLines, type ParsedFile } from './json.js';

export type { ParsedFile } from './json.js';

type Parser = (file: RawFile) => ParsedFile;

function single(parse: typeof parseArticle): Parser {
  return (file) => {
    const r = parse(file);
    return r.ok ? { articles: [r.article], diagnostics: [] } : { articles: [], diagnostics: [{ path: file.path, reason: r.reason, level: 'skipped' }] };
  };
}

/** File ending (lower case, no dot) → parser. */
export const PARSERS: Readonly<Record<string, Parser>> = {
  html: single(parseHtml),
  htm: single(parseHtml),
  xhtml: single(parseHtml),
  json: (f) => parseJson(f.path, f.text),
  jsonl: (f) => parseJsonLines(f.path, f.text),
  ndjson: (f) => parseJsonLines(f.path, f.text),
};

function ending(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Parse one file into articles; never throws for bad content. */
export function parseFile(file: RawFile): ParsedFile {
  const parser = PARSERS[ending(file.path)];
  if (parser) return parser(file);
  if (!/^(txt|text|md|markdown)$/.test(ending(file.path)) && looksLikeHtml(file.text)) return single(parseHtml)(file);
  return single(parseArticle)(file);
}

/**
 * Parse by file ending: one decoded file → its articles (a feed holds many) and the diagnostics of parts that
 * could not be used. `.html`/`.htm`/`.xhtml` → html.ts; `.mhtml`/`.mht` → mhtml.ts; `.json` and `.jsonl`/`.ndjson` → json.ts; `.rss`, `.atom`
 * and `.xml` → feed.ts; `.csv`, `.tsv` → csv.ts; everything else (`.txt`, `.md`, …) → parse.ts. A file with another ending whose text starts
 * like an HTML page or a feed is read as one.
 */
import type { RawFile } from '../types.js';
import { parseArticle } from './parse.js';
import { looksLikeHtml, parseHtml } from './html.js';
import { parseJson, parseJsonLines, type ParsedFile } from './json.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { parseTable } from './csv.js';
import { parseMhtml } from './mhtml.js';

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
  webarchive: single(parseHtml),
  mhtml: single(parseMhtml),
  mht: single(parseMhtml),
  json: (f) => parseJson(f.path, f.text),
  jsonl: (f) => parseJsonLines(f.path, f.text),
  ndjson: (f) => parseJsonLines(f.path, f.text),
  csv: (f) => parseTable(f.path, f.text, ','),
  tsv: (f) => parseTable(f.path, f.text, '\t'),
  rss: (f) => parseFeed(f.path, f.text),
  atom: (f) => parseFeed(f.path, f.text),
  // A page saved as XHTML with an .xml ending is read as the page it is.
  xml: (f) => (looksLikeHtml(f.text) ? single(parseHtml)(f) : parseFeed(f.path, f.text)),
};

/** A file's ending, lower case, without a dot, and without `.gz` (a gzipped file is read decompressed). */
function ending(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.gz$/i, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Parse one file into articles; never throws for bad content. */
export function parseFile(file: RawFile): ParsedFile {
  const parser = PARSERS[ending(file.path)];
  if (parser) return parser(file);
  if (!/^(txt|text|md|markdown)$/.test(ending(file.path))) {
    if (looksLikeHtml(file.text)) return single(parseHtml)(file);
    if (looksLikeFeed(file.text)) return parseFeed(file.path, file.text);
  }
  return single(parseArticle)(file);
}

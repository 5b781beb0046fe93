/**
 * JSON (`.json`: one article object, an array of them, or an object with an `articles`/`items`/`entries`
 * array as news APIs write) and JSON Lines (`.jsonl`, `.ndjson`: one article object a line, or a line holding a
 * whole such response).
 * Field names recognised (first present wins; case-insensitive; other fields are ignored):
 * - title: `title`, `headline`, `title_rss`, `title_page`
 * - text: `text`, `body`, `content`, `maintext`, `articleBody`, `article`, `full_text`, `content_text`,
 *   `content_html` (JSON Feed); else a whole page's `html` or `raw_html` (a crawler's dump, read as a web page is);
 *   else `description`, `summary`
 * - source: `source`, `outlet`, `publisher`, `publication`, `source_domain`, `site_name`, `site` (an object's `name` too);
 *   else, for an item of a JSON Feed (a list document with `home_page_url` or a jsonfeed.org `version`), the feed's
 *   `title` when the item links to the feed's own site or nowhere (see feed-outlet.ts)
 * - url: `url`, `link`, `canonical_url`; date: `date`, `published`, `date_publish`, `published_at`,
 *   `publishedAt`, `pubDate`, `datePublished`, `date_published`; byline: `byline`, `author`, `authors`;
 *   the record's own id (`externalId` in the report): `id`, `guid` (a string or a number)
 * This covers the layout the news-please scraper writes. Text containing HTML tags is reduced to its
 * paragraphs; other text gives one paragraph per non-empty line.
 * Articles are named `feed.jsonl:3` (line 3, counted from 1) and `feed.json[2]` (array index, from 0, as jq
 * counts), so every article has its own path; a file holding one object keeps its plain path.
 */
import type { ArticleMeta, Diagnostic, ParsedArticle } from '../types.js';
import { htmlParagraphs } from './dom.js';
import { headlineAsBody, isLead } from './parse.js';
import { longerThanTeaser, tellsSameLead } from './teaser.js';
import { parseHtml } from './html.js';
import { channelOutlet, type FeedChannel } from './feed-outlet.js';
import { domainOf } from './outlet.js';
import { errorLine, readValues } from './json-values.js';

export interface ParsedFile {
  readonly articles: readonly ParsedArticle[];
  readonly diagnostics: readonly Diagnostic[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const FIELDS = {
  title: ['title', 'headline', 'title_rss', 'title_page'],
  text: ['text', 'body', 'content', 'maintext', 'articlebody', 'article', 'full_text', 'fulltext', 'content_text', 'content_html'],
  page: ['html', 'raw_html', 'rawhtml', 'page_html'],
  fallbackText: ['description', 'summary'],
  source: ['source', 'outlet', 'publisher', 'publication', 'source_domain', 'site_name', 'sitename', 'site'],
  url: ['url', 'link', 'canonical_url'],
  date: ['date', 'published', 'date_publish', 'published_at', 'publishedat', 'pubdate', 'datepublished', 'date_published', 'publish_date', 'published_date', 'publication_date', 'pub_date'],
  byline: ['byline', 'author', 'authors'],
  externalId: ['id', 'guid'],
} as const;

/** The names a record's date is read from (lower case), for a table's header (csv.ts). */
export const DATE_FIELDS: readonly string[] = FIELDS.date;

/** Why a record is skipped whose text is a headline and nothing more. */
export const NO_BODY = 'no article body after the headline';

const LISTS = ['articles', 'items', 'entries', 'results', 'data'];

function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A field's value as text: strings, numbers, arrays of them (joined), objects by their `name`. */
function asText(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.map(asText).filter((s): s is string => s !== undefined).join(', ') || undefined;
  if (isObject(x)) return asText(x.name);
  return undefined;
}

function field(record: JsonObject, names: readonly string[]): string | undefined {
  const lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const key = lower.get(n);
    const v = key === undefined ? undefined : asText(record[key]);
    if (v) return v;
  }
  return undefined;
}

/** Body text → paragraphs: HTML reduced to its blocks, plain text one paragraph per non-empty line. */
export function textParagraphs(text: string): string[] {
  if (/<\/?(p|div|br|li|h[1-6])\b[^>]*>/i.test(text)) return htmlParagraphs(text);
  return text
    .split(/\r\n?|\n/)
    .map((l) => {
      const t = l.trim();
      // Collapsing white space only where there is some to collapse halves the time on long feeds.
      return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
    })
    .filter((l) => l !== '');
}

/**
 * How a news API marks a body it cut short: NewsAPI's `content` is the article's first 200 characters and
 * "… [+3456 chars]".
 */
const CUT_MARK = /\s*(?:…|\.\.\.)?\s*\[\+\d[\d,]* chars?\]\s*$/;

/**
 * The record's text, and whether it is a teaser rather than the article: only a description or summary (of a
 * teaser's length: see teaser.ts), or a body cut short by a news API (then the description first, unless the body
 * already starts with it or tells the same lead in other words: see {@link tellsSameLead}; the mark dropped).
 */
function recordText(record: JsonObject): { text?: string; excerpt: boolean } {
  const body = field(record, FIELDS.text);
  const summary = field(record, FIELDS.fallbackText);
  // A description as long as an article is one, not a teaser.
  if (body === undefined) return { ...(summary !== undefined ? { text: summary } : {}), excerpt: summary === undefined || !longerThanTeaser([summary]) };
  // The mark ends the body: a body that does not end in "]" is not looked through (the regex scans all of it).
  if (!body.trimEnd().endsWith(']') || !CUT_MARK.test(body)) return { text: body, excerpt: false };
  const kept = body.replace(CUT_MARK, '');
  // Cut inside a sentence: marked so, as the API's own "…" would.
  const cut = /[.!?"”’)]$/.test(kept) ? kept : `${kept}…`;
  const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();
  // The same lead, word for word or paraphrased (NewsAPI's description and content usually are): told once.
  const repeats = summary !== undefined && (squeeze(cut).startsWith(squeeze(summary).replace(/…$/, '').slice(0, 60)) || tellsSameLead(summary, cut));
  return { text: summary === undefined || repeats ? cut : `${summary}\n${cut}`, excerpt: true };
}

/** One JSON record → an article, or the reason it is not one. */
export function recordToArticle(record: Json, path: string, channel?: FeedChannel): { article: ParsedArticle } | { reason: string } {
  if (!isObject(record)) return { reason: 'not a JSON object' };
  const page = field(record, FIELDS.text) === undefined ? field(record, FIELDS.page) : undefined;
  if (page !== undefined) return pageRecord(record, page, path);
  const { text, excerpt } = recordText(record);
  if (!text) return { reason: 'no article text (fields text, body, content or maintext)' };
  const body = textParagraphs(text);
  let title = field(record, FIELDS.title)?.replace(/\s+/g, ' ') ?? '';
  if (!title) {
    title = body.shift() ?? '';
    if (isLead(title)) body.unshift(title);
  }
  if (body.length === 0) return { reason: NO_BODY };
  const meta = recordMeta(record);
  const fromFeed = channel && meta.source === undefined ? channelOutlet(channel, meta.url) : undefined;
  if (fromFeed) meta.source = fromFeed;
  // Only a description or summary, or a body cut short: a teaser, not the article.
  const articleMeta: ArticleMeta = { ...meta, title, ...(excerpt ? { excerpt: true } : {}) };
  return { article: { path, title, paragraphs: body, meta: articleMeta } };
}

/** The record's source, URL, date and byline, those it has. */
function recordMeta(record: JsonObject): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const key of ['source', 'url', 'date', 'byline', 'externalId'] as const) {
    const v = field(record, FIELDS[key]);
    if (v) meta[key] = v;
  }
  return meta;
}

/** Why a record's page is not read, as the record's reason. */
export const pageFailure = (reason: string): string => `its html: ${reason}`;

/**
 * A record holding a whole web page (`{"url": …, "html": "<!doctype html>…"}`, as crawlers dump them): the page read
 * as a web page is (its article found among the furniture, its metadata read), the record's own fields first.
 */
function pageRecord(record: JsonObject, html: string, path: string): { article: ParsedArticle } | { reason: string } {
  const parsed = parseHtml({ path, text: html });
  if (!parsed.ok) return { reason: pageFailure(parsed.reason) };
  const own = recordMeta(record);
  const title = field(record, FIELDS.title)?.replace(/\s+/g, ' ') ?? parsed.article.title;
  const rest = parsed.article.paragraphs.filter((p) => p.toLowerCase() !== title.toLowerCase());
  const paragraphs = rest.length === 0 ? headlineAsBody(title, parsed.article.paragraphs) : rest;
  if (paragraphs.length === 0) return { reason: NO_BODY };
  return { article: { path, title, paragraphs, meta: { ...parsed.article.meta, ...own, title } } };
}

function shortError(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 120);
}

/**
 * The list of articles a JSON object holds as a news API response or a JSON Feed does: an array under `articles`,
 * `items`, `entries`, `results` or `data`, when the object has no article text of its own. `strict`: only an
 * array of objects (or an empty one) counts, as a line of JSON Lines needs, where such an object is rarer than an
 * article record with a list field.
 */
function articleList(obj: JsonObject, strict: boolean): Json[] | undefined {
  if (field(obj, FIELDS.text)) return undefined;
  const key = Object.keys(obj).find((k) => LISTS.includes(k.toLowerCase()) && Array.isArray(obj[k]) && (!strict || (obj[k] as Json[]).every(isObject)));
  return key === undefined ? undefined : (obj[key] as Json[]);
}

/** Whether the JSON text `line` (a whole line, or a one-line document) is a list document: see {@link articleList}. */
export function isListDocument(line: string): boolean {
  try {
    const value = JSON.parse(line) as Json;
    return isObject(value) && articleList(value, true) !== undefined;
  } catch {
    return false;
  }
}

/**
 * One line of JSON Lines, named `where`: its article, or why it is skipped; undefined when it is blank. What
 * {@link parseJsonLines} does a line, and standard input a line as it streams in (input/stdin.ts). A line that is a
 * whole news API response or JSON Feed (see {@link articleList}) gives the articles of its list, named `where[i]`
 * (`feed.jsonl:3[0]`), as a `.json` file of it would (`feed.json[0]`); so does a line that is an array of records.
 */
export function jsonLine(raw: string, where: string): ParsedFile | undefined {
  const line = raw.trim();
  if (line === '') return undefined;
  let value: Json;
  try {
    value = JSON.parse(line) as Json;
  } catch (err) {
    return { articles: [], diagnostics: [{ path: where, reason: `${MALFORMED_LINE}${shortError(err)}`, level: 'skipped' }] };
  }
  const list = isObject(value) ? articleList(value, true) : undefined;
  if (list !== undefined && isObject(value)) return listArticles(where, list, feedChannel(value));
  // An array of records (a `.json` file's content, pretty-printed or not, one after another: `cat a.json b.json`).
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) return listArticles(where, value);
  const r = recordToArticle(value, where);
  return 'article' in r ? { articles: [r.article], diagnostics: [] } : { articles: [], diagnostics: [{ path: where, reason: r.reason, level: 'skipped' }] };
}

const MALFORMED_LINE = 'malformed JSON line: ';
const isMalformed = (r: ParsedFile): boolean => r.articles.length === 0 && r.diagnostics.length === 1 && (r.diagnostics[0] as Diagnostic).reason.startsWith(MALFORMED_LINE);

/** A record over lines `from`–`to` that is not JSON, named `where` (its first line), with the line of its error. */
function brokenRecord(where: string, from: number, to: number, text: string): ParsedFile {
  let reason = `malformed JSON (lines ${from}\u2013${to})`;
  try {
    JSON.parse(text);
  } catch (err) {
    const line = errorLine(err, text, from);
    reason += `: ${shortError(err)}${line === undefined ? '' : ` (line ${line})`}`;
  }
  return { articles: [], diagnostics: [{ path: where, reason, level: 'skipped' }] };
}

/**
 * JSON Lines: every non-blank line one article (or a list of them); a bad line is a diagnostic naming `path:line`.
 * Values pretty-printed over several lines, one after another (`jq '.items[]'` without `-c`), are read too, each
 * named by the line it starts on (see json-values.ts). `values`: the records read as JSON.
 */
export function parseJsonLines(path: string, text: string): ParsedFile & { readonly values: number } {
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const { records, values } = readValues(path, lines, jsonLine, isMalformed, brokenRecord);
  for (const r of records) {
    articles.push(...r.articles);
    diagnostics.push(...r.diagnostics);
  }
  if (articles.length === 0 && diagnostics.length === 0) diagnostics.push({ path, reason: 'no JSON lines', level: 'skipped' });
  return { articles, diagnostics, values };
}

/**
 * What a JSON Feed says of itself (its `title` and the domain of its `home_page_url`), for items that name no
 * source (see feed-outlet.ts); undefined for other list documents, whose `title`, if any, need not be an outlet.
 */
function feedChannel(doc: JsonObject): FeedChannel | undefined {
  const home = field(doc, ['home_page_url']);
  const version = field(doc, ['version']);
  if (home === undefined && !version?.startsWith('https://jsonfeed.org/version/')) return undefined;
  return { title: field(doc, ['title'])?.replace(/\s+/g, ' ') ?? '', domain: home ? domainOf(home) : undefined };
}

/** The articles of a JSON array, each named `path[i]`, and why the others are skipped. */
function listArticles(path: string, value: readonly Json[], channel?: FeedChannel): ParsedFile {
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  value.forEach((item, i) => {
    const r = recordToArticle(item, `${path}[${i}]`, channel);
    if ('article' in r) articles.push(r.article);
    else diagnostics.push({ path: `${path}[${i}]`, reason: r.reason, level: 'skipped' });
  });
  if (value.length === 0) diagnostics.push({ path, reason: 'empty JSON array', level: 'skipped' });
  return { articles, diagnostics };
}

/**
 * A JSON document: one article object, an array of them, or an object holding such an array. Text that is not one
 * JSON value but several one after another (`jq '.items[]' > day.json`, or JSON Lines named `.json`) is read as
 * JSON Lines are, each value named by the line it starts on (`day.json:3`); other malformed JSON is skipped with
 * the line of its error.
 */
export function parseJson(path: string, text: string): ParsedFile {
  let value: Json;
  const body = text.replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(body) as Json;
  } catch (err) {
    const stream = parseJsonLines(path, body);
    if (stream.values >= 2) return { articles: stream.articles, diagnostics: stream.diagnostics };
    const line = errorLine(err, body, 1);
    return { articles: [], diagnostics: [{ path, reason: `malformed JSON: ${shortError(err)}${line === undefined ? '' : ` (line ${line})`}`, level: 'skipped' }] };
  }
  if (isObject(value)) {
    const list = articleList(value, false);
    if (list === undefined) {
      const r = recordToArticle(value, path);
      return 'article' in r ? { articles: [r.article], diagnostics: [] } : { articles: [], diagnostics: [{ path, reason: r.reason, level: 'skipped' }] };
    }
    return listArticles(path, list, feedChannel(value));
  }
  if (!Array.isArray(value)) return { articles: [], diagnostics: [{ path, reason: 'JSON is neither an article object nor an array of them', level: 'skipped' }] };
  return listArticles(path, value);
}

/**
 * Parse: turn a decoded file into a headline, body paragraphs and metadata.
 * `.txt`: the first non-empty line is the headline, every further non-empty line a paragraph; a first line that is
 * only a posting stamp or a date ("16 September 2013 Last updated at 12:42 GMT") is a paragraph, not the headline,
 * and so is a stamp before or after the headline on its line (see clean/stamps.ts), so that cleaning drops them.
 * `.md`: optional YAML-style front matter (title, source, url, date, author: an author list is one byline; other
 * keys ignored), a first `# heading`
 * as the headline when front matter has no title (other headings keep their `#` marker, for cleaning to drop),
 * light Markdown syntax removed from the text, and the lines of a paragraph (up to a blank line or the start of
 * another block) joined into one.
 * Either: a date that a stamp in the article's head gives is its date when no front matter gives one (see
 * head-lines.ts).
 */
import type { ArticleMeta, ParsedArticle, RawFile } from '../types.js';
import { isStampOrDateline, partHeadline } from '../clean/stamps.js';
import { headDate } from './head-lines.js';

export type ParseResult = { readonly ok: true; readonly article: ParsedArticle } | { readonly ok: false; readonly reason: string };

const META_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  site: 'source',
  url: 'url',
  link: 'url',
  date: 'date',
  published: 'date',
  author: 'byline',
  authors: 'byline',
  byline: 'byline',
};

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** A YAML list item: "  - Jane Doe", "- name: Jane Doe" (a list of author objects gives their names). */
const LIST_ITEM = /^\s*-\s+(?:name\s*:\s*)?(.*)$/i;

/** A YAML flow list: "[Jane Doe, John Roe]" → its items, unquoted; `undefined` for any other value. */
function flowList(value: string): string[] | undefined {
  const m = /^\[(.*)\]$/.exec(value.trim());
  return m?.[1] === undefined ? undefined : m[1].split(',').map(unquote).filter((v) => v !== '');
}

/**
 * A key's list as one value: several authors are one byline, "Jane Doe, John Roe", as JSON `authors` arrays and
 * feeds' several `dc:creator`s are; another key takes its first item.
 */
function listValue(key: keyof ArticleMeta, items: readonly string[]): string | undefined {
  if (items.length === 0) return undefined;
  return key === 'byline' ? [...new Set(items)].join(', ') : items[0];
}

/**
 * Front matter between `---` lines at the very start; returns the metadata and the remaining lines. A value is
 * on its key's line, or a YAML list: on the lines below (`author:` then `  - Jane Doe`, `  - John Roe`) or in
 * brackets (`author: [Jane Doe, John Roe]`).
 */
export function frontMatter(all: readonly string[]): { meta: ArticleMeta; rest: readonly string[] } {
  if (all[0]?.trim() !== '---') return { meta: {}, rest: all };
  const end = all.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return { meta: {}, rest: all };
  const meta: Record<string, string> = {};
  // The key whose value is a list on the lines below, and its items so far.
  let listKey: keyof ArticleMeta | undefined;
  let items: string[] = [];
  const endList = (): void => {
    const value = listKey === undefined ? undefined : listValue(listKey, items);
    if (listKey !== undefined && value !== undefined && meta[listKey] === undefined) meta[listKey] = value;
    listKey = undefined;
    items = [];
  };
  for (const line of all.slice(1, end)) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      const value = unquote(item[1] ?? '');
      if (listKey !== undefined && value !== '') items.push(value);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    // An indented key belongs to a nested object (`author:` then `  name: Jane Doe`, whose name counts); it
    // neither ends a list nor is a field.
    if (/^\s/.test(line)) {
      const name = /^\s+name\s*:\s*(.+)$/i.exec(line)?.[1];
      if (listKey !== undefined && name !== undefined) items.push(unquote(name));
      continue;
    }
    endList();
    const key = META_KEYS[line.slice(0, colon).trim().toLowerCase()];
    const raw = line.slice(colon + 1).trim();
    if (key === undefined) continue;
    if (raw === '') {
      listKey = key;
      continue;
    }
    const list = flowList(raw);
    const value = list === undefined ? unquote(raw) : listValue(key, list);
    if (value && meta[key] === undefined) meta[key] = value;
  }
  endList();
  return { meta, rest: all.slice(end + 1) };
}

/** Remove inline Markdown: links, images, emphasis, code ticks, heading and quote markers, list bullets. */
export function stripMarkdown(line: string): string {
  // Each bounded run stops at the next opening bracket too, so a line full of "[" or "![a](" is scanned in
  // linear time (a run that could cross the next link made a 100 KB hostile line take seconds).
  return line
    .replace(/!\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d{1,3}\.)\s+/, '')
    .replace(/\*\*(?=\S)([^\n]{1,1000}?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]{1,1000}?)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])__?(?=[^\s_])([^_\n]{1,1000}?)__?(?!\w)/g, '$1$2')
    .replace(/`([^`\n]{1,1000})`/g, '$1')
    .trim();
}

function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/** A line of six words or more ending like a sentence (headlines rarely end with a full stop). */
export function isLead(line: string): boolean {
  return /[.!?]["'”’)]?$|[.!?]\s*''$/.test(line) && line.split(/\s+/).length >= 6;
}

/** Words a file's only line has at least to be read as a sentence though it has no final stop. */
const LONE_SENTENCE_WORDS = 15;

/**
 * Whether a file's only line is a sentence that lost its final stop, not a headline: 15 words or more, and in
 * sentence case (fewer than a third of its words capitalised). "Dozens of people in Laci Peterson's hometown who
 * were donating blood in her memory applauded when they heard …" (32 words, 5 capitalised; ECB+ 45_3ecb) is one;
 * headlines are shorter, and a long one is usually in title case.
 */
export function isLoneSentence(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < LONE_SENTENCE_WORDS) return false;
  const capitalised = words.filter((w) => /^["'“‘(]?\p{Lu}/u.test(w)).length;
  return capitalised * 3 < words.length;
}

/**
 * The body of an item or page whose only text is its headline: that text, when it reads as a sentence (a lead, or a
 * lone sentence without its final stop), as a text file of that one line is read: a one-sentence article. `text`:
 * its paragraphs before those equal to the headline were taken out. None for a headline alone.
 */
export function headlineAsBody(title: string, text: readonly string[]): string[] {
  const line = text.find((p) => p.toLowerCase() === title.toLowerCase());
  return line !== undefined && (isLead(line) || isLoneSentence(line)) ? [line] : [];
}

/** A Markdown thematic break (`---`, `***`, `___`), a setext heading's `===` underline, or an empty quotation line: no text, and the paragraph ends. */
const BREAK = /^\s{0,3}(-{3,}|\*{3,}|_{3,}|=+|>)\s*$/;
/** A Markdown line that is a block of its own: a heading, code fence, table row or HTML. */
const ALONE = /^\s{0,3}(#{1,6}(\s|$)|```|~~~|\||<)/;
const QUOTE = /^\s{0,3}>/;
const HEADING = /^\s{0,3}(#{1,6})\s/;
const BULLET = /^\s{0,3}[-*+]\s/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s/;

/**
 * Whether the Markdown line `raw` starts a new paragraph rather than continuing the one before (as CommonMark has
 * it): a block of its own, a list item (an ordered one only when numbered 1 or within a list: "2017. Its revenue"
 * continues a sentence), or a quotation after a paragraph that is not one.
 */
function startsBlock(raw: string, quoted: boolean, listed: boolean): boolean {
  if (ALONE.test(raw) || BULLET.test(raw)) return true;
  const number = ORDERED.exec(raw)?.[1];
  if (number !== undefined) return listed || number === '1';
  return QUOTE.test(raw) && !quoted;
}

export function parseArticle(file: RawFile): ParseResult {
  const all = lines(file.text.replace(/^\uFEFF/, ''));
  const md = isMarkdown(file.path);
  const { meta, rest } = md ? frontMatter(all) : { meta: {} as ArticleMeta, rest: all };
  const body: string[] = [];
  // Stamps that stood above the headline, or on its line: paragraphs before the body, for cleaning to drop.
  const stamps: string[] = [];
  let title = meta.title?.trim() ?? '';
  // In Markdown, lines that follow each other make one paragraph (a hard-wrapped file): a line joins the one before
  // unless it starts a block; a blank line ends the paragraph. The headline stays a line of its own.
  let joins = false;
  let quoted = false; // the last paragraph is a quotation
  let listed = false; // the last paragraph is a list item
  for (const raw of rest) {
    if (md && BREAK.test(raw)) {
      joins = false;
      continue;
    }
    const line = (md ? stripMarkdown(raw) : raw).trim();
    if (line.length === 0) {
      joins = false;
      continue;
    }
    if (title === '') {
      if (isStampOrDateline(line)) stamps.push(line);
      else {
        const { headline, stamp } = partHeadline(line);
        title = headline;
        if (stamp !== undefined) stamps.push(stamp);
      }
      continue;
    }
    if (joins && !startsBlock(raw, quoted, listed)) {
      // A numbered line that goes on a paragraph ("5. a" after a sentence) is text: its number stays.
      const number = QUOTE.test(raw) ? null : ORDERED.exec(raw);
      body[body.length - 1] += ` ${number ? `${number[0].trim()} ${stripMarkdown(raw.slice(number[0].length))}`.trim() : line}`;
    } else {
      // A heading below the headline keeps its marker, so cleaning drops it as a heading however long it is.
      const heading = md ? HEADING.exec(raw)?.[1] : undefined;
      body.push(heading === undefined ? line : `${heading} ${line}`);
      quoted = QUOTE.test(raw);
      listed = BULLET.test(raw) || ORDERED.test(raw);
    }
    joins = md && !ALONE.test(raw);
  }
  // A file of stamps alone: the first is its headline, as any first line was, and the others its body.
  if (title === '') {
    title = stamps.shift() ?? '';
    body.push(...stamps.splice(0));
  }
  if (title === '' && body.length === 0) return { ok: false, reason: 'no text' };
  // A first line that reads as a sentence is a lead, not a headline: it is the title and also news.
  if (isLead(title) && !meta.title) body.unshift(title);
  // A file of one line that reads as a sentence, final stop or not, is a one-sentence article, not a headline alone.
  else if (body.length === 0 && !meta.title && isLoneSentence(title)) body.push(title);
  if (body.length === 0) return { ok: false, reason: 'no article body after the headline' };
  body.unshift(...stamps);
  // A date the head's stamp gives ("Published 23 November 2026, 09:30 GMT"), unless the front matter gives one:
  // cleaning drops the line, and the date with it.
  const date = meta.date ? undefined : headDate(body);
  return { ok: true, article: { path: file.path, title, paragraphs: body, meta: date ? { ...meta, date } : meta } };
}

/**
 * RSS and Atom feeds (`.rss`, `.atom`, `.xml`, or a file of another ending whose text starts like a feed): every
 * `<item>` (RSS 0.9x, 1.0 and 2.0) or `<entry>` (Atom) is an article, named `feed.xml[3]` (from 0, as for a JSON
 * array). The XML is parsed leniently by linkedom: nothing is fetched, no entity is expanded from outside the file,
 * and a feed that is not well-formed is read as far as it makes sense.
 *
 * Fields of an item (first present wins):
 * - text: `content:encoded`, Atom `content`; else `description`, `summary` (often only a teaser);
 * - title: `title` (HTML in it, as Atom `type="html"` has, is reduced to its text);
 * - url: `feedburner:origLink`, then `link` (RSS text, or the Atom `href` of `rel="alternate"` or no `rel`), then
 *   a `guid` that is a web address;
 * - date: `pubDate`, `dc:date`, `published`, `updated`, `dcterms:issued`;
 * - byline: `dc:creator`, `author` (Atom's `<name>`; RSS's "mail@example.com (Name)" gives the name);
 * - externalId (the item's own id): RSS `guid`, Atom `id`, as written;
 * - source: the item's `<source>` (RSS text, Atom `<title>`); else, in a feed whose items link to the feed's own
 *   site, the feed's title up to a section separator ("BBC News - World" → "BBC News"; the part that spells the
 *   site's domain wherever it stands: "World news | The Guardian"), unless the site's domain is
 *   a known outlet (its URL names it then); items that link elsewhere (an aggregator's) are named by their URL.
 */
import type { ArticleMeta, Diagnostic, ParsedArticle } from '../types.js';
import { DOMParser } from 'linkedom';
import { blockTexts, ELEMENT_NODE, htmlParagraphs, MAX_DEPTH, nestedDeeperThan, TOO_DEEP, type DomElement, type DomNode } from './dom.js';
import type { ParsedFile } from './json.js';
import { textParagraphs } from './json.js';
import { headlineAsBody, isLead } from './parse.js';
import { stripSiteSuffix } from './html.js';
import { domainOf } from './outlet.js';
import { channelOutlet, type FeedChannel } from './feed-outlet.js';
import { longerThanTeaser } from './teaser.js';
import { feedCut, feedCutReason } from './feed-cut.js';

/**
 * Whether a text (of any file ending) starts like an RSS or Atom feed: its root after the XML declaration, style
 * sheets (`<?xml-stylesheet …?>`, as BBC and Blogger feeds have), comments and a DOCTYPE.
 */
export function looksLikeFeed(text: string): boolean {
  return /^\uFEFF?\s*(<\?[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*>\s*)*<(rss|feed|atom:feed|rdf:RDF)[\s>]/i.test(text.slice(0, 4000));
}

/** An element's name in lower case; Atom's elements without their `atom:` prefix (`<atom:feed>`, `<atom:entry>`). */
const name = (el: DomNode): string => el.nodeName.toLowerCase().replace(/^atom:/, '');

function elements(parent: DomNode): DomElement[] {
  const out: DomElement[] = [];
  const kids = parent.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i];
    if (kid?.nodeType === ELEMENT_NODE) out.push(kid as DomElement);
  }
  return out;
}

/** The first child element of `parent` with one of `names` (lower case, with their prefix), in the order of `names`. */
function child(parent: DomNode, names: readonly string[]): DomElement | undefined {
  const kids = elements(parent);
  for (const n of names) {
    const found = kids.find((k) => name(k) === n);
    if (found) return found;
  }
  return undefined;
}

/** The items or entries of a feed, in document order (items nested in another item are not looked for). */
function feedItems(root: DomNode): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomElement[] = elements(root).reverse();
  while (stack.length > 0) {
    const el = stack.pop() as DomElement;
    if (name(el) === 'item' || name(el) === 'entry') out.push(el);
    // One at a time: spread as arguments, 200,000 children overflowed the call stack.
    else for (const kid of elements(el).reverse()) stack.push(kid);
  }
  return out;
}

const TAG = /<[a-z/!]/i;
const ENTITY = /&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * An element's text as paragraphs: Atom `type="xhtml"` by its elements, text holding HTML (escaped in the feed or
 * in CDATA) by the blocks of that HTML, plain text a paragraph a line.
 */
function paragraphsOf(el: DomElement): string[] {
  if (el.getAttribute('type')?.toLowerCase() === 'xhtml') return blockTexts(el);
  const text = el.textContent ?? '';
  if (!TAG.test(text) && !ENTITY.test(text)) return textParagraphs(text);
  return htmlParagraphs(TAG.test(text) ? text : text.replace(/\r?\n/g, '<br>'));
}

/** An element's text on one line, HTML and entities reduced to text. */
function lineOf(el: DomElement | undefined): string {
  return el ? paragraphsOf(el).join(' ').trim() : '';
}

/** The web address of a `link`: the Atom `href` of an alternate link (or one with no `rel`), or an RSS link's text. */
function linkOf(parent: DomNode): string | undefined {
  for (const el of elements(parent)) {
    if (name(el) !== 'link' && name(el) !== 'atom:link') continue;
    const href = el.getAttribute('href')?.trim();
    const rel = el.getAttribute('rel')?.toLowerCase() ?? 'alternate';
    if (href && rel === 'alternate') return href;
    const text = el.textContent?.trim();
    if (!href && text && name(el) === 'link') return text;
  }
  return undefined;
}

const WEB = /^https?:\/\/\S+$/i;

function urlOf(item: DomElement): string | undefined {
  const orig = child(item, ['feedburner:origlink'])?.textContent?.trim();
  if (orig && WEB.test(orig)) return orig;
  const link = linkOf(item);
  if (link && WEB.test(link)) return link;
  const guid = child(item, ['guid', 'id'])?.textContent?.trim();
  return guid && WEB.test(guid) ? guid : undefined;
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; Atom `<author><name>` → its name. */
function bylineOf(item: DomElement): string | undefined {
  const creators = elements(item).filter((el) => ['dc:creator', 'author'].includes(name(el)));
  const names = creators
    .map((el) => lineOf(child(el, ['name']) ?? el))
    .map((n) => /^\S+@\S+\s+\((.+)\)$/.exec(n)?.[1] ?? n)
    .filter((n) => n !== '' && !/^\S+@\S+$/.test(n));
  return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

/** What the feed says of itself: its title and the domain of its site. */
function channelOf(root: DomElement): FeedChannel {
  const channel = child(root, ['channel']) ?? root;
  const link = linkOf(channel);
  return { title: lineOf(child(channel, ['title'])), domain: link ? domainOf(link) : undefined };
}

/** The item's outlet, when the feed tells it better than the item's URL would (see the module comment). */
function sourceOf(item: DomElement, url: string | undefined, channel: FeedChannel): string | undefined {
  const own = child(item, ['source']);
  const named = own ? lineOf(child(own, ['title']) ?? own) : '';
  return named || channelOutlet(channel, url);
}

const TEXT = ['content:encoded', 'content'];
const TEASER = ['description', 'summary', 'media:description'];
const DATE = ['pubdate', 'dc:date', 'published', 'updated', 'dcterms:issued', 'dcterms:created', 'dcterms:modified'];

function itemToArticle(item: DomElement, path: string, channel: FeedChannel): { article: ParsedArticle } | { reason: string } {
  let body: string[] = [];
  let excerpt = false;
  // A teaser may sit in a Media RSS group, as video and photo feeds have it.
  const group = child(item, ['media:group']);
  for (const el of [child(item, TEXT), child(item, TEASER) ?? (group && child(group, ['media:description']))]) {
    if (el && body.length === 0) {
      body = paragraphsOf(el);
      // A description as long as an article is one (a full-text feed), not a teaser.
      excerpt = el !== child(item, TEXT) && !longerThanTeaser(body);
    }
  }
  if (body.length === 0) return { reason: 'no article text (content:encoded, content, description or summary)' };
  const ownSource = child(item, ['source']);
  // "Ferry aground - BBC News" with <source>BBC News</source>, as aggregators write it: the title alone.
  let title = stripSiteSuffix(lineOf(child(item, ['title'])), ownSource ? lineOf(child(ownSource, ['title']) ?? ownSource) : undefined);
  if (title) {
    const text = body;
    body = body.filter((p) => p.toLowerCase() !== title.toLowerCase());
    if (body.length === 0) body = headlineAsBody(title, text);
  } else {
    title = body.shift() ?? '';
    if (isLead(title)) body.unshift(title);
  }
  if (body.length === 0) return { reason: 'no article body after the headline' };
  const url = urlOf(item);
  const date = child(item, DATE)?.textContent?.trim();
  const byline = bylineOf(item);
  const source = sourceOf(item, url, channel);
  const externalId = child(item, ['guid', 'id'])?.textContent?.trim();
  const meta: ArticleMeta = {
    title,
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
    ...(byline ? { byline } : {}),
    ...(externalId ? { externalId } : {}),
    ...(excerpt ? { excerpt } : {}),
  };
  return { article: { path, title, paragraphs: body, meta } };
}

/** An RSS or Atom feed: an article an item, a diagnostic naming `path[i]` for each item that is not one. */
export function parseFeed(path: string, text: string): ParsedFile {
  if (nestedDeeperThan(text, MAX_DEPTH, 'xml')) return { articles: [], diagnostics: [{ path, reason: TOO_DEEP, level: 'skipped' }] };
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as { documentElement: DomElement | null };
  const root = doc.documentElement;
  const kind = root ? name(root) : '';
  if (!root || !['rss', 'feed', 'rdf:rdf'].includes(kind)) {
    return { articles: [], diagnostics: [{ path, reason: kind ? `XML, but not an RSS or Atom feed (its root is <${root?.nodeName}>)` : 'not an RSS or Atom feed', level: 'skipped' }] };
  }
  const channel = channelOf(root);
  const articles: ParsedArticle[] = [];
  const diagnostics: Diagnostic[] = [];
  const items = feedItems(root);
  // A feed cut short is read as far as it goes, with a warning; its last item, when cut, is only an excerpt.
  const cut = feedCut(text, root.nodeName);
  items.forEach((item, i) => {
    const r = itemToArticle(item, `${path}[${i}]`, channel);
    const excerpt = cut?.lastItemCut === true && i === items.length - 1;
    if ('article' in r) articles.push(excerpt ? { ...r.article, meta: { ...r.article.meta, excerpt: true } } : r.article);
    else diagnostics.push({ path: `${path}[${i}]`, reason: r.reason, level: 'skipped' });
  });
  // The last item cut too short to hold any text is skipped with its own line; the warning then says it is not read.
  const lastKept = cut?.lastItemCut === true && !diagnostics.some((d) => d.path === `${path}[${items.length - 1}]`);
  if (cut) diagnostics.unshift({ path, reason: feedCutReason(root.nodeName, items.length, cut.lastItemCut, lastKept), level: 'warning' });
  if (articles.length === 0 && diagnostics.every((d) => d.level === 'warning')) diagnostics.push({ path, reason: 'no items in the feed', level: 'skipped' });
  return { articles, diagnostics };
}

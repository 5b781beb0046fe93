/**
 * HTML pages (`.html`, `.htm`): the article is extracted with Mozilla's Readability over a linkedom tree
 * (no script runs, nothing is fetched). Page furniture — navigation, asides, footers, forms, cookie and
 * consent notices, share and newsletter boxes — is removed before extraction, so it never becomes a fact.
 * Metadata: title (`og:title`, JSON-LD `headline`, `<title>` without a trailing "| Site"), byline, site name
 * (`og:site_name`, JSON-LD publisher), published time (`article:published_time`, JSON-LD `datePublished`,
 * `<time datetime>`), canonical URL (`<link rel="canonical">`, `og:url`). A paywalled page's JSON-LD `articleBody`
 * is its text when it is clearly the fuller text of the article shown (see ld-body.ts). Readability is a heuristic: on pages
 * it does not recognise as an article, and on pages nested more than {@link READABLE_DEPTH} deep, the page's `<p>`
 * elements are used instead. A live blog keeps its entries' times (input/live.ts): from time headings in the page's
 * paragraphs, or from a JSON-LD `LiveBlogPosting`'s `liveBlogUpdate` entries, whose text is then read instead.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleMeta, ParsedArticle, RawFile } from '../types.js';
import type { ParseResult } from './parse.js';
import { headlineAsBody, isLead } from './parse.js';
import { all, blockTexts, markupDepth, MAX_DEPTH, parseDocument, TOO_DEEP, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { jsonLdArticle, jsonLdLiveBlog, jsonLdTypes, type JsonLdArticle } from './jsonld.js';
import { indexHeadlines, indexPageReason } from './index-page.js';
import { bodyParagraphs, fullerBody, sameHeadline } from './ld-body.js';
import { headedEntries, ldEntries, saysLive } from './live.js';

/** Elements that are page furniture, never article text. */
const FURNITURE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'nav', 'aside', 'footer', 'button', 'dialog',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="dialog"]', '[role="alertdialog"]',
  '[aria-hidden="true"]', '[hidden]',
].join(',');
/** Class or id words of notices and boxes around articles. */
const NOTICE = /(^|[\s_-])(cookies?|consent|gdpr|cmp|newsletter|subscribe|subscription|paywall|share|sharing|social|related|recommended|most-read|promo|advert|advertisement|ads?|outbrain|taboola|breadcrumbs?)([\s_-]|$)/i;

function meta(doc: DomDocument, ...selectors: string[]): string | undefined {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const v = (el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? '').trim();
    if (v) return v;
  }
  return undefined;
}

function absoluteUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s/]+/i.test(url) ? url : undefined;
}

/** `Title | Site`, `Title - Site`, `Title — Site` → `Title` when the tail is the site's name. */
export function stripSiteSuffix(title: string, site: string | undefined): string {
  if (!site) return title;
  const m = /^(.{8,}?)\s+[|\-–—:·]\s+([^|\-–—:·]+)$/.exec(title);
  return m?.[1] && m[2]?.trim().toLowerCase() === site.trim().toLowerCase() ? m[1].trim() : title;
}

function pageTime(doc: DomDocument): string | undefined {
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('time[datetime]');
  return time?.getAttribute('datetime')?.trim() || undefined;
}

const ldBlocks = (doc: DomDocument): string[] => all(doc, 'script[type="application/ld+json"]').map((s) => s.textContent ?? '');

/** The page's JSON-LD article entity (see jsonld.ts). */
export function pageJsonLd(doc: DomDocument): JsonLdArticle {
  return jsonLdArticle(ldBlocks(doc));
}

/** Metadata from the head, read before Readability changes the tree. */
export function htmlMeta(doc: DomDocument, ld: JsonLdArticle = pageJsonLd(doc)): ArticleMeta {
  const site = meta(doc, 'meta[property="og:site_name"]', 'meta[name="og:site_name"]') ?? ld.publisher;
  const h1s = all(doc, 'h1');
  const rawTitle =
    meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? ld.headline ?? (h1s.length === 1 ? h1s[0]?.textContent?.trim() : undefined) ?? doc.title.trim();
  const title = stripSiteSuffix(rawTitle.replace(/\s+/g, ' '), site);
  const date =
    meta(doc, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', '[itemprop="datePublished"][datetime]') ??
    ld.datePublished ??
    meta(doc, 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[name="parsely-pub-date"]') ??
    pageTime(doc);
  const url = absoluteUrl(meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]')) ?? absoluteUrl(ld.url);
  const author = meta(doc, 'meta[name="author"]') ?? ld.author;
  return {
    ...(title ? { title } : {}),
    ...(site ? { source: site } : {}),
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
    ...(author ? { byline: author } : {}),
  };
}

function removeFurniture(doc: DomDocument): void {
  for (const el of all(doc, FURNITURE)) el.remove();
  for (const el of all(doc, '[class],[id]')) {
    // Never remove the article itself or the page body because a wrapper's class mentions "share".
    if (['BODY', 'HTML', 'ARTICLE', 'MAIN'].includes(el.tagName.toUpperCase())) continue;
    if (NOTICE.test(el.getAttribute('class') ?? '') || NOTICE.test(el.getAttribute('id') ?? '')) el.remove();
  }
}

/**
 * Readability's time grows with the cube of the depth and with the elements inside deep ones: 500 nested divs
 * around 6,000 empty elements (42 KB) took 46 s. Deeper pages (tag soup) are read by their paragraphs.
 */
export const READABLE_DEPTH = 100;

/** The article's paragraphs: Readability's content (on a page nested at most {@link READABLE_DEPTH} deep), else the page's paragraphs. */
function articleParagraphs(doc: DomDocument, depth: number): { paragraphs: string[]; byline?: string } {
  if (depth > READABLE_DEPTH) return { paragraphs: all(doc, 'p').flatMap((p: DomElement) => blockTexts(p)) };
  const reader = new Readability<DomNode>(doc as never, { charThreshold: 100, serializer: (node) => node as unknown as DomNode });
  const result = reader.parse();
  if (result?.content) {
    const byline = result.byline?.replace(/\s+/g, ' ').trim();
    return { paragraphs: blockTexts(result.content), ...(byline ? { byline } : {}) };
  }
  return { paragraphs: all(doc, 'p').flatMap((p: DomElement) => blockTexts(p)) };
}

/** The headlines the page itself shows: `og:title`, `twitter:title`, its `<h1>`s and its `<title>` (without "\| Site"). */
function headlines(doc: DomDocument, site: string | undefined): string[] {
  const tags = [meta(doc, 'meta[property="og:title"]'), meta(doc, 'meta[name="twitter:title"]'), ...all(doc, 'h1').map((h) => h.textContent ?? ''), stripSiteSuffix(doc.title.trim(), site)];
  return tags.filter((t): t is string => t !== undefined && t.trim() !== '');
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Why a page is skipped in which no article text is found. */
export const NO_ARTICLE_TEXT = 'no article text found in the page';

export function parseHtml(file: RawFile): ParseResult {
  const depth = markupDepth(file.text, 'html', MAX_DEPTH + 1);
  if (depth > MAX_DEPTH) return { ok: false, reason: TOO_DEEP };
  const doc = parseDocument(file.text);
  const ld = pageJsonLd(doc);
  const head = htmlMeta(doc, ld);
  const ownHeadline = ld.headline === undefined || headlines(doc, head.source).some((h) => sameHeadline(h, ld.headline ?? ''));
  const types = jsonLdTypes(ldBlocks(doc));
  const liveBlog = types.includes('LiveBlogPosting');
  // Said to be live by its page: entries are then read from two time headings (input/live.ts).
  const live = liveBlog || saysLive(head.title) || saysLive(meta(doc, 'meta[property="og:type"]'));
  const ldLive = liveBlog ? ldLiveBody(doc) : undefined;
  removeFurniture(doc);
  // A home page, section front or tag page: headlines with teasers, no article (index-page.ts).
  const index = indexHeadlines(doc, types);
  if (index !== undefined) return { ok: false, reason: indexPageReason(index) };
  // The address the page was saved from (a web archive's, an MHTML file's) when the page names none.
  const url = head.url ?? (file.address && /^https?:\/\//i.test(file.address) ? file.address : undefined);
  // A JSON-LD live blog is read from its updates, not from the page (Readability is not run).
  if (ldLive && head.title) return { ok: true, article: { path: file.path, title: head.title, paragraphs: ldLive.paragraphs, meta: { ...head, ...(url ? { url } : {}) }, entries: ldLive.entries } };
  const { paragraphs, byline } = articleParagraphs(doc, depth);
  const metaOut: ArticleMeta = { ...head, ...(url ? { url } : {}), ...(head.byline ? {} : byline ? { byline } : {}) };
  let title = head.title ?? '';
  const shown = paragraphs.filter((p) => !(title && same(p, title)));
  // A paywalled page's whole text, from its JSON-LD, when it clearly is the fuller text of this article (ld-body.ts).
  const fuller = fullerBody(shown, ld.articleBody, ownHeadline);
  const fullText = fuller ?? paragraphs;
  const kept = fuller ? fuller.filter((p) => !(title && same(p, title))) : shown;
  // A page whose only text is its headline, a sentence: a one-sentence article, as a text file of it is.
  const body = kept.length === 0 && title ? headlineAsBody(title, fullText) : kept;
  if (!title) {
    const first = body.shift();
    if (first === undefined) return { ok: false, reason: NO_ARTICLE_TEXT };
    title = first;
    if (isLead(first)) body.unshift(first);
  }
  if (body.length === 0) return { ok: false, reason: NO_ARTICLE_TEXT };
  const entries = headedEntries(body, live);
  const article: ParsedArticle = { path: file.path, title, paragraphs: body, meta: { ...metaOut, title }, ...(entries ? { entries } : {}) };
  return { ok: true, article };
}

/**
 * A JSON-LD live blog's text (its `LiveBlogPosting`'s description, then its `liveBlogUpdate` entries with their
 * times: input/live.ts), which is used instead of the page's when it has two entries with text or more.
 */
function ldLiveBody(doc: DomDocument): ReturnType<typeof ldEntries> {
  const blog = jsonLdLiveBlog(ldBlocks(doc));
  if (blog === undefined) return undefined;
  const updates = blog.updates.map((u) => ({ ...(u.datePublished ? { at: u.datePublished } : {}), ...(u.headline ? { headline: u.headline.replace(/\s+/g, ' ') } : {}), paragraphs: u.articleBody ? bodyParagraphs(u.articleBody) : [] }));
  return ldEntries(blog.description ? bodyParagraphs(blog.description) : [], updates);
}

/** Whether text without a telling file ending is an HTML page. */
export function looksLikeHtml(text: string): boolean {
  // An XHTML page may open with an XML declaration.
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text.slice(0, 2000));
}

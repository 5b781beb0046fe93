/**
 * Whether a web page is an index — a home page, a section front, a tag or search page: a list of headlines, each
 * linked to its article, with at most a teaser line under it — rather than an article. Read as an article, such a
 * page joins one of the stories its teasers touch and lends it the other stories' teasers as facts "only it
 * reports" (review 25, finding 8).
 *
 * The rule is built to keep every article: a page is an index only when
 * - it does not declare itself an article (`og:type` "article", a JSON-LD entity of a type like `NewsArticle`,
 *   `Article`, `BlogPosting` or `ReportageNewsArticle`), which almost every news site's article pages do;
 * - it shows {@link MIN_HEADLINES} or more headlines: headings (`<h1>`–`<h4>`) that are a link, inside one, or
 *   next to an empty link laid over their card, and links of {@link HEADLINE_WORDS} words or more standing alone
 *   in a list item or card (not in a paragraph: a link there is prose, or an article's "Read more: …" line), and
 *   leading to another page (not to a place in this one: a table of contents);
 * - and none of the text between them reads as an article: no stretch of text between two headlines (teasers,
 *   times, kickers, section names) holds more than {@link TEASER_MAX_WORDS} words, or two paragraphs of
 *   {@link SENTENCE_WORDS} words or more in a row. An article's body, however short, has that: two sentences in a
 *   row; a teaser is one.
 * An article page with a "related stories" list keeps its body, a stretch of text longer than any teaser; page
 * furniture (navigation, asides, footers, "related" and "most read" boxes) is removed before the page is looked at.
 */
import { all, TEXT_NODE, walkBlocks, type DomDocument, type DomElement, type DomNode } from './dom.js';

/** Headlines a page must show to be an index (an article's "related" strip holds three or four, but with a body). */
export const MIN_HEADLINES = 3;
/** Words of a link, not in running text, that make it a headline ("Bank of England holds rates"). */
export const HEADLINE_WORDS = 4;
/** Words past which the text between two headlines is more than a teaser (BBC, Guardian, Reuters teasers: 15–40). */
export const TEASER_MAX_WORDS = 60;
/** Words of a paragraph that make it a sentence of prose; two in a row between headlines are an article's. */
export const SENTENCE_WORDS = 12;
/** Words past which a link is no headline (a link wrapped round a whole block of text). */
const LINK_MAX_WORDS = 80;

const words = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;
const textOf = (el: DomNode): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

interface ParentedElement extends DomElement {
  readonly parentElement: ParentedElement | null;
  readonly children: ArrayLike<ParentedElement>;
}

/** Whether the page says it is an article: `og:type` "article", or a JSON-LD entity of an article type. */
export function declaresArticle(doc: DomDocument, jsonLdTypes: readonly string[]): boolean {
  const og = doc.querySelector('meta[property="og:type"]') ?? doc.querySelector('meta[name="og:type"]');
  if (/^\s*article\b/i.test(og?.getAttribute('content') ?? '')) return true;
  return jsonLdTypes.some((t) => /article|posting|report/i.test(t));
}

/** A link to another page: not a place in this one (an article's table of contents), a script or an address. */
const toPage = (a: DomElement): boolean => !/^\s*(#|javascript:|mailto:|tel:)/i.test(a.getAttribute('href') ?? '');

/** A heading that is a link, is inside one, or shares its card with an empty link laid over the card. */
function linkedHeading(h: ParentedElement): boolean {
  if (words(textOf(h)) === 0) return false;
  const around = h.closest('a[href]');
  if (around && toPage(around)) return true;
  const inner = all(h, 'a[href]').filter(toPage);
  if (inner.some((a) => words(textOf(a)) * 2 >= words(textOf(h)))) return true;
  const card = h.parentElement;
  if (!card) return false;
  for (const kid of Array.from(card.children)) if (kid.tagName.toUpperCase() === 'A' && kid.getAttribute('href') && toPage(kid) && textOf(kid) === '') return true;
  return false;
}

/** Words of the text nodes directly inside `el` (not in its child elements). */
function ownWords(el: DomElement): number {
  let n = 0;
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i];
    if (kid?.nodeType === TEXT_NODE) n += words(kid.textContent ?? '');
  }
  return n;
}

/**
 * A link of {@link HEADLINE_WORDS}+ words standing alone in a list item or a card: not within a heading (the heading
 * counts), not in a paragraph (a link in prose, or a "Read more: …" line between an article's paragraphs), and not
 * amid more words of bare text than its own (a link in a list item's prose).
 */
function headlineLink(a: ParentedElement): boolean {
  const n = words(textOf(a));
  if (n < HEADLINE_WORDS || n > LINK_MAX_WORDS || !toPage(a)) return false;
  if (a.closest('p,h1,h2,h3,h4,h5,h6')) return false;
  const parent = a.parentElement;
  return !parent || ownWords(parent) < n;
}

/** The page's headlines: linked headings and headline links (none inside another). */
function headlineElements(body: DomElement): Set<DomNode> {
  const found = new Set<DomNode>();
  for (const h of all(body, 'h1,h2,h3,h4') as ParentedElement[]) if (linkedHeading(h)) found.add(h);
  for (const a of all(body, 'a[href]') as ParentedElement[]) if (headlineLink(a)) found.add(a);
  // A heading inside a linked card and the card's link are one headline: keep the outermost.
  for (const el of [...found]) {
    for (let up = (el as ParentedElement).parentElement; up; up = up.parentElement) {
      if (found.has(up)) {
        found.delete(el);
        break;
      }
    }
  }
  return found;
}

/** A block of the page's text in reading order: its words, and whether they are (mostly) a headline's. */
interface Block {
  readonly words: number;
  readonly headline: boolean;
}

/** The page's text as blocks (one per block element, as dom.ts's blockTexts makes them), each marked headline or not. */
function blocks(body: DomElement, headlines: ReadonlySet<DomNode>): Block[] {
  const out: Block[] = [];
  let inHead = 0;
  let other = 0;
  let depth = 0;
  const leave = (): void => {
    depth--;
  };
  walkBlocks(body, {
    text: (t) => {
      const n = words(t);
      if (depth > 0) inHead += n;
      else other += n;
    },
    end: () => {
      if (inHead + other > 0) out.push({ words: inHead + other, headline: inHead >= other });
      inHead = 0;
      other = 0;
    },
    enter: (node) => {
      if (!headlines.has(node)) return undefined;
      depth++;
      return leave;
    },
  });
  return out;
}

/** Whether the text between headlines holds an article's: a stretch over a teaser's length, or two sentences in a row. */
function hasArticleText(list: readonly Block[]): boolean {
  let stretch = 0;
  let run = 0;
  for (const b of list) {
    if (b.headline) {
      stretch = 0;
      run = 0;
      continue;
    }
    stretch += b.words;
    run = b.words >= SENTENCE_WORDS ? run + 1 : 0;
    if (stretch > TEASER_MAX_WORDS || run >= 2) return true;
  }
  return false;
}

/**
 * How many headlines the page shows when it is an index page (see above), else undefined. To be called on the
 * page with its furniture removed, before Readability changes the tree.
 */
export function indexHeadlines(doc: DomDocument, jsonLdTypes: readonly string[]): number | undefined {
  const body = doc.body;
  if (!body || declaresArticle(doc, jsonLdTypes)) return undefined;
  const headlines = headlineElements(body);
  if (headlines.size < MIN_HEADLINES) return undefined;
  return hasArticleText(blocks(body, headlines)) ? undefined : headlines.size;
}

/** Why an index page is skipped (`n` headlines). */
export const indexPageReason = (n: number): string => `an index page (${n.toLocaleString('en-US')} headlines, no article text), not an article`;

/** Whether `reason` is that of an index page (for a web archive's tally of pages with no article text). */
export const isIndexPageReason = (reason: string): boolean => /(^|: )an index page \([\d,]+ headlines, no article text\), not an article$/.test(reason);

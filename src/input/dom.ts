/**
 * The little of the DOM that HTML input needs, typed here (the project compiles without the DOM library), and
 * a document parser. linkedom builds the tree only: it runs no script and fetches nothing (no images, styles,
 * frames or links), so a saved page cannot act when it is read.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Elements that never hold others, or whose end tag HTML lets a page leave out: they do not count towards depth. */
const FLAT = new Set(['area', 'base', 'br', 'col', 'dd', 'dt', 'embed', 'hr', 'img', 'input', 'li', 'link', 'meta', 'option', 'p', 'param', 'source', 'td', 'th', 'tr', 'track', 'wbr']);

/** The depth past which markup is refused: real pages and feeds nest a few dozen elements deep. */
export const MAX_DEPTH = 5000;

const END_TAGS = { script: /<\/script/gi, style: /<\/style/gi };

/** Where the end tag of a script or style that starts at `from` is, or -1. */
function endOf(markup: string, tag: 'script' | 'style', from: number): number {
  const re = END_TAGS[tag];
  re.lastIndex = from;
  return re.exec(markup)?.index ?? -1;
}

/**
 * Whether `markup` nests elements more than `max` deep, counted from its tags (comments, CDATA, declarations and
 * self-closing tags apart). The parser keeps its open elements in an array it shifts at every tag, so its time
 * grows with the square of the depth: 200,000 nested elements took a minute. Linear, and stops at the first
 * tag past `max`.
 */
export function nestedDeeperThan(markup: string, max: number = MAX_DEPTH): boolean {
  let depth = 0;
  let at = markup.indexOf('<');
  while (at >= 0 && at < markup.length - 1) {
    const next = markup.charCodeAt(at + 1);
    if (markup.startsWith('<!--', at)) {
      const end = markup.indexOf('-->', at + 4);
      at = end < 0 ? -1 : markup.indexOf('<', end + 3);
      continue;
    }
    if (markup.startsWith('<![CDATA[', at)) {
      const end = markup.indexOf(']]>', at + 9);
      at = end < 0 ? -1 : markup.indexOf('<', end + 3);
      continue;
    }
    const close = markup.indexOf('>', at);
    if (close < 0) break;
    const isEnd = next === 0x2f; // "/"
    const isOpen = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a; // a letter
    const tag = isOpen || isEnd ? (/^[^\s/>]+/.exec(markup.slice(at + (isEnd ? 2 : 1), Math.min(close, at + 40)))?.[0]?.toLowerCase() ?? '') : '';
    if (tag !== '' && !FLAT.has(tag)) {
      if (isEnd) depth = Math.max(0, depth - 1);
      else if (markup.charCodeAt(close - 1) !== 0x2f && ++depth > max) return true;
    }
    // A script or style is text up to its end tag, whatever "<" it holds.
    const raw = isOpen && (tag === 'script' || tag === 'style') ? endOf(markup, tag, close + 1) : close + 1;
    at = raw < 0 ? -1 : markup.indexOf('<', raw);
  }
  return false;
}

/** Why markup nested past {@link MAX_DEPTH} is not read. */
export const TOO_DEEP = `elements nested more than ${MAX_DEPTH.toLocaleString('en-US')} deep`;

/** Parse an HTML page into a document tree (no scripts run, nothing fetched). */
export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  return document;
}

/**
 * A fragment of HTML (an article body in a feed) as its paragraphs, one per block element; one nested past
 * {@link MAX_DEPTH} has its tags dropped instead of being parsed.
 */
export function htmlParagraphs(html: string): string[] {
  if (nestedDeeperThan(html)) return [html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()].filter((t) => t !== '');
  const body = parseDocument(`<html><body>${html}</body></html>`).body;
  return body ? blockTexts(body) : [];
}

/** The elements matching `selector`, as an array. */
export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Tags that start a new line of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'TD', 'TH', 'TR', 'UL', 'BODY', 'HTML',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD']);

/** The text of a subtree as paragraphs: one per block element (p, li, h2, …), white space collapsed. */
export function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  // Iterative walk: deeply nested pages must not overflow the stack.
  const stack: (DomNode | 'end')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | 'end';
    if (node === 'end') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIP.has(node.nodeName.toUpperCase())) continue;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) {
      flush();
      stack.push('end');
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
  flush();
  return out;
}

/**
 * The little of the DOM that HTML input needs, typed here (the project compiles without the DOM library), and
 * a document parser. linkedom builds the tree only: it runs no script and fetches nothing (no images, styles,
 * frames or links), so a saved page cannot act when it is read.
 */
import { parseHTML } from 'linkedom';
import { nestedDeeperThan } from './depth.js';

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

export { markupDepth, MAX_DEPTH, nestedDeeperThan, TOO_DEEP } from './depth.js';

/** Parse an HTML page into a document tree (no scripts run, nothing fetched). */
export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  if (document.documentElement?.tagName.toLowerCase() === 'html') return document;
  // Markup without an <html> root ("<!doctype html>" alone, a comment, a line of text, a lone <script>): linkedom
  // gives a document without a root, whose head and title throw, or rooted at that element, which Readability
  // cannot read once the element is removed. Put in a page's body, as a browser shows it.
  return (parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }).document;
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
export const BLOCK: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'TD', 'TH', 'TR', 'UL', 'BODY', 'HTML',
]);
/** Tags whose content is never text shown. */
export const SKIP: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD']);

/** What {@link walkBlocks} tells of a subtree, in reading order. */
export interface BlockVisitor {
  /** A text node's text. */
  text(text: string): void;
  /** A block element starts or ends (and the walk ends): the text so far is one block. */
  end(): void;
  /** An element is entered; what it returns is called once its subtree is done. */
  enter?(node: DomNode): (() => void) | undefined;
}

/**
 * Walk a subtree in reading order, iteratively (deeply nested pages must not overflow the stack), skipping what is
 * never shown ({@link SKIP}) and telling where blocks ({@link BLOCK}) start and end.
 */
export function walkBlocks(root: DomNode, visit: BlockVisitor): void {
  const end = (): void => visit.end();
  const stack: (DomNode | (() => void))[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | (() => void);
    if (typeof node === 'function') {
      node();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      visit.text(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIP.has(node.nodeName.toUpperCase())) continue;
    if (BLOCK.has(node.nodeName.toUpperCase())) {
      visit.end();
      stack.push(end);
    }
    const leave = visit.enter?.(node);
    if (leave) stack.push(leave);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
  visit.end();
}

/** The text of a subtree as paragraphs: one per block element (p, li, h2, …), white space collapsed. */
export function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  let line = '';
  walkBlocks(root, {
    text: (t) => {
      line += t;
    },
    end: () => {
      const t = line.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      line = '';
    },
  });
  return out;
}

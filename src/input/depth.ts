/**
 * How deep markup nests, as the parser linkedom uses (htmlparser2) will nest it. The parser keeps its open elements
 * in an array it shifts at every tag, so its time grows with the square of the depth (200,000 nested elements took
 * minutes), and Readability's with its cube (2,000 nested divs: 75 s). Counting tags is not enough: the parser
 * ignores an end tag it has no open element for, keeps `<div/>` open in HTML, and in XML (a feed) closes no `<p>` or
 * `<br>` by itself. So this follows its rules: which tags close others, void and self-closing elements (XML, SVG,
 * MathML), raw text (script, style, title, textarea, xmp in HTML), comments (`<!-->` too), CDATA, declarations and
 * quoted attributes.
 */

/**
 * The depth past which markup is refused. Real pages and feeds nest a few dozen elements deep, and browsers' parsers
 * nest no deeper than 512 (Blink's limit). At 5,000, 4,990 levels and 1,000,000 end tags of nothing (4 MB) ran for
 * over a minute.
 */
export const MAX_DEPTH = 512;

/** Why markup nested past {@link MAX_DEPTH} is not read. */
export const TOO_DEEP = `elements nested more than ${MAX_DEPTH.toLocaleString('en-US')} deep`;

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/** HTML elements whose start tag closes the open element on top while it is one of these (htmlparser2's table). */
const CLOSES = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], li: ['li'],
    p: P, h1: P, h2: P, h3: P, h4: P, h5: P, h6: P, select: FORM, input: FORM, output: FORM, button: FORM, datalist: FORM,
    textarea: FORM, option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'],
    address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P,
    footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
    rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
  }).map(([k, v]) => [k, new Set(v)]),
);
/** SVG and MathML, where `<x/>` closes itself in HTML, and the elements inside them where it does not again. */
const FOREIGN = new Set(['svg', 'math']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** HTML elements whose content is text up to their end tag. */
const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
/** The end of a tag name: white space, "/" or ">". */
const ends = (c: number): boolean => isSpace(c) || c === 0x2f || c === 0x3e;
const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * Where the start tag whose attributes begin at `from` ends (the index of its ">", or -1), and whether it closes
 * itself ("/>" outside an attribute value).
 */
function tagEnd(markup: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  let slash = false;
  while (i < markup.length) {
    const c = markup.charCodeAt(i);
    if (c === 0x3e) return { end: i, selfClosing: slash };
    if (c === 0x2f) {
      slash = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    slash = false;
    // An attribute: its name (whose first character may be "="), then perhaps "=" and a value, quoted or up to white
    // space or ">".
    i++;
    while (i < markup.length && !ends(markup.charCodeAt(i)) && markup.charCodeAt(i) !== 0x3d) i++;
    while (i < markup.length && isSpace(markup.charCodeAt(i))) i++;
    if (markup.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (i < markup.length && isSpace(markup.charCodeAt(i))) i++;
    const q = markup.charCodeAt(i);
    if (q === 0x22 || q === 0x27) {
      const close = markup.indexOf(q === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return { end: -1, selfClosing: false };
      i = close + 1;
    } else {
      while (i < markup.length && !isSpace(markup.charCodeAt(i)) && markup.charCodeAt(i) !== 0x3e) i++;
    }
  }
  return { end: -1, selfClosing: false };
}

/** Where a comment that starts at `at` ends (after its "-->"), or -1: `<!-->` and `<!--->` are whole comments. */
function commentEnd(markup: string, at: number): number {
  let i = at + 4;
  while (markup.charCodeAt(i) === 0x2d) i++;
  if (markup.charCodeAt(i) === 0x3e) return i + 1;
  const end = markup.indexOf('-->', at + 4);
  return end < 0 ? -1 : end + 3;
}

/** The elements open at each point, as the parser keeps them, with a count by name to find an end tag's element at once. */
class OpenElements {
  private readonly names: string[] = [];
  private readonly counts = new Map<string, number>();
  /** Whether `<x/>` closes itself: in XML, and in HTML inside SVG or MathML (the last entry is the current one). */
  private readonly foreign: boolean[];

  constructor(private readonly html: boolean) {
    this.foreign = [!html];
  }

  /** Open an element; the depth it reached (a self-closing one is open for a moment). */
  open(tag: string, selfClosing: boolean): number {
    const name = this.html ? tag.toLowerCase() : tag;
    const closes = this.html ? CLOSES.get(name) : undefined;
    while (closes && this.names.length > 0 && closes.has(this.names[this.names.length - 1] as string)) this.pop();
    if (this.html && VOID.has(name)) return this.names.length;
    this.push(name);
    const depth = this.names.length;
    if (this.html && FOREIGN.has(name)) this.foreign.push(true);
    else if (this.html && INTEGRATION.has(name)) this.foreign.push(false);
    if (selfClosing && this.foreign[this.foreign.length - 1] === true) this.pop();
    return depth;
  }

  /** Close an element and those inside it, or none when none is open by that name; the depth it reached. */
  close(tag: string): number {
    const name = this.html ? tag.toLowerCase() : tag;
    if (this.html && (FOREIGN.has(name) || INTEGRATION.has(name))) this.foreign.pop();
    // HTML's "</p>" with no paragraph open makes an empty one.
    if (this.html && name === 'p' && !this.counts.get(name)) return this.names.length + 1;
    if ((this.html && VOID.has(name)) || !this.counts.get(name)) return this.names.length;
    while (this.pop() !== name);
    return this.names.length;
  }

  private push(name: string): void {
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  private pop(): string | undefined {
    const name = this.names.pop();
    if (name !== undefined) this.counts.set(name, (this.counts.get(name) as number) - 1);
    return name;
  }
}

/**
 * How many elements `markup`, parsed as HTML or as XML (a feed), opens inside each other at most; counting stops
 * once `stopAt` is reached. Linear in the length of the markup.
 */
export function markupDepth(markup: string, mode: 'html' | 'xml' = 'html', stopAt: number = Number.POSITIVE_INFINITY): number {
  const xml = mode === 'xml';
  const open = new OpenElements(!xml);
  let deepest = 0;
  const reach = (depth: number): boolean => {
    deepest = Math.max(deepest, depth);
    return deepest >= stopAt;
  };
  let at = markup.indexOf('<');
  while (at >= 0 && at < markup.length - 1) {
    const next = markup.charCodeAt(at + 1);
    let after: number; // where the text after this token starts, or -1 when the markup ends inside it
    if (markup.startsWith('<!--', at)) {
      after = commentEnd(markup, at);
    } else if (markup.startsWith('<![CDATA[', at)) {
      const end = markup.indexOf(']]>', at + 9);
      after = end < 0 ? -1 : end + 3;
    } else if (next === 0x21 || next === 0x3f) {
      // A declaration or processing instruction: up to ">", which the first character of "<!x" or "<!-x" never is.
      const end = markup.indexOf('>', next === 0x3f ? at + 2 : markup.charCodeAt(at + 2) === 0x2d ? at + 4 : at + 3);
      after = end < 0 ? -1 : end + 1;
    } else if (next === 0x2f) {
      let i = at + 2;
      while (i < markup.length && isSpace(markup.charCodeAt(i))) i++;
      const start = i;
      if (xml ? !ends(markup.charCodeAt(i)) : isLetter(markup.charCodeAt(i))) {
        while (i < markup.length && !isSpace(markup.charCodeAt(i)) && markup.charCodeAt(i) !== 0x3e) i++;
        if (reach(open.close(markup.slice(start, i)))) return deepest;
      }
      const end = markup.indexOf('>', i);
      after = end < 0 ? -1 : end + 1;
    } else if (xml ? !ends(next) : isLetter(next)) {
      let i = at + 1;
      while (i < markup.length && !ends(markup.charCodeAt(i))) i++;
      const tag = markup.slice(at + 1, i);
      if (i === markup.length) break;
      // The element is open once its name ends, even if its tag never does.
      const { end, selfClosing } = tagEnd(markup, i);
      if (reach(open.open(tag, selfClosing))) return deepest;
      if (end < 0) break;
      after = end + 1;
      const raw = tag.toLowerCase();
      if (!xml && !selfClosing && RAW.has(raw)) {
        // Text up to its end tag, whatever "<" it holds.
        const re = new RegExp(`</${raw}[\\s>]`, 'gi');
        re.lastIndex = after;
        at = re.exec(markup)?.index ?? -1;
        continue;
      }
    } else {
      after = at + 1; // a "<" in text
    }
    at = after < 0 ? -1 : markup.indexOf('<', after);
  }
  return deepest;
}

/** Whether `markup`, parsed as HTML or XML, opens more than `max` elements inside each other. */
export function nestedDeeperThan(markup: string, max: number = MAX_DEPTH, mode: 'html' | 'xml' = 'html'): boolean {
  return markupDepth(markup, mode, max + 1) > max;
}

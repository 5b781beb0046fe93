/**
 * How deep markup nests (src/input/depth.ts) against the parser itself: htmlparser2, which linkedom parses with,
 * in its HTML and XML modes, on random soups of the tags, comments and attributes that nest or not by its rules;
 * the shapes that got past the first guard (a count of tags) and ran for minutes; and pages near the limit.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { markupDepth, MAX_DEPTH, nestedDeeperThan, TOO_DEEP } from '../src/input/depth.js';
import { parseFile } from '../src/input/formats.js';

/** The deepest the parser's stack of open elements gets (its `stack`, read as each element opens). */
function parserDepth(markup: string, mode: 'html' | 'xml'): number {
  let deepest = 0;
  const parser: Parser = new Parser(
    { onopentagname: () => (deepest = Math.max(deepest, (parser as unknown as { stack: string[] }).stack.length)) },
    { decodeEntities: true, xmlMode: mode === 'xml' },
  );
  parser.end(markup);
  return deepest;
}

const PIECES = [
  '<div>', '</div>', '<DIV>', '</Div>', '<p>', '</p>', '</p >', '<p/>', '<li>', '<td>', '<tr>', '<table>', '<tbody>', '<thead>',
  '<select>', '<option>', '<optgroup>', '<dd>', '<dt>', '<h1>', '<rt>', '<b>', '</b>', '<x>', '</x>', '<X>', '</X>', '<_>', '</_>', '<1>',
  '<br>', '<br/>', '</br>', '<img src=a>', '<div/>', '<x/ >', '<x / y>', '<a href=x/>', '<a b=c/>', '<svg>', '</svg>', '<svg/>',
  '<path/>', '<math>', '</math>', '<mi>', '</mi>', '<foreignObject>', '<desc/>', '<title>', '</title>', '<title/>', '<script>',
  '</script>', '</SCRIPT >', '</scriptx>', '<script/>', '<style>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<!-->', '<!--->',
  '<!---->', '<!--', '-->', '<!->', '<!-x>', '<!>', '<![CDATA[', ']]>', '<!DOCTYPE x>', '<?pi?>', '</>', '< x>', '</ x>', '<<', '>',
  '<a title="x>y">', "<a title='<div>'>", '<a b =\'>\'>', '<a b="c\'d">', '"', "'", '=', '/', ' ', '\n', 'text', '&amp;',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('the depth of markup, as the parser nests it', () => {
  it('is the depth htmlparser2 reaches, in HTML and in XML', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom('html' as const, 'xml' as const), (markup, mode) => {
        expect(markupDepth(markup, mode)).toBe(parserDepth(markup, mode));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts what the parser leaves open: end tags of nothing, <div/> in HTML, <p> and <br> in XML, any name in XML', () => {
    expect(markupDepth('<div></x>'.repeat(50))).toBe(50);
    expect(markupDepth('<div/>'.repeat(50))).toBe(50);
    expect(markupDepth('<p>'.repeat(50), 'xml')).toBe(50);
    expect(markupDepth('<br>'.repeat(50), 'xml')).toBe(50);
    expect(markupDepth('<_><1>'.repeat(25), 'xml')).toBe(50);
    expect(markupDepth(`<script>${'<x>'.repeat(50)}</script>`, 'xml')).toBe(51);
    expect(markupDepth(`<!-->${'<div>'.repeat(50)}-->`)).toBe(50);
    expect(markupDepth(`<x a=b/>`.repeat(50), 'xml')).toBe(50);
  });

  it('and not what it closes: <p>, <li>, <td> in HTML, void and self-closing elements, SVG, raw text, comments, attributes', () => {
    expect(markupDepth(`<body>${'<p>text <br><img src=a>'.repeat(50)}<ul>${'<li>item'.repeat(50)}</ul><table>${'<tr><td>a<td>b'.repeat(50)}</table></body>`)).toBe(4);
    // A self-closing element is open for a moment.
    expect(markupDepth(`<svg>${'<path d="M0 0"/>'.repeat(50)}</svg>`)).toBe(2);
    expect(markupDepth(`<x>${'<y/>'.repeat(50)}</x>`, 'xml')).toBe(2);
    expect(markupDepth(`<a><script>${'if (i<n) {}'.repeat(50)}</SCRIPT><style>${'<b>'.repeat(50)}</style><textarea>${'<b>'.repeat(50)}</textarea></a>`)).toBe(2);
    expect(markupDepth(`<a><!-- ${'<x>'.repeat(50)} --><![CDATA[${'<y>'.repeat(50)}]]><b title="${'<c>'.repeat(50)}"></b></a>`)).toBe(2);
  });

  it('stops counting at the limit', () => {
    expect(nestedDeeperThan(`${'<div>'.repeat(MAX_DEPTH)}x${'</div>'.repeat(MAX_DEPTH)}`)).toBe(false);
    expect(nestedDeeperThan(`${'<div>'.repeat(MAX_DEPTH + 1)}x`)).toBe(true);
    expect(markupDepth('<div>'.repeat(1000), 'html', 10)).toBe(10);
  });
});

const ARTICLE = 'Floods hit the northern town of Harbor on Monday, officials said, and 300 people were moved to safety.';
const page = (inside: string): string => `<!DOCTYPE html><html><head><title>Flood</title></head><body>${inside}<p>${ARTICLE}</p></body></html>`;
const feed = (inside: string): string => `<rss><channel><title>X</title>${inside}<item><title>Flood</title><description>${ARTICLE}</description></item></channel></rss>`;

describe('markup that ran for minutes', () => {
  // Each took over 40 s (most over 60 s) before the depth was counted as the parser nests.
  const shapes: Record<string, string> = {
    'page.html': page('<div></x>'.repeat(200_000)),
    'selfclose.html': page('<div/>'.repeat(200_000)),
    'p.rss': feed('<p>'.repeat(200_000)),
    'br.rss': feed('<br>'.repeat(200_000)),
    'names.rss': feed('<_>'.repeat(200_000)),
    'script.rss': feed(`<script>${'<x>'.repeat(200_000)}</script>`),
    'ends.rss': feed('<x></y>'.repeat(200_000)),
  };
  for (const [file, text] of Object.entries(shapes)) {
    it(`${file} is refused at once`, () => {
      const t = performance.now();
      expect(parseFile({ path: file, text })).toEqual({ articles: [], diagnostics: [{ path: file, reason: TOO_DEEP, level: 'skipped' }] });
      expect(performance.now() - t).toBeLessThan(2000);
    });
  }

  it('a page nested deep but within the limit is read by its paragraphs, not by Readability (46 s)', () => {
    const text = page(`${'<div>'.repeat(500)}${'<b></b>'.repeat(6000)}`);
    const t = performance.now();
    expect(parseFile({ path: 'deep.html', text }).articles[0]?.paragraphs).toEqual([ARTICLE]);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

/**
 * RSS and Atom feeds (src/input/feed.ts) and text in a declared encoding (src/input/read.ts): fields of RSS 0.9x,
 * 1.0, 2.0 and Atom; the outlet an item is credited to; items that are no article; XML that is no feed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from '../src/input/feed.js';
import { feedTitleOutlet } from '../src/input/feed-outlet.js';
import { parseFile } from '../src/input/formats.js';
import { recordToArticle } from '../src/input/json.js';
import { readStdin } from '../src/input/stdin.js';
import { htmlParagraphs, MAX_DEPTH, nestedDeeperThan } from '../src/input/dom.js';
import { decode, decodeAs, declaredEncoding } from '../src/input/read.js';
import { detectOutlet } from '../src/input/outlet.js';

const rss = (channel: string, items: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">\n<channel>${channel}${items}</channel></rss>`;

const HERALD = '<title>Highland Herald - Scotland</title><link>https://www.highlandherald.example/scotland</link>';

describe('RSS 2.0', () => {
  const feed = parseFeed(
    'news.rss',
    rss(
      HERALD,
      `<item><title>Ferry runs aground off Skye</title><link>https://www.highlandherald.example/ferry</link>
        <pubDate>Mon, 06 May 2024 09:30:00 +0100</pubDate><dc:creator>Morag Reid</dc:creator>
        <description>Teaser only.</description>
        <content:encoded><![CDATA[<p>A passenger ferry ran aground off the coast of Skye on Monday.</p><p>All 112 passengers were taken off by <a href="/lifeboats">lifeboat</a> crews &amp; coastguards.</p>]]></content:encoded></item>
      <item><title>Mill fire in Harbor Town</title><link>https://www.highlandherald.example/mill</link>
        <description>&lt;p&gt;A fire destroyed the old textile mill on Tuesday night.&lt;/p&gt;&lt;p&gt;Firefighters fought the blaze for six hours.&lt;/p&gt;</description>
        <author>desk@highlandherald.example (News Desk)</author></item>
      <item><title>Photo of the day</title><link>https://www.highlandherald.example/photo</link></item>`,
    ),
  );

  it('reads every item as an article named feed[i], its text from content:encoded, HTML reduced to paragraphs', () => {
    expect(feed.articles.map((a) => a.path)).toEqual(['news.rss[0]', 'news.rss[1]']);
    expect(feed.articles[0]?.title).toBe('Ferry runs aground off Skye');
    expect(feed.articles[0]?.paragraphs).toEqual([
      'A passenger ferry ran aground off the coast of Skye on Monday.',
      'All 112 passengers were taken off by lifeboat crews & coastguards.',
    ]);
  });

  it('falls back on an escaped HTML description', () => {
    expect(feed.articles[1]?.paragraphs).toEqual(['A fire destroyed the old textile mill on Tuesday night.', 'Firefighters fought the blaze for six hours.']);
    // Only a teaser: marked, so that no omits are claimed for it.
    expect([feed.articles[0]?.meta.excerpt, feed.articles[1]?.meta.excerpt]).toEqual([undefined, true]);
  });

  it('takes a description as long as an article for the article (a full-text feed), not a teaser', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const long = parseFeed('full.rss', rss(HERALD, `<item><title>Mill fire</title><description>&lt;p&gt;${words(100)}.&lt;/p&gt;&lt;p&gt;${words(51)}.&lt;/p&gt;</description></item><item><title>Mill fire</title><description>${words(150)}.</description></item>`));
    expect(long.articles.map((a) => a.meta.excerpt)).toEqual([undefined, true]);
    const record = (n: number) => recordToArticle({ title: 'Mill fire', description: `${words(n)}.` }, 'x');
    expect([record(151), record(150)].map((r) => 'article' in r && r.article.meta.excerpt)).toEqual([undefined, true]);
  });

  it('takes the link, date and byline, and credits the feed by its title up to the section', () => {
    expect(feed.articles[0]?.meta).toEqual({
      title: 'Ferry runs aground off Skye',
      source: 'Highland Herald',
      url: 'https://www.highlandherald.example/ferry',
      date: 'Mon, 06 May 2024 09:30:00 +0100',
      byline: 'Morag Reid',
    });
    expect(feed.articles[1]?.meta.byline).toBe('News Desk');
  });

  it('skips an item with no text, naming it', () => {
    expect(feed.diagnostics).toEqual([{ path: 'news.rss[2]', reason: 'no article text (content:encoded, content, description or summary)', level: 'skipped' }]);
  });
});

describe('whose article an item is', () => {
  const item = (extra: string): string => `<item><title>Ferry runs aground</title>${extra}<description>A ferry ran aground off Skye on Monday.</description></item>`;
  const outlet = (channel: string, extra: string): string | undefined => {
    const a = parseFeed('f.xml', rss(channel, item(extra))).articles[0];
    return a ? detectOutlet(a.path, a.meta, a.paragraphs).source : undefined;
  };

  it('an RSS <source> first', () => {
    expect(outlet(HERALD, '<link>https://elsewhere.example/a</link><source url="https://apnews.com/rss">Associated Press</source>')).toBe('AP');
  });

  it('an outlet of the table by its own domain rather than the feed title', () => {
    expect(outlet('<title>Reuters: World News</title><link>https://www.reuters.com/news/world</link>', '<link>https://www.reuters.com/article/x</link>')).toBe('Reuters');
  });

  it("an aggregator's item by the domain it links to", () => {
    expect(outlet('<title>Top stories</title><link>https://news.aggregator.example/</link>', '<link>https://www.coastnews.example/ferry</link>')).toBe('coastnews.example');
  });

  it('the feed title when an item has no link', () => {
    expect(outlet(HERALD, '')).toBe('Highland Herald');
  });

  it('feedburner:origLink and a permalink guid as the link', () => {
    expect(parseFeed('f.rss', rss(HERALD, item('<feedburner:origLink>https://a.example/1</feedburner:origLink><link>https://feeds.example/~r/1</link>'))).articles[0]?.meta.url).toBe('https://a.example/1');
    expect(parseFeed('f.rss', rss(HERALD, item('<guid>https://a.example/2</guid>'))).articles[0]?.meta.url).toBe('https://a.example/2');
    expect(parseFeed('f.rss', rss(HERALD, item('<guid isPermaLink="false">id-2</guid>'))).articles[0]?.meta.url).toBeUndefined();
  });

  it('section separators of feed titles', () => {
    expect(feedTitleOutlet('BBC News - World')).toBe('BBC News');
    expect(feedTitleOutlet('NYT > Top Stories')).toBe('NYT');
    expect(feedTitleOutlet('The Guardian | World news')).toBe('The Guardian');
    expect(feedTitleOutlet('Reuters: World News')).toBe('Reuters');
    expect(feedTitleOutlet('Al-Monitor')).toBe('Al-Monitor');
    // The part that spells the site's name, wherever it stands.
    expect(feedTitleOutlet('World news | The Guardian', 'theguardian.com')).toBe('The Guardian');
    expect(feedTitleOutlet('Home | Example Times', 'exampletimes.com')).toBe('Example Times');
    expect(feedTitleOutlet('Home | Example Times', 'other.example')).toBe('Home');
  });
});

describe('Atom and RSS 1.0', () => {
  it('reads Atom entries: xhtml content, an HTML title, the alternate link, published, the author name', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast News</title>
      <link rel="self" href="https://coastnews.example/feed.atom"/><link href="https://coastnews.example/"/>
      <entry><title type="html">Ferry &lt;em&gt;aground&lt;/em&gt; off Skye</title>
        <link rel="enclosure" href="https://coastnews.example/photo.jpg"/><link rel="alternate" href="https://coastnews.example/ferry"/>
        <published>2024-05-06T08:30:00Z</published><updated>2024-05-07T10:00:00Z</updated>
        <author><name>Iain Ross</name><email>iain@coastnews.example</email></author>
        <summary>A teaser.</summary>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A ferry ran aground off Skye on Monday.</p><p>All <b>112</b> passengers were rescued.</p></div></content>
      </entry></feed>`;
    const [a] = parseFeed('coast.atom', atom).articles;
    expect(a?.title).toBe('Ferry aground off Skye');
    expect(a?.paragraphs).toEqual(['A ferry ran aground off Skye on Monday.', 'All 112 passengers were rescued.']);
    expect(a?.meta).toEqual({ title: 'Ferry aground off Skye', source: 'Coast News', url: 'https://coastnews.example/ferry', date: '2024-05-06T08:30:00Z', byline: 'Iain Ross' });
  });

  it('reads RSS 1.0 items, which stand beside the channel', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Coast News</title><link>https://coastnews.example/</link></channel>
      <item><title>One</title><link>https://coastnews.example/1</link><description>First story text.</description><dc:date>2024-05-06</dc:date></item>
      <item><title>Two</title><link>https://coastnews.example/2</link><description>Second story text.</description></item></rdf:RDF>`;
    const feed = parseFeed('c.rdf', rdf);
    expect(feed.articles.map((a) => [a.path, a.title, a.meta.date])).toEqual([
      ['c.rdf[0]', 'One', '2024-05-06'],
      ['c.rdf[1]', 'Two', undefined],
    ]);
  });

  it('reads a feed whose channel holds 200,000 other elements (as arguments of one call, they overflowed the stack)', () => {
    const wide = rss(HERALD, `${'<y/>'.repeat(200_000)}<item><title>Ferry</title><description>A ferry ran aground.</description></item>`);
    expect(parseFeed('wide.rss', wide).articles.map((a) => a.path)).toEqual(['wide.rss[0]']);
  });

  it('reads a feed that is not well-formed as far as it makes sense', () => {
    const broken = '<rss><channel><title>X & Y</title><item><title>Fish & chips &nbsp;prices rise</title><description>Prices rose by 5 percent on Monday & Tuesday.</description></item>';
    const [a] = parseFeed('b.rss', broken).articles;
    expect(a?.title).toBe('Fish & chips prices rise');
    expect(a?.paragraphs).toEqual(['Prices rose by 5 percent on Monday & Tuesday.']);
  });
});

describe('shapes of aggregators and other publishers', () => {
  it('takes the outlet off a title that ends with the item\'s own <source>, as Google News writes it', () => {
    const item = '<item><title>Ferry runs aground off Skye - BBC News</title><link>https://news.aggregator.example/r/1</link><description>A ferry ran aground off Skye on Monday.</description><source url="https://www.bbc.co.uk">BBC News</source></item>';
    const [a] = parseFeed('g.rss', rss('<title>Top stories - Aggregator</title><link>https://news.aggregator.example/</link>', item)).articles;
    expect([a?.title, a?.meta.source]).toEqual(['Ferry runs aground off Skye', 'BBC News']);
    // A title whose tail is not the source keeps it.
    const other = item.replace('Skye - BBC News', 'Skye - live updates');
    expect(parseFeed('g.rss', rss('', other)).articles[0]?.title).toBe('Ferry runs aground off Skye - live updates');
  });

  it('reads Atom written with an atom: prefix, and a teaser in a Media RSS group', () => {
    const atom = '<?xml version="1.0"?><atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>Coast News</atom:title><atom:entry><atom:title>Ferry aground</atom:title><atom:link href="https://coastnews.example/ferry"/><atom:content type="html">&lt;p&gt;A ferry ran aground off Skye on Monday.&lt;/p&gt;</atom:content></atom:entry></atom:feed>';
    expect(looksLikeFeed(atom)).toBe(true);
    const [a] = parseFile({ path: 'coast.xml', text: atom }).articles;
    expect([a?.title, a?.paragraphs, a?.meta.url]).toEqual(['Ferry aground', ['A ferry ran aground off Skye on Monday.'], 'https://coastnews.example/ferry']);
    const media = rss(HERALD, '<item><title>Ferry video</title><media:group><media:content url="https://v.example/1.mp4"/><media:description>Footage of the ferry aground off Skye.</media:description></media:group></item>');
    expect(parseFeed('v.rss', media).articles.map((x) => [x.paragraphs, x.meta.excerpt])).toEqual([[['Footage of the ferry aground off Skye.'], true]]);
  });
});

describe('XML that is no feed, and feeds by their text', () => {
  it('skips an XML file whose root is not a feed, naming the root', () => {
    expect(parseFile({ path: 'sitemap.xml', text: '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>' })).toEqual({
      articles: [],
      diagnostics: [{ path: 'sitemap.xml', reason: 'XML, but not an RSS or Atom feed (its root is <urlset>)', level: 'skipped' }],
    });
    expect(parseFeed('e.rss', '<rss><channel><title>Empty</title></channel></rss>').diagnostics[0]?.reason).toBe('no items in the feed');
  });

  it('reads a page saved with an .xml ending as a page, and a feed with another ending as a feed', () => {
    const page = '<!DOCTYPE html><html><head><title>Ferry aground</title></head><body><article><p>A ferry ran aground off Skye on Monday, and all of its 112 passengers were taken off by lifeboat crews within three hours of the alarm.</p></article></body></html>';
    expect(parseFile({ path: 'page.xml', text: page }).articles[0]?.title).toBe('Ferry aground');
    expect(parseFile({ path: 'page.xml', text: `<?xml version="1.0" encoding="UTF-8"?>\n${page.replace('<!DOCTYPE html>', '')}` }).articles[0]?.title).toBe('Ferry aground');
    const feed = rss(HERALD, '<item><title>T</title><description>Some text.</description></item>');
    expect(parseFile({ path: 'download', text: feed }).articles.map((a) => a.path)).toEqual(['download[0]']);
    expect(looksLikeFeed(`\uFEFF<?xml version="1.0"?>\n<!-- generator -->\n<feed xmlns="http://www.w3.org/2005/Atom">`)).toBe(true);
    expect(looksLikeFeed('<html><body><rss></rss></body></html>')).toBe(false);
    // BBC News: a style sheet after the declaration.
    const bbc = '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet title="XSL_formatting" type="text/xsl" href="/shared/bsp/xsl/rss/nolsol.xsl"?>\n';
    expect(looksLikeFeed(`${bbc}<rss version="2.0">`)).toBe(true);
    const styled = feed.replace(/^<\?xml[^>]*>\n/, bbc);
    expect(styled.startsWith(`${bbc}<rss`)).toBe(true);
    expect(parseFile({ path: 'rss', text: styled }).articles.map((a) => a.path)).toEqual(['rss[0]']);
    expect(readStdin(styled)).toMatchObject({ kind: 'articles', parsed: { articles: [{ path: '<stdin>[0]' }] } });
  });
});

describe('text in a declared encoding', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

  it('decodes a feed or page that is not UTF-8 in the encoding it declares, with no warning', () => {
    const feed = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf\u00e9 \u00e9t\u00e9</title></item></channel></rss>');
    expect(decode(feed)).toEqual({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf\u00e9 \u00e9t\u00e9</title></item></channel></rss>', invalid: false });
    const page = latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>\u0093quoted\u0094</body></html>');
    expect(decode(page)).toMatchObject({ text: expect.stringContaining('<body>\u201cquoted\u201d</body>') as unknown, invalid: false });
  });

  it('keeps UTF-8 that declares another encoding as UTF-8; undeclared, reads bytes that are not UTF-8 as windows-1252, and UTF-8 with a bad byte with U+FFFD', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café</title></rss>');
    expect(decode(utf8)).toEqual({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café</title></rss>', invalid: false });
    expect(decode(latin1('<rss><title>Caf\u00e9 \u0093open\u0094</title></rss>'))).toEqual({ text: '<rss><title>Café \u201copen\u201d</title></rss>', invalid: false, guessed: 'windows-1252' });
    // Mostly UTF-8 (two good sequences, one bad byte): UTF-8 with damage, not windows-1252.
    const damaged = Uint8Array.from([...Buffer.from('<rss><title>Café Müller'), 0xe9, ...Buffer.from('</title></rss>')]);
    expect(decode(damaged)).toEqual({ text: '<rss><title>Café Müller\uFFFD</title></rss>', invalid: true });
    // A UTF-8 byte-order mark says UTF-8: a bad byte after it stays U+FFFD.
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('Caf'), 0xe9]))).toEqual({ text: 'Caf\uFFFD', invalid: true });
  });

  it('ignores a declared encoding Node does not know, and UTF-8 or UTF-16 labels', () => {
    expect(declaredEncoding(latin1('<?xml version="1.0" encoding="x-unknown-9"?>'))).toBeUndefined();
    expect(declaredEncoding(latin1('<meta charset="utf-8">'))).toBeUndefined();
    expect(declaredEncoding(latin1('<meta charset="utf-16">'))).toBeUndefined();
    expect(declaredEncoding(latin1('<meta charset="koi8-r">'))).toBe('koi8-r');
    expect(declaredEncoding(latin1('<?xml version="1.0" encoding="iso-8859-1"?>'))).toBe('windows-1252');
  });

  it('decodes windows-1252 as the web does: curly quotes, dashes and the euro sign, not C1 controls', () => {
    expect(decodeAs('windows-1252', Uint8Array.of(0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0xe9, 0x81))).toBe('\u201cA\u201d \u2013 \u20ac5 \u00e9\u0081');
    expect(decodeAs('koi8-r', Uint8Array.of(0xc1))).toBe('\u0430');
  });
});

describe('markup nested too deep to parse', () => {
  it('counts nesting as the parser nests: self-closing tags in XML, unclosed paragraphs, comments, CDATA and scripts do not nest', () => {
    expect(nestedDeeperThan('<a><b><c></c></b></a>', 2)).toBe(true);
    expect(nestedDeeperThan('<a><b><c></c></b></a>', 3)).toBe(false);
    expect(nestedDeeperThan('<a><b/><b/><b/></a>', 2, 'xml')).toBe(false);
    expect(nestedDeeperThan(`<body>${'<p>text <br>'.repeat(100)}</body>`, 2)).toBe(false);
    expect(nestedDeeperThan(`<a><!-- ${'<x>'.repeat(50)} --><![CDATA[${'<y>'.repeat(50)}]]></a>`, 1)).toBe(false);
    expect(nestedDeeperThan(`<a><script>${'if (i<n) {}'.repeat(50)}</SCRIPT><style>${'a<b'.repeat(50)}</style></a>`, 2)).toBe(false);
    expect(nestedDeeperThan(`${'<div>'.repeat(MAX_DEPTH)}x${'</div>'.repeat(MAX_DEPTH)}`)).toBe(false);
    expect(nestedDeeperThan(`${'<div>'.repeat(MAX_DEPTH + 1)}x`)).toBe(true);
  });

  it('a feed nested too deep is skipped whole; an item whose HTML is, keeps its text with the tags dropped', () => {
    expect(parseFeed('d.rss', `<rss><channel>${'<x>'.repeat(MAX_DEPTH + 1)}<item><title>T</title><description>Text.</description></item></channel></rss>`).diagnostics).toEqual([
      { path: 'd.rss', reason: 'elements nested more than 512 deep', level: 'skipped' },
    ]);
    const deep = `${'<div>'.repeat(MAX_DEPTH + 1)}<p>A ferry ran aground.</p><p>All were rescued.</p>`;
    expect(htmlParagraphs(deep)).toEqual(['A ferry ran aground. All were rescued.']);
    const item = rss(HERALD, `<item><title>Ferry</title><description><![CDATA[${deep}]]></description></item>`);
    expect(parseFeed('f.rss', item).articles[0]?.paragraphs).toEqual(['A ferry ran aground. All were rescued.']);
  });
});

describe('review 26 #12: one-sentence items and a JSON Feed\'s title', () => {
  const SENTENCE = 'Police say a Perth mountain climber who watched his brother fall over the edge of the highest mountain is devastated.';

  it('an item whose only text is its title, a sentence, is a one-sentence article, as a .txt of it is', () => {
    const feed = rss(HERALD, `<item><title>${SENTENCE}</title><link>https://www.highlandherald.example/1</link><content:encoded><![CDATA[<p>${SENTENCE}</p>]]></content:encoded></item>`);
    const [a] = parseFeed('f.rss', feed).articles;
    expect([a?.title, a?.paragraphs]).toEqual([SENTENCE, [SENTENCE]]);
    expect(parseFile({ path: 'f.txt', text: `${SENTENCE}\n` }).articles[0]?.paragraphs).toEqual([SENTENCE]);
    // A headline alone (no final stop, Title Case) is still no article.
    const headline = rss(HERALD, '<item><title>Ferry Runs Aground Off Skye</title><description>Ferry Runs Aground Off Skye</description></item>');
    expect(parseFeed('f.rss', headline).diagnostics.map((d) => d.reason)).toEqual(['no article body after the headline']);
  });

  it('a web page whose only text is its headline, a sentence, is read as one', () => {
    const page = parseFile({ path: 'p.html', text: readFileSync('test/fixtures/review26/headline-only.html', 'utf8') });
    expect(page.diagnostics).toEqual([]);
    expect(page.articles[0]?.paragraphs).toEqual(["Police say a Perth mountain climber who watched his brother fall over the edge of New Zealand's highest mountain is devastated."]);
    const bare = parseFile({ path: 'q.html', text: '<html><head><title>Ferry Runs Aground</title></head><body><article><h1>Ferry Runs Aground</h1><p>Ferry Runs Aground</p></article></body></html>' });
    expect(bare.articles).toEqual([]);
  });

  it('a JSON Feed with no home page names its items by its title when the title spells their site', () => {
    const doc = parseFile({ path: 'jf.json', text: readFileSync('test/fixtures/review26/jsonfeed-no-home.json', 'utf8') });
    expect(doc.articles[0]?.meta.source).toBe('Bangor Daily News');
    // An aggregator's title that spells no item's site names none of them, as an RSS channel's does.
    const list = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'My reading list', items: [{ id: '1', url: 'https://www.bangordailynews.com/x', title: 'Storm', content_text: 'A storm knocked out power to 90,000 homes in Maine on Thursday, officials said.' }] });
    expect(parseFile({ path: 'l.json', text: list }).articles[0]?.meta.source).toBeUndefined();
    const channel = rss('<title>Bangor Daily News</title>', `<item><title>Storm</title><link>https://www.bangordailynews.com/x</link><description>A storm knocked out power to 90,000 homes in Maine on Thursday, officials said. Crews from three states were working.</description></item>`);
    expect(parseFeed('b.rss', channel).articles[0]?.meta.source).toBe('Bangor Daily News');
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonLines, recordToArticle, textParagraphs } from '../src/input/json.js';
import { parseFile } from '../src/input/formats.js';

const FEEDS = 'test/fixtures/inputs/feeds';

describe('JSON Lines', () => {
  const feed = parseJsonLines('feeds/mixed.jsonl', readFileSync(`${FEEDS}/mixed.jsonl`, 'utf8'));

  it('reads every good line as an article named file:line, whatever the field names', () => {
    expect(feed.articles.map((a) => a.path)).toEqual(['feeds/mixed.jsonl:1', 'feeds/mixed.jsonl:6']);
    const [ferry, mill] = feed.articles;
    expect(ferry?.title).toBe('Ferry runs aground off the coast of Skye');
    expect(ferry?.paragraphs).toEqual([
      'A passenger ferry ran aground off the coast of Skye on Monday morning.',
      'All 112 passengers were taken off by lifeboat crews within three hours.',
    ]);
    expect(ferry?.meta).toEqual({ title: 'Ferry runs aground off the coast of Skye', source: 'Highland Herald', date: '2024-05-06' });
    expect(mill?.meta).toMatchObject({ url: 'https://www.harborpost.example/news/mill-fire', date: '2024-05-07 22:15:00' });
  });

  it('reads a line holding a whole news API response or JSON Feed as its articles, named file:line[i]', () => {
    const response = JSON.stringify({ status: 'ok', articles: [{ title: 'A', content: 'Body one.' }, { title: 'B' }, { title: 'C', content: 'Body three.' }] });
    const feed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'D', content_text: 'Body four.' }] });
    const r = parseJsonLines('pages.jsonl', [response, feed, '{"status":"ok","articles":[]}', '{"title":"E","text":"Body five.","items":[{"x":1}]}'].join('\n'));
    expect(r.articles.map((a) => [a.path, a.title])).toEqual([['pages.jsonl:1[0]', 'A'], ['pages.jsonl:1[2]', 'C'], ['pages.jsonl:2[0]', 'D'], ['pages.jsonl:4', 'E']]);
    expect(r.diagnostics).toEqual([
      { path: 'pages.jsonl:1[1]', reason: 'no article text (fields text, body, content or maintext)', level: 'skipped' },
      { path: 'pages.jsonl:3', reason: 'empty JSON array', level: 'skipped' },
    ]);
  });

  it('reduces HTML in the text field to its paragraphs', () => {
    expect(feed.articles[1]?.paragraphs).toEqual([
      'A fire destroyed the old textile mill in Harbor Town on Tuesday night.',
      'Firefighters from three stations fought the blaze for six hours.',
    ]);
  });

  it('reports each bad line with its line number and goes on', () => {
    expect(feed.diagnostics.map((d) => [d.path, d.reason.split(':')[0], d.level])).toEqual([
      ['feeds/mixed.jsonl:2', 'malformed JSON line', 'skipped'],
      ['feeds/mixed.jsonl:4', 'no article text (fields text, body, content or maintext)', 'skipped'],
      ['feeds/mixed.jsonl:5', 'not a JSON object', 'skipped'],
    ]);
  });

  it('reads the news-please layout: maintext, source_domain, date_publish, url', () => {
    const text = readFileSync('test/fixtures/inputs/seed-jsonl/news-please.jsonl', 'utf8');
    const { articles, diagnostics } = parseJsonLines('np.jsonl', text);
    expect(diagnostics).toEqual([]);
    expect(articles.map((a) => a.meta.source)).toEqual(['www.trtworld.com', 'www.reuters.com']);
    expect(articles[1]?.meta.date).toBe('2017-03-21 10:38:00');
    expect(articles[1]?.paragraphs[0]).toMatch(/^Syrian rebels stormed a government-held area/);
  });

  it('numbers lines from 1 and keeps counting across blank lines, for any mix of good and bad lines', () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.constant('{"title": "T", "text": "A body sentence here."'),
      fc.string({ minLength: 1, maxLength: 20 }).map((s) => JSON.stringify({ title: `T ${s}`, text: `Body of ${s} as one sentence.` })),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { articles, diagnostics } = parseJsonLines('f.jsonl', lines.join('\n'));
        const good = lines.flatMap((l, i) => (l.startsWith('{"title":"T ') ? [`f.jsonl:${i + 1}`] : []));
        const bad = lines.flatMap((l, i) => (l.startsWith('{"title": "T",') ? [`f.jsonl:${i + 1}`] : []));
        expect(articles.map((a) => a.path)).toEqual(good);
        expect(diagnostics.filter((d) => d.reason.startsWith('malformed')).map((d) => d.path)).toEqual(bad);
      }),
    );
  });
});

describe('JSON documents', () => {
  it('reads a news API response: articles array, source object, publishedAt; names articles file[index]', () => {
    const { articles, diagnostics } = parseJson('n.json', readFileSync(`${FEEDS}/newsapi.json`, 'utf8'));
    expect(articles.map((a) => a.path)).toEqual(['n.json[0]']);
    expect(articles[0]?.meta).toMatchObject({ source: 'Reuters', date: '2024-05-09T12:00:00Z', byline: 'Reuters Staff' });
    expect(diagnostics).toEqual([{ path: 'n.json[1]', reason: 'no article text (fields text, body, content or maintext)', level: 'skipped' }]);
  });

  it('reads one article object under its plain path, and an array', () => {
    const one = parseJson('a.json', JSON.stringify({ title: 'Headline', text: 'One sentence of news.' }));
    expect(one.articles.map((a) => a.path)).toEqual(['a.json']);
    const many = parseJson('b.json', JSON.stringify([{ title: 'H1', body: 'First body.' }, { title: 'H2', body: 'Second body.' }]));
    expect(many.articles.map((a) => [a.path, a.title])).toEqual([['b.json[0]', 'H1'], ['b.json[1]', 'H2']]);
  });

  it('says why a document is unusable', () => {
    expect(parseJson('x.json', '{"title": ').diagnostics[0]?.reason).toMatch(/^malformed JSON: /);
    expect(parseJson('x.json', '42').diagnostics[0]?.reason).toBe('JSON is neither an article object nor an array of them');
    expect(parseJson('x.json', '[]').diagnostics[0]?.reason).toBe('empty JSON array');
  });

  it('takes the first line as the headline when there is no title field, and keeps a lead as news', () => {
    const r = recordToArticle({ text: 'Storm closes the bridge\nThe bridge was closed at noon.' }, 'x.json');
    expect('article' in r && [r.article.title, r.article.paragraphs]).toEqual(['Storm closes the bridge', ['The bridge was closed at noon.']]);
    const lead = recordToArticle({ text: 'The bridge was closed at noon on Friday.\nIt reopened at six.' }, 'x.json');
    expect('article' in lead && lead.article.paragraphs).toEqual(['The bridge was closed at noon on Friday.', 'It reopened at six.']);
  });

  it('marks a record with only a description or summary as a teaser', () => {
    const teaser = recordToArticle({ title: 'Bridge closed', description: 'The bridge was closed at noon.' }, 'x');
    expect('article' in teaser && teaser.article.meta.excerpt).toBe(true);
    const full = recordToArticle({ title: 'Bridge closed', text: 'The bridge was closed at noon.', description: 'Closed.' }, 'x');
    expect('article' in full && full.article.meta.excerpt).toBeUndefined();
  });

  it("reads a news API's body cut short (\"… [+2345 chars]\", as NewsAPI gives it) as a teaser, without the mark", () => {
    const newsApi = {
      source: { id: 'bbc-news', name: 'BBC News' },
      title: 'Bridge closed',
      description: 'The Orrin bridge was closed at noon after a crack was found.',
      publishedAt: '2031-04-08T12:00:00Z',
      content: 'The Orrin bridge was closed at noon after a crack was found. Engineers said repairs would take wee… [+2345 chars]',
    };
    const cut = recordToArticle(newsApi, 'x');
    if (!('article' in cut)) throw new Error(cut.reason);
    expect(cut.article.meta).toMatchObject({ source: 'BBC News', date: '2031-04-08T12:00:00Z', excerpt: true });
    // The description is where the body starts: not said twice. The cut word is marked as cut.
    expect(cut.article.paragraphs).toEqual(['The Orrin bridge was closed at noon after a crack was found. Engineers said repairs would take wee…']);
    // A description the body does not start with comes first; a body cut after a whole sentence gets no "…".
    const other = recordToArticle({ ...newsApi, description: 'Traffic is diverted through Tull.', content: 'Engineers found a crack on Monday. [+1,024 chars]' }, 'x');
    expect('article' in other && other.article.paragraphs).toEqual(['Traffic is diverted through Tull.', 'Engineers found a crack on Monday.']);
    // The same lead in other words (QA 29: NewsAPI's description paraphrases the content's first sentence): told once, in the body's words.
    const paraphrase = recordToArticle(
      {
        ...newsApi,
        description: 'A CalMac ferry with 120 passengers ran aground near Uig on Monday morning, the coastguard said.',
        content: 'A CalMac ferry carrying 120 passengers ran aground near Uig on the Isle of Skye on Monday morning, the coastguard said. All passengers were taken off by lifeboat crews… [+1532 chars]',
      },
      'x',
    );
    expect('article' in paraphrase && paraphrase.article.paragraphs).toEqual([
      'A CalMac ferry carrying 120 passengers ran aground near Uig on the Isle of Skye on Monday morning, the coastguard said. All passengers were taken off by lifeboat crews…',
    ]);
    // A standfirst that shares a few of the opening's words but tells something else still comes first.
    const standfirst = recordToArticle(
      { ...newsApi, description: 'Passengers spent two hours on deck before the MV Hebrides was towed clear.', content: 'A CalMac ferry carrying 120 passengers ran aground near Uig on Monday. All passengers were taken off… [+1532 chars]' },
      'x',
    );
    expect('article' in standfirst && standfirst.article.paragraphs[0]).toBe('Passengers spent two hours on deck before the MV Hebrides was towed clear.');
    // A body that merely mentions characters is whole.
    const whole = recordToArticle({ title: 'T', content: 'The limit is 280 chars [+] on the site.' }, 'x');
    expect('article' in whole && whole.article.meta.excerpt).toBeUndefined();
  });

  it('reads a JSON Feed (jsonfeed.org): content_text or content_html, the summary alone a teaser', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Highland Herald',
      home_page_url: 'https://www.highlandherald.example/',
      items: [
        { id: '1', url: 'https://www.highlandherald.example/ferry', title: 'Ferry aground', content_html: '<p>The ferry ran aground off Skye.</p><p>All 112 passengers were taken off.</p>', date_published: '2031-04-08T09:30:00Z', authors: [{ name: 'Morag Reid' }] },
        { id: '2', url: 'https://www.highlandherald.example/mill', title: 'Mill fire', content_text: 'A fire destroyed the mill.\nFirefighters fought it for six hours.' },
        { id: '3', url: 'https://www.highlandherald.example/vote', title: 'Council vote', summary: 'The council voted for the new bridge.' },
      ],
    };
    const r = parseJson('feed.json', JSON.stringify(feed));
    expect(r.diagnostics).toEqual([]);
    expect(r.articles.map((a) => [a.path, a.paragraphs, a.meta.excerpt])).toEqual([
      ['feed.json[0]', ['The ferry ran aground off Skye.', 'All 112 passengers were taken off.'], undefined],
      ['feed.json[1]', ['A fire destroyed the mill.', 'Firefighters fought it for six hours.'], undefined],
      ['feed.json[2]', ['The council voted for the new bridge.'], true],
    ]);
    expect(r.articles[0]?.meta).toMatchObject({ url: 'https://www.highlandherald.example/ferry', date: '2031-04-08T09:30:00Z', byline: 'Morag Reid' });
  });

  it("names a JSON Feed's items after the feed's title when they link to its own site or nowhere, never an aggregator's", () => {
    const items = [
      { id: '1', title: 'T1', url: 'https://www.highlandherald.example/ferry', content_text: 'The ferry ran aground.' },
      { id: '2', title: 'T2', url: 'https://news.highlandherald.example/mill', content_text: 'A fire destroyed the mill.' },
      { id: '3', title: 'T3', content_text: 'The council voted for the bridge.' },
      { id: '4', title: 'T4', url: 'https://www.harborpost.example/vote', content_text: 'The harbour vote was close.' },
      { id: '5', title: 'T5', url: 'https://www.reuters.com/world/x', content_text: 'A wire story.' },
      { id: '6', title: 'T6', url: 'https://www.highlandherald.example/own', source: 'Skye Courier', content_text: 'A partner story.' },
    ];
    const sources = (doc: object): (string | undefined)[] => parseJson('feed.json', JSON.stringify(doc)).articles.map((a) => a.meta.source);
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Highland Herald - Latest', home_page_url: 'https://www.highlandherald.example/', items };
    // Own site (a subdomain too) or no URL: the feed's outlet; elsewhere: left to the URL; a source of its own wins.
    expect(sources(feed)).toEqual(['Highland Herald', 'Highland Herald', 'Highland Herald', undefined, undefined, 'Skye Courier']);
    // An aggregator's feed names no site of its own: only items without a URL take its title.
    expect(sources({ version: 'https://jsonfeed.org/version/1', title: 'My reading list', items })).toEqual([undefined, undefined, 'My reading list', undefined, undefined, 'Skye Courier']);
    // A news API response is no feed: its `title` (if any) is not an outlet.
    expect(sources({ status: 'ok', title: 'Results', articles: items })).toEqual([undefined, undefined, undefined, undefined, undefined, 'Skye Courier']);
    // The same on one line of JSON Lines.
    const line = parseJsonLines('feeds.jsonl', JSON.stringify(feed));
    expect(line.articles.map((a) => a.meta.source)).toEqual(sources(feed));
  });

  it("reads a crawler's record of a whole page (url and html) as the page, the record's own fields first", () => {
    const page = `<!doctype html><html><head><title>Ferry aground | Highland Herald</title><meta property="og:site_name" content="Highland Herald"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferry aground off Skye</h1>
      <p>A passenger ferry ran aground off the coast of Skye on Monday morning, the coastguard said.</p>
      <p>All 112 passengers were taken off by lifeboat crews within four hours of the grounding.</p>
      <p>The operator said an inquiry would look at the ferry's steering gear and the pilot's charts.</p></article>
      <footer>© Highland Herald. All rights reserved.</footer></body></html>`;
    const r = recordToArticle({ url: 'https://www.highlandherald.example/ferry', fetched: '2031-04-08', html: page }, 'crawl.jsonl:1');
    if (!('article' in r)) throw new Error(r.reason);
    expect(r.article.meta.url).toBe('https://www.highlandherald.example/ferry');
    expect(r.article.meta.source).toBe('Highland Herald');
    expect(r.article.paragraphs[0]).toBe('A passenger ferry ran aground off the coast of Skye on Monday morning, the coastguard said.');
    expect(r.article.paragraphs.join(' ')).not.toMatch(/Home|rights reserved/);
    // A text field wins over the page; a page with no article says so.
    const text = recordToArticle({ title: 'T', text: 'The text.', html: page }, 'x');
    expect('article' in text && text.article.paragraphs).toEqual(['The text.']);
    expect(recordToArticle({ html: '<html><body></body></html>' }, 'x')).toEqual({ reason: 'its html: no article text found in the page' });
  });

  it('joins author lists and ignores unknown fields', () => {
    const r = recordToArticle({ title: 'T', text: 'Body text.', authors: ['Ann Lee', 'Bo Chen'], extra: { deep: [1, 2] } }, 'x');
    expect('article' in r && r.article.meta).toEqual({ title: 'T', byline: 'Ann Lee, Bo Chen' });
  });

  it('splits plain text on lines and HTML on blocks', () => {
    expect(textParagraphs('  one  \r\n\r\ntwo ')).toEqual(['one', 'two']);
    expect(textParagraphs('<div>one<br>two</div><li>three</li>')).toEqual(['one', 'two', 'three']);
  });
});

describe('parseFile registry', () => {
  it('dispatches by file ending and keeps .txt and .md as before', () => {
    expect(parseFile({ path: 'a.ndjson', text: '{"title":"T","text":"Body."}\n' }).articles[0]?.path).toBe('a.ndjson:1');
    expect(parseFile({ path: 'a.txt', text: 'Headline\nBody.' }).articles[0]?.paragraphs).toEqual(['Body.']);
    expect(parseFile({ path: 'a.txt', text: 'Headline only' }).diagnostics).toEqual([{ path: 'a.txt', reason: 'no article body after the headline', level: 'skipped' }]);
  });

  it('reads a file without a known ending as HTML when it starts like a page', () => {
    const page = '<!doctype html><html><head><title>Page headline</title></head><body><p>First paragraph of the page, long enough.</p></body></html>';
    expect(parseFile({ path: 'saved-page', text: page }).articles[0]?.title).toBe('Page headline');
  });
});

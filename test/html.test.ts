import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml, parseHtml, stripSiteSuffix } from '../src/input/html.js';
import { jsonLdArticle } from '../src/input/jsonld.js';
import { fullerBody } from '../src/input/ld-body.js';
import type { ParsedArticle } from '../src/types.js';

function parsed(text: string, path = 'page.html'): ParsedArticle {
  const r = parseHtml({ path, text });
  if (!r.ok) throw new Error(`expected a page, got: ${r.reason}`);
  return r.article;
}

const P1 = 'The city council approved the new budget on Wednesday after a debate that lasted nine hours.';
const P2 = 'The budget raises spending on schools by four percent and cuts the roads programme.';

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
}

describe('HTML pages with no element', () => {
  it('are pages without article text, not a crash, whatever the text', () => {
    for (const text of ['', ' ', '<!doctype html>', '<!-- x -->', 'hello', '<', '<?xml version="1.0"?>', '<script type="application/ld+json">']) {
      expect(parseHtml({ path: 'x.html', text })).toEqual({ ok: false, reason: 'no article text found in the page' });
    }
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => typeof parseHtml({ path: 'x.html', text }).ok === 'boolean'));
  });
});

describe('HTML pages: the seed as a saved page', () => {
  const seedLines = readFileSync('seeds/000_599fd1684341c80a.txt', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const a = parsed(readFileSync('test/fixtures/inputs/seed-html/trt-world.html', 'utf8'));

  it('takes the metadata: title, site name, published time, canonical URL', () => {
    expect(a.title).toBe(seedLines[0]);
    expect(a.meta).toMatchObject({
      source: 'TRT World',
      date: '2017-03-21T14:20:00+03:00',
      url: 'https://www.trtworld.com/mea/syrian-rebels-launch-second-damascus-attack-in-three-days-321654',
    });
  });

  it('keeps every line of the article and nothing of the navigation, cookie notice, aside, newsletter box or footer', () => {
    for (const line of seedLines.slice(1)) expect(a.paragraphs).toContain(line);
    const text = a.paragraphs.join('\n');
    for (const furniture of ['Home', 'cookies', 'Most read', 'Oil prices', 'newsletter', 'Copyright', 'changed by a script']) {
      expect(text).not.toContain(furniture);
    }
  });
});

describe('HTML metadata', () => {
  it('falls back to JSON-LD for the date, site and headline, also inside @graph', () => {
    const ld = JSON.stringify({ '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': 'NewsArticle', headline: 'Budget passes', datePublished: '2024-02-01', publisher: { name: 'City Times' } }] });
    const a = parsed(page(`<script type="application/ld+json">${ld}</script>`, `<article><p>${P1}</p><p>${P2}</p></article>`));
    expect(a.meta).toMatchObject({ title: 'Budget passes', date: '2024-02-01', source: 'City Times' });
  });

  it('ignores broken JSON-LD and uses <time datetime> and <title> without the site suffix', () => {
    const head = '<title>Budget passes | City Times</title><meta property="og:site_name" content="City Times"><script type="application/ld+json">{broken</script>';
    const a = parsed(page(head, `<article><time datetime="2024-02-01T09:00:00Z">1 Feb</time><p>${P1}</p><p>${P2}</p></article>`));
    expect(a.title).toBe('Budget passes');
    expect(a.meta.date).toBe('2024-02-01T09:00:00Z');
  });

  it('reads only absolute http(s) canonical URLs', () => {
    const a = parsed(page('<title>T</title><link rel="canonical" href="/relative">', `<p>${P1}</p><p>${P2}</p>`));
    expect(a.meta.url).toBeUndefined();
  });

  it('takes the first paragraph as the headline when the page has no title', () => {
    const a = parsed(page('', `<div><p>Council passes budget</p><p>${P1}</p><p>${P2}</p></div>`));
    expect(a.title).toBe('Council passes budget');
    expect(a.paragraphs).toEqual([P1, P2]);
  });

  it('refuses a page with no text', () => {
    expect(parseHtml({ path: 'x.html', text: page('<title>Empty</title>', '<nav>Home</nav>') })).toEqual({ ok: false, reason: 'no article text found in the page' });
  });

  it('does not run scripts or event handlers', () => {
    const a = parsed(page('<title>Safe</title>', `<p onclick="alert(1)">${P1}</p><script>document.body.innerHTML = 'gone'</script><p>${P2}</p>`));
    expect(a.paragraphs).toEqual([P1, P2]);
  });
});

describe('helpers', () => {
  it('strips a site suffix only when it is the site name', () => {
    expect(stripSiteSuffix('Budget passes | City Times', 'City Times')).toBe('Budget passes');
    expect(stripSiteSuffix('Budget passes - City Times', 'city times')).toBe('Budget passes');
    expect(stripSiteSuffix('Budget passes - a win for mayor', 'City Times')).toBe('Budget passes - a win for mayor');
    expect(stripSiteSuffix('Budget passes | City Times', undefined)).toBe('Budget passes | City Times');
  });

  it('recognises pages by their start', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<!-- saved --><html lang="en">')).toBe(true);
    expect(looksLikeHtml('Headline\n<p>body</p>')).toBe(false);
  });

  it('finds no article in JSON-LD without one', () => {
    expect(jsonLdArticle(['{"@type": "Organization", "name": "X"}', 'not json'])).toEqual({});
  });
});

describe('a paywalled page: the JSON-LD articleBody when it is clearly the fuller text of the same article', () => {
  const FULL = [
    'The ferry Solveig ran aground off Kallo island on Friday morning, the coast guard said.',
    'Coast guard boats rescued 212 passengers from the stranded ferry within three hours, and no one was hurt.',
    'The harbour master said the captain had reported engine trouble shortly before the ship struck the reef.',
    'Islanders brought blankets and hot soup to the quay as the passengers came ashore in the cold.',
    'The ferry operator said it would inspect the hull once the tide allowed tugs to pull the ship free.',
    'Investigators from the maritime authority are expected on the island on Saturday to question the crew.',
    'Residents said the reef had claimed two fishing boats in the past decade and called for better markers.',
  ];
  const ld = (fields: Record<string, unknown>): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Ferry runs aground off Kallo', datePublished: '2031-04-08T09:00:00Z', ...fields })}</script>`;
  const head = (fields: Record<string, unknown>): string => `<title>Ferry runs aground off Kallo | Kallo Times</title><meta property="og:site_name" content="Kallo Times">${ld(fields)}`;
  const shown = (paragraphs: readonly string[], notice = '<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>'): string =>
    `<article><h1>Ferry runs aground off Kallo</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}${notice}</article>`;

  it('reads the whole article from articleBody, a paragraph a line, the metadata as before', () => {
    const a = parsed(page(head({ articleBody: FULL.join('\n\n'), isAccessibleForFree: false }), shown(FULL.slice(0, 2))));
    expect(a.paragraphs).toEqual(FULL);
    expect(a.title).toBe('Ferry runs aground off Kallo');
    expect(a.meta).toMatchObject({ source: 'Kallo Times', date: '2031-04-08T09:00:00Z' });
    // A paywall notice the page's rules do not catch does not stop it.
    const kept = parsed(page(head({ articleBody: FULL.join('\n') }), shown(FULL.slice(0, 2), '<p>This story is for subscribers. Subscribe now for one euro a week.</p>')));
    expect(kept.paragraphs).toEqual(FULL);
  });

  it('reads an articleBody of HTML, or of an array of paragraphs, or with entities, by its paragraphs', () => {
    const html = FULL.map((p) => `<p>${p.replace(/'/g, '&#8217;')}</p>`).join('');
    expect(parsed(page(head({ articleBody: html }), shown(FULL.slice(0, 1)))).paragraphs).toEqual(FULL);
    expect(parsed(page(head({ articleBody: FULL }), shown(FULL.slice(0, 1)))).paragraphs).toEqual(FULL);
    const amp = FULL.map((p) => p.replace('hot soup', 'soup &amp; tea'));
    expect(parsed(page(head({ articleBody: amp.join('\n') }), shown(amp.slice(0, 1)))).paragraphs).toEqual(FULL.map((p) => p.replace('hot soup', 'soup & tea')));
  });

  it('keeps the page’s own text when the articleBody is not fuller: the same text, or a summary', () => {
    const open = parsed(page(head({ articleBody: FULL.join(' ') }), shown(FULL, '')));
    expect(open.paragraphs).toEqual(FULL);
    const summary = parsed(page(head({ articleBody: FULL.slice(0, 1).join(' ') }), shown(FULL.slice(0, 3))));
    expect(summary.paragraphs).toEqual(FULL.slice(0, 3));
    // Fuller, but by too little: 1.5 times the words and 50 more are needed.
    const little = parsed(page(head({ articleBody: FULL.slice(0, 5).join('\n') }), shown(FULL.slice(0, 4))));
    expect(little.paragraphs).toEqual(FULL.slice(0, 4));
  });

  it('keeps the page’s own text when the articleBody tells another story', () => {
    const other = Array.from({ length: 8 }, (_, i) => `The council approved budget line ${i} for the harbour road, a spokesman for the mayor said on Tuesday.`);
    const a = parsed(page(head({ articleBody: other.join('\n') }), shown(FULL.slice(0, 2))));
    expect(a.paragraphs).toEqual(FULL.slice(0, 2));
  });

  it('a page that shows no text: the articleBody if its headline is the page’s, else skipped as before', () => {
    expect(parsed(page(head({ articleBody: FULL.join('\n') }), shown([], ''))).paragraphs).toEqual(FULL);
    const r = parseHtml({ path: 'p.html', text: page(head({ headline: 'Council passes the harbour budget', articleBody: FULL.join('\n') }), shown([], '')) });
    expect(r).toEqual({ ok: false, reason: 'no article text found in the page' });
  });
});

describe('fullerBody', () => {
  const visible = ['one two three four five six seven eight nine ten'];
  const body = (extra: number): string => `one two three four five six seven eight nine ten ${Array.from({ length: extra }, (_, i) => `w${i}`).join(' ')}`;
  it('needs 50 words more than the visible text and 1.5 times as many', () => {
    expect(fullerBody(visible, body(49), true)).toBeUndefined();
    expect(fullerBody(visible, body(50), true)).toEqual([body(50)]);
    const long = [Array.from({ length: 200 }, (_, i) => `v${i}`).join(' ')];
    expect(fullerBody(long, `${long[0]} ${body(89)}`, true)).toBeUndefined(); // 299 words: under 1.5 × 200
    expect(fullerBody(long, `${long[0]} ${body(90)}`, true)).toBeDefined(); // 300 words
  });
  it('needs 60% of the visible word triples in the body', () => {
    const shown = ['a b c d e f g h i j k']; // 9 triples
    const tail = Array.from({ length: 60 }, (_, i) => `t${i}`).join(' ');
    expect(fullerBody(shown, `a b c d e f g h x y z ${tail}`, true)).toBeDefined(); // 6 of 9 triples
    expect(fullerBody(shown, `a b c d e f g x y z ${tail}`, true)).toBeUndefined(); // 5 of 9
  });
});

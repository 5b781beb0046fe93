import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml, parseHtml, stripSiteSuffix } from '../src/input/html.js';
import { jsonLdArticle } from '../src/input/jsonld.js';
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

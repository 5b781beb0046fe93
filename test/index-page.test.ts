/**
 * Index pages (home pages, section fronts, tag pages) are skipped; article pages, with their "related" lists,
 * top strips and "read more" links, are read (review 25, finding 8).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../src/input/html.js';
import { indexPageReason, isIndexPageReason } from '../src/input/index-page.js';
import { pageFailure } from '../src/input/json.js';

const parse = (text: string) => parseHtml({ path: 'page.html', text });
const page = (head: string, body: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const STORIES = [
  ['Ferry runs aground off Skye with 120 on board', 'Passengers were evacuated by lifeboat crews after the vessel struck rocks near Uig.'],
  ['Bank of England holds interest rates at 4%', 'Governor Andrew Bailey said inflation remained too high for a cut.'],
  ['Earthquake kills dozens in eastern Turkey', 'Rescuers searched the rubble overnight as temperatures fell below zero.'],
  ['Chancellor unveils spending plan for schools', 'Opposition says the package comes too late for struggling councils.'],
  ['Storm Eunice: thousands still without power', 'Engineers worked through the night to restore supplies in the south west.'],
  ['Scotland beat Wales in Six Nations thriller', 'A late try settled a match that swung back and forth at Murrayfield.'],
] as const;

/** The review's page: headlines in <h2><a>, a teaser paragraph each, side by side in <main>. */
const REVIEW_HOME = readFileSync('test/fixtures/pages/home.html', 'utf8');

/** BBC-like cards: a link wrapped round a heading and its description, with a time and a section name. */
const CARD_HOME = page(
  '<title>Home - BBC News</title><meta property="og:type" content="website"><meta property="og:site_name" content="BBC News">',
  `<header><h1>BBC News</h1></header><main><section><h2>Top stories</h2>${STORIES.map(
    ([h, t], i) => `<div class="card"><a href="/news/${i}"><div><h3>${h}</h3><p>${t}</p></div></a><div><span>${i + 1} hrs ago</span><span>UK</span></div></div>`,
  ).join('')}</section></main>`,
);

/** Guardian-like cards: an empty link laid over the card, the headline a heading beside it, kicker inside it. */
const OVERLAY_FRONT = page(
  '<title>World news | The Guardian</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"World news"}</script>',
  `<div id="maincontent"><ul>${STORIES.map(([h, t], i) => `<li><div class="dcr-card"><a href="/world/${i}" aria-label="${h}"></a><h3><span>World</span> <span>${h}</span></h3><div><p>${t}</p></div></div></li>`).join('')}</ul></div>`,
);

/** Reuters-like list: headline links in list items, with a date, no heading and no teaser. */
const TAG_PAGE = page(
  '<title>Ferries | Reuters</title>',
  `<main><h1>Ferries</h1><ul>${STORIES.map(([h], i) => `<li><div><a href="/world/${i}" data-testid="Heading">${h}</a><time datetime="2026-11-2${i}">November 2${i}, 2026</time></div></li>`).join('')}</ul></main>`,
);

const FERRY = [
  'A CalMac ferry carrying 120 passengers ran aground near Uig on the Isle of Skye on Monday morning.',
  'All passengers were evacuated by lifeboat crews, the coastguard said in a statement.',
  'The MV Hebrides struck rocks at about 7:30am, and divers inspected the hull in the afternoon.',
  'The Marine Accident Investigation Branch said it had sent a team to the island.',
];
const related = (how: string): string => STORIES.slice(1, 5).map(([h, t], i) => `<div${how}><h3><a href="/news/r${i}">${h}</a></h3><p>${t}</p></div>`).join('');

describe('index pages', () => {
  it('are skipped, with how many headlines they show: the review’s page, cards, overlay links, a tag page', () => {
    expect(parse(REVIEW_HOME)).toEqual({ ok: false, reason: indexPageReason(4) });
    expect(parse(CARD_HOME)).toEqual({ ok: false, reason: indexPageReason(6) });
    expect(parse(OVERLAY_FRONT)).toEqual({ ok: false, reason: indexPageReason(6) });
    expect(parse(TAG_PAGE)).toEqual({ ok: false, reason: indexPageReason(6) });
    expect(indexPageReason(4)).toBe('an index page (4 headlines, no article text), not an article');
  });

  it('are told by their reason, also as a page record’s', () => {
    expect(isIndexPageReason(indexPageReason(1200))).toBe(true);
    expect(isIndexPageReason(pageFailure(indexPageReason(4)))).toBe(true);
    expect(isIndexPageReason('no article text found in the page')).toBe(false);
  });

  it('need three headlines: two headlines with teasers are read as before', () => {
    const two = page('<title>Two</title>', `<main>${STORIES.slice(0, 2).map(([h, t]) => `<h2><a href="/x">${h}</a></h2><p>${t}</p>`).join('')}</main>`);
    expect(parse(two).ok).toBe(true);
  });
});

describe('article pages are never taken for index pages', () => {
  it('an article with a related-stories list that is not marked as such', () => {
    const r = parse(page('<title>Ferry aground off Skye</title>', `<article><h1>Ferry aground off Skye</h1>${FERRY.map((p) => `<p>${p}</p>`).join('')}</article><section><h2>More on this story</h2>${related('')}</section>`));
    expect(r.ok && r.article.paragraphs).toEqual(expect.arrayContaining(FERRY));
  });

  it('a short brief of two sentences under a strip of headlines and above another', () => {
    const strip = STORIES.slice(2).map(([h], i) => `<li><a href="/s/${i}">${h}</a></li>`).join('');
    const r = parse(page('<title>Ferry aground</title>', `<ul class="strip">${strip}</ul><h1>Ferry aground off Skye</h1><p>${FERRY[0]}</p><p>${FERRY[1]}</p><ul>${strip}</ul>`));
    expect(r.ok && r.article.paragraphs).toEqual(expect.arrayContaining(FERRY.slice(0, 2)));
  });

  it('an article broken up by "read more" links that fill their paragraphs', () => {
    const body = FERRY.map((p, i) => `<p>${p}</p><p><a href="/more/${i}">${STORIES[i]?.[0] ?? ''}</a></p>`).join('');
    const r = parse(page('<title>Ferry aground off Skye</title>', `<h1>Ferry aground off Skye</h1>${body}`));
    expect(r.ok && r.article.paragraphs).toEqual(expect.arrayContaining(FERRY));
  });

  it('an article whose prose links whole clauses', () => {
    const linked = FERRY.map((p) => `<p>${p.replace(/^(\S+ \S+ \S+ \S+ \S+)/, '<a href="/x">$1</a>')}</p>`).join('');
    const r = parse(page('<title>Ferry aground off Skye</title>', `<h1>Ferry aground off Skye</h1>${linked}<div>${related(' class="card"')}</div>`));
    expect(r.ok).toBe(true);
  });

  it('a short explainer whose table of contents links places in the page', () => {
    const toc = STORIES.map(([h], i) => `<li><a href="#part-${i}">${h}</a></li>`).join('');
    const parts = STORIES.map(([h, t], i) => `<h2 id="part-${i}"><a href="#part-${i}">${h}</a></h2><p>${t}</p>`).join('');
    expect(parse(page('<title>Explainer: the week in six stories</title>', `<h1>The week in six stories</h1><ul>${toc}</ul>${parts}`)).ok).toBe(true);
  });

  it('a page that says it is an article (og:type or JSON-LD), even when it shows only headlines and teasers', () => {
    const cards = STORIES.map(([h, t]) => `<h2><a href="/x">${h}</a></h2><p>${t}</p>`).join('');
    expect(parse(page('<title>Morning briefing</title><meta property="og:type" content="article">', cards)).ok).toBe(true);
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Herald"},{"@type":"NewsArticle","headline":"Morning briefing"}]}</script>';
    expect(parse(page(`<title>Morning briefing</title>${ld}`, cards)).ok).toBe(true);
  });

  it('the review’s paywalled page and the HTML fixtures', () => {
    for (const file of ['test/fixtures/pages/jsonld.html', 'test/fixtures/pages/guardian.html', 'test/fixtures/inputs/seed-html/reuters.html', 'test/fixtures/inputs/seed-html/trt-world.html']) {
      expect(parse(readFileSync(file, 'utf8')).ok, file).toBe(true);
    }
  });
});

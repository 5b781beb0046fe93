/**
 * Live blogs (input/live.ts, facts/live-updates.ts): a page of time-headed entries, or a JSON-LD LiveBlogPosting,
 * keeps each entry's time down to its sentences; an older entry's count that a newer entry gives anew is superseded
 * (not compared with other outlets'), the rest stays the blog's. Unit checks with small literal pages and sentences.
 */
import { describe, expect, it } from 'vitest';
import { entryOrder, headedEntries, headingMinutes, ldEntries, saysLive } from '../src/input/live.js';
import { parseHtml } from '../src/input/html.js';
import { toArticles } from '../src/clean/articles.js';
import { packSentences, unpackSentences } from '../src/clean/packed.js';
import { supersededOnly, supersededSlots } from '../src/facts/live-updates.js';
import { factConflicts } from '../src/facts/conflicts.js';
import { storyFacts } from '../src/facts/story-facts.js';
import { entryTime, latestValue } from '../src/report/latest-value.js';
import { latestNote } from '../src/render/sections.js';
import type { Article, Conflict, Mention, ParsedArticle, Sentence } from '../src/types.js';

function parsed(html: string): ParsedArticle {
  const r = parseHtml({ path: 'live.html', text: html });
  if (!r.ok) throw new Error(`expected a page, got: ${r.reason}`);
  return r.article;
}

const page = (head: string, body: string): string => `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;

/** An article whose sentences are in entries: [time, order, text] each (order: 0 the oldest). */
function blog(id: string, source: string, entries: readonly (readonly [string, number, string])[]): Article {
  return {
    id,
    path: `${id}.html`,
    source,
    sourceOrigin: 'metadata',
    title: `${source} live`,
    sentences: entries.map(([at, order, text], index): Sentence => ({ index, paragraph: index, text, entry: { at, order } })),
    dropped: [],
  };
}

const plain = (id: string, source: string, sentences: readonly string[]): Article => ({
  id,
  path: `${id}.txt`,
  source,
  sourceOrigin: 'metadata',
  title: `${source} story`,
  sentences: sentences.map((text, index) => ({ index, paragraph: index, text })),
  dropped: [],
});

describe('time headings', () => {
  it('reads a time alone as a heading, in the forms live blogs write them', () => {
    expect(headingMinutes('18:05 GMT')).toBe(18 * 60 + 5);
    expect(headingMinutes('6.05pm')).toBe(18 * 60 + 5);
    expect(headingMinutes('6:05 p.m. ET')).toBe(18 * 60 + 5);
    expect(headingMinutes('12:30 am')).toBe(30);
    expect(headingMinutes('Updated 09:15')).toBe(9 * 60 + 15);
    expect(headingMinutes('23 Nov 18:05')).toBe(18 * 60 + 5);
    expect(headingMinutes('18:05 GMT 23 November')).toBe(18 * 60 + 5);
    // Not a time alone, or no time.
    expect(headingMinutes('The road reopened at 18:05 GMT.')).toBe(-1);
    expect(headingMinutes('25:10')).toBe(-1);
    expect(headingMinutes('13:05 pm')).toBe(-1);
    expect(headingMinutes('Live updates')).toBe(-1);
  });

  it('tells a page that says it is live', () => {
    expect(saysLive('Live: Peru landslide – latest updates')).toBe(true);
    expect(saysLive('Peru landslide: live updates')).toBe(true);
    expect(saysLive('Election night as it happened')).toBe(true);
    expect(saysLive('Storm Bert – live')).toBe(true);
    expect(saysLive('Where the wild things live')).toBe(false);
    expect(saysLive('They live in fear of the next slide')).toBe(false);
    expect(saysLive('Peru landslide kills 23')).toBe(false);
    expect(saysLive('Lives lost in the landslide')).toBe(false);
    expect(saysLive(undefined)).toBe(false);
  });

  it('orders entries in time from page order: newest first when more times fall than rise', () => {
    expect(entryOrder([18 * 60, 16 * 60, 14 * 60])).toEqual([2, 1, 0]);
    expect(entryOrder([8 * 60, 10 * 60, 12 * 60])).toEqual([0, 1, 2]);
    // Past midnight, newest first: page order still decides.
    expect(entryOrder([30, 23 * 60 + 50, 22 * 60])).toEqual([2, 1, 0]);
  });

  it('makes entries of three time headings each followed by text, and of two on a page that says it is live', () => {
    const paragraphs = ['A landslide buried homes.', '18:05 GMT', 'The toll is 23.', 'Twenty are missing.', '14:50 GMT', 'The toll is 19.', '10:40 GMT', 'The toll is 14.'];
    expect(headedEntries(paragraphs, false)).toEqual([
      { at: '18:05 GMT', order: 2, paragraph: 2 },
      { at: '14:50 GMT', order: 1, paragraph: 5 },
      { at: '10:40 GMT', order: 0, paragraph: 7 },
    ]);
    const two = ['A landslide buried homes.', '18:05 GMT', 'The toll is 23.', '14:50 GMT', 'The toll is 19.'];
    expect(headedEntries(two, false)).toBeUndefined();
    expect(headedEntries(two, true)?.map((e) => e.at)).toEqual(['18:05 GMT', '14:50 GMT']);
    // A timetable (times with nothing under them) and an ordinary article are no live blog.
    expect(headedEntries(['Departures:', '08:00', '09:00', '10:00', 'End.'], true)).toBeUndefined();
    expect(headedEntries(['The council met on Monday.', 'It approved the budget at 18:05.', 'The vote was 7-2.'], true)).toBeUndefined();
  });

  it('reads JSON-LD updates in order of their dates, headline before text unless the text opens with it', () => {
    const r = ldEntries(['Intro.'], [
      { at: '2026-11-24T19:10:00Z', headline: 'Toll rises', paragraphs: ['Eight people have died.'] },
      { at: '2026-11-24T11:05:00Z', headline: 'Two dead', paragraphs: ['Two dead, the ministry said.'] },
      { at: '2026-11-24T15:20:00Z', paragraphs: [] },
    ]);
    expect(r).toEqual({
      paragraphs: ['Intro.', 'Toll rises', 'Eight people have died.', 'Two dead, the ministry said.'],
      entries: [
        { at: '2026-11-24T19:10:00Z', order: 1, paragraph: 1 },
        { at: '2026-11-24T11:05:00Z', order: 0, paragraph: 3 },
      ],
    });
    expect(ldEntries([], [{ at: '2026-11-24T19:10:00Z', paragraphs: ['Only one.'] }])).toBeUndefined();
  });
});

describe('live blog pages', () => {
  const headed = page(
    '<title>Live: Peru landslide | Andes Herald</title><meta property="og:site_name" content="Andes Herald">',
    '<h1>Live: Peru landslide</h1><p>A landslide has buried homes in the town of Chaglla in Peru.</p>' +
      '<h3>18:05 GMT</h3><p>The civil defense institute now says 23 people have died in the landslide.</p>' +
      '<h3>10:40 GMT</h3><p>Officials say the death toll from the landslide has risen to 14 people.</p>',
  );

  it('keeps a headed page\'s entries with their first paragraphs, and their times down to the sentences', () => {
    const p = parsed(headed);
    expect(p.entries?.map((e) => [e.at, e.order, p.paragraphs[e.paragraph]])).toEqual([
      ['18:05 GMT', 1, 'The civil defense institute now says 23 people have died in the landslide.'],
      ['10:40 GMT', 0, 'Officials say the death toll from the landslide has risen to 14 people.'],
    ]);
    const [a] = toArticles([p]).articles;
    expect(a?.sentences.map((s) => [s.text.slice(0, 20), s.entry?.at])).toEqual([
      ['A landslide has buri', undefined],
      ['The civil defense in', '18:05 GMT'],
      ['Officials say the de', '10:40 GMT'],
    ]);
  });

  it('reads an ordinary page with a time in it as no live blog', () => {
    const p = parsed(page('<title>Landslide kills 23</title>', '<h1>Landslide kills 23</h1><p>The civil defense institute said 23 people have died in the landslide.</p><h3>18:05 GMT</h3><p>The road into the town reopened on Tuesday morning.</p>'));
    expect(p.entries).toBeUndefined();
  });

  it('reads a JSON-LD LiveBlogPosting\'s updates with their dates instead of the page text', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Chile wildfire',
      description: 'A wildfire is burning through the hills above Valparaíso.',
      liveBlogUpdate: [
        { '@type': 'BlogPosting', datePublished: '2026-11-24T19:10:00Z', headline: 'Toll rises to eight', articleBody: 'Eight people have died in the fire, the ministry said.' },
        { '@type': 'BlogPosting', datePublished: '2026-11-24T11:05:00Z', articleBody: '<p>Two people have died in the fire, the ministry said.</p>' },
      ],
    };
    const p = parsed(page(`<title>Chile wildfire</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<h1>Chile wildfire</h1><p>Eight people have died in the fire, the ministry said.</p><p>Two people have died in the fire, the ministry said.</p>'));
    expect(p.paragraphs).toEqual([
      'A wildfire is burning through the hills above Valparaíso.',
      'Toll rises to eight',
      'Eight people have died in the fire, the ministry said.',
      'Two people have died in the fire, the ministry said.',
    ]);
    expect(p.entries).toEqual([
      { at: '2026-11-24T19:10:00Z', order: 1, paragraph: 1 },
      { at: '2026-11-24T11:05:00Z', order: 0, paragraph: 3 },
    ]);
  });

  it('packs and unpacks a sentence with its entry, and one without as before', () => {
    const sentences: Sentence[] = [
      { index: 0, paragraph: 0, text: 'Intro sentence here.' },
      { index: 1, paragraph: 1, text: 'Toll is 23 people.', entry: { at: '18:05 GMT', order: 1 } },
    ];
    expect(unpackSentences(packSentences(sentences))).toEqual(sentences);
    expect(new TextDecoder().decode(packSentences(sentences.slice(0, 1)))).toBe('[[0,"Intro sentence here."]]');
  });
});

describe('superseded figures of a live blog', () => {
  const herald = blog('b', 'Andes Herald', [
    ['18:05 GMT', 3, 'The civil defense institute now says 23 people have died.'],
    ['16:30 GMT', 2, 'The prime minister declared a 60-day state of emergency for 14 districts.'],
    ['14:50 GMT', 1, 'The death toll has risen to 19, the regional government says.'],
    ['10:40 GMT', 0, 'Officials say the death toll has risen to 14.'],
  ]);

  it('marks an older entry\'s count that a newer entry gives anew, and nothing of the newest entry nor other counts', () => {
    const stale = supersededSlots(herald);
    expect([...stale.keys()].sort()).toEqual([2, 3]);
    expect(herald.sentences[3]?.text.slice(stale.get(3)?.[0] ?? 0, (stale.get(3)?.[0] ?? 0) + 2)).toBe('14');
    // Reversed entry order: the 14 is now the newest, and it supersedes the rest.
    const reversed = { ...herald, sentences: herald.sentences.map((s) => ({ ...s, entry: { at: s.entry?.at ?? '', order: 3 - (s.entry?.order ?? 0) } })) };
    expect([...supersededSlots(reversed).keys()].sort()).toEqual([0, 2]);
    // An article without entries has none.
    expect(supersededSlots(plain('p', 'AP', ['The death toll has risen to 14.', 'The death toll has risen to 19.'])).size).toBe(0);
  });

  it('sets no superseded figure against another outlet\'s, and still the newest', () => {
    const sourceOf = new Map([['b', 'Andes Herald'], ['r', 'Reuters']]);
    const m = (article: string, sentence: number, text: string): Mention => ({ article, sentence, text });
    const stale = m('b', 3, 'Officials say the death toll has risen to 14.');
    const other = m('r', 0, 'Officials say the death toll has risen to 21.');
    expect(factConflicts({ fact: 'f', mentions: [stale, other], sourceOf }).map((c) => c.detail)).toEqual(['number: 14 (Andes Herald) vs 21 (Reuters)']);
    expect(factConflicts({ fact: 'f', mentions: [stale, other], sourceOf, updated: new Map([['b\u00003', [stale.text.indexOf('14')]]]) })).toEqual([]);
  });

  it('tells the story\'s facts: times on the blog\'s mentions, superseded ones marked, neither added nor left out', () => {
    const wire = plain('r', 'Reuters', ['The prime minister declared a 60-day state of emergency for 14 districts.', 'The civil defense institute says 21 people have died.', 'Officials say the death toll has risen to 12.']);
    const f = storyFacts('s1', [herald, wire], 0.25);
    const byText = (t: string): Mention | undefined => f.facts.flatMap((x) => x.mentions).find((x) => x.text === t);
    expect(byText('The civil defense institute now says 23 people have died.')).toMatchObject({ entry: '18:05 GMT' });
    expect(byText('The civil defense institute now says 23 people have died.')?.updated).toBeUndefined();
    expect(byText('Officials say the death toll has risen to 14.')).toMatchObject({ entry: '10:40 GMT', updated: true });
    expect(byText('The civil defense institute says 21 people have died.')?.entry).toBeUndefined();
    // The current tolls disagree; the blog's 14 (now 23) against Reuters' 12 is no conflict.
    expect(f.conflicts.map((c) => c.detail)).toEqual(['number: 23 people (Andes Herald) vs 21 people (Reuters)']);
    const adds = f.coverage.find((c) => c.article === 'b')?.adds ?? [];
    const staleOnly = f.facts.filter(supersededOnly).map((x) => x.id);
    expect(staleOnly.length).toBeGreaterThan(0);
    expect(adds.filter((id) => staleOnly.includes(id))).toEqual([]);
    expect(f.coverage.find((c) => c.article === 'r')?.omits.filter((o) => staleOnly.includes(o.fact))).toEqual([]);
  });
});

describe('the latest value of a conflict with a live blog', () => {
  const iso = (text: string, date?: string): string | undefined => {
    const t = entryTime(text, date);
    return t === undefined ? undefined : new Date(t.ms).toISOString();
  };

  it('times an entry by its JSON-LD date, or its GMT heading on the blog\'s day', () => {
    expect(iso('2026-11-24T19:10:00Z')).toBe('2026-11-24T19:10:00.000Z');
    expect(iso('18:05 GMT', '2026-11-23T08:30:00Z')).toBe('2026-11-23T18:05:00.000Z');
    // Past midnight: the next day.
    expect(iso('00:40 GMT', '2026-11-23T08:30:00Z')).toBe('2026-11-24T00:40:00.000Z');
    // A heading without a zone, or in another, and a blog without a time: unknown.
    expect(iso('18:05', '2026-11-23T08:30:00Z')).toBeUndefined();
    expect(iso('1:05 p.m. ET', '2026-11-23T08:30:00Z')).toBeUndefined();
    expect(iso('18:05 GMT', '2026-11-23')).toBeUndefined();
  });

  it('takes the blog\'s value as the latest when its entry is newer than the other article, whatever the blog\'s own date', () => {
    const conflict: Conflict = {
      kind: 'number',
      fact: 's1-f2',
      detail: 'number: 23 people (Andes Herald) vs 21 people (Reuters)',
      values: [
        { article: 'b', value: '23', unit: 'people', normalized: '23', dispute: 0 },
        { article: 'r', value: '21', unit: 'people', normalized: '21', dispute: 0 },
      ],
      mentions: [
        { article: 'b', sentence: 1, text: 'The civil defense institute now says 23 people have died.', entry: '18:05 GMT' },
        { article: 'r', sentence: 0, text: 'The civil defense institute says 21 people have died.' },
      ],
    };
    const articles = new Map([
      ['b', { id: 'b', source: 'Andes Herald', date: '2026-11-23T08:30:00Z' }],
      ['r', { id: 'r', source: 'Reuters', date: '2026-11-23T17:40:00Z' }],
    ]);
    const latest = latestValue(conflict, articles);
    expect(latest).toMatchObject({ article: 'b', value: '23', date: '18:05 GMT', published: '2026-11-23T18:05:00Z' });
    expect(latestNote({ ...conflict, ...(latest ? { latest } : {}) }, (t) => t)).toBe('latest: 23 people (Andes Herald, 2026-11-23 18:05 UTC)');
    // Without its entry, the blog is timed by its opening: Reuters' is the latest.
    const undated = { ...conflict, mentions: conflict.mentions.map(({ article, sentence, text }) => ({ article, sentence, text })) };
    expect(latestValue(undated, articles)).toMatchObject({ article: 'r', value: '21', date: '2026-11-23T17:40:00Z' });
    // With an entry that cannot be timed (a heading in ET), the blog's opening says nothing: no latest (review 29).
    const untimed = { ...conflict, mentions: conflict.mentions.map((m) => (m.entry ? { ...m, entry: '1:05 pm ET' } : m)) };
    expect(latestValue(untimed, articles)).toBeUndefined();
  });

  it('supersedes no count of another place or thing, nor by or of a figure the blog cites (review 29)', () => {
    const storm = blog('s', 'Coast Daily', [
      ['18:05 GMT', 3, 'In Wales, 12 people were rescued from flooded homes in Pontypridd, South Wales Police said.'],
      ['14:30 GMT', 2, 'In Scotland, 3 people were rescued from a stranded car near Dumfries, Police Scotland said.'],
      ['10:40 GMT', 1, 'Network Rail said 40 train services were cancelled across northern England.'],
      ['09:10 GMT', 0, 'Network Rail said 25 train services were cancelled across Scotland.'],
    ]);
    expect(supersededSlots(storm).size).toBe(0);
    // Worded alike, the same statement made again with a new figure is an update.
    const homes = blog('h', 'Coast Daily', [
      ['15:20 GMT', 1, 'More than 1,200 homes have been destroyed, the regional governor said.'],
      ['11:05 GMT', 0, 'About 400 homes have been destroyed, the regional governor said.'],
    ]);
    expect([...supersededSlots(homes).keys()]).toEqual([1]);
    const cited = blog('c', 'Coast Daily', [
      ['18:05 GMT', 1, 'Landslides buried dozens of homes in Wayanad district, killing 16 people, according to Reuters.'],
      ['10:40 GMT', 0, 'Landslides buried dozens of homes in Wayanad district, killing 19 people, the state disaster authority said.'],
    ]);
    expect(supersededSlots(cited).size).toBe(0);
    // A sentence with a stale toll and news of its own is not wholly superseded: only its toll is.
    const kerala = blog('k', 'Coast Daily', [
      ['18:05 GMT', 1, 'The floods have now killed 23 people in Kerala, the state disaster management authority said.'],
      ['10:40 GMT', 0, 'The floods have killed 9 people in Kerala and washed away the Chooralmala bridge, cutting off 4 villages, officials said.'],
    ]);
    const whole = new Set<number>();
    expect([...supersededSlots(kerala, whole).keys()]).toEqual([1]);
    expect(whole.size).toBe(0);
    const homesWhole = new Set<number>();
    supersededSlots(homes, homesWhole);
    expect([...homesWhole]).toEqual([1]);
  });
});

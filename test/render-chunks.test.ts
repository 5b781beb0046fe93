/**
 * The JSON and NDJSON renderers give their text in pieces (so a large report is never one string): the pieces
 * join to exactly the text of one JSON.stringify call with the same escaping, and no piece holds more than one
 * article or story.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonTextStream, renderJson, storyJson } from '../src/render/json.js';
import { ndjsonChunks, ndjsonLine, renderNdjson, storyArticles } from '../src/render/ndjson.js';
import { renderers, renderStream, type StorySource } from '../src/render/index.js';
import { factsShown, storyBytes, type StoryForm } from '../src/render/story-text.js';
import { partialArticles, sourceSummary, storySourceFacts } from '../src/report/sources.js';
import { terminalStoryText } from '../src/render/terminal.js';
import { packedStoryText } from '../src/parallel/story-facts.js';
import type { TextPiece } from '../src/types.js';
import type { Report, SourceFactCounts, Story } from '../src/types.js';
import { sampleReport } from './render-fixture.js';

/** The document as renderJson wrote it before it was streamed: one JSON.stringify, then the escaping. */
function wholeJson(value: unknown): string {
  const unsafe = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  return `${JSON.stringify(value, null, 2).replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const HOSTILE = '\u0000\u0007\u001b[31m\u007f\u0085\u009b\u200e\u2028\u2029\u202e\u2066\u2069 é 😀 \ud800 "q" \\ \n\t';

describe('jsonChunks', () => {
  it('joins to the one-call document for a report with hostile text, absent optional fields and nested arrays', () => {
    const report = sampleReport(HOSTILE);
    expect(report.articles.some((a) => a.date === undefined)).toBe(true);
    expect([...jsonChunks(report)].join('')).toBe(wholeJson(report));
    expect(renderJson(report)).toBe(wholeJson(report));
  });

  it('joins to the one-call document when every array is empty', () => {
    const report: Report = { ...sampleReport(), articles: [], stories: [], skipped: [], warnings: [] };
    const text = [...jsonChunks(report)].join('');
    expect(text).toBe(wholeJson(report));
    expect(text).toContain('"stories": [],\n');
  });

  it('leaves out fields that JSON.stringify leaves out, and writes null for such array entries', () => {
    const doc = { a: undefined, b: [undefined, () => 1, 2], c: {}, d: [[]], e: () => 1 };
    expect([...jsonChunks(doc)].join('')).toBe(wholeJson(doc));
    expect([...jsonChunks({})].join('')).toBe('{}\n');
  });

  it('never puts two articles or two stories in one piece', () => {
    const report = sampleReport(HOSTILE);
    const chunks = [...jsonChunks(report)];
    for (const chunk of chunks) {
      expect(chunk.split('"sourceOrigin"').length).toBeLessThanOrEqual(2);
      expect(chunk.split('"conflicts"').length).toBeLessThanOrEqual(2);
    }
    expect(chunks.length).toBeGreaterThanOrEqual(report.articles.length + report.stories.length);
  });

  it('joins to the one-call document for any JSON object (property)', () => {
    const unit = fc.constantFrom('a', 'é', '😀', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\u2067', '"', '\\', '\n');
    const value = fc.jsonValue({ stringUnit: unit, maxDepth: 4 });
    const doc = fc.dictionary(fc.string({ unit, maxLength: 4 }), fc.oneof(value, fc.array(value)));
    fc.assert(fc.property(doc, (d) => [...jsonChunks(d)].join('') === wholeJson(d)));
  });
});

describe('ndjsonChunks', () => {
  it('gives one line a piece, joined to renderNdjson', () => {
    const report = sampleReport(HOSTILE);
    const chunks = [...ndjsonChunks(report)];
    expect(chunks).toHaveLength(report.stories.length);
    for (const chunk of chunks) expect(chunk.indexOf('\n')).toBe(chunk.length - 1);
    expect(chunks.join('')).toBe(renderNdjson(report));
  });
});

/** The stories one by one, each after a turn of the event loop, as the facts stage hands them on. */
async function* arriving(stories: readonly Story[]): AsyncGenerator<Story> {
  for (const story of stories) yield await new Promise<Story>((resolve) => setImmediate(() => resolve(story)));
}

/** The pieces joined: strings as they are, bytes decoded as UTF-8 (each on its own, as a story's text is whole). */
/**
 * Text as it is written out, in UTF-8: a lone surrogate half (which the terminal view leaves as it is) becomes
 * U+FFFD, whether it was written in a string or made into bytes on a worker thread.
 */
const written = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

async function joined(pieces: AsyncIterable<TextPiece>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += typeof piece === 'string' ? written(piece) : Buffer.from(piece).toString('utf8');
  return text;
}

/** `stories` as their {@link storyJson} text, as they come. */
async function* asJson(stories: AsyncIterable<Story>): AsyncGenerator<string> {
  for await (const story of stories) yield storyJson(story);
}

/** The document of `outline` with `stories` (worked out) as they come. */
const jsonStream = (outline: Report, stories: AsyncIterable<Story>): AsyncGenerator<TextPiece> => jsonTextStream(outline, asJson(stories));

/** The NDJSON lines of `stories` (worked out) as they come, with `report`'s article entries. */
async function* ndjsonStream(report: Report, stories: AsyncIterable<Story>): AsyncGenerator<string> {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  for await (const story of stories) yield ndjsonLine(report.version, story, storyArticles(articles, story));
}

/** `report` showing only the stories `keep` keeps, its sources counted over those (as render/select.ts does). */
const showing = (report: Report, keep: (s: Story) => boolean): Report => {
  const stories = report.stories.filter(keep);
  return { ...report, stories, sources: sourceSummary({ articles: report.articles, stories }) };
};

/** A {@link StorySource} over the stories of `report`, which carry their facts. */
function heldStories(report: Report): StorySource {
  const byId = new Map(report.stories.map((s) => [s.id, s]));
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  async function* stories(wanted: readonly Story[]): AsyncGenerator<Story> {
    for (const s of wanted) yield byId.get(s.id) ?? s;
  }
  const sourceOf = new Map(report.articles.map((a) => [a.id, a.source]));
  const partial = partialArticles(report.articles);
  async function* texts(wanted: readonly Story[], form: StoryForm, onCounts?: (counts: readonly SourceFactCounts[]) => void): AsyncGenerator<Uint8Array> {
    for await (const s of stories(wanted)) {
      // As the facts workers do: the counts of a story whose facts the form shows.
      if (factsShown(form, s)) onCounts?.(storySourceFacts(s, sourceOf, partial));
      yield storyBytes(form, s, form === 'json' ? [] : storyArticles(articles, s));
    }
  }
  return { stories, texts };
}

/** {@link heldStories} of `report`, each story or text after a turn of the event loop. */
function arrivingSource(report: Report): StorySource {
  const held = heldStories(report);
  return {
    stories: (wanted) => arriving(wanted.map((s) => report.stories.find((r) => r.id === s.id) as Story)),
    async *texts(wanted, form, onCounts) {
      for await (const text of held.texts(wanted, form, onCounts)) yield await new Promise<Uint8Array>((resolve) => setImmediate(() => resolve(text)));
    },
  };
}

describe('streamed stories (jsonTextStream, renderStream)', () => {
  const outline = (report: Report): Report => ({ ...report, stories: report.stories.map((s) => ({ ...s, facts: [], conflicts: [], coverage: [], shared: [] })) });

  it('write the same text as the whole report, the stories arriving one at a time', async () => {
    const report = sampleReport(HOSTILE);
    expect(report.stories.length).toBeGreaterThan(1);
    expect(await joined(jsonStream(outline(report), arriving(report.stories)))).toBe(wholeJson(report));
    expect(await joined(ndjsonStream(outline(report), arriving(report.stories)))).toBe(renderNdjson(report));
    const options = { color: false, width: 80, matrix: true };
    for (const format of ['terminal', 'json', 'markdown', 'html', 'ndjson'] as const) {
      expect(await joined(renderStream(format, outline(report), arrivingSource(report), options))).toBe(written(renderers[format](report, options)));
    }
  });

  it('write the same text when each story comes as its JSON text in UTF-8, hostile text and all', async () => {
    const report = sampleReport(HOSTILE);
    const utf8 = new TextEncoder();
    async function* bytes(): AsyncGenerator<Uint8Array> {
      for (const story of report.stories) yield utf8.encode(storyJson(story));
    }
    const pieces: TextPiece[] = [];
    for await (const piece of jsonTextStream(outline(report), bytes())) pieces.push(piece);
    expect(pieces.some((p) => typeof p !== 'string')).toBe(true);
    expect(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8')).toBe(wholeJson(report));
    // A view of some stories, in its own order: the source gives exactly those.
    const view = { ...outline(report), stories: outline(report).stories.slice().reverse() };
    const shown = { ...report, stories: report.stories.slice().reverse() };
    expect(await joined(renderStream('json', view, heldStories(report), { color: false, width: 80, matrix: true }))).toBe(wholeJson(shown));
    expect(await joined(renderStream('ndjson', view, heldStories(report), { color: false, width: 80, matrix: true }))).toBe(renderNdjson(shown));
  });

  it('write an empty stories array when no story arrives, and one story without a comma', async () => {
    const report = sampleReport();
    const none: Report = { ...report, stories: [] };
    expect(await joined(jsonStream(outline(report), arriving([])))).toBe(wholeJson(none));
    const one: Report = { ...report, stories: report.stories.slice(0, 1) };
    expect(await joined(jsonStream(outline(report), arriving(one.stories)))).toBe(wholeJson(one));
  });

  it('ask for the next story only after the ones before it are written', async () => {
    const report = sampleReport();
    const asked: number[] = [];
    async function* counted(): AsyncGenerator<Story> {
      for (const [i, story] of report.stories.entries()) {
        asked.push(i);
        yield story;
      }
    }
    const pieces = jsonStream(outline(report), counted());
    let text = '';
    for await (const piece of pieces) {
      text += piece;
      // A story's piece is given before the story after the next one is asked for (one is held for the comma).
      const written = text.split('"conflicts"').length - 1;
      expect(asked.length).toBeLessThanOrEqual(written + 2);
    }
    expect(asked).toHaveLength(report.stories.length);
  });
});

describe('the views streamed (renderStream, story by story)', () => {
  const outline = (report: Report): Report => ({ ...report, stories: report.stories.map((s) => ({ ...s, facts: [], conflicts: [], coverage: [], shared: [] })) });
  /** `report` with every article of its first story from one source. */
  const oneSource = (report: Report): Report => {
    const first = report.stories[0] as Story;
    const ids = new Set(first.articles);
    const articles = report.articles.map((a) => (ids.has(a.id) ? { ...a, source: 'Wire' } : a));
    const stories = report.stories.map((s, i) => (i === 0 ? { ...s, sources: ['Wire'] } : s));
    return { ...report, articles, stories, sources: sourceSummary({ articles, stories }) };
  };
  const full = sampleReport(HOSTILE);
  const shapes: [string, Report][] = [
    ['stories of several articles and of one, skipped files', full],
    ['no story of one article, no skipped file (no tail)', { ...showing(full, (s) => s.articles.length > 1), skipped: [] }],
    ['only stories of one article', showing(full, (s) => s.articles.length === 1)],
    ['no story at all', { ...showing(full, () => false), skipped: [] }],
    ['a story of several articles from one source', oneSource(full)],
    ['warnings', { ...full, warnings: [{ path: 'in/bad\u202e.txt', reason: 'invalid UTF-8; bad bytes shown as \ufffd', level: 'warning' }] }],
  ];
  const views = [
    { color: true, width: 40, matrix: true },
    { color: false, width: 120, matrix: false },
  ];

  it('join to the whole view for any shape of report and any options', async () => {
    for (const [shape, report] of shapes) {
      for (const options of views) {
        for (const format of ['terminal', 'markdown', 'html'] as const) {
          expect(await joined(renderStream(format, outline(report), arrivingSource(report), options)), `${format}: ${shape} ${JSON.stringify(options)}`).toBe(written(renderers[format](report, options)));
        }
      }
    }
  });

  it('ask only for the stories of several articles, each once, in the order shown', async () => {
    const report = full;
    const asked: string[] = [];
    const held = heldStories(report);
    const source: StorySource = {
      stories: held.stories,
      texts: (wanted, form, onCounts) => {
        asked.push(...wanted.map((s) => s.id));
        return held.texts(wanted, form, onCounts);
      },
    };
    const view = { ...outline(report), stories: outline(report).stories.slice().reverse() };
    const several = view.stories.filter((s) => s.articles.length > 1).map((s) => s.id);
    for (const format of ['terminal', 'markdown', 'html'] as const) {
      asked.length = 0;
      await joined(renderStream(format, view, source, views[0] as (typeof views)[number]));
      expect(asked, format).toEqual(several);
    }
    expect(asked.length).toBeLessThan(report.stories.length);
  });

  it('work out no facts for a story they show none of (one source): its articles are never read', () => {
    const report = oneSource(sampleReport());
    const story = outline(report).stories[0] as Story;
    const articles = storyArticles(new Map(report.articles.map((a) => [a.id, a])), story);
    // Text that cannot be unpacked: working out the story's facts would throw.
    const unreadable = story.articles.map((id) => ({ id, source: 'Wire', sentenceCount: 3, text: new Uint8Array([0xff, 0x7b]) }));
    const terminal = { view: 'terminal', options: { color: false, width: 80, matrix: true } } as const;
    const text = (form: StoryForm): Uint8Array => packedStoryText({ id: story.id, articles: unreadable, form, outline: story, reportArticles: articles }, 0.25).bytes;
    expect(Buffer.from(text(terminal)).toString('utf8')).toBe(terminalStoryText(story, articles, terminal.options));
    expect(Buffer.from(text({ ...terminal, view: 'markdown' })).toString('utf8')).toContain('All articles come from one source');
    expect(Buffer.from(text({ ...terminal, view: 'html' })).toString('utf8')).toContain('All articles come from one source');
    expect(Buffer.from(text(terminal)).toString('utf8')).toContain('All articles come from one source');
    expect(() => text('json')).toThrow();
    // A story of several sources does get its facts.
    const several = sampleReport();
    const shown = outline(several).stories[0] as Story;
    expect(() => packedStoryText({ id: shown.id, articles: unreadable, form: terminal, outline: shown, reportArticles: storyArticles(new Map(several.articles.map((a) => [a.id, a])), shown) }, 0.25)).toThrow();
  });
});

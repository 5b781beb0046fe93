/**
 * Renderers by name: each is a pure function from the report to the text written to stdout. The CLI writes every
 * format in pieces instead, story by story as the facts are worked out (`renderStream`), so a large report is
 * never one string; the pieces join to exactly what the renderer gives for the whole report.
 */
import type { Report, SourceFactCounts, Story, TextPiece } from '../types.js';
import { addFactCounts, withFactCounts } from '../report/sources.js';
import { jsonTextStream, renderJson } from './json.js';
import { renderHtml, renderHtmlStream } from './html.js';
import { renderMarkdown, renderMarkdownStream } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import { CSV_HEADER, renderCsv } from './csv.js';
import type { StoryForm } from './story-text.js';
import { renderTerminal, renderTerminalStream, type RenderOptions } from './terminal.js';
import { sectionStories } from './sections.js';

export type Renderer = (report: Report, options: RenderOptions) => string;

export const renderers = {
  terminal: renderTerminal,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  ndjson: renderNdjson,
  csv: renderCsv,
} as const satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

export function isFormat(name: string): name is Format {
  return Object.hasOwn(renderers, name);
}

export type { RenderOptions, StoryForm };

/** Where the stories of a streamed report come from, with their facts, as they are asked for. */
export interface StorySource {
  /** The given stories (of the report's outline) with their facts, in the order given. */
  stories(wanted: readonly Story[]): AsyncIterable<Story>;
  /** The same stories as their text in `form` (story-text.ts), in UTF-8, in the order given. */
  texts(wanted: readonly Story[], form: StoryForm, onCounts?: (counts: readonly SourceFactCounts[]) => void): AsyncIterable<Uint8Array>;
}

/**
 * The text of `format` for `outline` with its stories taken from `source` as they come, each written as it arrives
 * and let go. The views ask only for the stories they give a section (several articles) and work out facts only for
 * those they show them for (several sources).
 */
export async function* renderStream(format: Format, outline: Report, source: StorySource, options: RenderOptions): AsyncGenerator<TextPiece> {
  // The sources' fact counts are added up as the stories come, for the parts written after them (`sources`, the table).
  const counts = new Map<string, { addedFacts: number; omittedFacts: number; conflicts: number }>();
  const onCounts = (c: readonly SourceFactCounts[]): void => addFactCounts(counts, c);
  const after = (): Report => ({ ...outline, sources: withFactCounts(outline.sources, counts) });
  if (format === 'json') return yield* jsonTextStream(outline, source.texts(outline.stories, 'json', onCounts), after);
  if (format === 'ndjson') return yield* source.texts(outline.stories, 'ndjson');
  if (format === 'csv') {
    yield CSV_HEADER;
    return yield* source.texts(outline.stories, 'csv');
  }
  const sections = source.texts(sectionStories(outline), { view: format, options }, onCounts);
  if (format === 'terminal') return yield* renderTerminalStream(outline, sections, options, after);
  if (format === 'markdown') return yield* renderMarkdownStream(outline, sections, after);
  yield* renderHtmlStream(outline, sections, after);
}

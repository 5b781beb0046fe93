/**
 * Renderers by name: each is a pure function from the report to the text written to stdout. The machine
 * formats (json, ndjson) can also give their text in pieces, so a large report is written without ever being
 * one string; `renderChunks` gives the pieces of any format (one piece for the others).
 */
import type { Report, Story } from '../types.js';
import { jsonChunks, jsonStream, renderJson } from './json.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { ndjsonChunks, ndjsonStream, renderNdjson } from './ndjson.js';
import { renderTerminal, type RenderOptions } from './terminal.js';

export type Renderer = (report: Report, options: RenderOptions) => string;

/** The same text as a `Renderer`, as pieces to be written in order. */
export type ChunkRenderer = (report: Report, options: RenderOptions) => Iterable<string>;

export const renderers = {
  terminal: renderTerminal,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  ndjson: renderNdjson,
} as const satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

const chunkRenderers: Partial<Record<Format, ChunkRenderer>> = { json: jsonChunks, ndjson: ndjsonChunks };

export function isFormat(name: string): name is Format {
  return Object.hasOwn(renderers, name);
}

/** The text of `format` in pieces whose concatenation is `renderers[format](report, options)`. */
export function renderChunks(format: Format, report: Report, options: RenderOptions): Iterable<string> {
  const chunks = chunkRenderers[format];
  return chunks ? chunks(report, options) : [renderers[format](report, options)];
}

export type { RenderOptions };

/**
 * The text of `format` for `outline` with its stories taken from `stories` as they come. json and ndjson write
 * each story as it arrives and let it go; the other formats are laid out as a whole, so they gather the stories
 * first.
 */
export async function* renderStream(format: Format, outline: Report, stories: AsyncIterable<Story>, options: RenderOptions): AsyncGenerator<string> {
  if (format === 'json') return yield* jsonStream(outline, stories);
  if (format === 'ndjson') return yield* ndjsonStream(outline, stories);
  const all: Story[] = [];
  for await (const story of stories) all.push(story);
  yield* renderChunks(format, { ...outline, stories: all }, options);
}

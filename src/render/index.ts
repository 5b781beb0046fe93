/** Renderers by name: each is a pure function from the report to the text written to stdout. */
import type { Report } from '../types.js';
import { renderJson } from './json.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import { renderTerminal, type RenderOptions } from './terminal.js';

export type Renderer = (report: Report, options: RenderOptions) => string;

export const renderers = {
  terminal: renderTerminal,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  ndjson: renderNdjson,
} as const satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

export function isFormat(name: string): name is Format {
  return Object.hasOwn(renderers, name);
}

export type { RenderOptions };

/**
 * A story's text on its own: an entry of the JSON document's `stories`, an NDJSON line, a story's CSV rows, or a story's section of
 * the terminal view, the Markdown document or the HTML page. Made wherever the story's facts are (a worker thread
 * works a story's facts out and writes its text at once, so only the text comes back); what goes around the stories
 * is written by json.ts, ndjson.ts, terminal.ts, markdown.ts and html.ts.
 */
import type { ReportArticle, Story } from '../types.js';
import { storyJson } from './json.js';
import { ndjsonLine } from './ndjson.js';
import { csvStoryRows } from './csv.js';
import { terminalStoryText, type RenderOptions } from './terminal.js';
import { showsFacts } from './sections.js';
import { markdownStoryText } from './markdown.js';
import { htmlStoryText } from './html.js';
import { utf8Bytes } from '../util/utf8.js';
import { ndjsonPieces, storyJsonPieces } from './json-pieces.js';

/** A story's section of one of the views, with the view's options (Markdown and HTML read only `matrix`). */
export interface ViewForm {
  readonly view: 'terminal' | 'markdown' | 'html';
  readonly options: RenderOptions;
}

/** The formats whose stories are written one text each. */
export type StoryForm = 'json' | 'ndjson' | 'csv' | ViewForm;

/** `articles`: the report entries of the story's articles, in story order (the JSON entry does not read them). */
export function storyText(form: StoryForm, story: Story, articles: readonly ReportArticle[]): string {
  if (form === 'json') return storyJson(story);
  if (form === 'ndjson') return ndjsonLine(1, story, articles);
  if (form === 'csv') return csvStoryRows(story, articles);
  if (form.view === 'markdown') return markdownStoryText(story, articles, form.options.matrix !== false);
  if (form.view === 'html') return htmlStoryText(story, articles, form.options.matrix !== false);
  return terminalStoryText(story, articles, form.options);
}

/**
 * Whether `form` shows any of the story's facts: the machine formats always do; the views only for a story of
 * several articles from several sources (see sections.ts).
 */
export const factsShown = (form: StoryForm, story: Story): boolean => typeof form === 'string' || showsFacts(story);

/**
 * {@link storyText} as UTF-8: what a worker thread sends back, so that this thread writes the bytes as they are
 * (no string to encode, and no large strings left for its garbage collector).
 */
export function storyBytes(form: StoryForm, story: Story, articles: readonly ReportArticle[]): Uint8Array {
  // The machine formats' text of a large story is made and encoded a piece at a time (json-pieces.ts): one string
  // of it could pass V8's limit on a string's length.
  if (form === 'json') return piecesBytes(storyJsonPieces(story));
  if (form === 'ndjson') return piecesBytes(ndjsonPieces(1, story, articles));
  return utf8Bytes(storyText(form, story, articles));
}

/** The UTF-8 bytes of the pieces joined, never joined as a string. */
function piecesBytes(pieces: Iterable<string>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const piece of pieces) parts.push(utf8Bytes(piece));
  if (parts.length === 1) return parts[0] as Uint8Array;
  return Buffer.concat(parts);
}

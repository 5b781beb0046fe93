/**
 * A story's text in a machine format, on its own: an entry of the JSON document's `stories` or an NDJSON line.
 * Made wherever the story's facts are (a worker thread works a story's facts out and writes its text at once,
 * so only the text comes back); the document around the entries is written by json.ts and ndjson.ts.
 */
import type { ReportArticle, Story } from '../types.js';
import { storyJson } from './json.js';
import { ndjsonLine } from './ndjson.js';
import { utf8Bytes } from '../util/utf8.js';

/** The formats whose stories are written one text each. */
export type StoryForm = 'json' | 'ndjson';

/** `articles`: the report entries of the story's articles, in story order (only the NDJSON line holds them). */
export function storyText(form: StoryForm, story: Story, articles: readonly ReportArticle[]): string {
  return form === 'json' ? storyJson(story) : ndjsonLine(1, story, articles);
}

/**
 * {@link storyText} as UTF-8: what a worker thread sends back, so that this thread writes the bytes as they are
 * (no string to encode, and no large strings left for its garbage collector).
 */
export function storyBytes(form: StoryForm, story: Story, articles: readonly ReportArticle[]): Uint8Array {
  return utf8Bytes(storyText(form, story, articles));
}

/**
 * The JSON document: the report as is, two-space indented. Its shape is documented in README.md and in
 * schema/report.schema.json. JSON.stringify escapes C0 control characters (ESC becomes \u001b); DEL, the C1
 * controls (U+0080–U+009F, which some terminals obey as ESC sequences), line/paragraph separators and
 * bidirectional overrides are escaped the same way here, so `--json` printed to a terminal stays inert.
 * Parsing gives back exactly the original text.
 *
 * The document is produced in pieces (`jsonChunks`): one per top-level field and one per entry of each
 * top-level array (an article, a story, a diagnostic), so no string ever holds the whole report. The pieces
 * join to exactly `JSON.stringify(report, null, 2)` with the escaping above and a final newline.
 */
import type { Report, Story, TextPiece } from '../types.js';

// Single UTF-16 code units only, so escaping each piece on its own equals escaping the joined text.
const UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` (JSON) with the characters above as `\uXXXX` escapes: what JSON.stringify leaves raw that a terminal may obey. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `value` as JSON.stringify(value, null, 2) writes it `depth` levels down: every line after the first is
 * indented by two spaces a level. JSON.stringify indents it so itself when the value is wrapped in `depth`
 * one-element arrays; the wrapping is cut off again (each level k adds "[\n" and 2k spaces before the value,
 * "\n", 2(k - 1) spaces and "]" after it), which saves a pass that re-indents every line. A value JSON cannot
 * represent (undefined, a function) is `null`, as JSON.stringify writes it in an array.
 */
export function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return escapeUnsafe(text.slice(depth * (depth + 3), text.length - depth * (depth + 1)));
}

/** The JSON text of one top-level field (`last`: no comma after it), its array entries piece by piece. */
function* fieldChunks(key: string, value: unknown, last: boolean): Generator<string> {
  const head = `  ${escapeUnsafe(JSON.stringify(key))}: `;
  const tail = last ? '\n' : ',\n';
  if (!Array.isArray(value) || value.length === 0) {
    yield `${head}${nested(value, 1)}${tail}`;
    return;
  }
  yield `${head}[\n`;
  const items: readonly unknown[] = value;
  for (const [j, item] of items.entries()) yield entry(item, j === items.length - 1);
  yield `  ]${tail}`;
}

/** One entry of a top-level array. */
const entry = (item: unknown, last: boolean): string => `    ${nested(item, 2)}${last ? '\n' : ',\n'}`;

/**
 * A story's text as an entry of the document's `stories` (without the indent before it and the comma after it):
 * what {@link jsonTextStream} is given, made on any thread.
 */
export const storyJson = (story: Story): string => nested(story, 2);

/** The fields JSON.stringify writes: it leaves out those whose value is undefined, a function or a symbol. */
export const written = (doc: object): [string, unknown][] =>
  Object.entries(doc).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');

/**
 * The report document in small pieces, in order; `[...jsonChunks(r)].join('')` is `renderJson(r)`. Any
 * plain JSON object is accepted (the tests give generated ones); top-level arrays are split entry by entry.
 */
export function* jsonChunks(report: Report | Readonly<Record<string, unknown>>): Generator<string> {
  const fields = written(report);
  if (fields.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, value]] of fields.entries()) yield* fieldChunks(key, value, i === fields.length - 1);
  yield '}\n';
}

/**
 * The document of `outline` with its `stories` taken from `stories` as they come (as their facts are worked out),
 * each written and let go before the next is asked for: the same text as `jsonChunks({ ...outline, stories: [...all
 * of them] })`. Each story is given as its {@link storyJson} text, or that text's UTF-8 bytes (made, say, on a
 * worker thread), which are passed on as they are.
 */
export async function* jsonTextStream<P extends TextPiece>(outline: Report, stories: AsyncIterable<P>, after: () => Report = () => outline): AsyncGenerator<string | P> {
  const fields = written(outline);
  yield '{\n';
  let done: Report | undefined;
  for (const [i, [key, value]] of fields.entries()) {
    const last = i === fields.length - 1;
    if (key !== 'stories') {
      // A field after the stories may hold what they added up (the sources' fact counts).
      yield* fieldChunks(key, done ? done[key as keyof Report] : value, last);
      continue;
    }
    // One story held back, so the last is known when the stories run out (it takes no comma).
    let held: P | undefined;
    for await (const story of stories) {
      if (held === undefined) yield `  "stories": [\n`;
      else yield* ['    ', held, ',\n'];
      held = story;
    }
    if (held === undefined) yield `  "stories": []${last ? '\n' : ',\n'}`;
    else yield* ['    ', held, `\n  ]${last ? '\n' : ',\n'}`];
    done = after();
  }
  yield '}\n';
}

export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

/**
 * A large story's JSON in pieces: its fields one by one and the entries of its arrays one by one, so that no string
 * holds the whole story. V8 refuses a string of more than 2^29 − 24 characters (about 512 MB: "Invalid string
 * length"); one story of thousands of articles (its facts' mentions, its copies) can come near it. The pieces join
 * to exactly the text of the story in one piece: `nested(story, 2)` (json.ts) in the document, compact
 * `JSON.stringify` on an NDJSON line. A story of fewer than {@link SPLIT_ENTRIES} entries is one piece, as before.
 */
import type { ReportArticle, Story } from '../types.js';
import { escapeUnsafe, nested, written } from './json.js';

/**
 * Entries (articles, pairs, facts, their mentions, coverage rows) at or above which a story is written in pieces:
 * a story under it is some megabytes at most, one string as cheap to make as its pieces.
 */
export const SPLIT_ENTRIES = 20_000;

/** How many entries `story` holds, as {@link SPLIT_ENTRIES} counts them. */
export function storyEntries(story: Story): number {
  let n = story.articles.length + story.copies.length + story.coverage.length + story.conflicts.length + story.facts.length;
  for (const f of story.facts) n += f.mentions.length;
  for (const g of story.copyGroups ?? []) n += g.articles.length;
  return n;
}

/** A value that is neither an empty array nor an empty object nor a scalar: one that can be split. */
const splittable = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : written(value).length > 0);

/**
 * `value` as JSON.stringify(value, null, 2) writes it `depth` levels down (as `nested` does), in pieces: split
 * `levels` levels deep, each piece below that made by `nested`.
 */
export function* indentedPieces(value: unknown, depth: number, levels: number): Generator<string> {
  if (levels <= 0 || !splittable(value)) {
    yield nested(value, depth);
    return;
  }
  const pad = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    yield '[\n';
    for (let i = 0; i < items.length; i++) {
      yield pad;
      yield* indentedPieces(items[i], depth + 1, levels - 1);
      yield i === items.length - 1 ? '\n' : ',\n';
    }
    yield `${'  '.repeat(depth)}]`;
    return;
  }
  const fields = written(value);
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, v] = fields[i] as [string, unknown];
    yield `${pad}${escapeUnsafe(JSON.stringify(key))}: `;
    yield* indentedPieces(v, depth + 1, levels - 1);
    yield i === fields.length - 1 ? '\n' : ',\n';
  }
  yield `${'  '.repeat(depth)}}`;
}

/** `value` as compact JSON.stringify writes it (escaped as json.ts does), in pieces split `levels` levels deep. */
export function* compactPieces(value: unknown, levels: number): Generator<string> {
  if (levels <= 0 || !splittable(value)) {
    // In an array, as JSON.stringify writes a value it cannot represent (undefined) there: null.
    yield escapeUnsafe(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    yield '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) yield ',';
      yield* compactPieces(items[i], levels - 1);
    }
    yield ']';
    return;
  }
  const fields = written(value);
  yield '{';
  for (let i = 0; i < fields.length; i++) {
    const [key, v] = fields[i] as [string, unknown];
    yield `${i > 0 ? ',' : ''}${escapeUnsafe(JSON.stringify(key))}:`;
    yield* compactPieces(v, levels - 1);
  }
  yield '}';
}

/** Levels a large story is split to: its fields, their entries, theirs (a fact's fields), and a fact's mentions. */
const LEVELS = 4;

/** The story's entry in the document's `stories` (see json.ts `storyJson`), in pieces when it is large. */
export function storyJsonPieces(story: Story): Generator<string> {
  return indentedPieces(story, 2, storyEntries(story) < SPLIT_ENTRIES ? 0 : LEVELS);
}

/** The story's NDJSON line (see ndjson.ts `ndjsonLine`, with its newline), in pieces when it is large. */
export function* ndjsonPieces(version: number, story: Story, articles: readonly ReportArticle[]): Generator<string> {
  yield* compactPieces({ version, story, articles }, storyEntries(story) < SPLIT_ENTRIES ? 0 : LEVELS + 1);
  yield '\n';
}

/**
 * `dedupe -`: what came on standard input. Either articles as JSON Lines (or one JSON document), or a list of
 * paths, one a line (as `find … | dedupe -` writes). Detection: if the first non-blank line starts with `{`
 * or `[`, the input is JSON; otherwise every non-blank line is a path (leading and trailing white space and a
 * trailing `\r` are removed; there is no quoting, so a path cannot start or end with white space).
 * Articles from stdin are named `<stdin>:3` (JSON Lines, line 3) or `<stdin>[2]` (JSON array, index 2).
 */
import { parseJson, parseJsonLines, type ParsedFile } from './json.js';

export const STDIN_NAME = '<stdin>';

export type StdinInput =
  | { readonly kind: 'paths'; readonly paths: readonly string[] }
  | { readonly kind: 'articles'; readonly parsed: ParsedFile }
  | { readonly kind: 'empty' };

export function readStdin(text: string): StdinInput {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split('\n').find((l) => l.trim() !== '')?.trim();
  if (first === undefined) return { kind: 'empty' };
  if (first.startsWith('{')) {
    // One pretty-printed JSON object spans many lines; JSON Lines has a whole object on its first line.
    const jsonl = parseJsonLines(STDIN_NAME, clean);
    const oneDocument = jsonl.articles.length === 0 && !isJsonLine(first);
    return { kind: 'articles', parsed: oneDocument ? parseJson(STDIN_NAME, clean) : jsonl };
  }
  if (first.startsWith('[')) return { kind: 'articles', parsed: parseJson(STDIN_NAME, clean) };
  const paths = clean.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { kind: 'paths', paths: [...new Set(paths)] };
}

function isJsonLine(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** The command line's inputs with `-` replaced by what stdin holds: more paths, or articles already parsed. */
export function expandStdin(inputs: readonly string[], stdinText: string | undefined): { paths: string[]; fromStdin?: ParsedFile } {
  const paths = inputs.filter((i) => i !== '-');
  if (paths.length === inputs.length) return { paths };
  const input = readStdin(stdinText ?? '');
  if (input.kind === 'paths') return { paths: [...paths, ...input.paths] };
  if (input.kind === 'articles') return { paths, fromStdin: input.parsed };
  return { paths, fromStdin: { articles: [], diagnostics: [{ path: STDIN_NAME, reason: 'nothing on standard input', level: 'skipped' }] } };
}

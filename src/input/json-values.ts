/**
 * JSON values one after another, as `jq '.items[]'` (without `-c`) prints them: each top-level object or array
 * pretty-printed over many lines, the next starting on a line of its own. Read a line at a time as JSON Lines are;
 * a line that is not JSON alone but starts a value that ends on a later line is read with those lines, as one
 * record named by the line it starts on (`feed.jsonl:3`, `<stdin>:3`).
 *
 * A value starts with `{` or `[` at a line's first column (pretty-printers indent everything inside a top-level
 * value) and is found by its brackets (strings and their escapes skipped); it ends on the line its brackets close,
 * and may not run into a line that starts a new value, so one broken record cannot swallow the records after it,
 * and each line is scanned a bounded number of times.
 */

/** One raw line's JSON read as a record, or undefined when blank (json.ts's `jsonLine`). */
type ReadLine<T> = (raw: string, where: string) => T | undefined;

/** A value over lines `first`..`last` (indices), its text joined with `\n`. */
export interface Span {
  readonly text: string;
  readonly last: number;
}

/** Whether a line starts a top-level value: `{` or `[` at its first column, as pretty-printers write one. */
const startsValue = (line: string): boolean => line.startsWith('{') || line.startsWith('[');

/**
 * The value starting on line `first` (with `{` or `[` at its first column) and ending on a later line, when its
 * brackets close there and nothing but white space (or one comma) follows; undefined when they do not close before the end,
 * before a line starting a new value at its first column, or before a line break inside a string. So each line is
 * scanned at most twice, whatever the input (a scan stops at the next value's start).
 */
export function spanAt(lines: readonly string[], first: number): Span | undefined {
  const head = lines[first] ?? '';
  if (!startsValue(head)) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as string;
    // A string does not go on over a line break in JSON; a new value at the first column ends this one unclosed.
    if (i > first && (inString || startsValue(line))) return undefined;
    for (let c = 0; c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (inString) {
        if (ch === 92) c++; // a backslash escapes the next character
        else if (ch === 34) inString = false;
      } else if (ch === 34) inString = true;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) {
          // A comma may follow, as when values are printed as a list's items one after another ("},").
          const after = line.slice(c + 1).trim();
          if (i === first || (after !== '' && after !== ',')) return undefined;
          return { text: [...lines.slice(first, i), line.slice(0, c + 1)].join('\n'), last: i };
        }
      }
    }
  }
  return undefined;
}

/** Whether `text` is JSON by itself. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The line (from 1) that a JSON.parse error's "at position N" in `text` falls on, `firstLine` being its first. */
export function errorLine(err: unknown, text: string, firstLine: number): number | undefined {
  const m = /at position (\d+)/.exec(err instanceof Error ? err.message : String(err));
  if (!m) return undefined;
  const upTo = text.slice(0, Number(m[1]));
  let n = firstLine;
  for (let at = upTo.indexOf('\n'); at >= 0; at = upTo.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * Each line of `lines` read by `read` as a line of JSON Lines, named `name:n`; a line that `bad` says is malformed
 * and that starts a value over several lines (see {@link spanAt}) is read with them instead, as one line named by
 * the first. A span that is not JSON, none of whose inner lines is JSON alone (one pretty-printed record that is
 * broken), is one malformed record given by `broken` (its first and last line numbers and its text); else each of
 * its lines is read alone, as before. `values`: how many records were read whole (JSON, not malformed).
 */
export function readValues<T>(name: string, lines: readonly string[], read: ReadLine<T>, bad: (r: T) => boolean, broken: (where: string, from: number, to: number, text: string) => T): { records: T[]; values: number } {
  const records: T[] = [];
  let values = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const where = `${name}:${i + 1}`;
    const r = read(raw, where);
    if (r === undefined) continue;
    const span = bad(r) ? spanAt(lines, i) : undefined;
    if (span === undefined) {
      if (!bad(r)) values++;
      records.push(r);
      continue;
    }
    const whole = read(span.text, where) as T;
    if (!bad(whole)) {
      records.push(whole);
      values++;
      i = span.last;
    } else if (!lines.slice(i + 1, span.last + 1).some((l) => l.trim() !== '' && /^\s*[{[]/.test(l) && parses(l.trim()))) {
      records.push(broken(where, i + 1, span.last + 1, span.text));
      i = span.last;
    } else records.push(r);
  }
  return { records, values };
}

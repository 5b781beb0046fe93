import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseJson, parseJsonLines } from '../src/input/json.js';
import { spanAt } from '../src/input/json-values.js';
import { readStdin } from '../src/input/stdin.js';
import { runCli } from './cli-run.js';

const records = [
  { title: 'Flood in Dhaka', text: 'Rivers rose on Monday. "Stay home", officials said {calmly}.', source: 'Wire' },
  { title: 'Fire in Porto', text: 'A warehouse burned on Tuesday.', source: 'Paper', tags: ['a', { b: '}' }] },
  { title: 'Vote in Lima', text: 'Polls closed at six.', source: 'Radio' },
];
/** As `jq '.[]'` prints them: each object over several lines, indented, one after another. */
const pretty = records.map((r) => JSON.stringify(r, null, 2)).join('\n');
const starts = [1, 1 + 5, 1 + 5 + 11]; // lines each object starts on (the second spans 11)

describe('JSON values one after another (jq without -c)', () => {
  it('finds a value by its brackets, strings with brackets and escapes skipped', () => {
    const lines = pretty.split('\n');
    expect(spanAt(lines, 0)?.last).toBe(4);
    expect(spanAt(lines, 5)?.last).toBe(15);
    expect(spanAt(lines, 1)).toBeUndefined(); // not a value's start
    // A value that does not close before a new one starts at column 0 is not a span.
    expect(spanAt(['{', '  "a": 1', '{"b": 2}'], 0)).toBeUndefined();
  });

  it('reads them from a .jsonl file, each named by its first line', () => {
    const r = parseJsonLines('day.jsonl', pretty);
    expect(r.diagnostics).toEqual([]);
    expect(r.articles.map((a) => [a.path, a.title, a.meta.source])).toEqual(records.map((x, i) => [`day.jsonl:${starts[i]}`, x.title, x.source]));
  });

  it('reads them from a .json file and from stdin, mixed with one-line records', () => {
    expect(parseJson('day.json', pretty).articles.map((a) => a.path)).toEqual(starts.map((n) => `day.json:${n}`));
    const mixed = `${JSON.stringify(records[0])}\n${JSON.stringify(records[1], null, 2)}\n${JSON.stringify(records[2])}\n`;
    const r = readStdin(`\n${mixed}`);
    expect(r.kind === 'articles' && r.parsed.articles.map((a) => a.path)).toEqual(['<stdin>:2', '<stdin>:3', '<stdin>:14']);
    // One pretty-printed object alone is still one document, named as a file is.
    const one = readStdin(JSON.stringify(records[0], null, 2));
    expect(one.kind === 'articles' && one.parsed.articles.map((a) => a.path)).toEqual(['<stdin>']);
  });

  it('reads values printed as a list\'s items, each but the last followed by a comma', () => {
    const commas = records.map((r) => JSON.stringify(r, null, 2)).join(',\n');
    const r = readStdin(commas);
    expect(r.kind === 'articles' && r.parsed.diagnostics).toEqual([]);
    expect(r.kind === 'articles' && r.parsed.articles.map((a) => a.path)).toEqual(starts.map((n) => `<stdin>:${n}`));
  });

  it('names file and lines of a broken pretty-printed record, and reads the records around it', () => {
    const broken = JSON.stringify(records[1], null, 2).replace('"source": "Paper",', '"source": "Paper"');
    const text = [JSON.stringify(records[0], null, 2), broken, JSON.stringify(records[2], null, 2)].join('\n');
    const r = parseJsonLines('day.jsonl', text);
    expect(r.articles.map((a) => a.title)).toEqual(['Flood in Dhaka', 'Vote in Lima']);
    expect(r.diagnostics).toEqual([{ path: 'day.jsonl:6', reason: expect.stringMatching(/^malformed JSON \(lines 6–16\): .* \(line 10\)$/), level: 'skipped' }]);
  });

  it('keeps a broken one-line record its own error, the lines after it read', () => {
    const text = `{"title":"A","text":"Body one.\n${JSON.stringify(records[0])}\n`;
    const r = parseJsonLines('day.jsonl', text);
    expect(r.articles.map((a) => a.path)).toEqual(['day.jsonl:2']);
    expect(r.diagnostics.map((d) => [d.path, d.reason.slice(0, 20)])).toEqual([['day.jsonl:1', 'malformed JSON line:']]);
  });

  it('a truly broken .json document is skipped with the line of its error', () => {
    const r = parseJson('x.json', '[\n{"title": "A",\n "text": "B" "x"}\n]');
    expect(r.diagnostics).toEqual([{ path: 'x.json', reason: expect.stringMatching(/^malformed JSON: .* \(line 3\)$/), level: 'skipped' }]);
  });

  it('end to end: jq-style output on stdin and in a .json file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-values-'));
    writeFileSync(path.join(dir, 'day.json'), pretty);
    const file = runCli(['day.json', '--json'], { cwd: dir });
    expect(file.stderr).toBe('');
    const paths = (out: string): string[] => JSON.parse(out).articles.map((a: { path: string }) => a.path).sort();
    expect(paths(file.stdout)).toEqual(starts.map((n) => `day.json:${n}`).sort());
    const stdin = runCli(['-', '--json'], { cwd: dir, input: pretty });
    expect(paths(stdin.stdout)).toEqual(starts.map((n) => `<stdin>:${n}`).sort());
  });
});

describe('arrays one after another', () => {
  it('each gives its records, named by the line it starts on and the index (cat a.json b.json | dedupe -)', () => {
    const a = JSON.stringify([records[0], records[1]], null, 2);
    const b = JSON.stringify([records[2]], null, 2);
    const r = readStdin(`${a}\n${b}\n`);
    const second = a.split('\n').length + 1;
    expect(r.kind === 'articles' && r.parsed.articles.map((x) => x.path)).toEqual(['<stdin>:1[0]', '<stdin>:1[1]', `<stdin>:${second}[0]`]);
    // A one-line array in JSON Lines too; an array of other things is still not a record.
    expect(parseJsonLines('f.jsonl', `${JSON.stringify([records[0]])}\n[1, 2]`).diagnostics.map((d) => [d.path, d.reason])).toEqual([['f.jsonl:2', 'not a JSON object']]);
  });
});

describe('broken input cannot make the search for values slow', () => {
  it('60,000 lines of "{", or of unterminated strings, are read in linear time, each line its own message', () => {
    for (const line of ['{', '{"title": "A', '  {', '{"a": [']) {
      const text = Array.from({ length: 60_000 }, () => line).join('\n');
      const started = performance.now();
      const r = parseJsonLines('bad.jsonl', text);
      expect(performance.now() - started, line).toBeLessThan(5000);
      expect(r.diagnostics).toHaveLength(60_000);
    }
  });

  it('a value starts at the first column only; a string does not run over a line break', () => {
    expect(spanAt(['  {', '  "a": 1', '  }'], 0)).toBeUndefined();
    expect(spanAt(['{"a": "x', 'y"}'], 0)).toBeUndefined();
  });
});

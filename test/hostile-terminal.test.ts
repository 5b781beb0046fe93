/**
 * Terminal safety through the built CLI: ANSI/OSC escape sequences, C1 controls, other control characters and
 * bidirectional overrides in article text, titles, sources, URLs and file names never reach the terminal raw;
 * in JSON they are escaped (\uXXXX) and parse back to exactly the original text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { runCli, type CliRun } from './cli-run.js';

const ESC = '\u001b';

/** Every hostile sequence, by what it would do. */
const ATTACKS = {
  clear: `${ESC}[2J${ESC}[H`,
  title: `${ESC}]0;owned${'\u0007'}`,
  link: `${ESC}]8;;https://evil.example/${ESC}\\`,
  hide: `${ESC}[8m`,
  c1: '\u009b31m', // an 8-bit CSI: some terminals obey it like ESC [
  osc8bit: '\u009d0;owned\u009c',
  bell: '\u0007',
  backspace: 'x\u0008\u0008',
  del: '\u007f',
  rlo: '\u202e', // right-to-left override: reorders what is shown
  isolate: '\u2066',
} as const;
const ALL = Object.values(ATTACKS).join('');

/** Any character that must not reach a terminal raw (newline excepted). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir = '';

const dedupe = (args: readonly string[], env?: Readonly<Record<string, string>>): CliRun => runCli(args, { cwd: dir, ...(env ? { env } : {}) });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-escape-'));
  // Two outlets telling one story (so facts, adds, omits and a conflict are all shown), both hostile.
  writeFileSync(
    path.join(dir, `tull${ATTACKS.title}.md`),
    [
      '---',
      `title: Storm floods the Orrin valley ${ATTACKS.clear}`,
      `source: Valley ${ATTACKS.c1}News${ATTACKS.rlo}`,
      `url: https://example.org/${ATTACKS.link}`,
      '---',
      `Heavy rain flooded the Orrin valley overnight on Monday and cut the rail line to Brask, officials said. ${ATTACKS.hide}`,
      `About 80 homes were evacuated as the river Orrin burst its banks near the village of Tull ${ATTACKS.bell}${ATTACKS.backspace}.`,
      `Officials posted updates at ${ATTACKS.link}the council website${ESC}]8;;${ESC}\\ during the night ${ATTACKS.osc8bit}.`,
      `Train services between Tull and Brask will stay suspended until Thursday ${ATTACKS.del}${ATTACKS.isolate}.`,
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'brask.txt'),
    [
      `Orrin valley flooded ${ALL}`,
      `Heavy rain flooded the Orrin valley overnight on Sunday and cut the rail line to Brask, officials said ${ALL}.`,
      `About 80 homes were evacuated as the river Orrin burst its banks near the village of Tull ${ALL}.`,
      `The mayor of Tull said the water rose faster than ever before ${ALL}.`,
    ].join('\n'),
  );
  writeFileSync(path.join(dir, `empty${ATTACKS.clear}.txt`), '');
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('terminal view', () => {
  it('shows no raw control character, escape sequence or bidi override on stdout or stderr', () => {
    const r = dedupe(['.']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Conflicts');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('empty\\x1b[2J\\x1b[H.txt: empty file');
  });

  it('shows the sequences escaped, so the reader can see them', () => {
    const r = dedupe(['.']);
    for (const shown of ['\\x1b[2J', '\\x1b]0;owned\\x07', '\\x1b]8;;https://evil.example/\\x1b\\', '\\x9b31m', '\\x9d0;owned\\x9c', '\\x7f', '\\u{202e}']) {
      expect(r.stdout).toContain(shown);
    }
  });

  it('with colour forced, emits only its own colour codes (SGR) and nothing else', () => {
    const r = dedupe(['.'], { FORCE_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${ESC}[`);
    // Removing the colour codes gives exactly the plain view: no hostile SGR code (e.g. ESC [8m, hidden text) got through.
    const withoutColours = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutColours).not.toMatch(RAW_CONTROL);
    expect(withoutColours).toBe(dedupe(['.']).stdout);
  });
});

describe('CSV', () => {
  it('lets no control, C1 or bidi character through, in any field', () => {
    const r = dedupe(['.', '--format', 'csv']);
    expect(r.status).toBe(0);
    // Every line break is a record's CRLF: no raw CR, LF or other control character inside a field.
    const fields = r.stdout.replace(/\r\n/g, '');
    expect(fields).not.toMatch(RAW_CONTROL);
    expect(fields).not.toMatch(/[\r\n]/);
    expect(r.stdout.split('\r\n').length).toBeGreaterThan(2);
    expect(r.stdout).toContain('\\x1b');
  });
});

describe('JSON', () => {
  it('escapes every control character, C1 and bidi character, and parses back to the original text', () => {
    const r = dedupe(['.', '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u001b[2J');
    expect(r.stdout).toContain('\\u009b31m');
    expect(r.stdout).toContain('\\u202e');
    const report = JSON.parse(r.stdout) as Report;
    const brask = report.articles.find((a) => a.path === 'brask.txt');
    expect(brask?.title).toBe(`Orrin valley flooded ${ALL}`);
    const md = report.articles.find((a) => a.path.startsWith('tull'));
    expect(md?.path).toBe(`tull${ATTACKS.title}.md`);
    expect(md?.source).toBe(`Valley ${ATTACKS.c1}News${ATTACKS.rlo}`);
    const texts = report.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions.map((m) => m.text)));
    expect(texts.some((t) => t.includes(ALL))).toBe(true);
  });
});

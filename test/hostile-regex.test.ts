/**
 * No catastrophic (or quadratic) regular-expression backtracking on adversarial text: long runs (200,000
 * characters) of one letter, dots, quotes, spaces, Markdown punctuation and digits, alone and in repeating
 * patterns, through each module that uses regular expressions, and through the whole CLI.
 *
 * Each call gets a budget of BUDGET_MS. A linear pass over 200 KB takes milliseconds; the shapes that were
 * slow before the fixes took seconds (Markdown links: ~6 s at 200 KB) or never finished (the stemmer on a
 * long consonant run, word wrapping of a 1 MB word). The budget is generous so a busy machine does not fail
 * it; it only catches super-linear behaviour.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLine } from '../src/clean/boilerplate.js';
import { callsToAct } from '../src/clean/furniture.js';
import { editorialNote, opensCorrection } from '../src/clean/notes.js';
import { isStampOrDateline, partHeadline } from '../src/clean/stamps.js';
import { sentencesOf } from '../src/clean/articles.js';
import { extractSlots } from '../src/facts/slots/index.js';
import { quotedSpans } from '../src/facts/quotes.js';
import { isLead, parseArticle, stripMarkdown } from '../src/input/parse.js';
import { copyrightHolder } from '../src/input/copyright.js';
import { creditOutlet, withoutOutletSuffix } from '../src/input/outlet.js';
import { safeText } from '../src/render/safe.js';
import { shorten, stripAnsi, wrap } from '../src/render/wrap.js';
import { splitSentences } from '../src/text/segment.js';
import { contentTerms, stem } from '../src/text/tokens.js';

const N = 200_000;
const BUDGET_MS = 2_500;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The characters of the issue (a letter, dots, quotes, spaces) and those the regexes treat specially. */
const CHARS = ['a', 'b', '.', '"', "'", '“', '’', ' ', '*', '_', '`', '[', '(', ')', '-', '0', ',', '!', '#', '\t', '\u001b'];

function shapes(): [string, string][] {
  const out: [string, string][] = [];
  for (const c of CHARS) {
    const q = JSON.stringify(c);
    out.push([`${q} × N`, c.repeat(N)]);
    out.push([`x ${q} × N y`, `x${c.repeat(N)}y`]);
    out.push([`(${q} + space) × N/2`, `${c} `.repeat(N / 2)]);
    out.push([`(${q} + "A.") × N/3`, `${c}A.`.repeat(N / 3)]);
    out.push([`By + (${q} + "Aa ")`, `By ${`${c}Aa `.repeat(N / 4)}`]);
    out.push([`1 + (${q} + "000")`, `1${`${c}000`.repeat(N / 4)}`]);
    out.push([`("![a](" + ${q})`, `![a](${c}`.repeat(N / 6)]);
    out.push([`("**[" + ${q})`, `**[${c}`.repeat(N / 4)]);
  }
  return out;
}

const SHAPES = shapes();

const MODULES: Readonly<Record<string, (s: string) => unknown>> = {
  'clean/boilerplate classifyLine': classifyLine,
  'clean/articles sentencesOf': (s) => sentencesOf([s]),
  // Under the length bounds of each kind of note, and past them; after each opening the rules look for.
  'clean/notes editorialNote': (s) =>
    ['', 'Correction: ', 'An earlier version of this story ', '(Adds ', 'Adds ', 'Updates with ', "Editor's note: ", 'This story was corrected '].flatMap((open) => [editorialNote(`${open}${s}`, 41), editorialNote(`${open}${s.slice(0, 390)}`, 40), editorialNote(`${open}${s.slice(0, 990)}`, 40)]),
  'clean/notes opensCorrection': (s) => [opensCorrection(s), opensCorrection(`(Corrects ${s}`), opensCorrection(`This story was corrected ${s}`)],
  'clean/furniture callsToAct': (s) => [callsToAct(s), callsToAct(`Follow our ${s}`), callsToAct(`Sign up ${s}`)],
  'input/parse stripMarkdown': stripMarkdown,
  'input/parse isLead': isLead,
  'input/parse parseArticle (.txt)': (s) => parseArticle({ path: 'x.txt', text: `Title\n${s}\n${s}` }),
  'input/parse parseArticle (.md)': (s) => parseArticle({ path: 'x.md', text: `---\ntitle: ${s}\n---\n# ${s}\n${s}` }),
  // The first line is read for a stamp before it is taken for the headline.
  'input/parse parseArticle (.txt, first line)': (s) => parseArticle({ path: 'x.txt', text: `${s}\nOn ${s}\nBody.` }),
  'clean/stamps isStampOrDateline': (s) => [isStampOrDateline(s), isStampOrDateline(`On ${s}`), isStampOrDateline(`A, ${s}`)],
  'clean/stamps partHeadline': (s) => [partHeadline(s), partHeadline(`1 - ${s} - 1`), partHeadline(`AA${s}MAY 1, 2016`)],
  // The slowest linear scanner (about 3 µs a character), so given the first 100,000 characters of each shape.
  'facts/slots extractSlots': (s) => extractSlots(s.slice(0, 100_000)),
  // The suffix pattern took 4.5 s on a headline of 40,000 spaces; a 200,000-space one never finished.
  'input/outlet withoutOutletSuffix': (s) => [withoutOutletSuffix(s), withoutOutletSuffix(`Headline ${s} - BBC`)],
  'input/outlet creditOutlet': (s) => [creditOutlet([s, `LONDON, ${s} (Reuters) - x`, `ELAZIG, Turkey${s}`], s), creditOutlet([`Copyright ${s}`, `© 2026 ${s} All rights reserved.`])],
  'input/copyright copyrightHolder': (s) => [copyrightHolder(`© 2026 ${s}`), copyrightHolder(`Copyright ${s.slice(0, 280)}`)],
  'facts/quotes quotedSpans': quotedSpans,
  'text/segment splitSentences': splitSentences,
  'text/tokens contentTerms': contentTerms,
  'text/tokens stem': (s) => stem(s.toLowerCase()),
  'render/wrap wrap': (s) => wrap(s, 80, '    '),
  'render/wrap shorten': (s) => shorten(s, 80),
  'render/wrap stripAnsi': stripAnsi,
  'render/safe safeText': safeText,
};

describe('each module on 200,000-character adversarial runs', () => {
  for (const [name, fn] of Object.entries(MODULES)) {
    it(`${name} stays within ${BUDGET_MS} ms per input`, () => {
      const slow: string[] = [];
      for (const [shape, text] of SHAPES) {
        const t = performance.now();
        fn(text);
        const ms = performance.now() - t;
        if (ms > BUDGET_MS) slow.push(`${shape}: ${Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    }, 300_000);
  }
});

describe('the whole CLI on files made of long runs', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-runs-'));
    const lead = 'Storm floods the Orrin valley\nHeavy rain flooded the Orrin valley overnight and cut the rail line to Brask, officials said.\n';
    const runs: Record<string, string> = {
      letters: 'a'.repeat(N),
      consonants: `There were ${'b'.repeat(N)} deaths.`,
      dots: '.'.repeat(N),
      quotes: '"'.repeat(N),
      apostrophes: "'".repeat(N),
      spaces: `x${' '.repeat(N)}y.`,
      zeros: `There were 1${'0'.repeat(N)} deaths.`,
      links: '[a](b'.repeat(N / 5),
      emphasis: '**[_'.repeat(N / 4),
      sentences: 'He said. '.repeat(N / 9),
      word: `The word ${'x'.repeat(1024 * 1024)} is long.`,
    };
    for (const [name, text] of Object.entries(runs)) {
      writeFileSync(path.join(dir, `${name}.txt`), `${lead}${text}\n`);
      if (name !== 'word') writeFileSync(path.join(dir, `${name}.md`), `# ${text}\n${lead}${text}\n`);
    }
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['terminal', 'json', 'markdown']) {
    it(`finishes on every file in the ${format} format`, () => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), '.', '--format', format], { cwd: dir, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }, 90_000);
  }
});

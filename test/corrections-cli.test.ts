/**
 * End to end (review 27 #3 and #11), on test/fixtures/corrections: AP's write-through that ends with a correction,
 * a Reuters "CORRECTED-UPDATE 3" text with revision notes and four corrections (one that says "said"), and a live blog
 * whose lead paragraph ends "Follow our live coverage below.". No correction, revision note or call to act is a
 * fact; each article's corrections are in its JSON entry and shown next to it in every view.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli-run.js';
import { validate, type Json, type Schema } from './json-schema.js';

interface JsonReport {
  readonly articles: readonly { readonly id: string; readonly path: string; readonly source: string; readonly corrections?: readonly string[]; readonly dropped: readonly { readonly text: string; readonly reason: string }[] }[];
  readonly stories: readonly { readonly facts: readonly { readonly id: string; readonly mentions: readonly { readonly article: string; readonly text: string }[] }[] }[];
}

const FIXTURES = 'test/fixtures/corrections';
const AP_CORRECTION = "An earlier version of this story misstated the mayor's first name. He is Julio Huamán, not Carlos Huamán.";
const REUTERS_CORRECTIONS = [
  "(Corrects mayor's first name in paragraph 3 to Julio from Carlos)",
  'Correction: A previous version of this article gave the wrong first name for the mayor of Chaglla.',
  "This story has been corrected to show that the mayor's name is Julio Huamán.",
  'CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.',
];
const REVISIONS = [
  'Adds new death toll, emergency declaration in paragraphs 1 and 4; updates missing in paragraph 3.',
  'Recasts with government declaration, adds quotes from prime minister.',
  'Updates with latest figures from civil defense institute.',
];

function run(args: readonly string[]): string {
  const r = runCli([FIXTURES, '--single-story', ...args, '-q']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

let doc: JsonReport;
const byFile = (name: string): JsonReport['articles'][number] => {
  const a = doc.articles.find((x) => path.basename(x.path) === name);
  if (!a) throw new Error(`no article ${name}`);
  return a;
};

beforeAll(() => {
  doc = JSON.parse(run(['--json'])) as JsonReport;
});

describe('corrections and revision notes, end to end (review 27 #3)', () => {
  it("lists each article's corrections as it writes them, and drops the revision notes with their reason", () => {
    expect(byFile('ap.txt').corrections).toEqual([AP_CORRECTION]);
    expect(byFile('reuters_corrected.txt').corrections).toEqual(REUTERS_CORRECTIONS);
    expect(byFile('liveblog.html').corrections).toBeUndefined();
    expect(byFile('reuters_corrected.txt').dropped.filter((d) => d.reason === 'revision').map((d) => d.text)).toEqual(REVISIONS);
    expect(byFile('reuters_corrected.txt').dropped.filter((d) => d.reason === 'correction').map((d) => d.text)).toEqual(REUTERS_CORRECTIONS);
  });

  it('makes no fact of a correction, a revision note or its parts, and no source of 41 homes but AP', () => {
    const mentions = doc.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions));
    for (const text of [...REVISIONS, ...REUTERS_CORRECTIONS, AP_CORRECTION, 'The institute said 38.', 'He is Julio Huamán, not Carlos Huamán.']) {
      expect(mentions.filter((m) => m.text.includes(text) || text.includes(m.text))).toEqual([]);
    }
    const homes = doc.stories.flatMap((s) => s.facts).filter((f) => f.mentions.some((m) => m.text.includes('41 homes')));
    expect(homes).toHaveLength(1);
    expect(homes[0]?.mentions.map((m) => m.article)).toEqual([byFile('ap.txt').id]);
  });

  it('validates against the schema', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, doc as unknown as Json)).toEqual([]);
  });

  it('shows the corrections under their article in the terminal view, and in the Markdown and HTML views', () => {
    const lines = run(['--width', '200', '--no-matrix']).split('\n');
    const reuters = lines.findIndex((l) => /^ {4}[A-C] Reuters /.test(l));
    const label = lines[reuters]?.trim().slice(0, 1);
    expect(lines.slice(reuters + 1, reuters + 5)).toEqual([
      `      ${label} correction: Corrects mayor's first name in paragraph 3 to Julio from Carlos`,
      `      ${label} correction: A previous version of this article gave the wrong first name for the mayor of Chaglla.`,
      `      ${label} correction: This story has been corrected to show that the mayor's name is Julio Huamán.`,
      `      ${label} correction: An earlier version of this report said 41 homes were destroyed. The institute said 38.`,
    ]);
    expect(run(['--format', 'markdown'])).toMatch(/\n- \*\*[A-C]\*\* correction: An earlier version of this story misstated the mayor's first name\. He is Julio Huamán, not Carlos Huamán\.\n/);
    expect(run(['--format', 'html'])).toMatch(/<ul class="corrections">(<li><strong>[A-C]<\/strong> correction: [^<]*<\/li>){5}<\/ul>/);
  });
});

describe('a live blog’s furniture, end to end (review 27 #11)', () => {
  it('drops "Follow our live coverage below." as a promo and keeps the rest of its paragraph', () => {
    const blog = byFile('liveblog.html');
    expect(blog.dropped).toContainEqual({ text: 'Follow our live coverage below.', reason: 'promo' });
    const mentions = doc.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions)).filter((m) => m.article === blog.id);
    expect(mentions.map((m) => m.text)).toContain("A landslide has buried homes in the town of Chaglla in Peru's Huánuco region.");
    expect(mentions.some((m) => m.text.includes('Follow our live coverage'))).toBe(false);
  });
});

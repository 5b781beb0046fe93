/**
 * A folder of many republished copies of one text (scripts/copies-folder.mjs): 80 copies of one wire text and 6 of
 * another. The built CLI's JSON lists copy groups, bounds the pair list of the large group to a spanning tree,
 * validates against the schema, and the views sum the copies up instead of a line each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyGroup, Report, Story } from '../src/types.js';
import { MAX_LISTED_GROUP } from '../src/cluster/near-duplicates.js';
import { SHOWN_COPIES } from '../src/render/copy-notes.js';
import { UnionFind } from '../src/util/union-find.js';
import { runCli, ROOT } from './cli-run.js';
import { validate, type Json, type Schema } from './json-schema.js';

const BIG = 80;
const SMALL = 6;
let dir: string;
let report: Report;

function dedupe(...args: string[]): string {
  const r = runCli([dir, '-q', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-copies-'));
  const made = spawnSync(process.execPath, [path.join(ROOT, 'scripts/copies-folder.mjs'), dir, `${BIG},${SMALL}`], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  report = JSON.parse(dedupe('--json')) as Report;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The copy groups of the report, each with its story, largest first. */
function groups(): { story: Story; group: CopyGroup }[] {
  return report.stories.flatMap((story) => (story.copyGroups ?? []).map((group) => ({ story, group }))).sort((x, y) => y.group.articles.length - x.group.articles.length);
}

/** The pairs of `story.copies` between articles of `group`. */
const pairsOf = (story: Story, group: CopyGroup) => story.copies.filter((p) => group.articles.includes(p.a) && group.articles.includes(p.b));

describe('a folder of many copies of one text', () => {
  it("groups each text's copies, every article in a group", () => {
    expect(groups().map(({ group }) => [group.articles.length, group.allPairs])).toEqual([[BIG, false], [SMALL, true]]);
    expect(groups().flatMap(({ group }) => group.articles).sort()).toEqual(report.articles.map((a) => a.id).sort());
    for (const { story, group } of groups()) expect(group.articles).toEqual(story.articles.filter((id) => group.articles.includes(id)));
  });

  it('lists a spanning tree of the large group (connected, n − 1 pairs) and every pair of the small one', () => {
    const [big, small] = groups();
    if (!big || !small) throw new Error('two groups expected');
    expect(big.story.copiesComplete).toBe(false);
    const tree = pairsOf(big.story, big.group);
    expect(tree.length).toBe(BIG - 1);
    const at = new Map(big.group.articles.map((id, i) => [id, i]));
    const sets = new UnionFind(BIG);
    for (const p of tree) expect(sets.union(at.get(p.a) ?? -1, at.get(p.b) ?? -1)).toBe(true); // no pair closes a cycle
    expect(sets.sizeOf(0)).toBe(BIG);
    expect(SMALL).toBeLessThanOrEqual(MAX_LISTED_GROUP);
    expect(pairsOf(small.story, small.group).length).toBe((SMALL * (SMALL - 1)) / 2);
    for (const { story, group } of groups()) {
      const pairs = pairsOf(story, group);
      expect(group.pairs).toBe(pairs.length);
      expect(group.minJaccard).toBe(Math.min(...pairs.map((p) => p.jaccard)));
      expect(group.maxJaccard).toBe(Math.max(...pairs.map((p) => p.jaccard)));
      expect(group.minJaccard).toBeGreaterThanOrEqual(report.options.duplicateThreshold);
    }
    const listed = report.stories.reduce((n, st) => n + st.copies.length, 0);
    expect(listed).toBe(BIG - 1 + (SMALL * (SMALL - 1)) / 2);
  });

  it('takes no two copies of the large group for a partial copy, and counts every copy as a near-duplicate of another source', () => {
    expect(report.stories.flatMap((s) => s.partialCopies ?? [])).toEqual([]);
    expect(report.sources.map((s) => s.nearDuplicates)).toEqual(report.sources.map(() => 1));
  });

  it('validates against the schema', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, report as unknown as Json)).toEqual([]);
  });

  it('sums the large group up in the terminal view: a few copies by name, then one line for the rest', () => {
    const out = dedupe('--no-matrix');
    const listing = out.slice(0, out.indexOf('\n\n', out.indexOf('s1  ')));
    expect(listing).toContain(`first of ${BIG} copies of this text`);
    expect(listing.match(new RegExp(`near-duplicate of [A-Z]+ \\(and ${BIG - 2} more copies of this text\\)`, 'g'))).toHaveLength(SHOWN_COPIES);
    expect(listing.match(new RegExp(`and ${BIG - 1 - SHOWN_COPIES} more copies of [A-Z]+'s text \\(all in the JSON report\\)`, 'g'))).toHaveLength(1);
    // The articles listed by name: the large group's first and SHOWN_COPIES more, and the small group's, not one a copy.
    expect(listing.split('\n').filter((l) => /^ {4}[A-Z]+ outlet-/.test(l))).toHaveLength(1 + SHOWN_COPIES + SMALL);
    expect(listing.split('\n').length).toBeLessThan(40);
    expect(out).toContain(`${BIG} copies of 1 text (not every pair listed)`);
  });

  it('shows each fact once for the copies that word it alike, and one "Only" section a text, not one a copy', () => {
    const sources = BIG + SMALL;
    const out = dedupe('--no-matrix', '--width', '100');
    // Every copy words the headline fact alike but for its 1–3 changed words: far fewer lines than one a copy.
    expect(out.split('\n').length).toBeLessThan(sources * 8);
    expect(out).toMatch(/^ {4}= {2}1 [A-Z]+, [A-Z]+, [A-Z]+, [A-Z]+ and [\d,]+ more: /m);
    // Two texts, two voices (facts/voices.ts): what one text alone tells, the other's copies leave out, said once.
    const only = out.match(/^ {2}Only .*$/gm) ?? [];
    expect(only).toHaveLength(2);
    expect(only[0]).toMatch(new RegExp(`^  Only A \\(outlet-1-0001\\) and its near-duplicates B, C, D, E and ${BIG - 5} more report \\(\\d+; [A-Z]+, `));
    expect(out.replace(/\n +/g, ' ')).toMatch(new RegExp(`report \\(\\d+; [A-Z]+, [A-Z]+, [A-Z]+, [A-Z]+ and ${SMALL - 4} more leave them out\\)`));
    expect(out).not.toMatch(/ leaves out \(\d+\)$/m);
    const markdown = dedupe('--format', 'markdown');
    expect(markdown.match(/^### Only .*$/gm)).toHaveLength(2);
    expect(markdown).not.toMatch(/^### .* leaves out \(\d+\)$/m);
  });

  it('with the copies not marked (--duplicate-threshold 1 --partial-threshold 1), shows at most 40 per-source sections, saying how many it leaves out', () => {
    const sources = BIG + SMALL;
    // Not near-duplicates, nor excerpts of each other (1–3 changed words keep each under containment 1).
    const unmarked = ['--duplicate-threshold', '1', '--partial-threshold', '1'];
    const out = dedupe('--no-matrix', '--width', '100', ...unmarked);
    expect(out).toContain('0 near-duplicate pairs');
    expect(out).not.toContain('excerpt');
    // Only the articles that leave out a fact a third of the others report get a section: the small group's.
    expect(out.match(/^ {2}\S.* leaves out \(\d+\)$/gm)).toHaveLength(SMALL);
    expect(out).toContain(`${BIG} articles leave out nothing a third of the others report`);
    expect(out).toContain(`${sources} sources report nothing no other source reports`);
    expect(out).not.toMatch(/^ {2}Only /m);
    const markdown = dedupe('--format', 'markdown', ...unmarked);
    expect(markdown.match(/^### .* leaves out \(\d+\)$/gm)).toHaveLength(SMALL);
    expect(markdown).toContain(`_${BIG} sources leave out nothing a third of the others report_`);
  });

  it('with the copies taken for excerpts of each other (--duplicate-threshold 1), counts each text once and shows at most 40 excerpts\' sections', () => {
    const report = JSON.parse(dedupe('--json', '--duplicate-threshold', '1')) as { stories: Story[] };
    const story = report.stories[0] as Story;
    // Every copy but the first of each text is an excerpt of another (containment ≥ 0.8): two voices, as when marked.
    expect(story.partialCopies).toHaveLength(BIG + SMALL - 2);
    expect(story.independentSources).toBe(2);
    const out = dedupe('--no-matrix', '--width', '100', '--duplicate-threshold', '1');
    expect(out.match(/^ {2}Only .*$/gm)).toHaveLength(2);
    // An excerpt's source keeps its "leaves out" section in a story of two voices (what it cut): 40 at most.
    expect(out.match(/^ {2}\S.* leaves out \(\d+\)$/gm)).toHaveLength(40);
    expect(out).toContain(`${BIG + SMALL - 2 - 40} more articles not shown`);
  });

  it('shows the page\'s first 40 sources and articles', () => {
    const sources = BIG + SMALL;
    // The page: 40 matrix columns and 40 articles' texts.
    const html = dedupe('--format', 'html');
    const matrix = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));
    expect(matrix.slice(0, matrix.indexOf('</thead>')).match(/<th scope="col" class="col/g)).toHaveLength(40);
    expect(html).toContain(`${sources - 40} more sources not shown`);
    expect(html.match(/<article class="source-text"/g)).toHaveLength(40);
    expect(html).toContain(`${sources - 40} more articles not shown`);
  });

  it('gives each copy of the large group its first article in the CSV near_duplicate_of column, and NDJSON lines that parse', () => {
    const rows = dedupe('--format', 'csv').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const cell = new Map(rows.map((r) => [r[4], r[11]]));
    const [big, small] = groups();
    const [first, second] = big?.group.articles ?? [];
    for (const id of big?.group.articles ?? []) expect(cell.get(id)).toBe(id === first ? second : first);
    for (const id of small?.group.articles ?? []) expect(cell.get(id)?.split(' ').sort()).toEqual(small?.group.articles.filter((x) => x !== id).sort());
    const lines = dedupe('--format', 'ndjson').trim().split('\n').map((l) => JSON.parse(l) as { story: Story });
    expect(lines.map((l) => l.story.copyGroups)).toEqual(report.stories.map((s) => s.copyGroups));
  });
});

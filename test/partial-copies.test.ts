/**
 * Partial copies (cluster/partial-copies.ts): unit tests on literal shingle sets, a property against the
 * all-pairs containment, and the built CLI on test/fixtures/partial (a wire story, its first 40% republished
 * word for word, and a report of its own that quotes one sentence of it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_PART_SHINGLES, partialCopiesInStory, toPartialCopies } from '../src/cluster/partial-copies.js';
import { sharedCount } from '../src/fingerprint/articles.js';
import { SKETCH_SIZE, sketchContainment, sketchOf } from '../src/fingerprint/sketch.js';
import type { Report, Story } from '../src/types.js';
import { validate, type Json, type Schema } from './json-schema.js';
import { runCli, type CliRun, ROOT } from './cli-run.js';

/** A sorted set of distinct hashes: `count` values from `from`, spread over 32 bits as mixed shingle hashes are. */
function hashes(from: number, count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, i) => (Math.imul(from + i, 0x9e3779b1) >>> 0)).sort();
}
const union = (...sets: Uint32Array[]): Uint32Array => Uint32Array.from(new Set(sets.flatMap((s) => [...s]))).sort();
const noCopies = (): boolean => false;

/** The partial copies of articles with these shingle sets, all one story, ids `a0`, `a1`, … */
function find(sets: readonly Uint32Array[], threshold = 0.8, isCopy: (a: number, b: number) => boolean = noCopies) {
  return findCounting(sets, threshold, isCopy).found;
}

/** {@link find}, and how many shingle sets it asked for. */
function findCounting(sets: readonly Uint32Array[], threshold = 0.8, isCopy: (a: number, b: number) => boolean = noCopies) {
  const sketches = sets.map((s) => sketchOf(s.slice()));
  let asked = 0;
  const sources = { sketchOf: (i: number) => sketches[i] as ReturnType<typeof sketchOf>, setOf: (i: number) => (asked++, sets[i] as Uint32Array), idOf: (i: number) => `a${i}` };
  const found = partialCopiesInStory(
    sets.map((_, i) => i),
    sources,
    { threshold, isCopy },
  );
  return { found, asked };
}

describe('containment sketches', () => {
  it('keep the smallest distinct hashes, sorted, and count the distinct ones', () => {
    const s = sketchOf(Uint32Array.from([9, 3, 3, 7, 1, 9]), 3);
    expect([...s.hashes]).toEqual([1, 3, 7]);
    expect(s.size).toBe(4);
  });

  it('sample a part wholly inside a whole as wholly inside, and are exact when they hold whole sets', () => {
    const whole = sketchOf(hashes(0, 500));
    const cut = sketchOf(hashes(0, 200));
    const { samples, hits } = sketchContainment(cut, whole);
    expect(samples).toBeGreaterThan(0);
    expect(hits).toBe(samples);
    expect(sketchContainment(sketchOf(hashes(0, 20)), sketchOf(union(hashes(10, 10), hashes(500, 10))))).toEqual({ samples: 20, hits: 10 });
    expect(sketchContainment(sketchOf(hashes(0, 300)), sketchOf(hashes(10_000, 300))).hits).toBe(0);
  });
});

describe('partialCopiesInStory', () => {
  const whole = hashes(0, 500);
  const cut = hashes(0, 200); // its first 40%, word for word

  it('finds a verbatim excerpt, with its exact containment and Jaccard', () => {
    expect(find([whole, cut])).toEqual([{ part: 1, whole: 0, containment: 1, jaccard: 200 / 500 }]);
  });

  it('takes a part whose shingles are the whole’s for at least the threshold, and no less', () => {
    const edited = union(hashes(0, 160), hashes(10_000, 40)); // 160 of 200 shingles in the whole: 0.8
    expect(find([whole, edited], 0.8)).toEqual([{ part: 1, whole: 0, containment: 0.8, jaccard: 160 / 540 }]);
    expect(find([whole, edited], 0.81)).toEqual([]);
    const less = union(hashes(0, 100), hashes(10_000, 100)); // half of it
    expect(find([whole, less], 0.8)).toEqual([]);
  });

  it('leaves out a part of fewer than MIN_PART_SHINGLES shingles: a shared quote is not a copy', () => {
    expect(find([whole, hashes(0, MIN_PART_SHINGLES - 1)])).toEqual([]);
    expect(find([whole, hashes(0, MIN_PART_SHINGLES)])).toHaveLength(1);
  });

  it('leaves out a pair that is already a near-duplicate', () => {
    const longCut = hashes(0, 300);
    expect(find([whole, longCut], 0.8, (a, b) => Math.min(a, b) === 0 && Math.max(a, b) === 1)).toEqual([]);
    // Not a near-duplicate (MinHash did not propose it, say): a partial copy, whatever its Jaccard.
    expect(find([whole, longCut])).toEqual([{ part: 1, whole: 0, containment: 1, jaccard: 0.6 }]);
  });

  it('gives each part one whole: the one holding most of it, then the longest, then the smallest id', () => {
    const shorter = hashes(0, 300);
    const edited = union(hashes(0, 450), hashes(20_000, 50)); // holds all of `cut`, but is no longer than `whole`
    // All three hold the whole cut; `whole` and `edited` are the longest; `whole` (a0) has the smaller id.
    expect(find([whole, cut, shorter, edited]).find((p) => p.part === 1)?.whole).toBe(0);
    expect(find([edited, cut, shorter, whole]).find((p) => p.part === 1)?.whole).toBe(0);
    // A whole that holds more of the part wins over a longer one that holds less.
    const drifted = union(hashes(0, 180), hashes(30_000, 800));
    const partOf = (sets: Uint32Array[]) => find(sets).find((p) => p.part === 0)?.whole;
    expect(partOf([cut, drifted, shorter])).toBe(2);
  });

  it('looks at two texts of one size one way only', () => {
    const a = union(hashes(0, 90), hashes(40_000, 10));
    const b = union(hashes(0, 90), hashes(50_000, 10));
    expect(find([a, b], 0.9)).toEqual([{ part: 1, whole: 0, containment: 0.9, jaccard: 90 / 110 }]);
  });

  it('checks its threshold', () => {
    expect(() => find([whole, cut], 0)).toThrow(/threshold must be in \(0, 1\]/);
    expect(() => find([whole, cut], 1.5)).toThrow(/threshold must be in \(0, 1\]/);
  });

  it('rounds the measures to 3 decimals and names the articles by id', () => {
    expect(toPartialCopies([{ part: 1, whole: 0, containment: 0.83333, jaccard: 2 / 7 }], ['x', 'y'])).toEqual([{ part: 'y', whole: 'x', containment: 0.833, jaccard: 0.286 }]);
  });

  it('finds every verbatim excerpt the all-pairs comparison finds, and only true partial copies', () => {
    // Texts made of runs of a few shared "paragraphs", so that some are cut from others and many share a little.
    const paragraphs = Array.from({ length: 12 }, (_, k) => hashes(k * 1000, 15 + k * 7));
    const text = fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 6 }).map((ks) => union(...ks.map((k) => paragraphs[k] as Uint32Array)));
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 9 }), (sets) => {
        const found = find(sets);
        for (const p of found) {
          const part = sets[p.part] as Uint32Array;
          const w = sets[p.whole] as Uint32Array;
          expect(part.length).toBeGreaterThanOrEqual(MIN_PART_SHINGLES);
          expect(part.length).toBeLessThanOrEqual(w.length);
          expect(p.containment).toBe(sharedCount(part, w) / part.length);
          expect(p.containment).toBeGreaterThanOrEqual(0.8);
        }
        // A text wholly inside a longer one (containment 1: every sketch entry found) is never lost.
        sets.forEach((part, i) => {
          const inside = sets.some((w, j) => j !== i && w.length > part.length && sharedCount(part, w) === part.length);
          if (inside && part.length >= MIN_PART_SHINGLES) expect(found.find((p) => p.part === i)?.containment).toBe(1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('makes the shingle sets only of pairs the sketches leave in doubt', () => {
    const unrelated = Array.from({ length: 6 }, (_, k) => hashes(100_000 * (k + 1), 200 + k));
    expect(findCounting([whole, cut, ...unrelated]).asked).toBe(2);
  });

  it('leaves a story of unrelated texts alone: no shingle set made', () => {
    const unrelated = Array.from({ length: 300 }, (_, k) => hashes(1_000_000 + k * 1000, 200 + (k % 60)));
    expect(findCounting(unrelated)).toEqual({ found: [], asked: 0 });
  });

  it('checks exactly a part too short beside its whole for the sketches to sample it', () => {
    const long = hashes(0, 40_000);
    const brief = hashes(20_000, 25);
    expect(sketchContainment(sketchOf(brief.slice()), sketchOf(long.slice())).samples).toBe(0);
    expect(find([long, brief])).toEqual([{ part: 1, whole: 0, containment: 1, jaccard: 25 / 40_000 }]);
  });

  it('samples at most SKETCH_SIZE shingles of a part, so a part found from them may still be rejected exactly', () => {
    // The part's sketch (its smallest hashes) lies wholly in the whole, the rest of it does not.
    const part = hashes(0, 100);
    const sketch = part.subarray(0, SKETCH_SIZE);
    const w = union(sketch, hashes(60_000, 400));
    expect(find([w, part])).toEqual([]);
  });
});

const FIXTURE = 'test/fixtures/partial';

const dedupe = (args: readonly string[]): CliRun => runCli(args);

describe('partial copies in the report', () => {
  let report: Report;
  let story: Story;
  const idOf = (file: string): string => report.articles.find((a) => a.path.endsWith(file))?.id ?? '';
  beforeAll(() => {
    report = JSON.parse(dedupe([FIXTURE, '--json']).stdout) as Report;
    story = report.stories[0] as Story;
  });

  it('reports the cut wire copy as part of the wire story, and not the report that quotes it', () => {
    expect(report.stories).toHaveLength(1);
    expect(story.copies).toEqual([]);
    expect(story.partialCopies).toEqual([{ part: idOf('harbour-daily.txt'), whole: idOf('wire-original.txt'), containment: 1, jaccard: 0.402 }]);
    expect(report.options.partialThreshold).toBe(0.8);
  });

  it('validates against the schema, and has no partialCopies field where there are none', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, report as unknown as Json)).toEqual([]);
    const other = JSON.parse(dedupe(['test/fixtures/copies', '--json']).stdout) as Report;
    expect(other.stories.every((s) => !('partialCopies' in s))).toBe(true);
  });

  it('shows it in the terminal, Markdown and HTML views, apart from near-duplicates', () => {
    const note = 'excerpt of C (100% of its text word for word; C is 2.5× as long)';
    const terminal = dedupe([FIXTURE, '--width', '200']).stdout;
    expect(terminal).toContain('0 near-duplicate pairs · 1 excerpt');
    expect(terminal).toContain(`A harbour-daily test/fixtures/partial/harbour-daily.txt ${note}\n`);
    expect(dedupe([FIXTURE, '--format', 'markdown']).stdout).toContain(`harbour-daily (${note})`);
    expect(dedupe([FIXTURE, '--format', 'html']).stdout).toContain(`harbour-daily <span class="muted">${note}</span>`);
  });

  it('takes --partial-threshold, in (0, 1]', () => {
    const strict = JSON.parse(dedupe([FIXTURE, '--json', '--partial-threshold', '1']).stdout) as Report;
    expect(strict.stories[0]?.partialCopies).toHaveLength(1);
    expect(strict.options.partialThreshold).toBe(1);
    const r = dedupe([FIXTURE, '--partial-threshold', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--partial-threshold must be a number in (0, 1]');
  });

  it('explain says whether the run took the pair for a partial copy, with the containment', () => {
    const pair = [`${FIXTURE}/harbour-daily.txt`, `${FIXTURE}/wire-original.txt`, '--context', `${FIXTURE}/island-post.txt`];
    const e = JSON.parse(dedupe(['explain', ...pair, '--json']).stdout) as { containment: number; partialThreshold: number; partialCopy: boolean; nearDuplicate: boolean };
    expect(e).toMatchObject({ containment: 1, partialThreshold: 0.8, partialCopy: true, nearDuplicate: false });
    expect(dedupe(['explain', ...pair, '--width', '200']).stdout).toContain("Partial copy? yes: 1.000 of the shorter text's word shingles are in the other, ≥ partial threshold 0.8");
    // A report of its own that quotes one sentence of the wire story.
    const quoted = JSON.parse(dedupe(['explain', `${FIXTURE}/island-post.txt`, `${FIXTURE}/wire-original.txt`, '--json']).stdout) as { containment: number; partialCopy: boolean };
    expect(quoted.partialCopy).toBe(false);
    expect(quoted.containment).toBeLessThan(0.3);
  });

  it('is the same report for every --jobs', () => {
    const run = (jobs: string): string => runCli([FIXTURE, 'test/fixtures/copies', 'seeds/', '--json', '--jobs', jobs], { env: { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.001' } }).stdout;
    const one = run('1');
    expect(JSON.parse(one).stories.some((s: Story) => s.partialCopies !== undefined)).toBe(true);
    expect(run('4')).toBe(one);
  });
});

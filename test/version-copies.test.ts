/**
 * A copy of an outlet's earlier version is a copy of the outlet's kept article (cluster/version-copies.ts): Yahoo
 * News running Reuters' `UPDATE 1-` word for word, once `UPDATE 2-` replaced it, is in Reuters' copy group and voice,
 * marked `ofVersion`, with its similarity to the version it copies. Unit tests on literal texts, then the built CLI on
 * test/fixtures/version-copies (Reuters UPDATE 1 and UPDATE 2 behind one URL, Yahoo's copy of UPDATE 1, AP's own
 * story of the same landslide).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withVersionCopies, type VersionPrint } from '../src/cluster/version-copies.js';
import { nearDuplicates, type CopySearch } from '../src/cluster/near-duplicates.js';
import { exactJaccard, shingleSet, signatureOfTexts } from '../src/fingerprint/articles.js';
import { MinHasher } from '../src/fingerprint/minhash.js';
import { versionSlug } from '../src/clean/versions.js';
import { copyNotes, copyNoteText } from '../src/render/copy-notes.js';
import { ArticleIntake } from '../src/clean/articles.js';
import { unpackSentences } from '../src/clean/packed.js';
import type { ParsedArticle, Story } from '../src/types.js';
import { validate, type Schema } from './json-schema.js';
import { ROOT, runCli } from './cli-run.js';

const hasher = new MinHasher({ permutations: 128, seed: 1 });
const words = (from: number, to: number, stem = 'w'): string[] => Array.from({ length: to - from }, (_, i) => `${stem}${from + i}`);
const asArticle = (text: string): { title: string; sentences: { index: number; paragraph: number; text: string }[] } => ({ title: '', sentences: [{ index: 0, paragraph: 0, text }] });
const sig = (text: string): Uint32Array => signatureOfTexts(['', text], hasher, 5);
const exact = (x: string, y: string): number => exactJaccard(shingleSet(asArticle(x), 5), shingleSet(asArticle(y), 5));

// UPDATE 1: 120 words. UPDATE 2 keeps its first half and rewrites the rest (Jaccard about 0.3 with it). Yahoo's copy of
// UPDATE 1 changes two words; MSN's another two. AP's story shares nothing.
const update1 = words(0, 120).join(' ');
const update2 = [...words(0, 60), ...words(0, 60, 'new')].join(' ');
const yahoo = update1.replace('w40 ', 'yahoo40 ').replace('w90 ', 'yahoo90 ');
const msn = update1.replace('w20 ', 'msn20 ').replace('w100 ', 'msn100 ');
const ap = words(0, 120, 'ap').join(' ');

/** The search of `texts` (articles by index) with the versions `versions` (text, its article). */
function search(texts: readonly string[], versions: readonly [string, number][], maxListed?: number): { found: CopySearch; all: CopySearch } {
  const signatures = texts.map(sig);
  const found = nearDuplicates(signatures, 0.5, 128, (a, b) => exact(texts[a] as string, texts[b] as string));
  const prints: VersionPrint[] = versions.map(([text, article]) => ({ article, signature: sig(text) }));
  const all = withVersionCopies(found, signatures, prints, 0.5, 128, (k, x) => exact((versions[k] as [string, number])[0], texts[x] as string), maxListed);
  return { found, all };
}

describe('copies of an earlier version', () => {
  it('pairs a copy of an earlier version with the article that stands for it, at the similarity of the copy and the version', () => {
    expect(exact(update2, yahoo)).toBeLessThan(0.5);
    const { found, all } = search([update2, yahoo, ap], [[update1, 0]]);
    expect(found.pairs).toEqual([]);
    expect(all.pairs).toEqual([{ a: 0, b: 1, jaccard: exact(update1, yahoo), ofVersion: 0 }]);
    expect(all.pairs[0]?.jaccard).toBeGreaterThan(0.8);
    expect(all.bounded.size).toBe(0);
  });

  it('finds the copy whichever side of it the article is (a kept article of a larger index)', () => {
    const { all } = search([ap, yahoo, update2], [[update1, 2]]);
    expect(all.pairs).toEqual([{ a: 1, b: 2, jaccard: exact(update1, yahoo), ofVersion: 0 }]);
  });

  it('changes nothing without versions, or when no article copies one', () => {
    const none = search([update2, yahoo, ap], []);
    expect(none.all).toBe(none.found);
    const unrelated = search([update2, ap], [[update1, 0]]);
    expect(unrelated.all).toBe(unrelated.found);
  });

  it('never pairs a version with its own article, even one that holds the same text', () => {
    const { all } = search([update1, ap], [[update1, 0]]);
    expect(all.pairs).toEqual([]);
  });

  it('leaves a copy of the latest text a plain pair, not a copy of a version', () => {
    // Article 1 copies UPDATE 2 (the search's own pair); a version of article 0 that is UPDATE 2 itself would pair it too.
    const copyOf2 = update2.replace('w10 ', 'x10 ');
    const { found, all } = search([update2, copyOf2], [[update2.replace('w50 ', 'z50 '), 0]]);
    expect(found.pairs.map((p) => [p.a, p.b])).toEqual([[0, 1]]);
    expect(all.pairs).toEqual(found.pairs);
  });

  it('pairs a copy by the version it is most like, of two', () => {
    const draft = [...words(0, 90), ...words(0, 30, 'draft')].join(' ');
    expect(exact(draft, yahoo)).toBeGreaterThanOrEqual(0.5);
    const { all } = search([update2, yahoo], [[draft, 0], [update1, 0]]);
    expect(all.pairs).toEqual([{ a: 0, b: 1, jaccard: exact(update1, yahoo), ofVersion: 1 }]);
  });

  it("joins copy groups as the search does: every pair of a small group, the joining pairs only of one past the limit", () => {
    // Yahoo and MSN copy UPDATE 1 and each other.
    const small = search([update2, yahoo, msn], [[update1, 0]]);
    expect(small.found.pairs.map((p) => [p.a, p.b])).toEqual([[1, 2]]);
    expect(small.all.pairs.map((p) => [p.a, p.b, p.ofVersion])).toEqual([[0, 1, 0], [0, 2, 0], [1, 2, undefined]]);
    expect(small.all.bounded.size).toBe(0);
    // With groups of 2 at most listed whole: the stronger version pair joins, the other waits and is not listed.
    const large = search([update2, yahoo, msn], [[update1, 0]], 2);
    expect(large.all.pairs).toHaveLength(2);
    expect([...large.all.bounded].sort()).toEqual([0, 1, 2]);
  });
});

describe('the earlier versions kept for the search', () => {
  it('cleans each version the intake drops, and names the article that stands for it', () => {
    const url = 'https://www.reuters.com/world/peru-landslide';
    const record = (path: string, title: string, paragraphs: string[], date: string): ParsedArticle => ({ path, title, paragraphs, meta: { source: 'Reuters', url, date } });
    const lead = 'LIMA (Reuters) - A landslide buried part of an Andean town in central Peru on Monday, the civil defense institute said.';
    const rest = ['The mudslide hit Chaglla, a farming town of about 3,000 people in the Huanuco region, before dawn.', 'Mayor Julio Huaman told local broadcaster RPP that about 30 people were unaccounted for.'];
    const intake = new ArticleIntake();
    intake.add({ path: 'ap.txt', title: 'Landslide buries homes in Peru', paragraphs: ['A landslide loosened by days of heavy rain buried dozens of homes in a mountain town early Monday, officials said.'], meta: { source: 'AP' } });
    intake.add(record('u2.md', 'UPDATE 2-Peru landslide kills 23', ['LIMA (Reuters) - The death toll from a landslide in central Peru rose to 23 on Monday, the civil defense institute said.', ...rest], '2026-11-23T17:40:00Z'));
    intake.add(record('u1.md', 'UPDATE 1-Peru landslide kills 16', [lead, ...rest], '2026-11-23T12:05:00Z'));
    const { articles, versions, texts } = intake.cleanHere();
    try {
      expect(articles.map((a) => a.path).sort()).toEqual(['ap.txt', 'u2.md']);
      expect(versions.map((v) => [v.path, v.title, articles[v.article]?.path])).toEqual([['u1.md', 'UPDATE 1-Peru landslide kills 16', 'u2.md']]);
      // Its own text, cleaned as an article's is.
      const [u1] = versions;
      expect(u1 ? unpackSentences(u1.text).map((x) => x.text) : []).toEqual([lead, ...rest]);
    } finally {
      texts.close();
    }
  });
});

describe('how the views name a copy of an earlier version', () => {
  it('reads the slug of a version headline', () => {
    expect(versionSlug('UPDATE 1-Peru landslide kills 16')).toBe('UPDATE 1');
    expect(versionSlug('CORRECTED-UPDATE 3-Peru landslide')).toBe('CORRECTED-UPDATE 3');
    expect(versionSlug('Peru landslide kills 16')).toBeUndefined();
  });

  it('says on both sides which version is copied, with the similarity to it', () => {
    const story = { articles: ['k', 'y'], copies: [{ a: 'k', b: 'y', jaccard: 0.989, ofVersion: 'in/u1.md' }] } as unknown as Story;
    const versions = [{ path: 'in/u1.md', title: 'UPDATE 1-Peru landslide kills 16', date: 'Mon, 23 Nov 2026 12:05:00 GMT', published: '2026-11-23T12:05:00Z' }];
    const notes = copyNotes(story, new Map([['k', { earlierVersions: versions }]]));
    const label = (id: string): string => id.toUpperCase();
    expect(copyNoteText(notes.get('y'), label)).toBe("near-duplicate of K's earlier version (UPDATE 1, 2026-11-23 12:05 UTC; 99% same text)");
    expect(copyNoteText(notes.get('k'), label)).toBe('earlier version (UPDATE 1, 2026-11-23 12:05 UTC) copied by Y (99% same text)');
    expect(copyNoteText(notes.get('y'), label, true)).toBe("near-duplicate of K's earlier version, UPDATE 1, 2026-11-23 12:05 UTC, 99% same text");
    // A version with no slug and a date not read is named by neither (the note holds no text of the input's).
    const bare = copyNotes(story, new Map([['k', { earlierVersions: [{ path: 'in/u1.md', title: 'Peru <b>', date: 'gestern' }] }]]));
    expect(copyNoteText(bare.get('y'), label)).toBe("near-duplicate of K's earlier version (99% same text)");
    expect(copyNoteText(bare.get('k'), label)).toBe('earlier version copied by Y (99% same text)');
    // Without the articles (or the pair's version among them), a plain pair.
    expect(copyNoteText(copyNotes(story).get('y'), label)).toBe('near-duplicate of K (99% same text)');
  });
});

describe('end to end: Yahoo News runs Reuters UPDATE 1, Reuters files UPDATE 2', () => {
  const FIX = 'test/fixtures/version-copies';
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as Schema;
  type Doc = {
    articles: { id: string; path: string; source: string; earlierVersions?: { path: string; title?: string }[] }[];
    stories: {
      articles: string[];
      copies: { a: string; b: string; jaccard: number; ofVersion?: string }[];
      copyGroups?: { articles: string[] }[];
      independentSources?: number;
      fullest?: { article: string; corroborated: number; tiedWith?: string[] };
      coverage: { article: string; adds: string[]; omits: { fact: string; reportedBy: number; otherSources: number }[] }[];
      conflicts: { detail: string; values: { article: string }[]; leads?: true; latest?: { article: string; value: string; source: string } }[];
    }[];
  };
  const json = (args: readonly string[], env?: Record<string, string>): { doc: Doc; stdout: string } => {
    const r = runCli([...args, '--json', '-q'], env ? { env } : {});
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(validate(schema, doc)).toEqual([]);
    return { doc, stdout: r.stdout };
  };
  const { doc } = json([FIX]);
  const idOf = (file: string): string => doc.articles.find((a) => a.path === `${FIX}/${file}`)?.id ?? '';
  const [reuters, yahoo, ap] = [idOf('reuters_update2.md'), idOf('yahoo_news.md'), idOf('ap.md')];

  it('lists Yahoo as a copy of Reuters, of its earlier version, with the similarity of the two texts', () => {
    expect(doc.articles.map((a) => a.path)).toEqual([`${FIX}/ap.md`, `${FIX}/reuters_update2.md`, `${FIX}/yahoo_news.md`]);
    expect(doc.articles[1]?.earlierVersions?.map((v) => [v.path, v.title])).toEqual([[`${FIX}/reuters_update1.md`, 'UPDATE 1-Peru landslide kills 16, dozens missing in Andean town']]);
    const story = doc.stories[0] as Doc['stories'][number];
    expect(doc.stories).toHaveLength(1);
    expect(story.copies).toHaveLength(1);
    expect(story.copies[0]).toMatchObject({ ofVersion: `${FIX}/reuters_update1.md` });
    expect([story.copies[0]?.a, story.copies[0]?.b].sort()).toEqual([reuters, yahoo].sort());
    // The similarity is that of Yahoo's text and UPDATE 1, as a run of the two alone gives it (no version dropped there).
    const alone = json([`${FIX}/reuters_update1.md`, `${FIX}/yahoo_news.md`]).doc;
    expect(alone.stories[0]?.copies.map((c) => c.jaccard)).toEqual([story.copies[0]?.jaccard]);
    expect(story.copies[0]?.jaccard).toBeGreaterThan(0.9);
    // Yahoo and UPDATE 2 alone are no copies: a write-through keeps only part of the text.
    expect(json([`${FIX}/reuters_update2.md`, `${FIX}/yahoo_news.md`]).doc.stories.flatMap((s) => s.copies)).toEqual([]);
  }, 60_000);

  it('puts Yahoo in Reuters\' voice: its facts corroborate nothing of Reuters\', AP is the most complete', () => {
    const story = doc.stories[0] as Doc['stories'][number];
    expect(story.copyGroups?.map((g) => [...g.articles].sort())).toEqual([[reuters, yahoo].sort()]);
    expect(story.independentSources).toBe(2);
    // Until now Reuters was most complete, tied with Yahoo, on 7 "corroborated" facts that only Reuters' text told.
    expect(story.fullest).toMatchObject({ article: ap });
    expect(story.fullest?.tiedWith).toBeUndefined();
    // What only Reuters and its copy tell, AP leaves out "1 of 1": the copy is no second voice.
    const apOmits = story.coverage.find((c) => c.article === ap)?.omits ?? [];
    expect(apOmits.length).toBeGreaterThan(0);
    expect(apOmits.every((o) => o.reportedBy === 1 && o.otherSources === 1)).toBe(true);
  });

  it('sets no figure of the copy against its outlet\'s later version: a stale figure is no conflict (an update is none)', () => {
    const story = doc.stories[0] as Doc['stories'][number];
    // Yahoo's UPDATE 1 figures (16 people, 38 homes) against Reuters' UPDATE 2 (23, 41) were three conflicts.
    expect(story.conflicts.filter((c) => c.values.every((v) => v.article === yahoo || v.article === reuters))).toEqual([]);
    // Each is set against AP's lead toll (facts/lead-tolls.ts): three values, the latest the later version's.
    const lead = story.conflicts.filter((c) => c.leads === true);
    expect(lead.map((c) => c.detail)).toEqual(['number: 12 people (AP) vs 23 (Reuters) vs 16 people (Yahoo News)']);
    expect(lead[0]?.latest).toMatchObject({ article: reuters, value: '23', source: 'Reuters' });
    // The same two texts with no version in the run (UPDATE 1 dropped by hand) are two outlets that disagree.
    const apart = json([`${FIX}/reuters_update2.md`, `${FIX}/yahoo_news.md`]).doc;
    expect(apart.stories[0]?.conflicts.map((c) => c.detail)).toContain('number: 23 (Reuters) vs 16 people (Yahoo News)');
  }, 60_000);

  it('never gives the copy\'s stale figure as the latest, however late the copy is dated (review 28)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-version-latest-'));
    try {
      for (const f of ['ap.md', 'reuters_update1.md', 'reuters_update2.md', 'yahoo_news.md']) cpSync(path.join(ROOT, FIX, f), path.join(dir, f));
      // Yahoo posts its copy of UPDATE 1 (16) after Reuters' UPDATE 2 (23); AP gives 12 in a sentence like theirs.
      const edit = (f: string, from: string, to: string): void => writeFileSync(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8').replace(from, to));
      edit('yahoo_news.md', 'date: 2026-11-23T12:40:00Z', 'date: 2026-11-23T18:30:00Z');
      edit('reuters_update2.md', ' rose to 23 on Monday', ' rose to 23 people on Monday');
      writeFileSync(
        path.join(dir, 'ap.md'),
        `${readFileSync(path.join(dir, 'ap.md'), 'utf8')}\nA landslide triggered by torrential rain buried part of an Andean town in central Peru on Monday, killing 12 people, the country's civil defense institute said.\n`,
      );
      const text = runCli([dir, '-q', '--width', '200']).stdout;
      expect(text).toMatch(/number: 12 people \(AP\) vs 23 people \(Reuters\) vs 16 people \(Yahoo News\)\n\s+latest: 23 people \(Reuters, 2026-11-23 17:40 UTC\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says so in every view', () => {
    const text = runCli([FIX, '-q', '--width', '200']).stdout;
    expect(text).toMatch(/C Yahoo News \S+ \S+ UTC \S+yahoo_news\.md near-duplicate of B's earlier version \(UPDATE 1, 2026-11-23 12:05 UTC; 99% same text\)/);
    expect(text).toMatch(/latest of 2 versions, first 2026-11-23 12:05 UTC; earlier version \(UPDATE 1, 2026-11-23 12:05 UTC\) copied by C \(99% same text\)/);
    expect(text).toMatch(/1 near-duplicate pair/);
    expect(runCli([FIX, '-q', '-f', 'markdown']).stdout).toMatch(/\| Yahoo News \(near-duplicate of B's earlier version, UPDATE 1, 2026-11-23 12:05 UTC, 99% same text\)/);
    expect(runCli([FIX, '-q', '-f', 'html']).stdout).toContain("near-duplicate of B's earlier version (UPDATE 1, 2026-11-23 12:05 UTC; 99% same text)");
  }, 60_000);

  it('finds the copy when the versions are joined by their slugs alone (wire text files without a URL)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-version-copies-'));
    try {
      for (const f of ['reuters_1205.txt', 'reuters_1740.txt']) cpSync(path.join(ROOT, 'test/fixtures/versions/slug', f), path.join(dir, f));
      cpSync(path.join(ROOT, FIX, 'yahoo_news.md'), path.join(dir, 'yahoo_news.md'));
      const slugged = json([dir]).doc;
      expect(slugged.articles.map((a) => path.basename(a.path))).toEqual(['reuters_1740.txt', 'yahoo_news.md']);
      expect(slugged.stories.flatMap((s) => s.copies).map((c) => [c.ofVersion && path.basename(c.ofVersion), c.jaccard])).toEqual([['reuters_1205.txt', doc.stories[0]?.copies[0]?.jaccard]]);
      expect(runCli([dir, '-q', '--width', '200']).stdout).toMatch(/yahoo_news\.md near-duplicate of A's earlier version \(UPDATE 1; 99% same text\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('explain says the two are near-duplicates by the earlier version, with its similarity (given the folder as context)', () => {
    const pair = [`${FIX}/yahoo_news.md`, `${FIX}/reuters_update2.md`];
    const run = runCli(['explain', ...pair, '--context', FIX, '--json']);
    expect(run.status).toBe(0);
    const e = JSON.parse(run.stdout) as { nearDuplicate: boolean; jaccardExact: number; versionCopy?: { version: string; jaccard: number }; facts: { conflicts: unknown[] } };
    // As in the report, the copy's stale figures are not set against the later version's.
    expect(e.facts.conflicts).toEqual([]);
    const explainSchema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'explain.schema.json'), 'utf8')) as Schema;
    expect(validate(explainSchema, e)).toEqual([]);
    expect(e.versionCopy).toEqual({ version: `${FIX}/reuters_update1.md`, jaccard: doc.stories[0]?.copies[0]?.jaccard });
    expect(e.nearDuplicate).toBe(true);
    expect(e.jaccardExact).toBeLessThan(0.5);
    expect(runCli(['explain', ...pair, '--context', FIX, '--no-color', '--width', '200']).stdout).toMatch(
      /Near-duplicates\? yes, a copy of an earlier version \(\S+reuters_update1\.md\): Jaccard of word shingles 0\.9\d\d with that version ≥ duplicate threshold 0\.5; 0\.3\d\d with the latest\s+text/,
    );
    // Without the version in the run there is nothing to tell: no copy, as before.
    const without = JSON.parse(runCli(['explain', ...pair, '--json']).stdout) as { nearDuplicate: boolean; versionCopy?: unknown; facts: { conflicts: unknown[] } };
    expect(without).toMatchObject({ nearDuplicate: false });
    expect(without.facts.conflicts.length).toBeGreaterThan(0);
    expect(without.versionCopy).toBeUndefined();
  }, 60_000);

  it('gives the same bytes for every --jobs and input order', () => {
    const one = json([FIX]).stdout;
    const env = { NO_COLOR: '1', DEDUPE_WORKER_SCALE: '0.000001' };
    expect(json([FIX, '--jobs', '2'], env).stdout).toBe(one);
    const files = ['yahoo_news.md', 'reuters_update2.md', 'ap.md', 'reuters_update1.md'].map((f) => `${FIX}/${f}`);
    expect(json(files).stdout).toBe(one);
    for (const format of ['terminal', 'ndjson']) {
      const single = runCli([FIX, '-q', '-f', format]).stdout;
      expect(runCli([FIX, '-q', '-f', format, '--jobs', '2'], { env }).stdout, format).toBe(single);
    }
  }, 120_000);
});

#!/usr/bin/env node
// `npm run eval:partial`: how well partial copies (wire copy republished but cut from the bottom) are found, on
// the ECB+ dev articles. Writes a copy of the set in which every article also has a cut copy: its headline (or,
// with `--headline new`, another: the first six words of it and "- report", as an outlet that retitles it) and
// its first lines up to 20, 30, 40, 50 or 60% of its body's words, in turn, word for word. Runs dedupe on the set
// as it is and on the copy, and prints:
// - on the set as it is, every partial copy found (real text: each to be judged by reading the two);
// - per cut length, how many cuts were found as a partial copy (or as a near-duplicate, at 60%) of their article
//   (or of a near-duplicate of it), how many were too short to be taken (under 20 shingles), and how many landed
//   in another story than their article's;
// - the partial copies found that are wrong: a cut said to be part of a text that does not hold its lines, or a
//   pair of two original articles that the set as it is did not give.
// A script, not a test: it prints figures and judges nothing. Options after the flags go to dedupe.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({ options: { headline: { type: 'string', default: 'same' }, keep: { type: 'boolean', default: false } }, allowPositionals: true });
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
const extra = positionals;
const FRACTIONS = [0.2, 0.3, 0.4, 0.5, 0.6];

const files = readFileSync(path.join(bench, 'stories.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[0]);
const linesOf = (file) => readFileSync(path.join(bench, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const words = (line) => line.split(/\s+/).length;
const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-partial-'));
/** Cut file → { original, fraction, lines (its body) }. */
const cuts = new Map();
files.forEach((file, i) => {
  const lines = linesOf(file);
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), lines.join('\n') + '\n');
  const fraction = FRACTIONS[i % FRACTIONS.length];
  const body = lines.slice(1);
  const total = body.reduce((n, l) => n + words(l), 0);
  const kept = [];
  for (let n = 0; n < fraction * total && kept.length < body.length; ) {
    const line = body[kept.length];
    kept.push(line);
    n += words(line);
  }
  const headline = values.headline === 'new' ? `${lines[0].split(/\s+/).slice(0, 6).join(' ')} - report` : lines[0];
  if (kept.length === 0) return; // a headline alone is no article
  const cut = file.replace(/\.txt$/, '-cut.txt');
  writeFileSync(path.join(dir, cut), [headline, ...kept].join('\n') + '\n');
  cuts.set(cut, { original: file, fraction, lines: kept });
});

const cli = path.join(root, 'bin', 'dedupe.js');
function report(folder) {
  const r = spawnSync(process.execPath, [cli, path.join(folder, 'articles'), '--json', '--quiet', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
/** Paths relative to `folder`, and per story its copies and partial copies by path. */
function scan(folder) {
  const r = report(folder);
  const pathOf = new Map(r.articles.map((a) => [a.id, path.relative(folder, a.path).split(path.sep).join('/')]));
  const storyOf = new Map();
  const partial = [];
  const copies = [];
  for (const s of r.stories) {
    for (const id of s.articles) storyOf.set(pathOf.get(id), s.id);
    for (const c of s.partialCopies ?? []) partial.push({ part: pathOf.get(c.part), whole: pathOf.get(c.whole), containment: c.containment, jaccard: c.jaccard });
    for (const c of s.copies) copies.push([pathOf.get(c.a), pathOf.get(c.b)]);
  }
  return { partial, copies, storyOf };
}

const base = scan(bench);
console.log(`ECB+ dev as it is: ${base.partial.length} partial copies`);
for (const p of base.partial) console.log(`  ${p.part} in ${p.whole}: containment ${p.containment}, Jaccard ${p.jaccard}`);

const cut = scan(dir);
const key = (x, y) => (x < y ? `${x}\t${y}` : `${y}\t${x}`);
const copyPairs = new Set(cut.copies.map(([x, y]) => key(x, y)));
const basePairs = new Set(base.partial.map((p) => `${p.part}\t${p.whole}`));
/** Texts the set as it is ties together: near-duplicates and partial copies, either way. */
const related = new Set([...base.copies.map(([x, y]) => key(x, y)), ...base.partial.map((p) => key(p.part, p.whole))]);
/**
 * Whether `whole` is a right whole for cut `c`: the cut's original, a near-duplicate or partial copy of it (or
 * the cut of one of those), or a text that holds every line of the cut.
 */
const holds = (whole, c) => {
  const text = whole.replace(/-cut\.txt$/, '.txt');
  if (text === c.original || related.has(key(text, c.original))) return true;
  const lines = new Set(readFileSync(path.join(dir, whole), 'utf8').split('\n').map((l) => l.trim()));
  return c.lines.every((l) => lines.has(l));
};
const missed = [];
const rows = new Map(FRACTIONS.map((f) => [f, { cuts: 0, partial: 0, copy: 0, short: 0, otherStory: 0 }]));
const wrong = [];
const partOf = new Map(cut.partial.map((p) => [p.part, p]));
for (const [file, c] of cuts) {
  const row = rows.get(c.fraction);
  row.cuts++;
  const found = partOf.get(file);
  if (found && holds(found.whole, c)) row.partial++;
  else if (cut.copies.some(([x, y]) => (x === file && holds(y, c)) || (y === file && holds(x, c)))) row.copy++;
  else missed.push(file);
  if (cut.storyOf.get(file) !== cut.storyOf.get(c.original)) row.otherStory++;
  if (c.lines.reduce((n, l) => n + words(l), 0) + words(linesOf(c.original)[0]) < 24) row.short++;
}
for (const p of cut.partial) {
  const c = cuts.get(p.part);
  if (c ? !holds(p.whole, c) : !basePairs.has(`${p.part}\t${p.whole}`)) wrong.push(p);
}
console.log(`\nwith a cut copy of each article (headline ${values.headline === 'new' ? 'retitled' : 'kept'}), ${cut.partial.length} partial copies, ${copyPairs.size} near-duplicate pairs`);
console.log('| cut to | cuts | found as partial copy | as near-duplicate | missed | under 24 words | not in its article\'s story |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
let all = { cuts: 0, partial: 0, copy: 0, short: 0, otherStory: 0 };
for (const [f, r] of rows) {
  console.log(`| ${f * 100}% | ${r.cuts} | ${r.partial} | ${r.copy} | ${r.cuts - r.partial - r.copy} | ${r.short} | ${r.otherStory} |`);
  all = Object.fromEntries(Object.keys(all).map((k) => [k, all[k] + r[k]]));
}
console.log(`| all | ${all.cuts} | ${all.partial} | ${all.copy} | ${all.cuts - all.partial - all.copy} | ${all.short} | ${all.otherStory} |`);
console.log(`recall ${((all.partial + all.copy) / all.cuts).toFixed(3)}; wrong partial copies: ${wrong.length}`);
for (const p of wrong) console.log(`  ${p.part} in ${p.whole}: containment ${p.containment}, Jaccard ${p.jaccard}`);
console.log(`missed: ${missed.join(' ')}`);
if (values.keep) console.log(`kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

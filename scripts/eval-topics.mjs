#!/usr/bin/env node
// `npm run eval:topics`: how dedupe does on a folder that holds one event, or the two events of one topic, rather
// than the whole labelled ECB+ dev set. It copies the set into a temporary folder twice over:
//   events/<story>/  the articles of one gold story (42 folders): they should come out as ONE story;
//   topics/<topic>/  the articles of one topic, i.e. two different events of the same kind (21 folders): they
//                    should come out as TWO stories, each event whole;
// each folder with its own stories.tsv, and runs the built CLI's `dedupe eval <folder> --stories <tsv> --json` on
// each (and, for the topic folders, `dedupe <folder> --json` to see which articles share a story). It prints the
// stories found per folder, the mean B-cubed F1 over the folders and how many events came out whole (all of
// their articles in one story), and the whole set's figures for reference. A script that prints figures, not a
// test. Options after the script's own are passed to dedupe (e.g. `-- --story-threshold 0.1`).
//
// Usage: node scripts/eval-topics.mjs [--only events|topics] [--quiet] [--keep] [-- dedupe options]
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({
  options: { only: { type: 'string' }, quiet: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const extra = positionals;
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
if (!existsSync(path.join(bench, 'stories.tsv'))) {
  console.log(`no labelled set at ${bench} (set DEDUPE_BENCH to its folder); nothing to score`);
  process.exit(0);
}
const cli = path.join(root, 'bin', 'dedupe.js');

// Gold: path → story; the topic is the article's folder under articles/.
const gold = readFileSync(path.join(bench, 'stories.tsv'), 'utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter(([file, story]) => file && story && file !== 'path');
const groupBy = (rows, key) => {
  const groups = new Map();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(row);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
};
const events = groupBy(gold, ([, story]) => story);
const topics = groupBy(gold, ([file]) => path.basename(path.dirname(file)));

const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-topics-'));
/** Copy `rows` into `<dir>/<kind>/<name>/articles/…` with a stories.tsv beside them; the folder's path. */
function makeFolder(kind, name, rows) {
  const folder = path.join(dir, kind, name);
  const lines = ['path\tstory'];
  for (const [file, story] of rows) {
    const to = path.join(folder, 'articles', path.basename(file));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(bench, file), to);
    lines.push(`articles/${path.basename(file)}\t${story}`);
  }
  writeFileSync(path.join(folder, 'stories.tsv'), `${lines.join('\n')}\n`);
  return folder;
}

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(Buffer.concat(out).toString('utf8'))) : reject(new Error(`dedupe ${args.join(' ')}: exit ${code}\n${Buffer.concat(err)}`))));
  });
}
const evaluate = (folder) => run(['eval', path.join(folder, 'articles'), '--stories', path.join(folder, 'stories.tsv'), '--json', ...extra]);
const report = (folder) => run([path.join(folder, 'articles'), '--json', '--quiet', ...extra]);

/** Run `jobs` (functions giving promises) a few at a time; their results in the jobs' order. */
async function pool(jobs, width = Math.max(1, Math.min(4, os.availableParallelism()))) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }));
  return results;
}

/** Of a report, the gold stories whose articles all sit in one predicted story. */
function wholeEvents(doc, rows) {
  const storyOfPath = new Map();
  const pathOfId = new Map(doc.articles.map((a) => [a.id, path.basename(a.path)]));
  doc.stories.forEach((s, i) => s.articles.forEach((id) => storyOfPath.set(pathOfId.get(id), i)));
  const whole = [];
  for (const [story, members] of groupBy(rows, ([, s]) => s)) {
    const predicted = new Set(members.map(([file]) => storyOfPath.get(path.basename(file))));
    if (predicted.size === 1 && !predicted.has(undefined)) whole.push(story);
  }
  return whole;
}

const f3 = (x) => x.toFixed(3);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`ECB+ dev (${bench}): ${gold.length} articles, ${events.length} events in ${topics.length} topics${extra.length ? `; dedupe options: ${extra.join(' ')}` : ''}`);

const whole = await evaluate(bench); // the set is laid out as the folders made below: articles/ and stories.tsv
console.log(`whole set: B-cubed P ${f3(whole.stories.bcubed.precision)} R ${f3(whole.stories.bcubed.recall)} F1 ${f3(whole.stories.bcubed.f1)}, ${whole.stories.predictedStories} stories for ${whole.stories.goldStories}`);

if (values.only !== 'topics') {
  const folders = events.map(([story, rows]) => ({ name: story, rows, folder: makeFolder('events', story, rows) }));
  const results = await pool(folders.map((f) => () => evaluate(f.folder)));
  if (!values.quiet) {
    console.log('\none event a folder (should be 1 story): event, articles, stories, B-cubed F1');
    folders.forEach((f, i) => console.log(`  ${f.name.padEnd(12)} ${String(f.rows.length).padStart(3)} ${String(results[i].stories.predictedStories).padStart(3)}  ${f3(results[i].stories.bcubed.f1)}`));
  }
  const stories = results.map((r) => r.stories.predictedStories);
  const intact = stories.filter((n) => n === 1).length;
  console.log(`\none event a folder: ${folders.length} folders, ${stories.reduce((a, b) => a + b, 0)} stories in all (for ${folders.length}), ` +
    `mean B-cubed F1 ${f3(mean(results.map((r) => r.stories.bcubed.f1)))}, ${intact} of ${folders.length} events whole`);
}

if (values.only !== 'events') {
  const folders = topics.map(([topic, rows]) => ({ name: topic, rows, folder: makeFolder('topics', topic, rows) }));
  const results = await pool(folders.map((f) => async () => ({ scores: await evaluate(f.folder), whole: wholeEvents(await report(f.folder), f.rows) })));
  if (!values.quiet) {
    console.log('\ntwo events a folder (should be 2 stories): topic, articles, stories, B-cubed P R F1, events whole');
    folders.forEach((f, i) => {
      const b = results[i].scores.stories.bcubed;
      console.log(`  ${f.name.padEnd(4)} ${String(f.rows.length).padStart(3)} ${String(results[i].scores.stories.predictedStories).padStart(3)}  ${f3(b.precision)} ${f3(b.recall)} ${f3(b.f1)}  ${results[i].whole.length}`);
    });
  }
  const stories = results.map((r) => r.scores.stories.predictedStories);
  const exact = results.filter((r) => r.scores.stories.bcubed.precision === 1 && r.scores.stories.bcubed.recall === 1).length;
  const merged = results.filter((r) => r.scores.stories.predictedStories === 1).length;
  const b = results.map((r) => r.scores.stories.bcubed);
  console.log(`\ntwo events a folder: ${folders.length} folders, ${stories.reduce((a, c) => a + c, 0)} stories in all (for ${2 * folders.length}), ` +
    `mean B-cubed P ${f3(mean(b.map((x) => x.precision)))} R ${f3(mean(b.map((x) => x.recall)))} F1 ${f3(mean(b.map((x) => x.f1)))}, ` +
    `${results.reduce((a, r) => a + r.whole.length, 0)} of ${2 * folders.length} events whole, ${exact} folders split exactly, ${merged} merged into one story`);
}

if (values.keep) console.log(`\nfolders kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

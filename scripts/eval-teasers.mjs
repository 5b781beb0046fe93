#!/usr/bin/env node
// `npm run eval:teasers`: how well feed teasers join the stories of their full articles, on the labelled ECB+ dev
// set. It writes a copy of the set in which every `--every`-th article (in stories.tsv order, from the `--from`-th)
// is a teaser — a JSON record with the headline and only the first `--sentences` sentences of eight words or more
// (prose, not a time stamp or a byline) as its `description`,
// as a teaser-only feed gives — and scores `dedupe eval` on it, next to the set as it is. Prints B-cubed figures
// and, per teaser, whether it shares a story with any full article of its gold story.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({
  options: { every: { type: 'string', default: '3' }, from: { type: 'string', default: '1' }, sentences: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
const every = Number(values.every);
const from = Number(values.from);
const sentences = Number(values.sentences);
const extra = positionals; // more options for dedupe eval, e.g. --story-threshold 0.2

const gold = readFileSync(path.join(bench, 'stories.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-teasers-'));
const teasers = new Set();
const rows = ['path\tstory'];
gold.forEach(([file, story], i) => {
  const lines = readFileSync(path.join(bench, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const teaser = i % every === from % every && lines.length > sentences + 1;
  const out = teaser ? file.replace(/\.txt$/, '.json') : file;
  mkdirSync(path.dirname(path.join(dir, out)), { recursive: true });
  if (teaser) {
    // A teaser's description is prose: lines of time stamps and bylines ("7: 15 a. m. Dec. 7, 2009") are passed over.
    const prose = lines.slice(1).filter((l) => l.split(/\s+/).length >= 8);
    writeFileSync(path.join(dir, out), JSON.stringify({ title: lines[0], description: prose.slice(0, sentences).join(' ') }));
    teasers.add(out);
  } else writeFileSync(path.join(dir, out), lines.join('\n') + '\n');
  rows.push(`${out}\t${story}`);
});
writeFileSync(path.join(dir, 'stories.tsv'), rows.join('\n') + '\n');

const cli = path.join(root, 'bin', 'dedupe.js');
function evaluate(folder) {
  const r = spawnSync(process.execPath, [cli, 'eval', path.join(folder, 'articles'), '--stories', path.join(folder, 'stories.tsv'), '--json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
function report(folder) {
  const r = spawnSync(process.execPath, [cli, path.join(folder, 'articles'), '--json', '--quiet', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const figures = (e) => `B-cubed P ${e.stories.bcubed.precision.toFixed(3)} R ${e.stories.bcubed.recall.toFixed(3)} F1 ${e.stories.bcubed.f1.toFixed(3)}, ${e.stories.predictedStories} stories`;
console.log(`ECB+ dev as it is:        ${figures(evaluate(bench))}`);
console.log(`with ${teasers.size} teasers (--every ${every} --from ${from}, ${sentences} sentence${sentences === 1 ? '' : 's'}): ${figures(evaluate(dir))}`);

// Per teaser: does it share a predicted story with a full article of its gold story?
const storyOf = new Map(rows.slice(1).map((r) => r.split('\t')));
const r = report(dir);
const rel = (p) => path.relative(dir, p).split(path.sep).join('/');
const pathOf = new Map(r.articles.map((a) => [a.id, rel(a.path)]));
let joined = 0;
let wrong = 0;
let alone = 0;
for (const t of teasers) {
  const story = r.stories.find((s) => s.articles.some((id) => pathOf.get(id) === t));
  const others = (story?.articles ?? []).map((id) => pathOf.get(id)).filter((p) => p !== t && !teasers.has(p));
  if (others.length === 0) alone++;
  else if (others.some((p) => storyOf.get(p) === storyOf.get(t))) joined++;
  else wrong++;
}
console.log(`teasers with a full article of their gold story: ${joined} of ${teasers.size}; only with full articles of other stories: ${wrong}; with no full article: ${alone}`);
if (values.keep) console.log(`kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

#!/usr/bin/env node
// `npm run eval:conflicts [-- report.json] [-- --show new|false|true|all]`: how many of the conflicts dedupe reports
// on ECB+ dev are real. ECB+ has no conflict labels, so scripts/bench/ecbplus-dev-conflicts.jsonl holds our own: every
// conflict the CLI reported on 2026-11-28 (commit 8b7b106; C79–C85 on 2026-11-28 at commit 611cabf, the 7 new ones
// of that run; C86–C87 on 2026-11-28 on branch conflicts, once "2, 117" was read as 2,117; C88 on 2026-11-29, once "two of the bombs" was read as a count of bombs; C90 on 2026-11-29, once a shared surname under two given names stopped counting as one person; C91–C92 on 2026-11-29 on branch align, once sentences that share only names were no longer one fact; C93–C96 on 2026-11-29 on branch background, once a history sentence no longer dated an article and 37_6ecb joined its story; C97–C98 on 2026-11-29 on branch conflicts29, once the tolls of the leads were compared story-wide), judged by reading its sentences (T a real disagreement, F not one, U unclear), with the cause. A conflict of a new run counts as a labelled one when it has the same kind,
// its values are among the labelled one's and it names an article of it; one that matches none is "new" and is
// printed for judging. Prints counts, not a verdict: a new conflict may be true or false.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({ options: { show: { type: 'string', default: 'new' } }, allowPositionals: true });
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
const labels = readFileSync(path.join(root, 'scripts', 'bench', 'ecbplus-dev-conflicts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

function report() {
  if (positionals[0]) return JSON.parse(readFileSync(positionals[0], 'utf8'));
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'dedupe.js'), 'articles', '--json', '--quiet'], { cwd: bench, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`dedupe failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const r = report();
const pathOf = new Map(r.articles.map((a) => [a.id, a.path.replace(/^.*?articles\//, '')]));
const counts = { T: 0, F: 0, U: 0, new: 0 };
const seen = new Set();
const shown = [];
for (const story of r.stories) {
  for (const c of story.conflicts) {
    const vals = new Set(c.values.map((v) => v.value.toLowerCase()));
    const paths = new Set(c.values.map((v) => pathOf.get(v.article)));
    const label = labels.find((l) => l.kind === c.kind && [...vals].every((v) => l.values.includes(v)) && l.paths.some((p) => paths.has(p)));
    const verdict = label ? label.verdict : 'new';
    counts[verdict]++;
    if (label) seen.add(label.id);
    if (values.show === 'all' || (values.show === 'new' && !label) || (values.show === 'false' && verdict === 'F') || (values.show === 'true' && verdict === 'T')) {
      shown.push(`${label ? `${label.id} ${verdict} (${label.cause})` : 'NEW'} ${story.id} ${c.detail}\n${c.mentions.map((m) => `    ${pathOf.get(m.article)}: ${m.text}`).join('\n')}`);
    }
  }
}
const total = (v) => labels.filter((l) => l.verdict === v).length;
console.log(`conflicts: ${counts.T + counts.F + counts.U + counts.new}`);
console.log(`  labelled true kept:    ${counts.T} of ${total('T')}`);
console.log(`  labelled false kept:   ${counts.F} of ${total('F')}`);
console.log(`  labelled unclear kept: ${counts.U} of ${total('U')}`);
console.log(`  new (not labelled):    ${counts.new}`);
const lost = labels.filter((l) => l.verdict === 'T' && !seen.has(l.id));
if (lost.length > 0) console.log(`  true ones gone: ${lost.map((l) => `${l.id} (${l.note})`).join('; ')}`);
if (shown.length > 0) console.log(`\n${shown.join('\n\n')}`);

#!/usr/bin/env node
// `npm run eval`: score dedupe on the labelled ECB+ dev set when it is present beside the project.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
if (!existsSync(path.join(bench, 'stories.tsv'))) {
  console.log(`no labelled set at ${bench} (set DEDUPE_BENCH to its folder); nothing to score`);
  process.exit(0);
}
const cli = path.join(root, 'bin', 'dedupe.js');
const common = [path.join(bench, 'articles'), '--stories', path.join(bench, 'stories.tsv')];
const runs = [
  [...common, '--facts', path.join(bench, 'facts.jsonl')],
  [...common, '--sweep', 'story-threshold=0.15:0.35:0.025'],
  [...common, '--facts', path.join(bench, 'facts.jsonl'), '--sweep', 'fact-threshold=0.15:0.4:0.05'],
];
for (const args of runs) {
  console.log(`$ dedupe eval ${args.map((a) => path.relative(root, a) || a).join(' ')}`);
  const r = spawnSync(process.execPath, [cli, 'eval', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('');
}

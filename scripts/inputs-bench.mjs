// Speed of the input parsers (issue 6): HTML pages through Readability, JSON Lines records, and a whole run on
// a JSON Lines feed read from a file and from stdin. Prints figures; needs `npm run build` first.
// Usage: node scripts/inputs-bench.mjs [records=2000]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from '../dist/input/formats.js';

const n = Number(process.argv[2] ?? 2000);
const html = readFileSync('test/fixtures/inputs/seed-html/reuters.html', 'utf8');
const records = readFileSync('test/fixtures/inputs/seed-jsonl/news-please.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));

function time(label, count, fn) {
  fn(); // warm up
  const t = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`${label}: ${ms.toFixed(0)} ms for ${count} (${((ms / count) * 1000).toFixed(0)} µs each)`);
}

const pages = 200;
time(`HTML pages (${(html.length / 1024).toFixed(1)} KB each, Readability over linkedom)`, pages, () => {
  for (let i = 0; i < pages; i++) parseFile({ path: `p${i}.html`, text: html.replace('Syrian rebels stormed', `Syrian rebels ${i} stormed`) });
});

// Records made different from each other so that later stages cannot merge them as copies.
const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');
const lines = Array.from({ length: n }, (_, i) => {
  const r = records[i % 2];
  const tag = `${words[i % 16]} ${words[(i >> 4) % 16]} ${words[(i >> 8) % 16]}`;
  return JSON.stringify({ ...r, title: `${r.title} ${tag}`, maintext: r.maintext.replace(/Damascus/g, `Damascus ${tag}`) });
}).join('\n');
time(`JSON Lines records (${(lines.length / n / 1024).toFixed(1)} KB each)`, n, () => parseFile({ path: 'feed.jsonl', text: lines }));

const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-inputs-bench-'));
const feed = path.join(dir, 'feed.jsonl');
writeFileSync(feed, lines);
for (const [label, args, input] of [
  ['whole run, feed file', [feed, '--json', '--max-size', '100MB'], undefined],
  ['whole run, same feed on stdin', ['-', '--json'], lines],
]) {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', 'bin/dedupe.js', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Date.now() - t;
  const doc = r.status === 0 ? JSON.parse(r.stdout) : undefined;
  console.log(`${label}: ${n} records (${(lines.length / 1024 / 1024).toFixed(1)} MB) in ${ms} ms, exit ${r.status}, ${doc?.articles.length} articles, ${doc?.stories.length} stories`);
}
rmSync(dir, { recursive: true, force: true });

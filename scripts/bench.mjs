#!/usr/bin/env node
// `npm run bench [-- sizes…] [--jobs N] [--sample K] [--new-names P]`: build synthetic corpora from real text (default 20000 and
// 100000 articles, in .bench/), run the built CLI on each as a whole process, and print throughput, wall and CPU
// time, peak RSS, near-duplicate recall, and the ratio of the run to the floor (read + tokenise + hash).
// `--new-names P`: corpora whose names grow with them (see bench/corpus.mjs), in .bench/corpus-N-namesP.
// A script, not a test: it prints figures and judges nothing. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './bench/corpus.mjs';
import { floor } from './bench/floor.mjs';
import { recall, scanReport } from './bench/recall.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const jobs = flag('--jobs', undefined);
const step = Number(flag('--sample', '50'));
const newNames = Number(flag('--new-names', '0'));
if (!(newNames >= 0 && newNames <= 1)) {
  console.error(`bench: --new-names takes a probability in [0, 1], got ${newNames}`);
  process.exit(2);
}
const sizes = args.length > 0 ? args.map(Number) : [20000, 100000];
const benchDir = process.env.DEDUPE_BENCH_DIR ?? path.join(root, '.bench');
const sources = [path.join(root, '..', 'shared', 'bench', 'ecbplus-dev', 'articles'), path.join(root, '..', 'shared', 'seeds'), path.join(root, 'seeds')];

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** Run the CLI on `dir` as its own process; report to `out`. */
function runCli(dir, out) {
  const probe = `${out}.probe.json`;
  const cliArgs = ['--import', path.join(root, 'scripts', 'bench', 'probe.mjs'), path.join(root, 'bin', 'dedupe.js'), 'articles', '--json', '--quiet', '--timings'];
  if (jobs) cliArgs.push('--jobs', jobs);
  const fd = openSync(out, 'w');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs, { cwd: dir, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, DEDUPE_BENCH_PROBE: probe } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      closeSync(fd);
      const wallMs = performance.now() - started;
      const usage = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8')) : {};
      resolve({ code, wallMs, stderr, ...usage });
    });
  });
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const lib = await Promise.all([
  import(path.join(root, 'dist', 'text', 'tokens.js')),
  import(path.join(root, 'dist', 'fingerprint', 'hash.js')),
  import(path.join(root, 'dist', 'fingerprint', 'minhash.js')),
  import(path.join(root, 'dist', 'fingerprint', 'lsh.js')),
  import(path.join(root, 'dist', 'fingerprint', 'shingles.js')),
  import(path.join(root, 'dist', 'fingerprint', 'articles.js')),
  import(path.join(root, 'dist', 'eval', 'metrics.js')),
]).then((mods) => Object.assign({}, ...mods));

console.log(`dedupe bench · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GB · Node ${process.version} · load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}${process.env.DEDUPE_WORKER_SCALE?.trim() ? ` · DEDUPE_WORKER_SCALE=${process.env.DEDUPE_WORKER_SCALE.trim()}` : ''}`);
const rows = [];
for (const size of sizes) {
  const dir = path.join(benchDir, newNames > 0 ? `corpus-${size}-names${newNames}` : `corpus-${size}`);
  mkdirSync(dir, { recursive: true });
  let t = performance.now();
  const built = buildCorpus(dir, size, sources, 1, newNames);
  console.log(`\n${size} articles in ${dir} (${built.reused ? 'reused' : `built in ${fmt((performance.now() - t) / 1000)} s`})`);
  const files = filesUnder(path.join(dir, 'articles'));
  // Best of three passes: the first may read the files from disk rather than the page cache (or run cold code),
  // while the CLI run after it finds them in memory; the ratio is against the warm floor.
  let f;
  let floorMs = Infinity;
  const passes = [];
  for (let pass = 0; pass < 3; pass++) {
    t = performance.now();
    f = floor(files);
    passes.push(performance.now() - t);
    floorMs = Math.min(floorMs, passes[pass]);
  }
  const mb = f.bytes / 2 ** 20;
  console.log(`  floor: ${fmt(floorMs / 1000, 2)} s, best of ${passes.map((ms) => fmt(ms / 1000, 2)).join(' / ')} (${fmt(files.length / (floorMs / 1000), 0)} articles/s, ${fmt(mb / (floorMs / 1000))} MB/s, ${f.shingles} shingles)`);
  const hasher = new lib.MinHasher({ permutations: 128, seed: 1 });
  const texts = files.slice(0, 3000).map((file) => readFileSync(file, 'utf8').split('\n'));
  const words = texts.reduce((n, lines) => n + lines.join(' ').split(' ').length, 0);
  // Best of three passes (the first also warms up the JIT); only signatureOfTexts is inside the timing.
  let sigMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    t = performance.now();
    for (const lines of texts) lib.signatureOfTexts(lines, hasher, 5);
    sigMs = Math.min(sigMs, performance.now() - t);
  }
  console.log(`  MinHash (tokenise + 5-shingles + 128 permutations, one thread): ${fmt(texts.length / (sigMs / 1000), 0)} articles/s at ${fmt(words / texts.length, 0)} words`);
  const out = path.join(dir, 'report.json');
  const r = await runCli(dir, out);
  if (r.code !== 0) {
    console.log(`  dedupe exited with ${r.code}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    rows.push({ size, failed: true });
    continue;
  }
  const cpuMs = (r.userMs ?? NaN) + (r.systemMs ?? NaN);
  console.log(`  dedupe: ${fmt(r.wallMs / 1000, 2)} s wall, ${fmt(cpuMs / 1000, 2)} s CPU, peak RSS ${fmt((r.maxRssKb ?? NaN) / 1024, 0)} MB`);
  console.log(`          ${fmt(files.length / (r.wallMs / 1000), 0)} articles/s, ${fmt(mb / (r.wallMs / 1000), 2)} MB/s, ${fmt(r.wallMs / floorMs)}× the floor`);
  if (r.threads) {
    const { mainMs, helperMs, helpers } = r.threads;
    console.log(
      `  CPU by thread: main ${fmt(mainMs / 1000)} s, worker threads ${fmt((cpuMs - mainMs - helperMs) / 1000)} s, ` +
        `${helpers} helper threads (V8 compiling and collecting, libuv) ${fmt(helperMs / 1000)} s`,
    );
  }
  const timings = /^dedupe: timings: (.*)$/m.exec(r.stderr);
  if (timings) console.log(`  stages: ${timings[1]}`);
  const report = await scanReport(out);
  const rc = recall(files, dir, report.pairs, 0.5, step, lib);
  console.log(
    `  near-duplicates at Jaccard ≥ 0.5, exact on every ${step}th article (${rc.sampled}): ${rc.truePairs} true pairs, ` +
      `reported ${rc.reportedFound} (recall ${fmt(rc.reportedFound / rc.truePairs, 3)}), LSH candidates ${rc.lshCandidates} (recall ${fmt(rc.lshCandidates / rc.truePairs, 3)})`,
  );
  // The corpus knows its stories: file names are s<story>-o<outlet>[-copy].txt.
  const gold = new Map([...report.storyOf.keys()].map((p) => [p, /s(\d+)-o/.exec(path.basename(p))?.[1] ?? p]));
  const sc = lib.bcubed(gold, report.storyOf);
  console.log(`  stories against the corpus's own labels (B-cubed): P ${fmt(sc.precision, 3)} R ${fmt(sc.recall, 3)} F1 ${fmt(sc.f1, 3)}`);
  rows.push({ size, wallMs: r.wallMs, cpuMs, rssMb: (r.maxRssKb ?? NaN) / 1024, floorMs, mb, articles: files.length });
}

console.log('\n| articles | MB | wall s | CPU s | articles/s | MB/s | peak RSS MB | floor s | × floor |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  if (r.failed) console.log(`| ${r.size} | failed | | | | | | | |`);
  else console.log(`| ${r.articles} | ${fmt(r.mb)} | ${fmt(r.wallMs / 1000)} | ${fmt(r.cpuMs / 1000)} | ${fmt(r.articles / (r.wallMs / 1000), 0)} | ${fmt(r.mb / (r.wallMs / 1000), 2)} | ${fmt(r.rssMb, 0)} | ${fmt(r.floorMs / 1000, 2)} | ${fmt(r.wallMs / r.floorMs)} |`);
}
const ok = rows.filter((r) => !r.failed);
for (let i = 1; i < ok.length; i++) {
  const a = ok[i - 1];
  const b = ok[i];
  console.log(`growth ${a.articles} → ${b.articles} articles (×${fmt(b.articles / a.articles)}): wall ×${fmt(b.wallMs / a.wallMs, 2)}`);
}

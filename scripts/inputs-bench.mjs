// Cost of the input formats (issue 6). One synthetic corpus (scripts/bench/corpus.mjs, from the ECB+ dev
// sentences and the seeds) is written three ways — .txt files, one JSON Lines feed (news-please layout) and
// saved HTML pages — and the built CLI runs on each; the reports must agree on articles and stories.
// Also times the parsers alone. Prints figures; needs `npm run build` first.
// Usage: node scripts/inputs-bench.mjs [articles=500]
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus } from './bench/corpus.mjs';
import { parseFile } from '../dist/input/formats.js';

const size = Number(process.argv[2] ?? 500);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dedupe-inputs-bench-'));
const roots = ['../shared/bench/ecbplus-dev', 'seeds'].map((r) => path.resolve(r));
buildCorpus(path.join(tmp, 'corpus'), size, roots);

const files = [];
const walk = (d) => readdirSync(d).sort().forEach((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : files.push(path.join(d, n))));
walk(path.join(tmp, 'corpus', 'articles'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const records = [];
mkdirSync(path.join(tmp, 'html'));
files.forEach((f, i) => {
  const [title, ...body] = readFileSync(f, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const source = `outlet-${i % 7}.example`;
  records.push(JSON.stringify({ title, maintext: body.join('\n'), source_domain: source, date_publish: null, url: `https://${source}/a${i}` }));
  const page = `<!doctype html><html><head><title>${esc(title)}</title><meta property="og:site_name" content="${source}"></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><article><h1>${esc(title)}</h1>${body.map((p) => `<p>${esc(p)}</p>`).join('')}</article><footer>Copyright ${source}</footer></body></html>`;
  writeFileSync(path.join(tmp, 'html', `a${String(i).padStart(5, '0')}.html`), page);
});
const feed = records.join('\n');
writeFileSync(path.join(tmp, 'feed.jsonl'), feed);

function time(label, count, fn) {
  const t = performance.now();
  fn();
  const ms = performance.now() - t;
  console.log(`${label}: ${ms.toFixed(0)} ms for ${count} (${((ms / count) * 1000).toFixed(0)} µs each)`);
}
const htmlFiles = readdirSync(path.join(tmp, 'html')).map((n) => path.join(tmp, 'html', n));
time('parse .txt files', files.length, () => files.forEach((f) => parseFile({ path: f, text: readFileSync(f, 'utf8') })));
time('parse HTML pages (Readability over linkedom)', htmlFiles.length, () => htmlFiles.forEach((f) => parseFile({ path: f, text: readFileSync(f, 'utf8') })));
time('parse JSON Lines records', records.length, () => parseFile({ path: 'feed.jsonl', text: feed }));

const runs = [
  ['txt folder', [path.join(tmp, 'corpus', 'articles')]],
  ['JSON Lines feed file', [path.join(tmp, 'feed.jsonl')]],
  ['JSON Lines on stdin', ['-'], feed],
  ['HTML folder', [path.join(tmp, 'html')]],
];
const shapes = [];
for (const [label, args, input] of runs) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['bin/dedupe.js', ...args, '--json', '--max-size', '1GB'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0) {
    console.log(`${label}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
    continue;
  }
  const doc = JSON.parse(r.stdout);
  shapes.push(doc.stories.map((s) => s.articles.length).sort((a, b) => b - a).join(','));
  console.log(`${label}: ${doc.articles.length} articles, ${doc.stories.length} stories, ${(ms / 1000).toFixed(1)} s (whole run)`);
}
console.log(`story sizes identical across formats: ${shapes.every((s) => s === shapes[0])}`);
rmSync(tmp, { recursive: true, force: true });

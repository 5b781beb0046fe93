#!/usr/bin/env node
/**
 * Peak memory of the CLI on many small files and on a few very large ones. Prints figures; not a test.
 *
 *   node scripts/memory.mjs [small-files=100000] [large-files=3] [large-MB=4.5] [time-limit-s=600]
 *
 * Builds the inputs in a temporary folder (removed afterwards), then runs `node bin/dedupe.js … --json -q`
 * under /usr/bin/time -v when it exists (else reads the child's resource usage) and prints wall time, peak
 * RSS and the report size for each case. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SMALL = Number(process.argv[2] ?? 100_000);
const LARGE = Number(process.argv[3] ?? 3);
const LARGE_MB = Number(process.argv[4] ?? 4.5);
const LIMIT_S = Number(process.argv[5] ?? 600);
const PLACES = ['Tull', 'Brask', 'Harwick', 'Orrin', 'Lund', 'Velm', 'Askar', 'Noor', 'Pell', 'Rime'];
const THINGS = ['flood', 'fire', 'strike', 'storm', 'election', 'trial', 'bridge', 'harbour', 'school', 'mine'];
const OUTLETS = ['Herald', 'Ledger', 'Post', 'Wire', 'Gazette', 'Courier', 'Times', 'Tribune'];

/** A made-up name for story `s` (so stories have words of their own, as real ones do). */
function name(s, k) {
  let x = (Math.imul(s + 1, 2654435761) ^ Math.imul(k + 1, 40503)) >>> 0;
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += 'bcdfghklmnprstvz'[x & 15] + 'aeiou'[(x >>> 4) % 5];
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  }
  return out[0].toUpperCase() + out.slice(1);
}

/** A small article: story `s` told by outlet `o`, with numbers that vary by outlet. */
function small(s, o) {
  const place = `${PLACES[s % PLACES.length]} ${name(s, 0)}`;
  const thing = `${THINGS[Math.floor(s / PLACES.length) % THINGS.length]} of ${name(s, 1)}`;
  const n = 10 + (s % 97);
  return [
    `${thing} hits ${place} (event ${s})`,
    `A ${thing} hit ${place} on Monday, the ${OUTLETS[o % OUTLETS.length]} reported, in event number ${s}.`,
    `About ${n + (o % 3)} people were affected and ${s % 13} roads were closed near ${place}.`,
    `Officials in ${place} said the ${thing} was the worst in ${2 + (s % 40)} years.`,
  ].join('\n');
}

/** A large article of ~`bytes` of varied news sentences (under the 5 MB default cap). */
function large(bytes, seed) {
  const lines = [`Long report number ${seed}`];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `In paragraph ${i} the ${THINGS[(i + seed) % THINGS.length]} near ${PLACES[i % PLACES.length]} damaged ${i % 500} homes, officials said on day ${i % 31}.`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function measure(label, args) {
  return new Promise((resolve) => {
    const useTime = existsSync('/usr/bin/time');
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const argv = useTime ? ['-v', process.execPath, path.join(ROOT, 'bin/dedupe.js'), ...args] : [path.join(ROOT, 'bin/dedupe.js'), ...args];
    const start = performance.now();
    const child = spawn(cmd, argv, { env: { ...process.env, NO_COLOR: '1' }, timeout: LIMIT_S * 1000 });
    let out = 0;
    let err = '';
    child.stdout.on('data', (d) => (out += d.length));
    child.stderr.on('data', (d) => (err += d.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? NaN);
      const rss = Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a';
      console.log(`${label.padEnd(44)} exit ${code ?? 'killed (time limit)'}  ${seconds.toFixed(1).padStart(6)} s  peak RSS ${rss.padStart(7)}  report ${(out / 1024 / 1024).toFixed(1)} MB`);
      resolve();
    });
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dedupe-memory-'));
try {
  const smallDir = path.join(tmp, 'small');
  const stories = Math.max(1, Math.floor(SMALL / 4));
  for (let i = 0; i < SMALL; i++) {
    const sub = path.join(smallDir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${i}.txt`), small(i % stories, Math.floor(i / stories)));
  }
  const largeDir = path.join(tmp, 'large');
  mkdirSync(largeDir);
  for (let i = 0; i < LARGE; i++) writeFileSync(path.join(largeDir, `large-${i}.txt`), large(LARGE_MB * 1024 * 1024, i));
  for (let i = 0; i < 2; i++) {
    const f = path.join(largeDir, `huge-${i}.txt`);
    writeFileSync(f, '');
    truncateSync(f, 200 * 1024 * 1024); // over the 5 MB cap: refused from its size, never read
  }
  console.log(`node ${process.version}, ${os.cpus().length} cores; inputs in ${tmp}`);
  await measure(`${SMALL} small files (~300 bytes each)`, [smallDir, '--json', '-q']);
  await measure(`${LARGE} files of ${LARGE_MB} MB + 2 of 200 MB (skipped)`, [largeDir, '--json', '-q']);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

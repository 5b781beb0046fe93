/**
 * `--timings`: one line on stderr at the end with each stage's time and the peak memory; stdout keeps only the
 * report.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stageTimer } from '../src/timings.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('stageTimer', () => {
  it('gives each stage the time since the one before, the total, and the peak memory in MB', () => {
    let t = 1000;
    let rss = 300 * 2 ** 20;
    const timer = stageTimer(() => t, () => (rss += 10 * 2 ** 20), () => 1536 * 2 ** 20);
    t += 250;
    timer.mark('read');
    t += 12_040;
    timer.mark('clean');
    t += 3000;
    timer.mark('facts and output');
    expect(timer.line()).toBe('dedupe: timings: read 0.3 s (RSS 310 MB) · clean 12.0 s (RSS 320 MB) · facts and output 3.0 s (RSS 330 MB) · total 15.3 s · peak RSS 1,536 MB\n');
  });

  it('says how many worker threads a stage started, when it started any', () => {
    let workers = 3; // started before the run: not counted
    const timer = stageTimer(() => 0, () => 0, () => 0, () => workers);
    workers += 2;
    timer.mark('read');
    timer.mark('clean');
    workers += 1;
    timer.mark('fingerprints');
    expect(timer.line()).toBe('dedupe: timings: read 0.0 s (2 workers, RSS 0 MB) · clean 0.0 s (RSS 0 MB) · fingerprints 0.0 s (1 worker, RSS 0 MB) · total 0.0 s · peak RSS 0 MB\n');
  });
});

describe('dedupe --timings', () => {
  it('writes one timings line with every stage on stderr and leaves the JSON report on stdout whole', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dedupe.js'), path.join(ROOT, 'seeds'), '--json', '--timings'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stories.length).toBeGreaterThan(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^dedupe: timings: read [\d.]+ s \(RSS [\d,]+ MB\) · clean [\d.]+ s \(RSS [\d,]+ MB\) · fingerprints [\d.]+ s \(RSS [\d,]+ MB\) · story scan [\d.]+ s \(RSS [\d,]+ MB\) · clustering [\d.]+ s \(RSS [\d,]+ MB\) · facts and output [\d.]+ s \(RSS [\d,]+ MB\) · total [\d.]+ s · peak RSS [\d,]+ MB$/,
    );
  });

  it('prints nothing about timings without the option', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dedupe.js'), path.join(ROOT, 'seeds'), '--json'], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('timings');
  });
});

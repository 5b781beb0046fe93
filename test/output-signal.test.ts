import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeTemp, writeAtomic } from '../src/output.js';
import { CLI } from './cli-run.js';

describe('the temporary file of --output', () => {
  it('is told to the caller while it exists, and removed by removeTemp', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-temp-'));
    const seen: (string | undefined)[] = [];
    let during: string[] = [];
    async function* pieces(): AsyncGenerator<string> {
      yield 'a';
      during = readdirSync(dir);
      yield 'b';
    }
    expect(await writeAtomic(path.join(dir, 'out.txt'), pieces(), [], (t) => seen.push(t))).toMatchObject({ ok: true });
    expect(seen).toHaveLength(2);
    expect(path.basename(seen[0] ?? '')).toMatch(/^\.out\.txt\.[0-9a-f]{12}\.tmp$/);
    expect(during).toEqual([path.basename(seen[0] ?? '')]);
    expect(seen[1]).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['out.txt']);
    const left = path.join(dir, '.x.tmp');
    writeFileSync(left, 'half');
    expect(removeTemp(left)).toBe(true);
    expect(existsSync(left)).toBe(false);
    expect(removeTemp(left)).toBe(false);
  });
});

/** 600 long articles of one story: its facts take a second or more to write, time to interrupt it. */
function slowFeed(file: string): void {
  const words = 'flood river rain city police officials said monday bridge road school hospital army market village mayor storm wind power water'.split(' ');
  let seed = 1;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const sentences = Array.from({ length: 40 }, () => `${Array.from({ length: 8 + Math.floor(next() * 8) }, () => words[Math.floor(next() * words.length)]).join(' ')} ${Math.floor(next() * 100)} people.`);
    lines.push(JSON.stringify({ title: `Flood in Dhaka ${i % 7}`, source: `S${i % 40}`, text: `Flood hit Dhaka on Monday. ${sentences.join(' ')}` }));
  }
  writeFileSync(file, lines.join('\n'));
}

describe('Ctrl-C while --output is written', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: removes the temporary file, says so, exits ${code}`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-signal-'));
      slowFeed(path.join(dir, 'feed.jsonl'));
      const child = spawn(process.execPath, [CLI, 'feed.jsonl', '--json', '-o', 'out.json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = once(child, 'exit');
      let temp: string | undefined;
      for (let i = 0; i < 3000 && temp === undefined && child.exitCode === null; i++) {
        temp = readdirSync(dir).find((f) => f.endsWith('.tmp'));
        if (temp === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      expect(temp, 'the temporary file appeared before the run ended').toBeDefined();
      child.kill(signal);
      const [status] = await exited;
      expect(status).toBe(code);
      expect(readdirSync(dir).sort()).toEqual(['feed.jsonl']);
      expect(stderr).toContain(`dedupe: interrupted (${signal}): --output out.json not written\n`);
    }, 120_000);
  }
});

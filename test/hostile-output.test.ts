/**
 * Output safety: `--output FILE` writes atomically (temporary file + rename, nothing left behind) and never
 * over an input file, however it is spelt or linked; a reader that goes away is not an error; an internal
 * error is one line saying it is a bug (the stack trace only with --debug).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { runCli, type CliRun, ROOT } from './cli-run.js';

const SEEDS = ['000_599fd1684341c80a.txt', '001_9d1f47d9723a6f2b.txt'];

let dir = '';

const dedupe = (args: readonly string[]): CliRun => runCli(args, { cwd: dir });

const seedText = (): string[] => SEEDS.map((s) => readFileSync(path.join(dir, 'in', s), 'utf8'));

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-output-'));
  mkdirSync(path.join(dir, 'in'));
  mkdirSync(path.join(dir, 'out'));
  for (const s of SEEDS) copyFileSync(path.join(ROOT, 'seeds', s), path.join(dir, 'in', s));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('--output FILE', () => {
  it('writes the same report as stdout would, to the file only, and leaves no temporary file', () => {
    const plain = dedupe(['in', '--json']);
    const r = dedupe(['in', '--json', '--output', 'out/report.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).toBe(plain.stdout);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['report.json']);
  });

  it('replaces an existing file by rename (a new inode), not by writing into it', () => {
    const file = path.join(dir, 'out/replace.txt');
    writeFileSync(file, 'old report');
    const before = statSync(file).ino;
    const r = dedupe(['in', '-o', 'out/replace.txt']);
    expect(r.status).toBe(0);
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toContain('Syrian rebels');
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['replace.txt', 'report.json']);
  });

  it('refuses to write over an input file, however it is named or linked, and leaves it unchanged', () => {
    symlinkSync(path.join(dir, 'in', SEEDS[0] as string), path.join(dir, 'out', 'link.txt'));
    linkSync(path.join(dir, 'in', SEEDS[1] as string), path.join(dir, 'out', 'hard.txt'));
    const before = seedText();
    for (const target of [`in/${SEEDS[0]}`, `./in/../in/${SEEDS[0]}`, path.join(dir, 'in', SEEDS[1] as string), 'out/link.txt', 'out/hard.txt']) {
      const r = dedupe(['in', '--output', target]);
      expect(r.status, target).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean), target).toHaveLength(1);
      expect(r.stderr).toContain('one of the input files');
    }
    expect(seedText()).toEqual(before);
    expect(readdirSync(path.join(dir, 'in')).sort()).toEqual([...SEEDS].sort());
  });

  it('says in one line why it cannot write, with exit 2', () => {
    for (const [target, reason] of [
      ['no-such-folder/report.txt', 'does not exist'],
      ['out', 'not a regular file'],
    ]) {
      const r = dedupe(['in', '--output', target as string]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^dedupe: cannot write --output ${target}: .*${reason}.*\\n$`));
    }
  });
});

describe('stdout that closes early', () => {
  it('exits 0 with nothing on stderr when the reader goes away (dedupe … | head)', async () => {
    const big = path.join(dir, 'big');
    mkdirSync(big);
    for (const s of SEEDS) copyFileSync(path.join(dir, 'in', s), path.join(big, s));
    writeFileSync(path.join(big, 'word.txt'), `Orrin valley flood\nThe word ${'x'.repeat(2_000_000)} is long, officials said.\n`);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'big', '--json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('an internal error', () => {
  function fakeIo(argv: string[]): Io & { err: () => string; out: () => string } {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    return {
      argv: ['node', 'dedupe', ...argv],
      env: { NO_COLOR: '1' },
      cwd: () => {
        throw new Error('simulated failure\nwith a second line');
      },
      stdout,
      stderr,
      err: () => err,
      out: () => out,
    };
  }

  it('prints one line saying it is a bug and how to report it, and exits 1', async () => {
    const io = fakeIo(['seeds/']);
    await main(io);
    await new Promise((r) => setImmediate(r));
    expect(io.exitCode).toBe(1);
    expect(io.out()).toBe('');
    const lines = io.err().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dedupe: internal error \(a bug in dedupe \S+, Node v\d+/);
    expect(lines[0]).toContain('simulated failure\\x0awith a second line');
    expect(lines[0]).toContain('please report it with the command you ran');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('adds the stack trace with --debug', async () => {
    const io = fakeIo(['seeds/', '--debug']);
    await main(io);
    await new Promise((r) => setImmediate(r));
    expect(io.exitCode).toBe(1);
    expect(io.err()).toMatch(/\n\s+at /);
  });
});

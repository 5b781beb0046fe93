/**
 * Packed texts past the memory budget go to an unlinked temporary file and come back byte for byte; the file
 * never shows in a folder, and when it cannot be made the texts stay in memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesOf, PackedStore, spillFolder } from '../src/util/spill.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-spill-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('PackedStore', () => {
  it('keeps texts in shared memory up to its budget and writes the rest to the file', () => {
    const store = new PackedStore(5, dir);
    expect(store.failure).toBeUndefined();
    const a = store.put(bytes(1, 2, 3));
    const b = store.put(bytes(4, 5, 6));
    const c = store.put(bytes(7));
    expect(a).toBeInstanceOf(Uint8Array);
    expect((a as Uint8Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b).not.toBeInstanceOf(Uint8Array); // 3 + 3 > 5
    expect(b).toMatchObject({ at: 0, length: 3 });
    expect(c).toMatchObject({ at: 3, length: 1 }); // once over budget, the rest follows in the file
    expect(store.spilled).toBe(true);
    expect([...bytesOf(a), ...bytesOf(b), ...bytesOf(c)]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    store.close();
  });

  it('gives back exactly what it was given, empty texts and multi-byte text included', () => {
    const store = new PackedStore(0, dir);
    const texts = ['', 'plain', 'Zürich — 東京 🙂', 'x'.repeat(100_000)].map((t) => new TextEncoder().encode(t));
    const kept = texts.map((t) => store.put(t));
    expect(kept.map((k) => new TextDecoder().decode(bytesOf(k)))).toEqual(['', 'plain', 'Zürich — 東京 🙂', 'x'.repeat(100_000)]);
    store.close();
  });

  it('leaves nothing in the folder, even while the file is open', () => {
    const store = new PackedStore(0, dir);
    store.put(bytes(1, 2, 3));
    expect(store.spilled).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    store.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cannot be read once closed, and closing twice is harmless', () => {
    const store = new PackedStore(0, dir);
    const kept = store.put(bytes(9, 9));
    store.close();
    store.close();
    expect(() => bytesOf(kept)).toThrow();
  });

  it('keeps texts in memory when no file can be made there', () => {
    const store = new PackedStore(0, path.join(dir, 'no', 'such', 'folder'));
    const kept = store.put(bytes(1, 2));
    expect(kept).toBeInstanceOf(Uint8Array);
    expect(store.spilled).toBe(false);
    expect(store.failure).toMatch(/ENOENT/);
    expect([...bytesOf(kept)]).toEqual([1, 2]);
    store.close();
  });

  it('says so when a spilled text is cut short instead of returning too few bytes', () => {
    const store = new PackedStore(0, dir);
    const kept = store.put(bytes(1, 2, 3));
    expect(() => bytesOf({ ...(kept as { fd: number; at: number; length: number }), length: 10 })).toThrow(/ended/);
    store.close();
  });
});

describe('a run whose temporary folder cannot take the file', () => {
  it('says so once on stderr, keeps the text in memory and gives the same report', () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const cli = (env: NodeJS.ProcessEnv): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/dedupe.js'), 'seeds/', '--json', '--spill-after', '0'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    const failed = cli({ TMPDIR: file });
    expect(failed.status).toBe(0);
    expect(String(failed.stderr)).toMatch(/^dedupe: warning: .*not-a-folder: no temporary file for the articles' text \(ENOTDIR[^\n]*\); it is kept in memory\n$/);
    const fine = cli({});
    expect(fine.stderr).toBe('');
    const { warnings: _w, ...rest } = JSON.parse(String(failed.stdout)) as Record<string, unknown>;
    const { warnings: _v, ...expected } = JSON.parse(String(fine.stdout)) as Record<string, unknown>;
    expect(rest).toEqual(expected);
  });
});

describe('spillFolder', () => {
  const TMPFS = 0x01021994;
  const EXT4 = 0xef53;
  it('uses the temporary folder when it is on disk', () => {
    expect(spillFolder('/tmp', '/var/tmp', () => EXT4)).toBe('/tmp');
  });
  it('uses /var/tmp when the temporary folder is held in memory and /var/tmp is not', () => {
    expect(spillFolder('/tmp', '/var/tmp', (d) => (d === '/tmp' ? TMPFS : EXT4))).toBe('/var/tmp');
  });
  it('stays with the temporary folder when both are in memory or /var/tmp cannot be looked at', () => {
    expect(spillFolder('/tmp', '/var/tmp', () => TMPFS)).toBe('/tmp');
    expect(
      spillFolder('/tmp', '/var/tmp', (d) => {
        if (d === '/tmp') return TMPFS;
        throw new Error('ENOENT');
      }),
    ).toBe('/tmp');
  });
});

/**
 * How runChunks hands chunks to worker threads (src/parallel/chunk-queue.ts). Worker threads cannot load
 * TypeScript, so the queue is imported from dist/, and the worker (thread-id-worker.mjs) answers each item with
 * its thread id.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;
const WORKER = new URL('./thread-id-worker.mjs', import.meta.url);

describe('runChunks', () => {
  it('gives every worker a chunk before it gives any worker a second one', async () => {
    const { runChunks } = await fromDist<typeof import('../src/parallel/chunk-queue.js')>('parallel/chunk-queue.js');
    const chunks = [0, 1, 2].map((i) => ({ from: i, to: i + 1 }));
    // Three chunks on three workers: each takes one (a batch of a few big stories is spread over the threads).
    // Before, the first worker took two and the third none.
    const ids = await runChunks({ items: [0, 1, 2], chunks, threads: 3, thisThread: false, worker: WORKER, here: () => -1, name: 'test' });
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('puts every result back in its place, whoever worked it out', async () => {
    const { runChunks } = await fromDist<typeof import('../src/parallel/chunk-queue.js')>('parallel/chunk-queue.js');
    const n = 40;
    const chunks = Array.from({ length: n / 4 }, (_, k) => ({ from: 4 * k, to: 4 * k + 4 }));
    const got = await runChunks({ items: Array.from({ length: n }, (_, i) => i), chunks, threads: 3, worker: WORKER, here: () => 0, name: 'test' });
    expect(got).toHaveLength(n);
    // Each chunk was answered by one thread (this one gives 0), and the workers took chunks from the front.
    for (const { from, to } of chunks) expect(new Set(got.slice(from, to)).size).toBe(1);
    expect(got[0]).toBeGreaterThan(0);
  });
});

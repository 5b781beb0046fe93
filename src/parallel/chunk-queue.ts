/**
 * Work on consecutive items shared between worker threads and this thread. The items are cut into chunks kept
 * in order; workers take chunks from the front of the queue ({@link IN_FLIGHT} at a time, so each has the next
 * while it answers), this thread (unless told not to: {@link ChunkWork.thisThread}) takes them from the back one
 * at a time, yielding between chunks so that the workers' answers are taken in and more is sent. Results are put back by position, so the outcome does not
 * depend on which thread did what. A worker that fails, stops or sends an unreadable message rejects the run;
 * workers are terminated at the end, or kept for the next run in a {@link WorkerSet} when all went well.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { startWorker } from './threads.js';

/**
 * Chunks a worker holds at once, so it has the next one while this thread is busy with its own. Handed out one
 * a worker first, then up to this, so a run of a few chunks is spread over every worker.
 */
const IN_FLIGHT = 2;

/** What a worker is sent: consecutive items, the first being item number `at`. */
export interface ChunkMessage<T> {
  readonly at: number;
  readonly items: readonly T[];
}

/** What a worker answers: the result of each item of the chunk, in order. */
export interface ChunkAnswer<R> {
  readonly at: number;
  readonly results: readonly R[];
}

/**
 * Worker threads kept between calls of {@link runChunks} on the same script: a stage that runs in batches (the
 * facts) starts its workers once, not once a batch, and keeps their compiled code warm. {@link close} ends them.
 */
export class WorkerSet {
  readonly #idle: Worker[] = [];

  constructor(
    readonly script: URL,
    readonly workerData: unknown,
  ) {}

  /** `n` workers for one run, idle ones first. */
  take(n: number): Worker[] {
    const taken = this.#idle.splice(0, n);
    for (const w of taken) w.ref();
    while (taken.length < n) taken.push(startWorker(this.script, { workerData: this.workerData }));
    return taken;
  }

  /** Workers whose run went well, for the next one. Idle, they do not keep the process alive. */
  give(workers: readonly Worker[]): void {
    for (const w of workers) w.unref();
    this.#idle.push(...workers);
  }

  /** End every idle worker. */
  async close(): Promise<void> {
    await Promise.all(this.#idle.splice(0).map((w) => w.terminate()));
  }
}

/**
 * Consecutive ranges [from, to) covering items 0 … n − 1, each of at most `most` items and ending with the item
 * that brings its size (`sizeOf`, summed) to `size` or more: so a range holds about `size` (at most `size` plus
 * one item's worth), and an item bigger than that ends the range it starts or joins.
 */
export function chunkRanges(n: number, size: number, sizeOf: (i: number) => number, most = Infinity): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (let from = 0, to = 0; from < n; from = to) {
    for (let total = 0; to < n && to - from < most && (to === from || total < size); to++) total += sizeOf(to);
    ranges.push({ from, to });
  }
  return ranges;
}

/** `A`: what a worker answers for an item, which {@link ChunkWork.received} turns into a result (default: the result). */
export interface ChunkWork<I, R, A = R> {
  readonly items: readonly I[];
  /** Consecutive item ranges [from, to) covering all items. */
  readonly chunks: readonly { readonly from: number; readonly to: number }[];
  /** Threads to use, this one included (≥ 2) unless {@link thisThread} is false (then ≥ 1 workers). */
  readonly threads: number;
  /**
   * Whether this thread takes chunks too (default true). False leaves it free for the caller's own work (say,
   * writing out what an earlier run gave) while `threads` workers do all of this run.
   */
  readonly thisThread?: boolean;
  /**
   * The worker script (which calls {@link serveChunks}) and what it is started with; or a {@link WorkerSet} to
   * take them from and give them back to when the run goes well (else they are terminated).
   */
  readonly worker: URL | WorkerSet;
  readonly workerData?: unknown;
  /** What a worker is sent of an item (e.g. only the fields it reads); default: the item. */
  readonly slim?: (item: I) => unknown;
  /** The work on one item, on this thread; a worker must give the same result. */
  readonly here: (item: I) => R;
  /** What is kept of a worker's answer as it comes in (e.g. a copy to shared memory); default: the answer. */
  readonly received?: (answer: A) => R;
  /** Names the workers in error messages. */
  readonly name: string;
}

/** Every item's result, in order, computed on `work.threads` threads. */
export async function runChunks<I, R, A = R>(work: ChunkWork<I, R, A>): Promise<R[]> {
  const { items, chunks } = work;
  const out = new Array<R>(items.length);
  const put = (at: number, results: readonly R[]): void => results.forEach((r, i) => (out[at + i] = r));
  let front = 0; // chunks[front, back) are not handed out yet
  let back = chunks.length;

  /** Feeds `worker` until the queue is empty; `topUp` fills its hands after the first round (see below). */
  const feed = (worker: Worker): { done: Promise<void>; topUp: () => void } => {
    let topUp = (): void => undefined;
    const done = new Promise<void>((resolve, reject) => {
      let held = 0;
      const stop = (): void => {
        worker.off('message', onMessage).off('error', onError).off('messageerror', onError).off('exit', onExit);
      };
      const send = (most = IN_FLIGHT): void => {
        for (; held < most && front < back; held++) {
          const { from, to } = chunks[front++] as { from: number; to: number };
          const part = items.slice(from, to);
          worker.postMessage({ at: from, items: work.slim ? part.map(work.slim) : part } satisfies ChunkMessage<unknown>);
        }
        if (held === 0) {
          stop();
          resolve();
        }
      };
      const onMessage = (answer: ChunkAnswer<A>): void => {
        try {
          put(answer.at, work.received ? answer.results.map(work.received) : (answer.results as readonly unknown[] as readonly R[]));
        } catch (e) {
          // Taking an answer in runs the caller's code (storing it, reporting): a throw there fails the run, not
          // the process (it would be uncaught in this listener).
          onError(e);
          return;
        }
        held--;
        send();
      };
      const onError = (e: unknown): void => {
        stop();
        reject(e);
      };
      const onExit = (code: number): void => onError(new Error(`${work.name} worker stopped with exit code ${code}`));
      worker.on('message', onMessage).on('error', onError).on('messageerror', onError).on('exit', onExit);
      // The first round hands each worker one chunk, the next fills their hands: a batch of a few chunks (a few
      // big stories) is then spread over the threads instead of going two at a time to the first worker.
      send(1);
      topUp = (): void => {
        if (held > 0) send();
      };
    });
    return { done, topUp };
  };

  const here = work.thisThread ?? true;
  const onThisThread = async (): Promise<void> => {
    while (here && front < back) {
      const { from, to } = chunks[--back] as { from: number; to: number };
      put(from, items.slice(from, to).map(work.here));
      await new Promise((next) => setImmediate(next)); // let the workers' answers in, and send them more
    }
  };

  const set = work.worker instanceof WorkerSet ? work.worker : undefined;
  const count = here ? work.threads - 1 : work.threads;
  const workers = set ? set.take(count) : Array.from({ length: count }, () => startWorker(work.worker as URL, { workerData: work.workerData }));
  let ok = false;
  try {
    const feeds = workers.map(feed);
    for (const f of feeds) f.topUp();
    await Promise.all([...feeds.map((f) => f.done), onThisThread()]);
    ok = true;
  } finally {
    back = front; // after a failure, hand out nothing more
    if (ok && set) set.give(workers);
    else await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/**
 * In a worker script: answer every chunk with `work` applied to each of its items, until terminated.
 * `transfer`: the buffers of a result to hand over rather than copy (each must be the result's own).
 */
export function serveChunks<T, R>(work: (item: T) => R, transfer?: (result: R) => readonly ArrayBufferLike[]): void {
  parentPort?.on('message', (chunk: ChunkMessage<T>) => {
    const results = chunk.items.map(work);
    const handed = transfer ? [...new Set(results.flatMap(transfer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) : [];
    parentPort?.postMessage({ at: chunk.at, results } satisfies ChunkAnswer<R>, handed);
  });
}

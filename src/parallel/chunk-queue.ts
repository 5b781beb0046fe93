/**
 * Work on consecutive items shared between worker threads and this thread. The items are cut into chunks kept
 * in order; workers take chunks from the front of the queue ({@link IN_FLIGHT} at a time, so each has the next
 * while it answers), this thread takes them from the back one at a time, yielding between chunks so that the
 * workers' answers are taken in and more is sent. Results are put back by position, so the outcome does not
 * depend on which thread did what. A worker that fails, stops or sends an unreadable message rejects the run;
 * workers are always terminated at the end.
 */
import { parentPort, Worker } from 'node:worker_threads';

/** Chunks a worker holds at once, so it has the next one while this thread is busy with its own. */
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

/** `A`: what a worker answers for an item, which {@link ChunkWork.received} turns into a result (default: the result). */
export interface ChunkWork<I, R, A = R> {
  readonly items: readonly I[];
  /** Consecutive item ranges [from, to) covering all items. */
  readonly chunks: readonly { readonly from: number; readonly to: number }[];
  /** Threads to use, this one included (≥ 2). */
  readonly threads: number;
  /** The worker script (which calls {@link serveChunks}) and what it is started with. */
  readonly worker: URL;
  readonly workerData: unknown;
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

  const feed = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let held = 0;
      const send = (): void => {
        for (; held < IN_FLIGHT && front < back; held++) {
          const { from, to } = chunks[front++] as { from: number; to: number };
          const part = items.slice(from, to);
          worker.postMessage({ at: from, items: work.slim ? part.map(work.slim) : part } satisfies ChunkMessage<unknown>);
        }
        if (held === 0) resolve();
      };
      worker.on('message', (answer: ChunkAnswer<A>) => {
        put(answer.at, work.received ? answer.results.map(work.received) : (answer.results as readonly unknown[] as readonly R[]));
        held--;
        send();
      });
      worker.once('error', reject);
      worker.once('messageerror', reject);
      worker.once('exit', (code) => reject(new Error(`${work.name} worker stopped with exit code ${code}`)));
      send();
    });

  const onThisThread = async (): Promise<void> => {
    while (front < back) {
      const { from, to } = chunks[--back] as { from: number; to: number };
      put(from, items.slice(from, to).map(work.here));
      await new Promise((next) => setImmediate(next)); // let the workers' answers in, and send them more
    }
  };

  const workers = Array.from({ length: work.threads - 1 }, () => new Worker(work.worker, { workerData: work.workerData }));
  try {
    await Promise.all([...workers.map(feed), onThisThread()]);
  } finally {
    back = front; // after a failure, hand out nothing more
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/** In a worker script: answer every chunk with `work` applied to each of its items, until terminated. */
export function serveChunks<T, R>(work: (item: T) => R): void {
  parentPort?.on('message', (chunk: ChunkMessage<T>) => {
    parentPort?.postMessage({ at: chunk.at, results: chunk.items.map(work) } satisfies ChunkAnswer<R>);
  });
}

/**
 * `--timings`: how long each stage of a run took and how much memory the process held, as one line on stderr
 * at the end, for people tuning a large run (and for the benchmark script). Pure: the clock and the memory
 * reading are given, so the line is testable.
 */

/**
 * The stages of a run, in order: `run` reports the ends of all but the last (RunHooks.onStage in run.ts), the
 * CLI that of the last. `clean` includes parsing and finding recurring lines; `fingerprints` the MinHash
 * signatures, term counts and TF-IDF vectors; `story scan` the story edges and, meanwhile on the main thread,
 * the near-duplicate pairs; `clustering` average link and the partial copies within stories; `facts and output`
 * the facts of each story as it is written.
 */
export type StageName = 'read' | 'clean' | 'fingerprints' | 'story scan' | 'clustering' | 'facts and output';

export interface StageTimer {
  /** `stage` has just ended. */
  readonly mark: (stage: StageName) => void;
  /** "dedupe: timings: read 3.6 s (2 workers, RSS 310 MB) · clean 12.0 s (RSS 520 MB) · … · total 75.1 s · peak RSS 1,064 MB". */
  readonly line: () => string;
}

/**
 * A timer started now; `now` in milliseconds, `rssBytes` the process's resident memory now (read at the end of
 * each stage), `peakRssBytes` its peak so far, `workers` how many worker threads the process has started so far
 * (a stage that started some says how many: whether `--jobs` gave it threads depends on its size).
 */
export function stageTimer(now: () => number, rssBytes: () => number, peakRssBytes: () => number, workers: () => number = () => 0): StageTimer {
  const start = now();
  let last = start;
  let started = workers();
  const parts: string[] = [];
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;
  return {
    mark(stage) {
      const t = now();
      const count = workers() - started;
      const threads = count > 0 ? `${count} worker${count === 1 ? '' : 's'}, ` : '';
      parts.push(`${stage} ${seconds(t - last)} (${threads}RSS ${mb(rssBytes())})`);
      last = t;
      started += count;
    },
    line() {
      return `dedupe: timings: ${[...parts, `total ${seconds(last - start)}`, `peak RSS ${mb(peakRssBytes())}`].join(' · ')}\n`;
    },
  };
}

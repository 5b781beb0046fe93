/**
 * A one-line progress display for long runs: files read, articles fingerprinted, stories found, with an
 * estimate of the time left for the current stage (linear in what is done; approximate). Pure: it formats
 * lines and decides when to redraw; the CLI writes them to stderr, and only when stderr is a terminal and
 * `--quiet` is off.
 */
import type { ProgressEvent } from './types.js';
import { STDIN_NAME } from './input/stdin.js';
import { safeText } from './render/safe.js';

/** Each stage's noun, one and many, and what was done to them. */
const LABELS: Readonly<Record<ProgressEvent['stage'], readonly [string, string, string]>> = {
  read: ['file', 'files', 'read'],
  lines: ['line', 'lines', 'read from'],
  fingerprinted: ['article', 'articles', 'fingerprinted'],
  stories: ['story', 'stories', 'found'],
  facts: ['story', 'stories', 'with facts aligned'],
};

/** "12 s", "3 min". */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** The progress line for `event`, given when its stage started (`stageStart`) and the time now, in ms. */
export function progressLine(event: ProgressEvent, stageStart: number, now: number): string {
  const from = event.from === undefined || event.from === STDIN_NAME ? 'standard input' : safeText(event.from);
  const [one, many, done] = LABELS[event.stage];
  const counted = event.stage === 'stories' || event.total <= 0;
  // The noun agrees with the number before it: "1 story found", "1 of 5 files read".
  const label = `${(counted ? event.done : event.total) === 1 ? one : many} ${done}${event.stage === 'lines' ? ` ${from}` : ''}`;
  if (counted) return `dedupe: ${event.done.toLocaleString('en-US')} ${label}`;
  const share = event.done / event.total;
  const left = share > 0 && share < 1 && now - stageStart >= 1000 ? `, about ${duration(((now - stageStart) * (1 - share)) / share)} left` : '';
  return `dedupe: ${event.done.toLocaleString('en-US')} of ${event.total.toLocaleString('en-US')} ${label}${left}`;
}

/**
 * Returns a handler for progress events that calls `write` with "\r" + a line (at most every `intervalMs`,
 * and at each new stage), and a `done` function that clears the line. `clock` gives the time in ms.
 */
export function progressReporter(write: (s: string) => void, clock: () => number, intervalMs = 200) {
  let stage: ProgressEvent['stage'] | undefined;
  let stageStart = 0;
  let last = -Infinity;
  let shown = 0;
  const onProgress = (event: ProgressEvent): void => {
    const now = clock();
    if (event.stage !== stage) {
      stage = event.stage;
      stageStart = now;
    } else if (now - last < intervalMs) return;
    last = now;
    const line = progressLine(event, stageStart, now);
    write(`\r${line.padEnd(shown)}`);
    shown = line.length;
  };
  const done = (): void => {
    if (shown > 0) write(`\r${' '.repeat(shown)}\r`);
    shown = 0;
  };
  return { onProgress, done };
}

// Preloaded into the measured dedupe process (`node --import`): on exit, write its own resource usage (CPU time
// of all threads, peak RSS) to the file named by DEDUPE_BENCH_PROBE. Writes nothing to stdout or stderr.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * CPU time, in ms, of the main thread and of the other threads still alive at exit: V8's background threads
 * (compiling, collecting garbage) and libuv's, since the worker threads have ended by then. From /proc (Linux;
 * undefined elsewhere), where times are in ticks of 1/100 s.
 */
function threadCpu() {
  try {
    let mainMs = 0;
    let helperMs = 0;
    let helpers = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start at the third; utime and stime are the 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (Number(tid) === process.pid) mainMs += ms;
      else {
        helperMs += ms;
        helpers++;
      }
    }
    return Number.isFinite(mainMs + helperMs) ? { mainMs, helperMs, helpers } : undefined;
  } catch {
    return undefined;
  }
}

const out = process.env.DEDUPE_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS, threads: threadCpu() }));
  });
}

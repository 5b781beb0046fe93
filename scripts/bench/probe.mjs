// Preloaded into the measured dedupe process (`node --import`): on exit, write its own resource usage (CPU time
// of all threads, peak RSS) to the file named by DEDUPE_BENCH_PROBE. Writes nothing to stdout or stderr.
import { writeFileSync } from 'node:fs';

const out = process.env.DEDUPE_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}

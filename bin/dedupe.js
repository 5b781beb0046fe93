#!/usr/bin/env node
import v8 from 'node:v8';

// Grow the heap by at most 20% between full collections (V8 otherwise lets it grow up to 4× for throughput):
// a large run makes garbage by the gigabyte, and left to the default the process's peak memory is mostly
// garbage not yet collected. Measured on 20,000 articles: peak RSS 812 → 591 MB, the same CPU time. Set before
// the program is loaded, for its worker threads too.
v8.setFlagsFromString('--heap-growing-percent=20');
const { main } = await import('../dist/cli.js');
main(process);

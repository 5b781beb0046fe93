/** Option parsers and the options shared by `dedupe`, `dedupe eval` and `dedupe explain`. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { DEFAULT_OPTIONS, type RunOptions } from '../run.js';
import { threadBudget } from '../parallel/threads.js';
import { MEMORY_BYTES } from '../util/spill.js';
import { UsageError, type Io } from './io.js';
import { parseDate } from '../input/date.js';

/** `value` as a number; NaN when it is empty or blank (which `Number` would read as 0). */
const numberOf = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

export function fraction(name: string, open = false) {
  return (value: string): number => {
    const x = numberOf(value);
    if (!Number.isFinite(x) || x > 1 || (open ? x <= 0 : x < 0)) {
      throw new InvalidArgumentError(`${name} must be a number in ${open ? '(0, 1]' : '[0, 1]'}.`);
    }
    return x;
  };
}

export function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const x = numberOf(value);
    if (!Number.isInteger(x) || x < min || x > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return x;
  };
}

/** A date or date and time as `--since` and `--until` take it (input/date.ts reads it): kept as given. */
export function dateFlag(name: string) {
  return (value: string): string => {
    if (parseDate(value) === undefined) throw new InvalidArgumentError(`${name} takes a date such as 2026-11-27, or a date and time such as 2026-11-27T18:00Z.`);
    return value;
  };
}

/** A factor on how much some words count: a number from 0 to {@link MAX_WEIGHT}. */
export function weight(name: string) {
  return (value: string): number => {
    const x = numberOf(value);
    if (!Number.isFinite(x) || x < 0 || x > MAX_WEIGHT) throw new InvalidArgumentError(`${name} must be a number from 0 to ${MAX_WEIGHT}.`);
    return x;
  };
}
const MAX_WEIGHT = 100;

/** "5MB", "500k", "1048576" → bytes, at least `min`. */
export function parseSize(value: string, min = 1): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('size must look like 500KB, 5MB or a number of bytes.');
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  // "1.5" was taken as 1 byte: a fraction of a byte is a unit left out, not a size.
  if (scale === 1 && !Number.isInteger(Number(m[1]))) throw new InvalidArgumentError(`a size in bytes is a whole number; give a unit for a fraction (${m[1]}MB, ${m[1]}KB).`);
  const bytes = Math.floor(Number(m[1]) * scale);
  if (bytes < min) throw new InvalidArgumentError(`size must be at least ${min} byte${min === 1 ? '' : 's'}.`);
  return bytes;
}

/** A default size as the help shows it: "5MB". */
const megabytes = (bytes: number): string => `${bytes / 1024 ** 2}MB`;

/** Options that shape a run, shared by `dedupe` and `dedupe eval`. */
export function withRunOptions(cmd: Command): Command {
  const d = DEFAULT_OPTIONS;
  return cmd
    .option('--single-story', 'treat all input as one story and go straight to the facts')
    .option('--story-threshold <x>', 'average TF-IDF cosine for articles to be one story, in (0, 1]', fraction('--story-threshold', true), d.storyThreshold)
    .option('--duplicate-threshold <x>', 'Jaccard similarity of word shingles for a near-duplicate copy, in (0, 1]', fraction('--duplicate-threshold', true), d.duplicateThreshold)
    .option('--partial-threshold <x>', "share of a shorter text's word shingles found in a longer one of its story for a partial copy (cut republished copy), in (0, 1]", fraction('--partial-threshold', true), d.partialThreshold)
    .option('--fact-threshold <x>', 'sentence similarity for two sentences to tell one fact, in (0, 1]', fraction('--fact-threshold', true), d.factThreshold)
    .option('--name-weight <x>', 'how much more a name (capitalised word) counts in story similarity, from 0 to 100', weight('--name-weight'), d.nameWeight)
    .option('--title-weight <x>', 'how much more a headline word counts in story similarity, from 0 to 100', weight('--title-weight'), d.titleWeight)
    .option('--year-penalty <x>', 'factor on the similarity of articles dated (or mentioning years) 2+ years apart, in [0, 1]', fraction('--year-penalty'), d.yearPenalty)
    .option('--country-penalty <x>', 'factor on the similarity of articles whose datelines or leads name different countries, in [0, 1] (1: none)', fraction('--country-penalty'), d.countryPenalty)
    .option('--date-window <days>', 'days fully dated articles may be apart and still be one story without a penalty', integer('--date-window', 0, 365), d.dateWindow)
    .option('--permutations <n>', 'MinHash permutations', integer('--permutations', 8, 1024), d.permutations)
    .option('--shingle <n>', 'words per shingle for near-duplicate detection', integer('--shingle', 1, 16), d.shingle)
    .option('--seed <n>', 'seed of the MinHash hash functions', integer('--seed', 0, 0xffffffff), d.seed)
    .addOption(new Option('--max-size <size>', 'skip files larger than this (e.g. 500KB, 20MB); for JSON Lines, lines larger than this').argParser((v) => parseSize(v)).default(d.maxBytes, megabytes(d.maxBytes)))
    .addOption(
      new Option('--spill-after <size>', 'article text held in memory before the rest goes to a temporary file (0: all of it)')
        .argParser((v) => parseSize(v, 0))
        .default(MEMORY_BYTES, megabytes(MEMORY_BYTES)),
    )
    .addOption(
      new Option('--jobs <n>', 'at most this many threads per heavy stage; a stage uses more than one only when its input is big enough (see README, Performance); the report is the same for every value')
        .argParser(integer('--jobs', 1, 256))
        .default(availableParallelism(), `the number of cores, ${availableParallelism()} here`),
    )
    .option('-q, --quiet', 'do not print skipped-file messages or progress on stderr')
    .option('--debug', 'print stack traces for internal errors');
}

export function configure(cmd: Command, io: Io): Command {
  return cmd.exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    // commander's own messages ("error: option … is invalid") start as every other message does.
    outputError: (s, write) => write(`dedupe: ${s}`),
  });
}

export interface ParsedFlags {
  json?: boolean;
  format: string;
  matrix?: boolean;
  minSources: number;
  sort: string;
  top?: number;
  source: string[];
  notSource: string[];
  match: string[];
  since?: string;
  until?: string;
  singleStory?: boolean;
  nameWeight: number;
  titleWeight: number;
  yearPenalty: number;
  countryPenalty: number;
  dateWindow: number;
  storyThreshold: number;
  duplicateThreshold: number;
  partialThreshold: number;
  factThreshold: number;
  permutations: number;
  shingle: number;
  seed: number;
  maxSize: number;
  spillAfter: number;
  width?: number;
  color: boolean;
  quiet?: boolean;
  timings?: boolean;
  debug?: boolean;
  jobs: number;
  output?: string;
}

/**
 * `DEDUPE_WORKER_SCALE` (see parallel/threads.ts): a decimal number above 0, or 1 when unset or empty. Anything
 * else is a usage error, so a typo does not quietly leave the default.
 */
export function workerScale(env: Io['env']): number {
  const value = env.DEDUPE_WORKER_SCALE?.trim();
  if (value === undefined || value === '') return 1;
  const x = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(x) || x <= 0) throw new UsageError(`DEDUPE_WORKER_SCALE must be a number above 0, such as 0.5; got "${value}"`);
  return x;
}

/** The run's options from the flags and, for the worker threads' shares, the environment. */
export function runOptions(flags: ParsedFlags, env: Io['env']): RunOptions {
  return {
    ...DEFAULT_OPTIONS,
    storyThreshold: flags.storyThreshold,
    duplicateThreshold: flags.duplicateThreshold,
    partialThreshold: flags.partialThreshold,
    factThreshold: flags.factThreshold,
    nameWeight: flags.nameWeight,
    titleWeight: flags.titleWeight,
    yearPenalty: flags.yearPenalty,
    countryPenalty: flags.countryPenalty,
    dateWindow: flags.dateWindow,
    permutations: flags.permutations,
    shingle: flags.shingle,
    seed: flags.seed,
    singleStory: flags.singleStory === true,
    maxBytes: flags.maxSize,
    memoryBytes: flags.spillAfter,
    threads: threadBudget(flags.jobs, workerScale(env)),
  };
}

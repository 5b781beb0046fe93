/**
 * The command line: parse arguments, call `run`, hand the report to a renderer, and own the exit code.
 * The only module that touches the process (argv, env, streams, exit code).
 *
 * Exit codes: 0 success; 1 internal error (a bug); 2 usage error (bad option, no input, no usable article).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_OPTIONS, run, type RunOptions } from './run.js';
import { isFormat, renderers, type Format } from './render/index.js';
import { safeText } from './render/safe.js';
import type { Diagnostic } from './types.js';

export interface Io {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: () => string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  exitCode?: number | string | undefined;
}

export const VERSION = '0.1.0';

const EXAMPLES = `
Examples:
  dedupe seeds/                          stories, facts and conflicts of the seed articles
  dedupe 'feeds/**/*.md' --json | jq '.stories[] | {title, sources}'
  dedupe coverage/ --single-story        the folder is one story: go straight to the facts
  dedupe articles/ --story-threshold 0.3 stricter story grouping

Exit codes: 0 success, 1 internal error (a bug: please report it), 2 usage error or no usable input.`;

function fraction(name: string, open = false) {
  return (value: string): number => {
    const x = Number(value);
    if (!Number.isFinite(x) || x > 1 || (open ? x <= 0 : x < 0)) {
      throw new InvalidArgumentError(`${name} must be a number in ${open ? '(0, 1]' : '[0, 1]'}.`);
    }
    return x;
  };
}

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const x = Number(value);
    if (!Number.isInteger(x) || x < min || x > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return x;
  };
}

/** "5MB", "500k", "1048576" → bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('size must look like 500KB, 5MB or a number of bytes.');
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * scale);
  if (bytes < 1) throw new InvalidArgumentError('size must be at least 1 byte.');
  return bytes;
}

function program(io: Io): Command {
  const d = DEFAULT_OPTIONS;
  return new Command()
    .name('dedupe')
    .description('Group news articles into stories, spot republished copies, and show the facts each source adds, leaves out or disagrees on.')
    .version(VERSION, '-V, --version')
    .argument('[paths...]', 'article files, folders (searched recursively for .txt and .md) or glob patterns')
    .option('--json', 'write the report as one JSON document (same as --format json)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(renderers)).default('terminal'))
    .option('--single-story', 'treat all input as one story and go straight to the facts')
    .option('--story-threshold <x>', 'average TF-IDF cosine for articles to be one story, in (0, 1]', fraction('--story-threshold', true), d.storyThreshold)
    .option('--duplicate-threshold <x>', 'estimated Jaccard of word shingles for a near-duplicate copy, in (0, 1)', fraction('--duplicate-threshold', true), d.duplicateThreshold)
    .option('--fact-threshold <x>', 'sentence similarity for two sentences to tell one fact, in (0, 1]', fraction('--fact-threshold', true), d.factThreshold)
    .option('--permutations <n>', 'MinHash permutations', integer('--permutations', 8, 1024), d.permutations)
    .option('--shingle <n>', 'words per shingle for near-duplicate detection', integer('--shingle', 1, 16), d.shingle)
    .option('--seed <n>', 'seed of the MinHash hash functions', integer('--seed', 0, 0xffffffff), d.seed)
    .option('--max-size <size>', 'skip files larger than this (e.g. 500KB, 20MB)', parseSize, d.maxBytes)
    .option('--width <n>', 'wrap terminal output at this many columns', integer('--width', 40, 1000))
    .option('--no-color', 'no colour, even on a terminal (also: NO_COLOR=1)')
    .option('-q, --quiet', 'do not print skipped-file messages on stderr')
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
}

interface ParsedFlags {
  json?: boolean;
  format: string;
  singleStory?: boolean;
  storyThreshold: number;
  duplicateThreshold: number;
  factThreshold: number;
  permutations: number;
  shingle: number;
  seed: number;
  maxSize: number;
  width?: number;
  color: boolean;
  quiet?: boolean;
  debug?: boolean;
}

function useColor(io: Io, flags: ParsedFlags): boolean {
  if (!flags.color) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

function describe(d: Diagnostic): string {
  return `dedupe: ${d.level === 'skipped' ? 'skipped' : 'warning:'} ${safeText(d.path)}: ${safeText(d.reason)}\n`;
}

/** Run the command line; sets `io.exitCode`. */
export async function main(io: Io): Promise<void> {
  const cmd = program(io);
  let debug = io.argv.includes('--debug');
  try {
    try {
      cmd.parse(io.argv as string[]);
    } catch (err) {
      if (err instanceof CommanderError) {
        io.exitCode = err.exitCode === 0 ? 0 : 2;
        return;
      }
      throw err;
    }
    const flags = cmd.opts<ParsedFlags>();
    debug = flags.debug === true;
    const paths = cmd.args;
    if (paths.length === 0) {
      io.stderr.write(`dedupe: no input: give article files or folders, e.g. \`dedupe seeds/\`\n${cmd.helpInformation()}`);
      io.exitCode = 2;
      return;
    }
    const format: Format = flags.json ? 'json' : isFormat(flags.format) ? flags.format : 'terminal';
    const options: RunOptions = {
      ...DEFAULT_OPTIONS,
      storyThreshold: flags.storyThreshold,
      duplicateThreshold: flags.duplicateThreshold,
      factThreshold: flags.factThreshold,
      permutations: flags.permutations,
      shingle: flags.shingle,
      seed: flags.seed,
      singleStory: flags.singleStory === true,
      maxBytes: flags.maxSize,
    };
    const result = await run(paths, io.cwd(), options, {
      onDiagnostic: (d) => {
        if (!flags.quiet) io.stderr.write(describe(d));
      },
    });
    if (!result.ok) {
      io.stderr.write(
        result.reason === 'no-input'
          ? 'dedupe: no article files found (folders are searched for .txt, .text, .md and .markdown files)\n'
          : 'dedupe: no usable article in the input (every file was skipped)\n',
      );
      io.exitCode = 2;
      return;
    }
    const width = flags.width ?? (io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80);
    io.stdout.write(renderers[format](result.report, { color: useColor(io, flags), width }));
    io.exitCode = 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(
      `dedupe: internal error (a bug in dedupe ${VERSION}, Node ${process.version}): ${safeText(message)}\n` +
        (debug && err instanceof Error && err.stack ? `${err.stack}\n` : 'Please report it with the command you ran and, if you can, the input files; --debug shows the stack trace.\n'),
    );
    io.exitCode = 1;
  }
}

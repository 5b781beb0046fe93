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
import { isSortKey, selectStories, SORT_KEYS } from './render/select.js';
import { explain } from './explain/explain.js';
import { formatExplanation } from './explain/format.js';
import { evaluate, loadGold } from './eval/evaluate.js';
import { formatEval, formatSweep, parseSweep } from './eval/format.js';
import type { Diagnostic } from './types.js';
import { availableParallelism } from 'node:os';
import { progressReporter } from './progress.js';
import path from 'node:path';
import { writeAtomic } from './output.js';

export interface Io {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: () => string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Read only when the paths include `-`. */
  readonly stdin?: NodeJS.ReadableStream;
  exitCode?: number | string | undefined;
}

export const VERSION = '0.1.0';

const EXAMPLES = `
Examples:
  dedupe seeds/                          stories, facts and conflicts of the seed articles
  dedupe 'feeds/**/*.md' --json | jq '.stories[] | {title, sources}'
  dedupe coverage/ --single-story        the folder is one story: go straight to the facts
  dedupe seeds/ --format markdown        paste into an issue tracker or chat
  dedupe seeds/ --format html -o report.html
                                         one self-contained page: matrix, texts, conflicts side by side
  dedupe feeds/ --format ndjson | jq -c '.story.title'
  dedupe feeds/ --min-sources 3 --sort date --no-matrix
  dedupe explain a.txt b.txt             why two articles are (not) one story or copies
  dedupe explain a.txt b.txt --context feeds/   the same, scored within a run on feeds/
  dedupe articles/ --story-threshold 0.3 stricter story grouping
  dedupe eval bench/articles --stories bench/stories.tsv --facts bench/facts.jsonl
  dedupe eval bench/articles --stories bench/stories.tsv --sweep story-threshold=0.15:0.35:0.05

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

/** Options that shape a run, shared by `dedupe` and `dedupe eval`. */
function withRunOptions(cmd: Command): Command {
  const d = DEFAULT_OPTIONS;
  return cmd
    .option('--single-story', 'treat all input as one story and go straight to the facts')
    .option('--story-threshold <x>', 'average TF-IDF cosine for articles to be one story, in (0, 1]', fraction('--story-threshold', true), d.storyThreshold)
    .option('--duplicate-threshold <x>', 'estimated Jaccard of word shingles for a near-duplicate copy, in (0, 1]', fraction('--duplicate-threshold', true), d.duplicateThreshold)
    .option('--fact-threshold <x>', 'sentence similarity for two sentences to tell one fact, in (0, 1]', fraction('--fact-threshold', true), d.factThreshold)
    .option('--name-weight <x>', 'how much more a name (capitalised word) counts in story similarity', Number, d.nameWeight)
    .option('--title-weight <x>', 'how much more a headline word counts in story similarity', Number, d.titleWeight)
    .option('--year-penalty <x>', 'factor on the similarity of articles dated (or mentioning years) 2+ years apart, in [0, 1]', fraction('--year-penalty'), d.yearPenalty)
    .option('--date-window <days>', 'days fully dated articles may be apart and still be one story without a penalty', integer('--date-window', 0, 365), d.dateWindow)
    .option('--permutations <n>', 'MinHash permutations', integer('--permutations', 8, 1024), d.permutations)
    .option('--shingle <n>', 'words per shingle for near-duplicate detection', integer('--shingle', 1, 16), d.shingle)
    .option('--seed <n>', 'seed of the MinHash hash functions', integer('--seed', 0, 0xffffffff), d.seed)
    .option('--max-size <size>', 'skip files larger than this (e.g. 500KB, 20MB)', parseSize, d.maxBytes)
    .option('--jobs <n>', 'worker threads for the heavy stages (default: number of cores); the report is the same for every value', integer('--jobs', 1, 256), availableParallelism())
    .option('-q, --quiet', 'do not print skipped-file messages or progress on stderr')
    .option('--debug', 'print stack traces for internal errors');
}

function configure(cmd: Command, io: Io): Command {
  return cmd.exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
}

function program(io: Io): Command {
  const cmd = new Command()
    .name('dedupe')
    .description('Group news articles into stories, spot republished copies, and show the facts each source adds, leaves out or disagrees on.')
    .version(VERSION, '-V, --version')
    .argument('[paths...]', 'article files, folders (searched recursively for .txt, .md, .html, .json, .jsonl), glob patterns, or - (stdin: JSON Lines or paths)')
    .option('--json', 'write the report as one JSON document (same as --format json)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(renderers)).default('terminal'))
    .option('--width <n>', 'wrap terminal output at this many columns', integer('--width', 40, 1000))
    .option('--no-color', 'no colour, even on a terminal (also: NO_COLOR=1)')
    .option('-o, --output <file>', 'write the report to this file (atomically; never over an input file) instead of stdout')
    .option('--matrix', 'show the facts × sources matrix of each story in the terminal view (default)')
    .option('--no-matrix', 'hide the facts × sources matrix')
    .option('--min-sources <n>', 'show only stories told by at least this many distinct sources', integer('--min-sources', 1, 100000), 1)
    .addOption(new Option('--sort <key>', 'order of stories: most sources, most articles, or newest first').choices(SORT_KEYS).default('sources'));
  return configure(withRunOptions(cmd), io).addHelpText('after', EXAMPLES);
}

function evalProgram(io: Io): Command {
  const cmd = new Command()
    .name('dedupe eval')
    .description('Score stories (and fact groups) against gold labels; see README "Measuring quality".')
    .argument('<folder>', 'the labelled articles')
    .requiredOption('--stories <file>', 'gold stories: path<TAB>story lines, paths relative to this file\'s folder')
    .option('--facts <file>', 'gold facts: JSON Lines, one fact per line with its mentions')
    .option('--sweep <spec>', 'score each value of an option, e.g. story-threshold=0.1:0.5:0.05')
    .option('--json', 'write the figures as JSON');
  return configure(withRunOptions(cmd), io);
}

interface ParsedFlags {
  json?: boolean;
  format: string;
  matrix?: boolean;
  minSources: number;
  sort: string;
  singleStory?: boolean;
  nameWeight: number;
  titleWeight: number;
  yearPenalty: number;
  dateWindow: number;
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
  jobs: number;
  output?: string;
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

function runOptions(flags: ParsedFlags): RunOptions {
  return {
    ...DEFAULT_OPTIONS,
    storyThreshold: flags.storyThreshold,
    duplicateThreshold: flags.duplicateThreshold,
    factThreshold: flags.factThreshold,
    nameWeight: flags.nameWeight,
    titleWeight: flags.titleWeight,
    yearPenalty: flags.yearPenalty,
    dateWindow: flags.dateWindow,
    permutations: flags.permutations,
    shingle: flags.shingle,
    seed: flags.seed,
    singleStory: flags.singleStory === true,
    maxBytes: flags.maxSize,
    jobs: flags.jobs,
  };
}

const SWEEPABLE: Readonly<Record<string, keyof RunOptions>> = {
  'story-threshold': 'storyThreshold',
  'fact-threshold': 'factThreshold',
  'duplicate-threshold': 'duplicateThreshold',
  'name-weight': 'nameWeight',
  'title-weight': 'titleWeight',
  'year-penalty': 'yearPenalty',
  'date-window': 'dateWindow',
};

async function evalMain(io: Io, args: readonly string[]): Promise<void> {
  const cmd = evalProgram(io);
  cmd.parse(args as string[], { from: 'user' });
  const flags = cmd.opts<ParsedFlags & { stories: string; facts?: string; sweep?: string }>();
  const folder = cmd.args[0] ?? '';
  const input = { folder, storiesFile: flags.stories, ...(flags.facts ? { factsFile: flags.facts } : {}) };
  const gold = await loadGold(input);
  const base = runOptions(flags);
  if (!flags.sweep) {
    const result = await evaluate(input, gold, base);
    io.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatEval(result));
    return;
  }
  const { name, values } = parseSweep(flags.sweep);
  const key = SWEEPABLE[name];
  if (!key) throw new UsageError(`--sweep can vary ${Object.keys(SWEEPABLE).join(', ')}; not "${name}"`);
  const results = [];
  for (const value of values) results.push({ value, result: await evaluate(input, gold, { ...base, [key]: value }) });
  io.stdout.write(flags.json ? `${JSON.stringify({ sweep: name, results }, null, 2)}\n` : formatSweep(name, results));
}

function explainProgram(io: Io): Command {
  const cmd = new Command()
    .name('dedupe explain')
    .description('Why two articles are or are not in one story, and whether they are near-duplicate copies.')
    .argument('<a>', 'an article file')
    .argument('<b>', 'another article file')
    .option('--context <paths...>', 'also read these files or folders, and score A and B as in a run on all of them')
    .option('--json', 'write the explanation as JSON')
    .option('--width <n>', 'wrap output at this many columns', integer('--width', 40, 1000))
    .option('--no-color', 'no colour, even on a terminal (also: NO_COLOR=1)');
  return configure(withRunOptions(cmd), io);
}

async function explainMain(io: Io, args: readonly string[]): Promise<void> {
  const cmd = explainProgram(io);
  cmd.parse(args as string[], { from: 'user' });
  const flags = cmd.opts<ParsedFlags & { context?: string[] }>();
  const [a = '', b = ''] = cmd.args;
  const result = await explain([a, b], flags.context ?? [], io.cwd(), runOptions(flags), (d) => {
    if (!flags.quiet) io.stderr.write(describe(d));
  });
  if (!result.ok) throw new UsageError(`explain: ${result.reason}`);
  const width = flags.width ?? (io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80);
  io.stdout.write(flags.json ? `${JSON.stringify(result.explanation, null, 2)}\n` : formatExplanation(result.explanation, { color: useColor(io, flags), width }));
}

/** All of a stream as UTF-8 text (stdin for `dedupe -`). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Errors from reading the user's own files (a missing gold file, a malformed label line). */
function isInputError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || /line \d+/.test(err.message) || err.message.startsWith('no usable article') || err.message.startsWith('--sweep');
}

/** A mistake in how dedupe was called: exit code 2, one line on stderr. */
class UsageError extends Error {}

/** Run the command line; sets `io.exitCode`. */
export async function main(io: Io): Promise<void> {
  // A reader that goes away (`dedupe … | head`) is not an error; any other failure to write is one line.
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    io.stderr.write(`dedupe: cannot write the report: ${safeText(err.message)}\n`);
    io.exitCode = 2;
  });
  const cmd = program(io);
  let debug = io.argv.includes('--debug');
  try {
    try {
      if (io.argv[2] === 'eval') {
        await evalMain(io, io.argv.slice(3));
        io.exitCode = 0;
        return;
      }
      if (io.argv[2] === 'explain') {
        await explainMain(io, io.argv.slice(3));
        io.exitCode = 0;
        return;
      }
      cmd.parse(io.argv as string[]);
    } catch (err) {
      if (err instanceof CommanderError) {
        io.exitCode = err.exitCode === 0 ? 0 : 2;
        return;
      }
      if (err instanceof UsageError || isInputError(err)) {
        io.stderr.write(`dedupe: ${safeText(err instanceof Error ? err.message : String(err))}\n`);
        io.exitCode = 2;
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
    const options = runOptions(flags);
    const stdin = paths.includes('-') && io.stdin ? await readAll(io.stdin) : undefined;
    const progress = progressReporter((s) => io.stderr.write(s), () => performance.now());
    const showProgress = io.stderr.isTTY === true && !flags.quiet;
    const result = await run(paths, io.cwd(), options, {
      ...(stdin !== undefined ? { stdin } : {}),
      ...(showProgress ? { onProgress: progress.onProgress } : {}),
      onDiagnostic: (d) => {
        progress.done();
        if (!flags.quiet) io.stderr.write(describe(d));
      },
    });
    progress.done();
    if (!result.ok) {
      io.stderr.write(
        result.reason === 'no-input'
          ? 'dedupe: no article files found (folders are searched for .txt, .md, .html, .json and .jsonl files)\n'
          : 'dedupe: no usable article in the input (every file was skipped)\n',
      );
      io.exitCode = 2;
      return;
    }
    const toFile = flags.output !== undefined;
    const width = flags.width ?? (!toFile && io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80);
    const shown = selectStories(result.report, { minSources: flags.minSources, sort: isSortKey(flags.sort) ? flags.sort : 'sources' });
    const hidden = result.report.stories.length - shown.stories.length;
    if (hidden > 0 && !flags.quiet) io.stderr.write(`dedupe: --min-sources ${flags.minSources}: ${hidden} of ${result.report.stories.length} stories not shown\n`);
    const text = renderers[format](shown, { color: !toFile && useColor(io, flags), width, matrix: flags.matrix !== false });
    if (flags.output !== undefined) {
      const written = await writeAtomic(path.resolve(io.cwd(), flags.output), text, result.files);
      if (!written.ok) {
        io.stderr.write(`dedupe: cannot write --output ${safeText(flags.output)}: ${safeText(written.reason)}\n`);
        io.exitCode = 2;
        return;
      }
    } else io.stdout.write(text);
    io.exitCode = 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // One line (safeText escapes any newline in the message); the stack trace only with --debug.
    io.stderr.write(
      `dedupe: internal error (a bug in dedupe ${VERSION}, Node ${process.version}): ${safeText(message)} — please report it with the command you ran and, if you can, the input files${debug ? '' : ' (--debug shows the stack trace)'}\n` +
        (debug && err instanceof Error && err.stack ? `${err.stack}\n` : ''),
    );
    io.exitCode = 1;
  }
}

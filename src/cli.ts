/**
 * The command line: parse arguments, call `run`, hand the report to a renderer, and own the exit code.
 * The only module that touches the process (argv, env, streams, exit code).
 * The `eval` and `explain` subcommands are in src/cli/eval.ts and src/cli/explain.ts; shared options in src/cli/options.ts.
 *
 * Exit codes: 0 success, also when no input held an article (an empty report); 1 internal error (a bug); 2 usage
 * error (bad option, no file found).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runPlanned } from './run.js';
import { isFormat, renderers, renderStream, type Format } from './render/index.js';
import { safeText } from './render/safe.js';
import { filterFlags, isSortKey, selectStories, SORT_KEYS, type SelectOptions } from './render/select.js';
import { nearSources, sourceKey } from './render/match.js';
import { progressReporter } from './progress.js';
import { stageTimer } from './timings.js';
import path from 'node:path';
import { removeTemp, writeAtomic, writeStream } from './output.js';
import { configure, dateFlag, integer, runOptions, withRunOptions, type ParsedFlags } from './cli/options.js';
import { parseDate } from './input/date.js';
import { describe, UsageError, useColor, type Io } from './cli/io.js';
import { evalMain } from './cli/eval.js';
import { explainMain } from './cli/explain.js';
import { workersStarted } from './parallel/threads.js';
import { ARTICLE_EXTENSIONS } from './input/discover.js';

/** The endings folders are searched for, as the help and messages list them: ".txt, .text, … or .xml" (each also gzipped). */
const ENDINGS = `${ARTICLE_EXTENSIONS.slice(0, -1).map((e) => `.${e}`).join(', ')} or .${ARTICLE_EXTENSIONS[ARTICLE_EXTENSIONS.length - 1]}`;
/** The reasons input/discover.ts gives a path it could not find: a run of only such paths has no folder to search. */
const MISSING: ReadonlySet<string> = new Set(['no such file or folder', 'broken symbolic link']);

export type { Io } from './cli/io.js';
export { parseSize } from './cli/options.js';

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
  dedupe feeds/ --format csv -o articles.csv   a row an article, for spreadsheets
  dedupe feeds/ --min-sources 3 --sort date --no-matrix
  dedupe feeds/ --sort date --top 10     the ten newest stories
  dedupe feeds/ --match ceasefire --match Gaza   stories that mention both
  dedupe feeds/ --min-sources 3 --not-source 'BBC News'   what three outlets covered and the BBC did not
  dedupe feeds/ --since 2026-11-27 --sort date   stories with an article dated from 27 November on
  dedupe explain a.txt b.txt             why two articles are (not) one story or copies
  dedupe explain a.txt b.txt --context feeds/   the same, scored within a run on feeds/
  dedupe articles/ --story-threshold 0.3 stricter story grouping
  dedupe eval bench/articles --stories bench/stories.tsv --facts bench/facts.jsonl
  dedupe eval bench/articles --stories bench/stories.tsv --sweep story-threshold=0.15:0.35:0.05

Exit codes: 0 success (also when the inputs hold no article: an empty report), 1 internal error (a bug: please
report it), 2 usage error or nothing to read (no path given exists, or a folder holds no article file).`;

function program(io: Io): Command {
  const cmd = new Command()
    .name('dedupe')
    .description('Group news articles into stories, spot republished copies, and show the facts each source adds, leaves out or disagrees on.')
    .version(VERSION, '-V, --version')
    .argument('[paths...]', `article files, folders (searched recursively for ${ENDINGS}, gzipped or not), glob patterns, or - (stdin: JSON Lines, a feed, a page, a table, one article, or a list of paths)`)
    .option('--json', 'write the report as one JSON document (same as --format json)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(renderers)).default('terminal'))
    .option('--width <n>', 'wrap terminal output at this many columns', integer('--width', 40, 1000))
    .option('--no-color', 'no colour, even on a terminal (also: NO_COLOR=1)')
    .option('-o, --output <file>', 'write the report to this file (atomically; never over an input file) instead of stdout (- is stdout)')
    .option('--matrix', 'show the facts × sources matrix of each story in the terminal, Markdown and HTML views (default)')
    .option('--no-matrix', 'hide the facts × sources matrix (a shorter Markdown to paste: the lists of facts stay)')
    .option('--min-sources <n>', 'show only stories told by at least this many distinct sources', integer('--min-sources', 1, 100000), 1)
    .addOption(new Option('--sort <key>', 'order of stories: most sources, most articles, or newest first').choices(SORT_KEYS).default('sources'))
    .option('--top <n>', 'show only the first n stories, in the order of --sort (after the other filters); only those get their facts worked out', integer('--top', 1, 100000000))
    .option('--source <name>', 'show only stories this source told (repeat: told by all of them); the name as the report shows it, case and accents aside', collectNamed, [])
    .option('--not-source <name>', 'show only stories this source did not tell (repeat: none of them), e.g. what others covered and it missed', collectNamed, [])
    .option('--match <phrase>', 'show only stories whose articles mention this phrase: its words in a row, whole words, case, punctuation and accents aside (repeat: every phrase)', collectNamed, [])
    .option('--since <date>', 'show only stories with an article dated on or after this date (2026-11-27: that day where the article was published, as the views show it; or a time, 2026-11-27T18:00Z); undated stories are not shown', dateFlag('--since'))
    .option('--until <date>', 'show only stories with an article dated on or before this date (a date alone: to the end of that day)', dateFlag('--until'))
    .option('--timings', 'print on stderr, at the end, how long each stage took, the worker threads it started and the peak memory');
  return configure(withRunOptions(cmd), io).addHelpText('after', EXAMPLES);
}

/**
 * One stderr line for each `--source` or `--not-source` that names no source of the run (a typo would otherwise
 * show nothing, or everything, without a word), with the names it may have meant.
 */
function unknownSources(selection: SelectOptions, known: readonly string[]): string[] {
  const keys = new Set(known.map(sourceKey));
  const lines: string[] = [];
  for (const [flag, names] of [['--source', selection.source ?? []], ['--not-source', selection.notSource ?? []]] as const) {
    for (const name of names) {
      if (keys.has(sourceKey(name))) continue;
      const near = nearSources(name, known);
      const listed = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(', ');
      const hint =
        near.length > 0
          ? `; did you mean ${listed(near)}?`
          : known.length <= 10
            ? `; the sources are ${listed(known)}`
            : `; the run has ${known.length.toLocaleString('en-US')} sources (the JSON report's \`sources\` lists them)`;
      lines.push(`dedupe: ${flag} ${safeText(JSON.stringify(name))}: no source of that name${safeText(hint)}\n`);
    }
  }
  return lines;
}

/** Commander's collector of a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** {@link collect} for a name or phrase, which may not be blank (an empty `--source ''` chose no story, silently). */
function collectNamed(value: string, previous: string[]): string[] {
  if (value.trim() === '') throw new InvalidArgumentError('It is empty: give a name or a phrase.');
  return collect(value, previous);
}

/** Errors from reading the user's own files (a missing gold file, a malformed label line). */
function isInputError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || /line \d+/.test(err.message) || err.message.startsWith('no usable article') || err.message.startsWith('--sweep');
}

/** Exit codes of a run ended by a signal, as a shell reports them (128 + its number). */
const SIGNAL_EXIT: Readonly<Record<'SIGHUP' | 'SIGINT' | 'SIGTERM', number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * `write` (which tells its temporary file as it makes and removes it), with SIGINT (Ctrl-C), SIGTERM and SIGHUP (a
 * dropped ssh session) handled meanwhile: the temporary file is removed, one line says the report was not written,
 * and the process ends with 130, 143 or 129. Outside of writing, signals end the run as they do by default (nothing of it is on disk).
 */
async function writingInterruptible<T>(output: string, write: (onTemp: (temp: string | undefined) => void) => Promise<T>, io: Io): Promise<T> {
  let temp: string | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (temp !== undefined) removeTemp(temp);
    io.stderr.write(`dedupe: interrupted (${signal}): --output ${safeText(output)} not written\n`);
    process.exit(SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT] ?? 130);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop).on('SIGHUP', stop);
  try {
    return await write((t) => (temp = t));
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop).off('SIGHUP', stop);
  }
}

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
    if (flags.json && cmd.getOptionValueSource('format') === 'cli' && flags.format !== 'json') {
      io.stderr.write(`dedupe: --json and --format ${safeText(flags.format)} ask for two formats: give one\n`);
      io.exitCode = 2;
      return;
    }
    if (flags.since !== undefined && flags.until !== undefined && (parseDate(flags.since)?.ms ?? 0) > (parseDate(flags.until)?.ms ?? 0)) {
      io.stderr.write(`dedupe: --since ${safeText(flags.since)} is after --until ${safeText(flags.until)}: no story could be shown\n`);
      io.exitCode = 2;
      return;
    }
    const format: Format = flags.json ? 'json' : isFormat(flags.format) ? flags.format : 'terminal';
    const options = runOptions(flags, io.env);
    // Read as the run goes (JSON Lines a line at a time), not here: a feed on stdin is never held whole.
    const stdin = paths.includes('-') ? io.stdin : undefined;
    const progress = progressReporter((s) => io.stderr.write(s), () => performance.now());
    const showProgress = io.stderr.isTTY === true && !flags.quiet;
    const timer = flags.timings ? stageTimer(() => performance.now(), () => process.memoryUsage.rss(), () => process.resourceUsage().maxRSS * 1024, workersStarted) : undefined;
    // The given paths that do not exist (a broken link inside a folder is no missing path).
    const given = new Set(paths);
    let missing = 0;
    const result = await runPlanned(paths, io.cwd(), options, {
      ...(stdin !== undefined ? { stdin } : {}),
      ...(showProgress ? { onProgress: progress.onProgress } : {}),
      ...(timer ? { onStage: timer.mark } : {}),
      onDiagnostic: (d) => {
        progress.done();
        if (d.level === 'skipped' && MISSING.has(d.reason) && given.has(d.path)) missing++;
        if (!flags.quiet) io.stderr.write(describe(d));
      },
    });
    progress.done();
    if (!result.ok) {
      // The folder hint only when a path was there to search: for paths that do not exist it is beside the point.
      io.stderr.write(
        result.reason !== 'no-input'
          ? 'dedupe: no usable article in the input\n'
          : stdin === undefined && missing >= paths.length
            ? `dedupe: no article files found: ${paths.length === 1 ? 'the path does not exist' : 'none of the paths exists'}\n`
            : `dedupe: no article files found (folders are searched for ${ENDINGS} files, gzipped or not)\n`,
      );
      io.exitCode = 2;
      return;
    }
    try {
      // `-o -` is stdout, as `-` is standard input among the paths.
      const output = flags.output === '-' ? undefined : flags.output;
      const toFile = output !== undefined;
      const width = flags.width ?? (!toFile && io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80);
      const { outline } = result.planned;
      const selection: SelectOptions = {
        minSources: flags.minSources,
        sort: isSortKey(flags.sort) ? flags.sort : 'sources',
        ...(flags.top !== undefined ? { top: flags.top } : {}),
        source: flags.source,
        notSource: flags.notSource,
        match: flags.match,
        ...(flags.since !== undefined ? { since: flags.since } : {}),
        ...(flags.until !== undefined ? { until: flags.until } : {}),
      };
      if (outline.articles.length === 0 && !flags.quiet) {
        // Not an error (exit 0, README: Exit codes): a quiet hour's empty feed gives an empty report, which replaces
        // the last one. One line says so, after the files' own lines, since every file may have been bad.
        const n = outline.skipped.length;
        io.stderr.write(`dedupe: no article in the input${n > 0 ? ` (${n.toLocaleString('en-US')} ${n === 1 ? 'input' : 'inputs'} skipped)` : ''}: the report is empty\n`);
      }
      if (!flags.quiet) for (const line of unknownSources(selection, outline.sources.map((s) => s.source))) io.stderr.write(line);
      const shown = selectStories(outline, selection, result.planned.articleTexts);
      if ((flags.since !== undefined || flags.until !== undefined) && !flags.quiet && !outline.articles.some((a) => a.date !== undefined)) {
        io.stderr.write('dedupe: --since and --until look at the articles\' dates, and no article of the run has one (see README, Input)\n');
      }
      const hidden = outline.stories.length - shown.stories.length;
      if (hidden > 0 && !flags.quiet) {
        const by = filterFlags(selection);
        const stories = outline.stories.length === 1 ? 'story' : 'stories';
        io.stderr.write(`dedupe: ${by.join(' ')}: ${hidden.toLocaleString('en-US')} of ${outline.stories.length.toLocaleString('en-US')} ${stories} not shown\n`);
      }
      // Stories are chosen and ordered on the outline; their facts are worked out as they are written. json and
      // ndjson write each story as it comes, so neither the whole text nor every story's facts are ever held.
      const chunks = renderStream(format, shown, result.planned, { color: !toFile && useColor(io, flags), width, matrix: flags.matrix !== false });
      if (output !== undefined) {
        const written = await writingInterruptible(output, (onTemp) => writeAtomic(path.resolve(io.cwd(), output), chunks, result.files, onTemp), io);
        if (!written.ok) {
          io.stderr.write(`dedupe: cannot write --output ${safeText(output)}: ${safeText(written.reason)}\n`);
          io.exitCode = 2;
          return;
        }
      } else await writeStream(io.stdout, chunks);
      timer?.mark('facts and output');
      if (timer) io.stderr.write(timer.line());
      // A write failure other than EPIPE has already set exit code 2 (see the 'error' listener above).
      io.exitCode ??= 0;
    } finally {
      result.close(); // the articles' texts and their temporary file, if any
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`dedupe: ${safeText(err.message)}\n`);
      io.exitCode = 2;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    // One line (safeText escapes any newline in the message); the stack trace only with --debug.
    io.stderr.write(
      `dedupe: internal error (a bug in dedupe ${VERSION}, Node ${process.version}): ${safeText(message)} — please report it with the command you ran and, if you can, the input files${debug ? '' : ' (--debug shows the stack trace)'}\n` +
        (debug && err instanceof Error && err.stack ? `${err.stack}\n` : ''),
    );
    io.exitCode = 1;
  }
}

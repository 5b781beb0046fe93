/** `dedupe eval`: score stories (and fact groups) against gold labels, once or over a sweep of one option. */
import { Command } from 'commander';
import type { RunOptions } from '../run.js';
import { evaluate, loadGold } from '../eval/evaluate.js';
import { formatEval, formatSweep, parseSweep } from '../eval/format.js';
import { configure, runOptions, withRunOptions, type ParsedFlags } from './options.js';
import { UsageError, type Io } from './io.js';

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

const SWEEPABLE: Readonly<Record<string, keyof RunOptions>> = {
  'story-threshold': 'storyThreshold',
  'fact-threshold': 'factThreshold',
  'duplicate-threshold': 'duplicateThreshold',
  'name-weight': 'nameWeight',
  'title-weight': 'titleWeight',
  'year-penalty': 'yearPenalty',
  'date-window': 'dateWindow',
};

export async function evalMain(io: Io, args: readonly string[]): Promise<void> {
  const cmd = evalProgram(io);
  cmd.parse(args as string[], { from: 'user' });
  const flags = cmd.opts<ParsedFlags & { stories: string; facts?: string; sweep?: string }>();
  const folder = cmd.args[0] ?? '';
  const input = { folder, storiesFile: flags.stories, ...(flags.facts ? { factsFile: flags.facts } : {}) };
  const base = runOptions(flags, io.env); // usage errors before reading the gold files
  const gold = await loadGold(input);
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

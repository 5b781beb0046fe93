/** `dedupe eval`: score stories (and fact groups) against gold labels, once or over a sweep of one option. */
import { Command } from 'commander';
import type { RunOptions } from '../run.js';
import { evaluate, loadGold } from '../eval/evaluate.js';
import { evalJson, formatEval, formatSweep, parseSweep, sweepJson } from '../eval/format.js';
import { configure, fraction, integer, runOptions, weight, withRunOptions, type ParsedFlags } from './options.js';
import { UsageError, type Io } from './io.js';
import { escapeUnsafe } from '../render/json.js';

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

/** The options a sweep can vary, and the check each value gets (the option's own). */
const SWEEPABLE: Readonly<Record<string, { readonly key: keyof RunOptions; readonly check: (value: string) => number }>> = {
  'story-threshold': { key: 'storyThreshold', check: fraction('story-threshold', true) },
  'fact-threshold': { key: 'factThreshold', check: fraction('fact-threshold', true) },
  'duplicate-threshold': { key: 'duplicateThreshold', check: fraction('duplicate-threshold', true) },
  'name-weight': { key: 'nameWeight', check: weight('name-weight') },
  'title-weight': { key: 'titleWeight', check: weight('title-weight') },
  'year-penalty': { key: 'yearPenalty', check: fraction('year-penalty') },
  'country-penalty': { key: 'countryPenalty', check: fraction('country-penalty') },
  'date-window': { key: 'dateWindow', check: integer('date-window', 0, 365) },
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
    io.stdout.write(flags.json ? `${escapeUnsafe(JSON.stringify(evalJson(result), null, 2))}\n` : formatEval(result));
    return;
  }
  const { name, values } = parseSweep(flags.sweep);
  const sweepable = SWEEPABLE[name];
  if (!sweepable) throw new UsageError(`--sweep can vary ${Object.keys(SWEEPABLE).join(', ')}; not "${name}"`);
  const { key, check } = sweepable;
  // Without labelled facts the fact threshold changes nothing that is scored: every row would be the same.
  if (key === 'factThreshold' && !flags.facts) throw new UsageError('--sweep fact-threshold scores fact links, which need --facts <file>');
  for (const value of values) {
    try {
      check(String(value));
    } catch (e) {
      throw new UsageError(`--sweep ${name}=${value}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const results = [];
  for (const value of values) results.push({ value, result: await evaluate(input, gold, { ...base, [key]: value }) });
  io.stdout.write(flags.json ? `${escapeUnsafe(JSON.stringify(sweepJson(name, results), null, 2))}\n` : formatSweep(name, results));
}

/** `dedupe explain`: why two articles are or are not one story, and whether they are copies. */
import { Command } from 'commander';
import { explain } from '../explain/explain.js';
import { explanationJson, formatExplanation } from '../explain/format.js';
import { configure, integer, runOptions, withRunOptions, type ParsedFlags } from './options.js';
import { describe, UsageError, useColor, type Io } from './io.js';
import { escapeUnsafe } from '../render/json.js';

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

export async function explainMain(io: Io, args: readonly string[]): Promise<void> {
  const cmd = explainProgram(io);
  cmd.parse(args as string[], { from: 'user' });
  const flags = cmd.opts<ParsedFlags & { context?: string[] }>();
  const [a = '', b = ''] = cmd.args;
  const result = await explain([a, b], flags.context ?? [], io.cwd(), runOptions(flags, io.env), (d) => {
    if (!flags.quiet) io.stderr.write(describe(d));
  });
  if (!result.ok) throw new UsageError(`explain: ${result.reason}`);
  const width = flags.width ?? (io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80);
  io.stdout.write(flags.json ? `${escapeUnsafe(JSON.stringify(explanationJson(result.explanation), null, 2))}\n` : formatExplanation(result.explanation, { color: useColor(io, flags), width }));
}

/**
 * The built CLI (bin/dedupe.js) run as its own process, as a user runs it: what every end-to-end test spawns.
 * Colour is off (NO_COLOR=1, FORCE_COLOR unset) unless `env` is given, which then replaces those two settings.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder: the default working directory of a run. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'bin/dedupe.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Working directory (default: the project's folder). */
  readonly cwd?: string;
  /** Standard input. */
  readonly input?: string | Buffer;
  /** Variables over the process's own; when given, NO_COLOR and FORCE_COLOR are only what it says. */
  readonly env?: Readonly<Record<string, string>>;
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, options.env ?? { NO_COLOR: '1' });
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

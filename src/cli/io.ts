/**
 * What the command line is given instead of `process` (argv, env, streams, exit code), and the helpers that
 * read it: colour on or off, one-line diagnostics, and the usage error that ends a run with exit code 2.
 */
import type { Diagnostic } from '../types.js';
import { safeText } from '../render/safe.js';
import type { ParsedFlags } from './options.js';

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

export function useColor(io: Io, flags: ParsedFlags): boolean {
  if (!flags.color) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  // FORCE_COLOR, as Node and chalk read it: 0 or false turns colour off, any other value on, even when piped.
  if (io.env.FORCE_COLOR === '0' || io.env.FORCE_COLOR === 'false') return false;
  if (io.env.FORCE_COLOR !== undefined) return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

export function describe(d: Diagnostic): string {
  return `dedupe: ${d.level === 'skipped' ? 'skipped' : 'warning:'} ${safeText(d.path)}: ${safeText(d.reason)}\n`;
}

/** A mistake in how dedupe was called: exit code 2, one line on stderr. */
export class UsageError extends Error {}

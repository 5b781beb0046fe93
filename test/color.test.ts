import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useColor, type Io } from '../src/cli/io.js';
import type { ParsedFlags } from '../src/cli/options.js';

/** An Io whose stdout is a terminal or not, with `env`. */
function io(tty: boolean, env: Record<string, string>): Io {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  return { argv: [], env: { TERM: 'xterm', ...env }, cwd: () => '/', stdout, stderr: new PassThrough() };
}
const flags = (color: boolean): ParsedFlags => ({ color }) as ParsedFlags;

describe('colour', () => {
  it('is on for a terminal, off when piped, off with --no-color or NO_COLOR', () => {
    expect(useColor(io(true, {}), flags(true))).toBe(true);
    expect(useColor(io(false, {}), flags(true))).toBe(false);
    expect(useColor(io(true, {}), flags(false))).toBe(false);
    expect(useColor(io(true, { NO_COLOR: '1' }), flags(true))).toBe(false);
  });

  it('follows FORCE_COLOR as Node reads it: 0 or false off even on a terminal, any other value on even when piped', () => {
    for (const off of ['0', 'false']) expect(useColor(io(true, { FORCE_COLOR: off }), flags(true)), off).toBe(false);
    for (const on of ['1', '2', 'true', '']) expect(useColor(io(false, { FORCE_COLOR: on }), flags(true)), on).toBe(true);
    expect(useColor(io(false, { FORCE_COLOR: '1' }), flags(false))).toBe(false);
  });
});

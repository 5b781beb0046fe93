/**
 * Discover: turn the command line's paths (files, folders, glob patterns) into a sorted, de-duplicated list
 * of files. A path that does not exist becomes a diagnostic, not an error.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../types.js';

/** File endings read when a folder is given. A file named explicitly is read whatever its ending. */
export const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'json', 'jsonl', 'ndjson'] as const;

export interface Discovered {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

function isGlob(pattern: string): boolean {
  return fg.isDynamicPattern(pattern);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function kindOf(p: string): Promise<'file' | 'dir' | 'missing' | 'other'> {
  try {
    const s = await stat(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

async function isBrokenLink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Expand `inputs` relative to `cwd`. Folders are searched recursively for article files, skipping hidden
 * folders and node_modules; symbolic links to files are followed, links to folders are not (no loops).
 */
export async function discover(inputs: readonly string[], cwd: string): Promise<Discovered> {
  const found = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const add = (shown: string): void => {
    const key = path.resolve(cwd, shown);
    if (!found.has(key)) found.set(key, toPosix(shown));
  };
  const globOptions = {
    cwd,
    dot: false,
    onlyFiles: false,
    followSymbolicLinks: false,
    unique: true,
    suppressErrors: true,
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**'] as string[],
    objectMode: true,
  } as const;
  /** Glob matches that are files, or symbolic links to files (links to folders are not followed: no loops). */
  const files = async (pattern: string): Promise<string[]> => {
    const out: string[] = [];
    for (const entry of await fg(pattern, globOptions)) {
      if (entry.dirent.isFile()) out.push(entry.path);
      else if (entry.dirent.isSymbolicLink() && (await kindOf(path.resolve(cwd, entry.path))) === 'file') out.push(entry.path);
    }
    return out;
  };

  for (const input of inputs) {
    const kind = await kindOf(path.resolve(cwd, input));
    if (kind === 'file') {
      add(input);
    } else if (kind === 'dir') {
      const base = toPosix(input).replace(/\/+$/, '') || '.';
      for (const m of await files(`${fg.escapePath(base)}/**/*.{${ARTICLE_EXTENSIONS.join(',')}}`)) add(m);
    } else if (kind === 'missing' && isGlob(input)) {
      const matches = await files(toPosix(input));
      if (matches.length === 0) diagnostics.push({ path: input, reason: 'no files match this pattern', level: 'skipped' });
      for (const m of matches) add(m);
    } else if (kind === 'missing') {
      diagnostics.push({ path: input, reason: (await isBrokenLink(path.resolve(cwd, input))) ? 'broken symbolic link' : 'no such file or folder', level: 'skipped' });
    } else {
      diagnostics.push({ path: input, reason: 'not a regular file or folder', level: 'skipped' });
    }
  }
  return { files: [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), diagnostics };
}

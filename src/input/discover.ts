/**
 * Discover: turn the command line's paths (files, folders, glob patterns) into a sorted, de-duplicated list
 * of files. A path that does not exist becomes a diagnostic, not an error.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../types.js';

/**
 * File endings read when a folder is given, each also gzipped (`.jsonl.gz`, `.csv.gz`, …), as dumps and data sets
 * often are. A file named explicitly is read whatever its ending. Gzipped JSON Lines are read a line at a time (see
 * lines.ts), other gzipped files decompressed whole within `--max-size` (read.ts); web archives (`.warc`, and
 * Common Crawl's WET text as `.wet` or `.warc.wet.gz`) a record at a time (warc.ts). An `.xml` file that is
 * neither a feed nor a page is skipped with a message saying so.
 */
export const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'webarchive', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'rss', 'atom', 'xml', 'warc', 'wet'] as const;

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

async function kindOf(p: string): Promise<'file' | 'dir' | 'missing' | 'loop' | 'other'> {
  try {
    const s = await stat(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch (err) {
    return (err as { code?: unknown }).code === 'ELOOP' ? 'loop' : 'missing';
  }
}

async function isBrokenLink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when the folder a link leads to contains the link itself (following it would never end). */
async function isLoop(link: string): Promise<boolean> {
  try {
    const target = await realpath(link);
    const home = await realpath(path.dirname(link));
    return home === target || home.startsWith(target + path.sep);
  } catch {
    return false;
  }
}

/** Why a symbolic link cannot be read as an article, or undefined when it leads to a file or a folder. */
function linkProblem(kind: Awaited<ReturnType<typeof kindOf>>): string | undefined {
  return kind === 'loop' ? 'symbolic link loop' : kind === 'missing' ? 'broken symbolic link' : kind === 'other' ? 'not a regular file' : undefined;
}

/** The stems of a folder's saved web pages, lower case: `story` for `Story.html` or `story.htm`. */
function savedPages(entries: readonly Dirent[]): Set<string> {
  return new Set(entries.flatMap((e) => (/\.html?$/i.test(e.name) ? [e.name.replace(/\.html?$/i, '').toLowerCase()] : [])));
}

/**
 * Whether a folder is the resources of a page saved beside it, as browsers save "Web page, complete": `Story_files/`
 * next to `Story.html`, holding its images, style sheets, scripts and the frames of its ads and embeds, which are
 * not articles. Passed over without a word.
 */
const isPageResources = (folder: string, pages: ReadonlySet<string>): boolean => folder.endsWith('_files') && pages.has(folder.slice(0, -'_files'.length).toLowerCase());

/**
 * Expand `inputs` relative to `cwd`. Folders are searched recursively for article files, skipping hidden
 * folders, node_modules and the resource folders of saved pages (`Story_files/` beside `Story.html`); symbolic links to files are followed, links to folders are not (no loops) and are
 * reported, as loops when they lead to a folder that contains them. `literal`: more paths, never read as glob
 * patterns (those listed on stdin: a name may hold `*`, and `find … | dedupe -` lists names, not patterns).
 */
export async function discover(inputs: readonly string[], cwd: string, literal: readonly string[] = []): Promise<Discovered> {
  const found = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  /** `key`: the file's real path, which tells files apart whatever links they were reached through. */
  const add = (shown: string, key: string): void => {
    if (!found.has(key)) found.set(key, toPosix(shown));
  };
  // Real paths of folders, each worked out once: a named file's key is its folder's real path and its name (one
  // lstat a file), or, for a symbolic link, where the link leads.
  const realFolders = new Map<string, Promise<string>>();
  const realFolder = (folder: string): Promise<string> => {
    let real = realFolders.get(folder);
    if (!real) realFolders.set(folder, (real = realpath(folder).catch(() => folder)));
    return real;
  };
  const realKey = async (file: string, isLink?: boolean): Promise<string> => {
    const link = isLink ?? (await lstat(file).then((l) => l.isSymbolicLink(), () => false));
    if (link) return realpath(file).catch(() => file);
    return path.join(await realFolder(path.dirname(file)), path.basename(file));
  };
  const problems = new Set<string>();
  const problem = (shown: string, reason: string): void => {
    const key = path.resolve(cwd, shown);
    if (problems.has(key)) return;
    problems.add(key);
    diagnostics.push({ path: toPosix(shown), reason, level: 'skipped' });
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
  /**
   * Glob matches that are files, or symbolic links to files (links to folders are not followed: no loops).
   * A matching link that is broken or part of a loop becomes a diagnostic.
   */
  const files = async (pattern: string): Promise<{ shown: string; key: string }[]> => {
    const out: { shown: string; key: string }[] = [];
    for (const entry of await fg(pattern, globOptions)) {
      const file = path.resolve(cwd, entry.path);
      if (entry.dirent.isFile()) {
        out.push({ shown: entry.path, key: await realKey(file, false) });
      } else if (entry.dirent.isSymbolicLink()) {
        const kind = await kindOf(file);
        const why = linkProblem(kind);
        if (kind === 'file') out.push({ shown: entry.path, key: await realKey(file, true) });
        else if (why) problem(entry.path, why);
      }
    }
    return out;
  };
  const endings = new RegExp(`\\.(${ARTICLE_EXTENSIONS.join('|')})(\\.gz)?$`, 'i');
  /**
   * The article files under the folder `base`, shown as `base/…` (as the folder was given; `.` adds nothing):
   * walked by hand rather than by a glob, whose patterns cannot name every folder (`news+(2017)`, a backslash)
   * and whose `**` skips names with line breaks. Hidden files and folders and node_modules are passed over.
   */
  const walk = async (base: string): Promise<void> => {
    const root = path.resolve(cwd, base);
    // Files are told apart by their place under the folder's real path, so a folder named twice (itself and through
    // a link to it, or a folder and one inside it) gives each file once, under the name met first.
    const real = await realFolder(root);
    const folders = [''];
    // A link to a file is added after the walk's own files, so that a file reached both ways keeps its own name.
    const links: { shown: string; target: string }[] = [];
    for (let rel = folders.pop(); rel !== undefined; rel = folders.pop()) {
      let entries: Dirent[];
      try {
        entries = await readdir(path.join(root, rel), { withFileTypes: true });
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        problem(rel === '' ? base : base === '.' ? rel : `${base}/${rel}`, code === 'EACCES' || code === 'EPERM' ? 'folder not readable (permission denied)' : `folder not readable (${String(code ?? err)})`);
        continue;
      }
      // In reverse name order, so that the folders, pushed in it, are popped in name order: which of two names of
      // one file is met first does not depend on readdir's order, which differs between file systems.
      entries.sort((x, y) => (x.name < y.name ? 1 : x.name > y.name ? -1 : 0));
      const pages = savedPages(entries);
      for (const entry of entries) {
        const { name } = entry;
        if (name.startsWith('.')) continue;
        const inner = rel === '' ? name : `${rel}/${name}`;
        const shown = base === '.' ? inner : `${base}/${inner}`;
        if (entry.isDirectory()) {
          if (name !== 'node_modules' && !isPageResources(name, pages)) folders.push(inner);
        } else if (entry.isFile()) {
          if (endings.test(name)) add(shown, path.join(real, inner));
        } else if (entry.isSymbolicLink()) {
          const target = path.join(root, inner);
          const kind = await kindOf(target);
          const why = linkProblem(kind);
          if (kind === 'file') {
            if (endings.test(name)) links.push({ shown, target });
          } else if (kind === 'dir') {
            problem(shown, (await isLoop(target)) ? 'symbolic link loop (to a folder that contains it); not followed' : 'symbolic link to a folder; not followed (name the folder itself to read it)');
          } else if (why) problem(shown, why);
        } else if (endings.test(name)) {
          problem(shown, 'not a regular file'); // a named pipe, a socket or a device
        }
      }
    }
    for (const link of links) add(link.shown, await realKey(link.target, true));
  };

  const given = [...inputs.map((input) => ({ input, glob: true })), ...literal.map((input) => ({ input, glob: false }))];
  for (const { input, glob } of given) {
    const kind = await kindOf(path.resolve(cwd, input));
    if (kind === 'file') {
      add(input, await realKey(path.resolve(cwd, input)));
    } else if (kind === 'dir') {
      await walk(toPosix(input).replace(/\/+$/, '') || '.');
    } else if (kind === 'missing' && glob && isGlob(input)) {
      const matches = await files(toPosix(input));
      if (matches.length === 0) diagnostics.push({ path: input, reason: 'no files match this pattern', level: 'skipped' });
      for (const m of matches) add(m.shown, m.key);
    } else if (kind === 'missing') {
      problem(input, (await isBrokenLink(path.resolve(cwd, input))) ? 'broken symbolic link' : 'no such file or folder');
    } else if (kind === 'loop') {
      problem(input, 'symbolic link loop');
    } else {
      problem(input, 'not a regular file or folder');
    }
  }
  return { files: [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), diagnostics };
}

/**
 * Output: write the report to a file atomically — a temporary file in the same folder, flushed, then renamed
 * over the target — so a reader never sees half a report and a failed run leaves no partial file. Refuses to
 * write over any input file, compared by real path and by device + inode (so symbolic and hard links to an
 * input count as the input).
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export type WriteResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

interface Identity {
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
  readonly isFile: boolean;
  readonly mode: number;
}

async function identity(p: string): Promise<Identity | undefined> {
  try {
    const real = await realpath(p);
    const s = await stat(real);
    return { real, dev: s.dev, ino: s.ino, isFile: s.isFile(), mode: s.mode & 0o777 };
  } catch {
    return undefined;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.dev === b.dev && a.ino === b.ino);
}

function describeError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Write `text` to `file` (absolute) through a temporary file in the target's folder and a rename. When `file`
 * is a symbolic link, the file it points to is replaced and the link kept. `inputs` are the absolute paths of
 * every input file; writing over one of them is refused.
 */
export async function writeAtomic(file: string, text: string, inputs: readonly string[]): Promise<WriteResult> {
  const existing = await identity(file);
  if (existing && !existing.isFile) return { ok: false, reason: 'not a regular file' };
  if (existing) {
    for (const input of inputs) {
      const id = await identity(input);
      if (id && sameFile(id, existing)) return { ok: false, reason: 'it is one of the input files; dedupe never writes over its input' };
    }
  }
  const target = existing ? existing.real : file;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o666);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) await chmod(temp, existing.mode);
    await rename(temp, target);
    created = false;
    return { ok: true, path: target };
  } catch (err) {
    return { ok: false, reason: describeError(err) };
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
  }
}

/**
 * Output: write the report to a file atomically — a temporary file in the same folder, flushed, then renamed
 * over the target — so a reader never sees half a report and a failed run leaves no partial file. Refuses to
 * write over any input file, compared by path and by device + inode (so symbolic and hard links to an
 * input count as the input). The report may come as pieces (see render/index.ts `renderStream`); they are
 * written as they come, in batches, to the file or to a stream with backpressure, so the whole text is never
 * held in memory at once.
 */
import { randomBytes } from 'node:crypto';
import { statSync, unlinkSync } from 'node:fs';
import { chmod, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TextPiece } from './types.js';

export type WriteResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

interface Identity {
  readonly real: string;
  readonly dev: bigint;
  readonly ino: bigint;
  readonly isFile: boolean;
  readonly mode: number;
}

async function identity(p: string): Promise<Identity | undefined> {
  try {
    const real = await realpath(p);
    const s = await stat(real, { bigint: true });
    return { real, dev: s.dev, ino: s.ino, isFile: s.isFile(), mode: Number(s.mode & 0o777n) };
  } catch {
    return undefined;
  }
}

/**
 * Whether `p` is the file `target` (followed through links): the same device and inode. A stat call of its own
 * (no realpath, no promise): an output over a corpus of 100,000 files is checked against each of them.
 */
function isFile(p: string, target: Identity): boolean {
  if (p === target.real) return true;
  try {
    const s = statSync(p, { bigint: true, throwIfNoEntry: false });
    return s !== undefined && s.dev === target.dev && s.ino === target.ino;
  } catch {
    return false; // an input gone unreadable since (a loop, a folder made a file): not the output file
  }
}

function describeError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return err instanceof Error ? err.message : String(err);
}

/** The report's text in pieces, in order (strings, or UTF-8 bytes): made at once, or as the stories' facts are worked out. */
export type Pieces = Iterable<TextPiece> | AsyncIterable<TextPiece>;

/**
 * The pieces joined into batches of at least `size` units (UTF-16 units of a string, bytes of a byte piece), for
 * fewer writes. A batch of strings only is a string; one with bytes in it is bytes, the strings encoded as UTF-8.
 * A byte piece of `size` or more is passed on as it is, after what was gathered before it (which, like the last
 * batch, may then be shorter).
 */
export async function* batched(chunks: Pieces, size = 1 << 16): AsyncGenerator<TextPiece> {
  let parts: TextPiece[] = [];
  let length = 0;
  let bytes = false;
  const joined = (): TextPiece => {
    if (parts.length === 1) return parts[0] as TextPiece;
    if (!bytes) return (parts as string[]).join('');
    return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  };
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string' && chunk.length >= size) {
      // A big byte piece (a long story's text) goes out as it is, not copied into a batch.
      if (length > 0) yield joined();
      parts = [];
      length = 0;
      bytes = false;
      yield chunk;
      continue;
    }
    parts.push(chunk);
    length += chunk.length;
    bytes ||= typeof chunk !== 'string';
    if (length >= size) {
      yield joined();
      parts = [];
      length = 0;
      bytes = false;
    }
  }
  if (length > 0) yield joined();
}

/**
 * Write `chunks` to `stream` in batches, waiting for 'drain' whenever the stream's buffer is full, so memory
 * stays bounded whatever the size of the output. Stops early when the stream closes or fails (a reader that
 * went away: `dedupe … | head`) and returns false; what a failure means is for the stream's own 'error'
 * listeners to decide. An error thrown while producing the chunks (a renderer bug) propagates.
 */
export async function writeStream(stream: NodeJS.WritableStream, chunks: Pieces): Promise<boolean> {
  let gone = false;
  let wake: (() => void) | undefined;
  const stop = (): void => {
    gone = true;
    wake?.();
  };
  const drain = (): void => wake?.();
  stream.on('close', stop).on('error', stop).on('drain', drain);
  try {
    for await (const piece of batched(chunks)) {
      if (gone || !stream.writable) return false;
      if (!stream.write(piece)) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    return !gone;
  } finally {
    stream.off('close', stop).off('error', stop).off('drain', drain);
  }
}

/**
 * Write `content` (the text, or its pieces in order) to `file` (absolute) through a temporary file in the
 * target's folder and a rename. When `file` is a symbolic link, the file it points to is replaced and the link
 * kept. `inputs` are the absolute paths of every input file, or a function that gives them (called once, so that
 * a big run's list is made for the check and let go, not held while the report is written); writing over one of
 * them is refused. An error
 * thrown while producing the pieces (a renderer bug, not a write failure) is rethrown after the temporary
 * file is removed. `onTemp` is told the temporary file's path once it exists, and `undefined` once it is renamed
 * or removed: a signal that ends the process in between (Ctrl-C) cannot wait for this function's own clean-up,
 * so the caller removes it ({@link removeTemp}).
 */
export async function writeAtomic(file: string, content: string | Pieces, inputs: readonly string[] | (() => readonly string[]), onTemp?: (temp: string | undefined) => void): Promise<WriteResult> {
  const existing = await identity(file);
  if (existing && !existing.isFile) return { ok: false, reason: 'not a regular file' };
  if (existing && (typeof inputs === 'function' ? inputs() : inputs).some((input) => isFile(input, existing))) return { ok: false, reason: 'it is one of the input files; dedupe never writes over its input' };
  const target = existing ? existing.real : file;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  let renderError: { readonly error: unknown } | undefined;
  async function* pieces(): AsyncGenerator<TextPiece> {
    try {
      yield* batched(typeof content === 'string' ? [content] : content);
    } catch (error) {
      renderError = { error };
      throw error;
    }
  }
  try {
    const handle = await open(temp, 'wx', 0o666);
    created = true;
    onTemp?.(temp);
    try {
      await writeFile(handle, pieces(), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) await chmod(temp, existing.mode);
    await rename(temp, target);
    created = false;
    return { ok: true, path: target };
  } catch (err) {
    if (renderError) throw renderError.error;
    return { ok: false, reason: describeError(err) };
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
    onTemp?.(undefined);
  }
}

/**
 * Remove a temporary file of {@link writeAtomic} at once (synchronously: from a signal handler about to end the
 * process); whether it was there to remove.
 */
export function removeTemp(temp: string): boolean {
  try {
    unlinkSync(temp);
    return true;
  } catch {
    return false;
  }
}

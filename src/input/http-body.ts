/**
 * An archived HTTP response's body as the page it carries: chunked transfer put back together, gzip, deflate or
 * brotli content encoding undone (within `--max-size`), and the charset its `Content-Type` names. Used by warc.ts.
 */
import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions, type BrotliOptions } from 'node:zlib';
import { formatBytes } from './read.js';

/**
 * A chunked HTTP body put back together; the body as it is when it does not start with a chunk size (crawlers that
 * store the body de-chunked but keep the header, as warcio also allows). A body cut inside a chunk gives the
 * chunks up to the cut.
 */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const line = eol < 0 ? null : /^\s*([0-9a-f]{1,8})\s*(?:;.*)?$/i.exec(body.subarray(at, eol).toString('latin1'));
    if (!line && at === 0) return body;
    const size = line ? parseInt(line[1] ?? '', 16) : 0;
    if (size <= 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const tooLarge = (err: unknown): boolean => (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';

/**
 * `body` decoded from its content coding (`gzip`, `x-gzip`, `deflate` with or without its zlib wrapper, `br`;
 * anything else as it is), at most `maxBytes`. `cut`: the body is known to end early (a `WARC-Truncated` record,
 * cut by the crawler at its size or time limit), so what decodes up to the cut is given (zlib's sync flush) rather
 * than the whole lost for its missing end. Throws zlib's errors.
 */
function undoCoding(body: Buffer, coding: string, maxBytes: number, cut: boolean): Buffer {
  const zlib: ZlibOptions = { maxOutputLength: maxBytes, ...(cut ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) };
  if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, zlib);
  if (coding === 'br') {
    const brotli: BrotliOptions = { maxOutputLength: maxBytes, ...(cut ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {}) };
    return brotliDecompressSync(body, brotli);
  }
  if (coding !== 'deflate') return body;
  try {
    return inflateSync(body, zlib);
  } catch (err) {
    if (tooLarge(err)) throw err;
    return inflateRawSync(body, zlib); // "deflate" as many servers send it: without the zlib wrapper
  }
}

/**
 * An HTTP response's body (its header fields given, names lower case) with its transfer and content codings
 * undone, or why it cannot be: over `maxBytes` once decompressed, or not decodable. A body stored decoded under
 * its old `Content-Encoding` header (as some archivers keep it) is markup already, and read as it is.
 */
export function responseBody(body: Buffer, fields: ReadonlyMap<string, string>, maxBytes: number, cut: boolean): { bytes: Buffer } | { reason: string } {
  try {
    const raw = /chunked/i.test(fields.get('transfer-encoding') ?? '') ? dechunk(body) : body;
    const coding = (fields.get('content-encoding') ?? '').trim().toLowerCase();
    try {
      return { bytes: undoCoding(raw, coding, maxBytes, cut) };
    } catch (err) {
      if (tooLarge(err) || !/^\s*</.test(raw.subarray(0, 1024).toString('latin1'))) throw err;
      return { bytes: raw };
    }
  } catch (err) {
    if (tooLarge(err)) return { reason: `its body is over the size limit of ${formatBytes(maxBytes)} (--max-size) once decompressed` };
    return { reason: `its body could not be decoded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The charset a `Content-Type` value names (`text/html; charset=ISO-8859-1`), if any. */
export const charsetOf = (type: string | undefined): string | undefined => /charset\s*=\s*"?([\w.:-]+)/i.exec(type ?? '')?.[1];

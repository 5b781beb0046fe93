/**
 * Web archives (`.warc`, `.warc.gz`: ISO 28500, as Common Crawl's CC-NEWS, the Internet Archive and `wget
 * --warc-file` write them). Read a record at a time as the file streams in, never held whole: every HTML page among
 * the records (a `response` with an HTTP 2xx status and an HTML content type, or a `resource` of HTML) becomes one
 * record of the JSON Lines path (`{"url": …, "html": …}`, parsed on the read workers as a crawler's page record is:
 * see json.ts), named `crawl.warc.gz[17]` by its record's place in the file (from 0). Other records (requests,
 * metadata, images, redirects) are passed over without a word. Common Crawl's WET files (`.warc.wet.gz`, `.wet`) are
 * WARC too: each `conversion` record of `text/plain` is a page's text, read as an article (`{"url": …, "title": …,
 * "text": …}`). A page's body is decoded as HTTP sent it (chunked
 * transfer, gzip/deflate/br content encoding: see http-body.ts; a `WARC-Truncated` body as far as it goes), and its
 * text as a file's is (valid UTF-8 as UTF-8, else the charset its HTTP header or the page declares, else UTF-8 with
 * an invalid UTF-8 warning named by the record); `--max-size` applies to each page.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { decode, decodeWarning, encodingNamed, streamFailure, fileStartsGzip, formatBytes, isGzipped } from './read.js';
import { charsetOf, responseBody } from './http-body.js';
import { NO_ARTICLE_TEXT } from './html.js';
import { domainOf, outletOfDomain, squashed } from './outlet.js';
import { LINE_BATCH, type LineStream, type StreamedLine } from './lines.js';
import type { Diagnostic } from '../types.js';

/** Data that is not WARC, or a WARC record cut short. */
class WarcError extends Error {}

/** Whether `path` names a web archive: a WARC file, or a WET file of text (`.warc.wet.gz`, `.wet`, `.wet.gz`). */
export const isWarcFile = (path: string): boolean => /\.(warc|wet)(\.gz)?$/i.test(path);

/** Whether `path` names a WET file (Common Crawl's text of pages, as `conversion` records). */
const isWetFile = (path: string): boolean => /\.wet(\.gz)?$/i.test(path);

/** A WARC record: its header fields (names lower case) and its block. */
export interface WarcRecord {
  readonly headers: ReadonlyMap<string, string>;
  readonly block: Uint8Array;
}

/** Bytes of a record's block looked at before it is kept or passed over: enough for any HTTP header. */
const PEEK = 64 << 10;

const CRLF2 = Buffer.from('\r\n\r\n');
const LF2 = Buffer.from('\n\n');

/** Header lines ("Name: value") up to a blank line, names lower case; the first line (a version or status) apart. */
function headerFields(text: string): { first: string; fields: Map<string, string> } {
  const lines = text.split(/\r?\n/);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { first: lines[0] ?? '', fields };
}

/** What a record's block is, from its WARC headers and its first bytes. */
type Verdict = { readonly keep: true } | { readonly keep: false; readonly why?: string };

/**
 * The records of a WARC stream, in order, each with its place; a record whose block is passed over (`wanted` says
 * so from its headers and first bytes) is given with an empty block and is never held. Throws on data that is not
 * WARC.
 */
export async function* warcRecords(bytes: AsyncIterable<Uint8Array>, wanted: (headers: ReadonlyMap<string, string>, head: Uint8Array) => Verdict): AsyncGenerator<{ record: WarcRecord; verdict: Verdict }> {
  let buf: Buffer = Buffer.alloc(0);
  const it = bytes[Symbol.asyncIterator]();
  let ended = false;
  // Pieces read but not yet joined to `buf`: a large page is joined once, not a piece at a time (which would copy it
  // again for every piece).
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const r = await it.next();
    if (r.done) {
      ended = true;
      return false;
    }
    pending.push(r.value);
    pendingBytes += r.value.length;
    return true;
  };
  const join = (): void => {
    if (pending.length === 0) return;
    buf = buf.length === 0 && pending.length === 1 ? Buffer.from(pending[0] as Uint8Array) : Buffer.concat([buf, ...pending]);
    pending.length = 0;
    pendingBytes = 0;
  };
  /** More bytes into `buf`; false at the end of the stream. */
  const more = async (): Promise<boolean> => {
    const got = await pull();
    join();
    return got;
  };
  /** At least `n` bytes in `buf`, if the stream has them. */
  const fill = async (n: number): Promise<boolean> => {
    while (buf.length + pendingBytes < n && (await pull()));
    join();
    return buf.length >= n;
  };
  for (;;) {
    // Blank lines between records (each record ends with two CRLF).
    let start = 0;
    for (;;) {
      while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
      if (start < buf.length || !(await more())) break;
    }
    buf = buf.subarray(start);
    if (buf.length === 0) return;
    let head = headEnd(buf);
    while (head === undefined) {
      if (buf.length > PEEK) throw new WarcError('a WARC record header longer than 64 KB');
      if (!(await more())) throw new WarcError('cut short inside a WARC record header');
      head = headEnd(buf);
    }
    const { first, fields } = headerFields(buf.subarray(0, head.end).toString('latin1'));
    if (!/^WARC\/\d/.test(first)) throw new WarcError(`not a WARC record (it starts "${first.slice(0, 20)}")`);
    const declared = fields.get('content-length') ?? '';
    const length = /^\d+$/.test(declared) ? Number(declared) : Number.NaN;
    if (!Number.isSafeInteger(length)) throw new WarcError('a WARC record without a valid Content-Length');
    buf = buf.subarray(head.body);
    await fill(Math.min(length, PEEK));
    const verdict = wanted(fields, buf.subarray(0, Math.min(length, PEEK)));
    if (verdict.keep) {
      if (!(await fill(length))) throw new WarcError('cut short inside a WARC record');
      yield { record: { headers: fields, block: buf.subarray(0, length) }, verdict };
      buf = buf.subarray(length);
    } else {
      // Passed over as it streams by: a video of a gigabyte is never held.
      let left = length;
      for (;;) {
        const drop = Math.min(left, buf.length);
        buf = buf.subarray(drop);
        left -= drop;
        if (left === 0) break;
        if (!(await more())) throw new WarcError('cut short inside a WARC record');
      }
      yield { record: { headers: fields, block: new Uint8Array(0) }, verdict };
    }
  }
}

/**
 * Where a header block ends in `b` (before its blank line) and what follows starts: a CRLF blank line, or a bare LF
 * one, as some writers and servers end their lines.
 */
function headEnd(b: Buffer): { end: number; body: number } | undefined {
  const crlf = b.indexOf(CRLF2);
  const lf = b.indexOf(LF2);
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return { end: lf, body: lf + 2 };
  return crlf >= 0 ? { end: crlf, body: crlf + 4 } : undefined;
}

/** An HTTP message's status line, header fields and where its body starts in `block`; undefined if not HTTP. */
function httpHead(block: Uint8Array): { status: number; fields: Map<string, string>; body: number } | undefined {
  const b = Buffer.from(block.buffer, block.byteOffset, block.length);
  const head = headEnd(b);
  if (head === undefined) return undefined;
  const { first, fields } = headerFields(b.subarray(0, head.end).toString('latin1'));
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(first);
  return m ? { status: Number(m[1]), fields, body: head.body } : undefined;
}

const isHtmlType = (type: string | undefined): boolean => /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type ?? '');
const isPlainText = (type: string | undefined): boolean => /^\s*text\/plain\b/i.test(type ?? '');

/**
 * Whether a record is a page worth reading, from its WARC headers and the first bytes of its block: an HTML page, or
 * a page's text (a `conversion` record of `text/plain`, as Common Crawl's WET files hold).
 */
function pageRecord(maxBytes: number): (headers: ReadonlyMap<string, string>, head: Uint8Array) => Verdict {
  return (headers, head) => {
    const type = headers.get('warc-type');
    const length = Number(headers.get('content-length'));
    const resource = type === 'resource' && isHtmlType(headers.get('content-type'));
    if (resource || (type === 'conversion' && isPlainText(headers.get('content-type')))) {
      return length > maxBytes ? { keep: false, why: `a page of ${formatBytes(length)} is over the size limit of ${formatBytes(maxBytes)} (--max-size)` } : { keep: true };
    }
    if (type !== 'response') return { keep: false };
    const http = httpHead(head);
    if (!http || http.status < 200 || http.status > 299 || !isHtmlType(http.fields.get('content-type'))) return { keep: false };
    const body = length - http.body;
    return body > maxBytes ? { keep: false, why: `a page of ${formatBytes(body)} is over the size limit of ${formatBytes(maxBytes)} (--max-size)` } : { keep: true };
  };
}

/** A page as a record of the JSON Lines path: its HTML, or (from a WET file) its title and text. */
export type PageLine = { url?: string; html: string } | { url?: string; title: string; text: string };

/** A page read from a record: its JSON Lines record, and the warning its bytes got (invalid UTF-8 shown as U+FFFD, or read as windows-1252). */
export interface Page {
  readonly line: PageLine;
  readonly warning: string | undefined;
}

/**
 * The page of a kept record, with its URL, or why it cannot be read. Its text is decoded as a file's is (valid
 * UTF-8 as UTF-8 whatever is declared), the charset of its HTTP header before the one the page declares.
 */
export function pageOf(record: WarcRecord, maxBytes: number): Page | { reason: string } {
  const url = record.headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
  if (record.headers.get('warc-type') === 'conversion') return textPage(record, url);
  const block = Buffer.from(record.block.buffer, record.block.byteOffset, record.block.length);
  let body: Buffer = block;
  let type = record.headers.get('content-type');
  if (record.headers.get('warc-type') === 'response') {
    const http = httpHead(block);
    if (!http) return { reason: 'not an HTTP response' };
    const decoded = responseBody(block.subarray(http.body), http.fields, maxBytes, record.headers.has('warc-truncated'));
    if ('reason' in decoded) return decoded;
    body = decoded.bytes;
    type = http.fields.get('content-type');
  }
  const charset = charsetOf(type);
  const d = decode(body, charset === undefined ? undefined : encodingNamed(charset));
  if ('binary' in d) return { reason: d.binary };
  return { line: { ...(url ? { url } : {}), html: d.text }, warning: decodeWarning(d) };
}

/**
 * A page's text as a `conversion` record of a WET file holds it: Common Crawl writes the page's `<title>` on the
 * first line and a line for each block of text after it (menus and footers too, which cleaning drops as it drops
 * a text file's). The first line is taken as the title, a tail naming the site taken off.
 */
function textPage(record: WarcRecord, url: string | undefined): Page | { reason: string } {
  const charset = charsetOf(record.headers.get('content-type'));
  const d = decode(record.block, charset === undefined ? undefined : encodingNamed(charset));
  if ('binary' in d) return { reason: d.binary };
  const lines = d.text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const text = lines.slice(first + 1).join('\n');
  if (first < 0 || text.trim() === '') return { reason: NO_ARTICLE_TEXT };
  return { line: { ...(url ? { url } : {}), title: withoutSiteTail((lines[first] as string).trim(), url), text }, warning: decodeWarning(d) };
}

/**
 * `Title | Site`, `Title - Site` → `Title` when the tail spells the page's domain (`Ferry aground | Highland Herald`
 * at highlandherald.example) or is the outlet the table names for it (`… - Reuters` at reuters.com): headline words
 * weigh double in story similarity, and one site's name in all its headlines would draw its stories together. A
 * WET record keeps no `og:site_name` to compare the tail with, as a page's title is.
 */
function withoutSiteTail(title: string, url: string | undefined): string {
  const domain = url === undefined ? undefined : domainOf(url);
  const m = /^(.{8,}?)\s+[|\-–—:·]\s+([^|\-–—:·]+)$/.exec(title);
  if (domain === undefined || !m?.[1] || !m[2]) return title;
  const tail = squashed(m[2]);
  return tail === squashed(domain.split('.')[0] ?? '') || tail === squashed(outletOfDomain(domain)) ? m[1].trim() : title;
}

/**
 * A web archive as a stream of page records in batches (see {@link LineStream}), each named `shown[i]` by its
 * record's place; what goes wrong part-way (cut data, not WARC) skips the rest of the file, the pages before kept.
 */
export function warcFile(path: string, shown: string, maxBytes: number): LineStream {
  return (async function* (): LineStream {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const gzipped = isGzipped(path) || fileStartsGzip(path);
    const bytes = (gzipped ? pipeline(file, createGunzip({ chunkSize: 1 << 20 }), () => undefined) : file) as AsyncIterable<Buffer>;
    let batch: StreamedLine[] = [];
    let size = 0;
    let records = 0;
    let pages = 0;
    const skip = (where: string, reason: string): void => void batch.push({ where, diagnostic: { path: where, reason, level: 'skipped' } });
    try {
      for await (const { record, verdict } of warcRecords(bytes, pageRecord(maxBytes))) {
        const where = `${shown}[${records++}]`;
        if (!verdict.keep) {
          if (verdict.why) {
            pages++; // a page all the same, too large
            skip(where, verdict.why);
          }
          continue;
        }
        pages++;
        const page = pageOf(record, maxBytes);
        if ('reason' in page) skip(where, page.reason);
        else {
          // Named by its record, as a file is named in the same warning.
          if (page.warning !== undefined) batch.push({ where, diagnostic: { path: where, reason: page.warning, level: 'warning' } });
          const text = JSON.stringify(page.line);
          batch.push({ where, text });
          size += text.length;
        }
        if (batch.length >= LINE_BATCH || size >= 16 << 20) {
          yield batch;
          batch = [];
          size = 0;
        }
      }
    } catch (err) {
      const why = err instanceof WarcError ? err.message : streamFailure(err);
      batch.push({ where: shown, diagnostic: { path: shown, reason: `${why}${records > 0 ? ` (after record ${records - 1})` : ''}`, level: 'skipped' } satisfies Diagnostic });
    } finally {
      file.destroy();
    }
    const none = isWetFile(path) ? 'no page text (a conversion record)' : 'no HTML page';
    if (pages === 0 && !batch.some((l) => l.where === shown)) batch.push({ where: shown, diagnostic: { path: shown, reason: `${none} among its ${records.toLocaleString('en-US')} WARC records`, level: 'skipped' } });
    if (batch.length > 0) yield batch;
  })();
}

/**
 * MHTML (`.mhtml`, `.mht`): a web page saved as one file, as Chrome and Edge save "Webpage, Single File" — a MIME
 * message (RFC 2557) whose `multipart/related` body holds the page and every image and style sheet it uses. The
 * first `text/html` part is the page (quoted-printable or base64, in the charset its part or the page declares),
 * read as a saved page is (html.ts); its address (`Snapshot-Content-Location`, or the part's `Content-Location`)
 * is the article's URL when the page itself gives none, so the outlet can come from it. Nothing is fetched.
 * Chrome writes the page first, so a file over `--max-size` (the images make them large) is read up to the limit
 * and its page taken from there (see read.ts).
 */
import type { RawFile } from '../types.js';
import { parseHtml } from './html.js';
import type { ParseResult } from './parse.js';
import { charsetOf } from './http-body.js';
import { decode, encodingNamed } from './read.js';


/** A MIME entity: its header fields (names lower case, folded lines joined) and its body. */
interface Entity {
  readonly fields: ReadonlyMap<string, string>;
  readonly body: string;
}

/** A header block and what follows its blank line; line ends CRLF or LF. */
function entity(text: string): Entity {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const fields = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { fields, body: end ? text.slice(end.index + end[0].length) : '' };
}

/** Quoted-printable text → bytes: `=XX` a byte, `=` at a line end a soft break; other characters as UTF-8. */
function quotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else bytes.push(...Buffer.from(joined[i] as string, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** A part's body as bytes, by its `Content-Transfer-Encoding`. */
function partBytes(part: Entity): Buffer {
  const coding = (part.fields.get('content-transfer-encoding') ?? '').toLowerCase();
  if (coding === 'quoted-printable') return quotedPrintable(part.body);
  if (coding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  return Buffer.from(part.body, 'utf8');
}

/** The parts of a multipart body, by its boundary; a part cut short (a file read up to the size limit) as far as it goes. */
function parts(body: string, boundary: string): Entity[] {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter).slice(1);
  return pieces.filter((p) => !p.startsWith('--')).map((p) => entity(p.replace(/^[ \t]*\r?\n/, '')));
}

const isHtml = (e: Entity): boolean => /^\s*text\/html\b/i.test(e.fields.get('content-type') ?? '');

/** The page an MHTML file holds, parsed as a saved page; a reason when it holds none. */
export function parseMhtml(file: RawFile): ParseResult {
  const top = entity(file.text.replace(/^\uFEFF/, ''));
  const type = top.fields.get('content-type') ?? '';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  if (!top.fields.has('mime-version') && !boundary) return { ok: false, reason: 'not an MHTML file (no MIME header)' };
  const page = boundary ? parts(top.body, boundary[1] ?? boundary[2] ?? '').find(isHtml) : isHtml(top) ? top : undefined;
  if (page === undefined) return { ok: false, reason: 'no web page (text/html part) in the MHTML file' };
  const declared = charsetOf(page.fields.get('content-type'));
  const decoded = decode(partBytes(page), declared === undefined ? undefined : encodingNamed(declared));
  if ('binary' in decoded) return { ok: false, reason: `its web page: ${decoded.binary}` };
  const address = [top.fields.get('snapshot-content-location'), page.fields.get('content-location')].find((l) => l !== undefined && /^https?:\/\//i.test(l));
  return parseHtml({ path: file.path, text: decoded.text, ...(address ? { address } : {}) });
}

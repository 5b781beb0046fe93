/** Safari web archives (`.webarchive`: src/input/webarchive.ts), unwrapped when read and read as pages. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webArchivePage } from '../src/input/webarchive.js';
import type { Report } from '../src/types.js';
import { runCli } from './cli-run.js';

type Plist = Uint8Array | string | readonly Plist[] | { readonly [key: string]: Plist };

/** A binary property list (`bplist00`) of `root`, as Safari writes one: one-byte refs, four-byte offsets. */
function bplist(root: Plist): Buffer {
  const objects: Buffer[] = [];
  const length = (type: number, n: number): Buffer => (n < 15 ? Buffer.from([(type << 4) | n]) : Buffer.concat([Buffer.from([(type << 4) | 0x0f, 0x12]), u32(n)]));
  const add = (value: Plist): number => {
    const at = objects.length;
    objects.push(Buffer.alloc(0));
    let bytes: Buffer;
    if (value instanceof Uint8Array) bytes = Buffer.concat([length(0x4, value.length), value]);
    else if (typeof value === 'string') {
      bytes = /^[\x00-\x7f]*$/.test(value) ? Buffer.concat([length(0x5, value.length), Buffer.from(value, 'latin1')]) : Buffer.concat([length(0x6, value.length), Buffer.from(value, 'utf16le').swap16()]);
    } else if (Array.isArray(value)) {
      const refs = value.map(add);
      bytes = Buffer.concat([length(0xa, refs.length), Buffer.from(refs)]);
    } else {
      const entries = Object.entries(value as { readonly [key: string]: Plist });
      const keys = entries.map(([k]) => add(k));
      const values = entries.map(([, v]) => add(v));
      bytes = Buffer.concat([length(0xd, entries.length), Buffer.from(keys), Buffer.from(values)]);
    }
    objects[at] = bytes;
    return at;
  };
  add(root);
  const head = Buffer.from('bplist00', 'latin1');
  const offsets: number[] = [];
  let at = head.length;
  for (const o of objects) {
    offsets.push(at);
    at += o.length;
  }
  const table = Buffer.concat(offsets.map(u32));
  const trailer = Buffer.alloc(32);
  trailer[6] = 4; // offset size
  trailer[7] = 1; // ref size
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return Buffer.concat([head, ...objects, table, trailer]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** A page saved by Safari: the page, an image beside it, and the page's address and charset. */
const archive = (html: string | Buffer, url: string, encoding = 'UTF-8'): Buffer =>
  bplist({
    WebMainResource: { WebResourceData: typeof html === 'string' ? Buffer.from(html, 'utf8') : html, WebResourceFrameName: '', WebResourceMIMEType: 'text/html', WebResourceTextEncodingName: encoding, WebResourceURL: url },
    WebSubresources: [{ WebResourceData: Buffer.alloc(500, 9), WebResourceMIMEType: 'image/png', WebResourceURL: 'https://static.example.org/logo.png' }],
  });

const page = (name: string): string => readFileSync(path.join('test/fixtures/inputs/seed-html', name), 'utf8');

describe('webArchivePage', () => {
  it("gives the page's HTML bytes, address and charset", () => {
    const r = webArchivePage(archive('<html><body><p>Hello, “world”.</p></body></html>', 'https://www.example.org/a', 'windows-1252'));
    if ('reason' in r) throw new Error(r.reason);
    expect(Buffer.from(r.html).toString('utf8')).toBe('<html><body><p>Hello, “world”.</p></body></html>');
    expect([r.url, r.encoding]).toEqual(['https://www.example.org/a', 'windows-1252']);
  });

  it('refuses a file that is no archive, or one whose references point outside it, in one line', () => {
    expect(webArchivePage(Buffer.from('<html>not binary</html>'))).toEqual({ reason: 'not a Safari web archive (no binary property list)' });
    expect(webArchivePage(bplist({ Other: 'x' }))).toEqual({ reason: 'no web page (WebMainResource) in the web archive' });
    const good = archive('<p>x</p>', 'https://www.example.org/a');
    // Every byte of the trailer and offset table set wrong in turn: never a throw, never a read past the end.
    for (let i = good.length - 60; i < good.length; i++) {
      for (const byte of [0x00, 0x7f, 0xff]) {
        const bad = Buffer.from(good);
        bad[i] = byte;
        const r = webArchivePage(bad);
        expect('reason' in r || r.html.length <= bad.length).toBe(true);
      }
    }
    // Any bytes after the magic number: an answer, never a throw.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 399 }), (bytes, at) => {
        const mixed = Buffer.concat([good.subarray(0, Math.min(at, good.length)), bytes]);
        const r = webArchivePage(Buffer.concat([Buffer.from('bplist00'), mixed.subarray(8)]));
        expect('reason' in r || r.html.length <= mixed.length).toBe(true);
      }),
    );
    const cut = good.subarray(0, good.length - 10);
    expect(webArchivePage(cut)).toMatchObject({ reason: expect.stringMatching(/web archive/) });
  });
});

describe('dedupe on .webarchive files', () => {
  it('finds the seed story and its conflict in pages saved by Safari, the outlet from the saved address when the page names none', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-webarchive-'));
    try {
      writeFileSync(path.join(dir, 'reuters.webarchive'), archive(page('reuters.html'), 'https://www.reuters.com/article/x'));
      // Without its site name and canonical link, the TRT page is named by the address Safari saved it from.
      const bare = page('trt-world.html').replace(/<meta property="og:site_name"[^>]*>/, '').replace(/<link rel="canonical"[^>]*>/, '');
      writeFileSync(path.join(dir, 'trt.webarchive.gz'), gzipSync(archive(bare, 'https://www.trtworld.com/mea/syria-x')));
      writeFileSync(path.join(dir, 'broken.webarchive'), 'bplist00 but nothing else');
      const r = runCli([dir, '--json']);
      expect(r.stderr).toBe(`dedupe: skipped ${dir}/broken.webarchive: not a Safari web archive (no binary property list)\n`);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.articles.map((a) => [a.source, a.url])).toEqual([
        ['Reuters', 'https://www.reuters.com/article/us-mideast-crisis-syria-damascus-idUSKBN16S0VZ'],
        ['TRT World', 'https://www.trtworld.com/mea/syria-x'],
      ]);
      expect(report.stories[0]?.conflicts.map((c) => c.detail)).toEqual(['weekday: Sunday (Reuters) vs Monday (TRT World)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Web pages saved as one file (`.mhtml`, `.mht`: src/input/mhtml.ts), as Chrome and Edge save them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMhtml } from '../src/input/mhtml.js';
import { parseHtml } from '../src/input/html.js';
import type { Report } from '../src/types.js';
import { runCli } from './cli-run.js';

const SEED_HTML = 'test/fixtures/inputs/seed-html';

/** Quoted-printable as Chrome writes it: `=` and non-ASCII bytes as `=XX`, lines of at most 76 with soft breaks. */
function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) encoded += byte === 0x3d || byte > 0x7e ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
    // Soft breaks, never inside an =XX.
    while (encoded.length > 75) {
      let cut = 75;
      while (encoded.lastIndexOf('=', cut) > cut - 3 && encoded.lastIndexOf('=', cut) >= 0 && cut > 70) cut--;
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join('\r\n');
}

/** A page saved as Chrome saves it: MIME headers, the page quoted-printable, then an image in base64. */
function mhtml(html: string, location: string, coding: 'quoted-printable' | 'base64' = 'quoted-printable'): string {
  const boundary = '----MultipartBoundary--Q8k2pX0aZ1----';
  const body = coding === 'base64' ? Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(html);
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${location}`,
    'Subject: =?utf-8?Q?A_saved_page?=',
    'Date: Tue, 21 Mar 2017 12:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1A2B@mhtml.blink>',
    `Content-Transfer-Encoding: ${coding}`,
    `Content-Location: ${location}`,
    '',
    body,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://static.example.org/logo.png',
    '',
    Buffer.alloc(300, 7).toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const page = (name: string): string => readFileSync(path.join(SEED_HTML, name), 'utf8');

describe('parseMhtml', () => {
  it('reads the page of a quoted-printable or base64 MHTML file as the saved page itself', () => {
    for (const name of ['reuters.html', 'trt-world.html']) {
      const html = parseHtml({ path: 'p.mhtml', text: page(name) });
      for (const coding of ['quoted-printable', 'base64'] as const) {
        const saved = parseMhtml({ path: 'p.mhtml', text: mhtml(page(name), 'https://www.example.org/x', coding) });
        expect(saved).toEqual(html);
      }
    }
  });

  it("takes the page's address for its URL when the page gives none, so the outlet comes from it", () => {
    const bare = '<!doctype html><html><head><meta charset="utf-8"><title>Ferry aground</title></head><body><article><h1>Ferry aground</h1><p>The ferry Solveig ran aground off Kallo island on Friday morning, the coast guard said.</p><p>Coast guard boats rescued 212 passengers — all of them unhurt — from the stranded ferry.</p></article></body></html>';
    const r = parseMhtml({ path: 'p.mhtml', text: mhtml(bare, 'https://www.theguardian.com/world/ferry') });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.meta.url).toBe('https://www.theguardian.com/world/ferry');
    expect(r.article.paragraphs[1]).toBe('Coast guard boats rescued 212 passengers — all of them unhurt — from the stranded ferry.');
  });

  it('answers any text with a page or a reason, never a throw', () => {
    const saved = mhtml('<html><body><article><p>The ferry Solveig ran aground off Kallo island on Friday morning.</p><p>All 212 passengers were rescued by the coast guard.</p></article></body></html>', 'https://www.example.org/x');
    fc.assert(
      fc.property(fc.nat({ max: saved.length }), fc.string({ maxLength: 200 }), (at, junk) => {
        const r = parseMhtml({ path: 'x.mhtml', text: saved.slice(0, at) + junk });
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('says why a file is not a saved page', () => {
    expect(parseMhtml({ path: 'x.mht', text: 'Just some text\nwith lines.' })).toEqual({ ok: false, reason: 'not an MHTML file (no MIME header)' });
    const noPage = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxxxx\r\n--b--\r\n';
    expect(parseMhtml({ path: 'x.mht', text: noPage })).toEqual({ ok: false, reason: 'no web page (text/html part) in the MHTML file' });
  });
});

describe('dedupe on .mhtml files', () => {
  it('finds the seed story and its conflict in pages saved as MHTML, a file over --max-size read up to it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-mhtml-'));
    try {
      writeFileSync(path.join(dir, 'reuters.mhtml'), mhtml(page('reuters.html'), 'https://www.reuters.com/article/x'));
      // Chrome puts the page first and the images after it: past the limit there are only images.
      const big = mhtml(page('trt-world.html'), 'https://www.trtworld.com/mea/x').replace('Content-Type: image/png', `Content-Type: image/png\r\nX-Pad: ${'p'.repeat(200_000)}`);
      writeFileSync(path.join(dir, 'trt.mht'), big);
      const r = runCli([dir, '--json', '--max-size', '100KB']);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as Report;
      expect(report.articles.map((a) => a.source).sort()).toEqual(['Reuters', 'TRT World']);
      expect(report.stories).toHaveLength(1);
      expect(report.stories[0]?.conflicts.map((c) => c.detail)).toEqual(['weekday: Sunday (Reuters) vs Monday (TRT World)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

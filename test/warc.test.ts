/**
 * Web archives (src/input/warc.ts): the HTML pages among a WARC file's records are read as pages, a record at a
 * time; requests, metadata, images, redirects are passed over; HTTP transfer and content encodings and charsets are
 * undone; --max-size applies to each page; cut or foreign data skips the rest with its reason. Runs the built CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { warcRecords } from '../src/input/warc.js';
import { responseBody } from '../src/input/http-body.js';
import { runCli, type CliRun } from './cli-run.js';


/** One WARC record: its type, more header lines, its block. */
function record(type: string, block: Buffer | string, headers: Record<string, string> = {}): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block, 'utf8') : block;
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response: status, header lines, body. */
function http(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1'), b]);
}

const page = (site: string, title: string, lines: readonly string[]): string =>
  `<!doctype html><html><head><title>${title} | ${site}</title><meta property="og:site_name" content="${site}"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}</article><footer>© ${site}</footer></body></html>`;

const FERRY = ['A passenger ferry ran aground off the coast of Skye on Monday morning, the coastguard said.', 'All 112 passengers were taken off by lifeboat crews within four hours of the grounding.', 'The operator said an inquiry would look at the steering gear and the charts.'];
const response = (url: string, h: Buffer): Buffer => record('response', h, { 'WARC-Target-URI': url, 'WARC-Date': '2031-04-08T10:00:00Z', 'Content-Type': 'application/http; msgtype=response' });

/** Chunked transfer encoding of `body` in pieces of `size`. */
function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

function crawl(): Buffer[] {
  const latin1 = Buffer.from(page('Le Courrier', 'Café fermé', ['Le café de la gare a fermé ses portes lundi après trente ans de service.', 'Les habitués ont organisé une fête d’adieu samedi soir.', 'Le propriétaire prend sa retraite à Nantes.']).replace('’', "'"), 'latin1');
  return [
    record('warcinfo', 'software: test\r\n', { 'Content-Type': 'application/warc-fields' }),
    record('request', 'GET /ferry HTTP/1.1\r\nHost: www.highlandherald.example\r\n\r\n', { 'WARC-Target-URI': 'https://www.highlandherald.example/ferry' }),
    response('https://www.highlandherald.example/ferry', http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, page('Highland Herald', 'Ferry aground off Skye', FERRY))),
    response('https://www.highlandherald.example/logo.png', http('200 OK', { 'Content-Type': 'image/png' }, Buffer.alloc(3000, 7))),
    response('https://www.highlandherald.example/old', http('301 Moved Permanently', { 'Content-Type': 'text/html', Location: '/ferry' }, '<html><body>Moved</body></html>')),
    response('https://news.example.org/ferry', http('200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' }, chunked(gzipSync(page('Coast News', 'Skye ferry grounding', FERRY.map((l) => l.replace('Monday', 'Monday, 8 April')))), 100))),
    response('https://courrier.example.fr/cafe', http('200 OK', { 'Content-Type': 'text/html; charset=ISO-8859-1' }, latin1)),
    record('resource', page('Wire', 'Ferry aground', FERRY), { 'WARC-Target-URI': 'https://wire.example/ferry', 'Content-Type': 'text/html' }),
    record('metadata', 'via: x\r\n', { 'WARC-Target-URI': 'https://www.highlandherald.example/ferry', 'Content-Type': 'application/warc-fields' }),
  ];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-warc-'));
  dirs.push(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return dir;
}
const dedupe = (args: readonly string[]): CliRun => runCli(args);

describe('web archives (.warc, .warc.gz)', () => {
  it('reads the HTML pages among the records, named by their place, and passes over the rest without a word', () => {
    const records = crawl();
    // As Common Crawl writes them: each record gzipped on its own, the members one after another.
    const dir = folder({ 'crawl.warc.gz': Buffer.concat(records.map((r) => gzipSync(r))), 'plain.warc': Buffer.concat(records.slice(2, 3)) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    // plain.warc holds the Herald's page again (same outlet, URL and text): read, and one article with the first.
    expect(r.stderr).toBe(`dedupe: skipped ${dir}/plain.warc[0]: 1 repeat of one record (same outlet and URL, same text), not read as an article: this one; kept: ${dir}/crawl.warc.gz[2]\n`);
    const report = JSON.parse(r.stdout) as Report;
    const byPath = new Map(report.articles.map((a) => [path.basename(a.path), a]));
    expect([...byPath.keys()].sort()).toEqual(['crawl.warc.gz[2]', 'crawl.warc.gz[5]', 'crawl.warc.gz[6]', 'crawl.warc.gz[7]']);
    expect(byPath.get('crawl.warc.gz[2]')).toMatchObject({ source: 'Highland Herald', url: 'https://www.highlandherald.example/ferry', title: 'Ferry aground off Skye' });
    // Chunked and gzipped by HTTP, read all the same; a Latin-1 page decoded as its header says.
    expect(byPath.get('crawl.warc.gz[5]')).toMatchObject({ source: 'Coast News', title: 'Skye ferry grounding' });
    expect(byPath.get('crawl.warc.gz[6]')?.title).toBe('Café fermé');
    expect(byPath.get('crawl.warc.gz[7]')?.source).toBe('Wire');
    // The ferry pages are one story; the café another.
    const ferry = report.stories.find((s) => s.articles.includes(byPath.get('crawl.warc.gz[2]')?.id ?? ''));
    expect(ferry?.articles).toHaveLength(3);
  });

  it('decodes a page whose HTTP header says ISO-8859-1 as windows-1252, as browsers do (0x92 is a quote)', () => {
    const text = ['Le café de la gare a fermé ses portes lundi après trente ans de service.', 'Les habitués ont organisé une fête d’adieu samedi soir.', 'Le propriétaire prend sa retraite à Nantes.'];
    const bytes = Buffer.from(page('Le Courrier', 'Café fermé', text).replace('’', '\x92'), 'latin1');
    const dir = folder({ 'latin.warc': response('https://courrier.example.fr/cafe', http('200 OK', { 'Content-Type': 'text/html; charset=iso-8859-1' }, bytes)) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('fête d’adieu');
    expect(r.stdout).not.toContain('\\u0092');
  });

  it('reads a body stored de-chunked under a Transfer-Encoding: chunked header as it is', () => {
    const dir = folder({ 'stored.warc': response('https://www.highlandherald.example/ferry', http('200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, page('Highland Herald', 'Ferry aground off Skye', FERRY))) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).articles.map((a) => a.title)).toEqual(['Ferry aground off Skye']);
  });

  it('reads what odd writers and servers give: bare LF line ends, raw deflate, a body stored decoded under its Content-Encoding', () => {
    const html = page('Coast News', 'Skye ferry grounding', FERRY);
    const lf = (b: Buffer): Buffer => Buffer.from(b.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const records = [
      // WARC and HTTP headers with bare LF line ends (the block's length as written).
      lf(record('response', lf(http('200 OK', { 'Content-Type': 'text/html' }, html)), { 'WARC-Target-URI': 'https://news.example.org/lf' })),
      response('https://news.example.org/raw', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' }, deflateRawSync(Buffer.from(html)))),
      response('https://news.example.org/stored', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, html)),
      response('https://news.example.org/bad', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, Buffer.alloc(200, 3))),
    ];
    const dir = folder({ 'odd.warc': Buffer.concat(records), 'hexlength.warc': Buffer.from(record('resource', html, { 'Content-Type': 'text/html' }).toString('latin1').replace(/Content-Length: \d+/, 'Content-Length: 0x10'), 'latin1') });
    const r = dedupe([dir, '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.articles.map((a) => path.basename(a.path)).sort()).toEqual(['odd.warc[0]', 'odd.warc[1]', 'odd.warc[2]']);
    expect(r.stderr.trim().split('\n')).toEqual([
      `dedupe: skipped ${dir}/hexlength.warc: a WARC record without a valid Content-Length`,
      `dedupe: skipped ${dir}/odd.warc[3]: its body could not be decoded: incorrect header check`,
    ]);
  });

  it('applies --max-size to each page, and says why cut or foreign data ends a file', () => {
    const records = crawl();
    const whole = Buffer.concat(records.map((r) => gzipSync(r)));
    const dir = folder({
      'big.warc': Buffer.concat(records.slice(0, 3)),
      'cut.warc.gz': whole.subarray(0, whole.length - 200),
      'notwarc.warc': Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      'empty.warc': Buffer.concat(records.slice(0, 2)),
    });
    const r = dedupe([dir, '--json', '--max-size', '500B']);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`dedupe: skipped ${dir}/big.warc[2]: a page of 556 bytes is over the size limit of 500 bytes (--max-size)`);
    expect(lines.filter((l) => l.includes('big.warc'))).toHaveLength(1);
    // Decompressed past the limit: said so, not a zlib message.
    expect(lines).toContain(`dedupe: skipped ${dir}/cut.warc.gz[5]: its body is over the size limit of 500 bytes (--max-size) once decompressed`);
    expect(lines.some((l) => l.startsWith(`dedupe: skipped ${dir}/cut.warc.gz: not readable as gzip: unexpected end of file (after record `))).toBe(true);
    expect(lines).toContain(`dedupe: skipped ${dir}/notwarc.warc: not a WARC record (it starts "GET / HTTP/1.1")`);
    expect(lines).toContain(`dedupe: skipped ${dir}/empty.warc: no HTML page among its 2 WARC records`);
  });

  it('passes over a large record that is no page as it streams by, never holding it', async () => {
    const video = Buffer.alloc(5 << 20, 1);
    const bytes = Buffer.concat([record('response', Buffer.concat([http('200 OK', { 'Content-Type': 'video/mp4' }, '').subarray(0), video]), { 'WARC-Target-URI': 'https://x.example/v.mp4' }), crawl()[2] as Buffer]);
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
    }
    const seen: [string | undefined, number][] = [];
    for await (const { record: r } of warcRecords(pieces(), (headers) => ({ keep: headers.get('warc-target-uri')?.endsWith('/ferry') === true }))) seen.push([r.headers.get('warc-target-uri'), r.block.length]);
    expect(seen[0]).toEqual(['https://x.example/v.mp4', 0]);
    expect(seen[1]?.[0]).toBe('https://www.highlandherald.example/ferry');
    expect(seen[1]?.[1]).toBeGreaterThan(500);
  });
});

/** A WET record as Common Crawl writes it: the page's title on the first line, then a line for each block of text. */
const conversion = (url: string, text: string): Buffer =>
  record('conversion', text, { 'WARC-Target-URI': url, 'WARC-Date': '2031-04-08T10:05:00Z', 'WARC-Refers-To': '<urn:uuid:0f1e2d3c>', 'WARC-Identified-Content-Language': 'eng', 'Content-Type': 'text/plain' });

describe('WET files (.warc.wet.gz, .wet, .wet.gz): the text of pages', () => {
  const wet = (): Buffer[] => [
    record('warcinfo', 'isPartOf: test\r\npublisher: nobody\r\n', { 'Content-Type': 'application/warc-fields' }),
    conversion('https://www.highlandherald.example/ferry', ['Ferry aground off Skye | Highland Herald', 'Skip to content', 'Menu', ...FERRY, '© Highland Herald'].join('\n')),
    conversion('https://news.example.org/ferry', ['Skye ferry grounding - Coast News', ...FERRY.map((l) => l.replace('Monday', 'Monday, 8 April'))].join('\n')),
    conversion('https://news.example.org/empty', 'Tag: ferries\n'),
  ];

  it('reads each conversion record as an article: title from the first line, URL from WARC-Target-URI, no date from WARC-Date', () => {
    const dir = folder({ 'CC-MAIN-1.warc.wet.gz': Buffer.concat(wet().map((r) => gzipSync(r))), 'day.wet': Buffer.concat(wet().slice(0, 2)), 'day2.wet.gz': gzipSync(Buffer.concat(wet().slice(2, 3))) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const byPath = new Map(report.articles.map((a) => [path.basename(a.path), a]));
    // day.wet and day2.wet.gz hold the same pages again (same outlet, URL and text): one article each with the first.
    expect([...byPath.keys()].sort()).toEqual(['CC-MAIN-1.warc.wet.gz[1]', 'CC-MAIN-1.warc.wet.gz[2]']);
    const herald = byPath.get('CC-MAIN-1.warc.wet.gz[1]');
    // The tail naming the site (it spells the domain) is taken off the headline.
    expect(herald).toMatchObject({ title: 'Ferry aground off Skye', url: 'https://www.highlandherald.example/ferry', source: 'highlandherald.example' });
    expect(herald?.date).toBeUndefined();
    // A tail that is not the site's name is kept.
    expect(byPath.get('CC-MAIN-1.warc.wet.gz[2]')).toMatchObject({ title: 'Skye ferry grounding - Coast News', source: 'news.example.org' });
    // The page of nothing but its title has no article text: summed up for the archive.
    expect(r.stderr.trim().split('\n')).toEqual([
      `dedupe: skipped ${dir}/CC-MAIN-1.warc.wet.gz: 1 of its 3 pages, with no article text (index, tag or media pages)`,
      `dedupe: skipped ${dir}/day.wet[1]: 1 repeat of one record (same outlet and URL, same text), not read as an article: this one; kept: ${dir}/CC-MAIN-1.warc.wet.gz[1]`,
      `dedupe: skipped ${dir}/day2.wet.gz[0]: 1 repeat of one record (same outlet and URL, same text), not read as an article: this one; kept: ${dir}/CC-MAIN-1.warc.wet.gz[2]`,
    ]);
    expect(report.stories.find((s) => s.articles.includes(herald?.id ?? ''))?.articles).toHaveLength(2);
  });

  it('says so of a WET file with no page text among its records', () => {
    const dir = folder({ 'info.wet': wet()[0] as Buffer });
    const r = dedupe([dir, '--json']);
    expect(r.stderr).toContain(`dedupe: skipped ${dir}/info.wet: no page text (a conversion record) among its 1 WARC records`);
  });
});

describe('pages with no article text (index, tag or media pages)', () => {
  const index = (n: number): Buffer => response(`https://www.highlandherald.example/tag/${n}`, http('200 OK', { 'Content-Type': 'text/html' }, `<!doctype html><html><head><title>Tag ${n}</title></head><body><nav><a href="/">Home</a></nav><ul><li><a href="/a">Ferry</a></li></ul></body></html>`));
  const menus = (n: number): Buffer => response(`https://www.highlandherald.example/section/${n}`, http('200 OK', { 'Content-Type': 'text/html' }, `<!doctype html><html><head><title>Section ${n}</title></head><body><p>Read more</p><p>Subscribe</p></body></html>`));

  it('are summed into one line an archive, on stderr and in the report, counted as records; a file keeps its own line', () => {
    const herald = crawl()[2] as Buffer;
    const dir = folder({
      'crawl.warc.gz': Buffer.concat([index(1), herald, index(2), menus(3), index(4)].map((r) => gzipSync(r))),
      'other.warc': Buffer.concat([index(5), herald]),
      'clean.warc': herald,
      'empty.html': Buffer.from('<!doctype html><html><head><title>Empty</title></head><body><nav>Home</nav></body></html>'),
    });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `dedupe: skipped ${dir}/empty.html: no article text found in the page`,
      // Parsed with no text (the index pages) and cleaned to nothing (a page of menus) alike, after the files' lines.
      `dedupe: skipped ${dir}/crawl.warc.gz: 4 of its 5 pages, with no article text (index, tag or media pages)`,
      `dedupe: skipped ${dir}/other.warc: 1 of its 2 pages, with no article text (index, tag or media pages)`,
      // The Herald's page is in all three archives: one article, the one first in natural path order.
      `dedupe: skipped ${dir}/crawl.warc.gz[1]: 2 repeats of one record (same outlet and URL, same text), not read as articles: this one to ${dir}/other.warc[1]; kept: ${dir}/clean.warc[0]`,
    ]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.skipped.find((d) => d.path.endsWith('crawl.warc.gz'))).toEqual({ path: `${dir}/crawl.warc.gz`, reason: '4 of its 5 pages, with no article text (index, tag or media pages)', level: 'skipped', records: 4 });
    expect(report.articles).toHaveLength(1);
    const terminal = dedupe([dir, '--no-matrix', '--width', '200']).stdout;
    expect(terminal).toContain('1 file and 7 records skipped');
    expect(terminal).toContain('Skipped files and records (8)');
  });

  it('count a section front of headlines and teasers among them (index-page.ts), which was read as an article', () => {
    const cards = ['Ferry runs aground off Skye with 120 on board', 'Bank of England holds interest rates at 4%', 'Earthquake kills dozens in eastern Turkey', 'Chancellor unveils spending plan for schools']
      .map((h, i) => `<h2><a href="/news/${i}">${h}</a></h2><p>Teaser number ${i} of the front page, a sentence long.</p>`)
      .join('');
    const front = response('https://www.highlandherald.example/news', http('200 OK', { 'Content-Type': 'text/html' }, `<!doctype html><html><head><title>News - Highland Herald</title></head><body><main>${cards}</main></body></html>`));
    const dir = folder({ 'crawl.warc': Buffer.concat([front, crawl()[2] as Buffer]) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe(`dedupe: skipped ${dir}/crawl.warc: 1 of its 2 pages, with no article text (index, tag or media pages)`);
    expect((JSON.parse(r.stdout) as Report).articles).toHaveLength(1);
  });

  it('are not said at all with --quiet', () => {
    const dir = folder({ 'crawl.warc': Buffer.concat([index(1), crawl()[2] as Buffer]) });
    const r = dedupe([dir, '--json', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('bodies cut by the crawler, charsets and bad bytes', () => {
  const LONG = [...FERRY, 'The coastguard said the weather had been calm and visibility good at the time.', 'Divers inspected the hull on Tuesday and found a gash of two metres below the waterline.', 'The ferry is expected to be towed to a yard in Greenock once the tide allows.'];

  it('reads the decodable start of a gzip body that a WARC-Truncated record cut short', () => {
    const html = Buffer.from(page('Highland Herald', 'Ferry aground off Skye', [...LONG, ...LONG.map((l) => l.replace('ferry', 'vessel'))]));
    const gz = gzipSync(html);
    const cut = (uri: string, truncated: boolean): Buffer => record('response', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, gz.subarray(0, Math.floor(gz.length * 0.6))), { 'WARC-Target-URI': uri, ...(truncated ? { 'WARC-Truncated': 'length' } : {}) });
    const dir = folder({ 'cut.warc': Buffer.concat([cut('https://www.highlandherald.example/ferry', true), cut('https://www.highlandherald.example/again', false)]) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.articles.map((a) => [path.basename(a.path), a.title])).toEqual([['cut.warc[0]', 'Ferry aground off Skye']]);
    // The start of the page (the sentences before the cut), not the whole.
    expect(report.articles[0]?.sentences).toBeGreaterThanOrEqual(2);
    expect(report.articles[0]?.sentences).toBeLessThan(12);
    // Without WARC-Truncated the body is not known to be cut on purpose: bad data, as before.
    expect(r.stderr.trim()).toBe(`dedupe: skipped ${dir}/cut.warc[1]: its body could not be decoded: unexpected end of file`);
  });

  it('gives what decodes before the cut for each content coding, only when the body is known to be cut', () => {
    const html = Buffer.from(page('Highland Herald', 'Ferry aground off Skye', Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${FERRY[i % 3]}`)));
    for (const [coding, encoded] of [['gzip', gzipSync(html)], ['deflate', deflateSync(html)], ['deflate', deflateRawSync(html)], ['br', brotliCompressSync(html)]] as const) {
      const cut = encoded.subarray(0, Math.floor(encoded.length * 0.7));
      const fields = new Map([['content-encoding', coding]]);
      const got = responseBody(cut, fields, 1 << 20, true);
      expect('bytes' in got && html.toString().startsWith(got.bytes.toString()) && got.bytes.length > 200, coding).toBe(true);
      expect(responseBody(cut, fields, 1 << 20, false), coding).toHaveProperty('reason');
      expect(responseBody(encoded, fields, 1 << 20, true), coding).toEqual({ bytes: html });
    }
  });

  it('reads a page that is valid UTF-8 as UTF-8 whatever charset its HTTP header names, as a file is read', () => {
    const html = page('Le Courrier', 'Café fermé', ['Le café de la gare a fermé ses portes lundi après trente ans de service.', 'Les habitués ont organisé une fête d’adieu samedi soir.']);
    const dir = folder({ 'utf8.warc': response('https://courrier.example.fr/cafe', http('200 OK', { 'Content-Type': 'text/html; charset=ISO-8859-1' }, html)) });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).articles.map((a) => a.title)).toEqual(['Café fermé']);
    expect(r.stdout).not.toContain('CafÃ©');
  });

  it('warns of invalid UTF-8 in a page, and of a WET record read as windows-1252, named by its record, as for a file', () => {
    // The page is UTF-8 (its two good sequences) with a bad byte; the WET record has no good sequence: windows-1252.
    const bad = Buffer.from(page('Highland Herald', 'Ferry aground off Skye — Müller', FERRY).replace('Monday', 'Monday@'));
    bad[bad.indexOf('@')] = 0xff;
    const text = Buffer.from(['Skye ferry grounding', ...FERRY].join('\n').replace('lifeboat', 'lifeboat@'));
    text[text.indexOf('@')] = 0xc3;
    const dir = folder({
      'bad.warc': Buffer.concat([record('warcinfo', 'x: y\r\n', { 'Content-Type': 'application/warc-fields' }), response('https://www.highlandherald.example/ferry', http('200 OK', { 'Content-Type': 'text/html' }, bad))]),
      'bad.wet': record('conversion', text, { 'WARC-Target-URI': 'https://news.example.org/ferry', 'Content-Type': 'text/plain' }),
    });
    const r = dedupe([dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n').sort()).toEqual([`dedupe: warning: ${dir}/bad.warc[1]: invalid UTF-8; bad bytes shown as \uFFFD`, `dedupe: warning: ${dir}/bad.wet[0]: not UTF-8 and no encoding declared: read as windows-1252`]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.articles).toHaveLength(2);
    expect(report.warnings.map((w) => path.basename(w.path)).sort()).toEqual(['bad.warc[1]', 'bad.wet[0]']);
  });
});

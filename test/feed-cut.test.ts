import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '../src/input/feed.js';
import { feedCut } from '../src/input/feed-cut.js';
import { runCli } from './cli-run.js';

const item = (n: number): string =>
  `<item><title>Story ${n}</title><link>https://example.com/${n}</link><content:encoded>Rivers rose on day ${n} in the valley, officials said. Roads were closed and schools shut.</content:encoded></item>`;
const rss = (n: number): string => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>${Array.from({ length: n }, (_, i) => item(i)).join('\n')}</channel></rss>\n`;

describe('a feed cut short', () => {
  it('is whole when it ends with its root end tag, comments after it allowed', () => {
    expect(feedCut(rss(3), 'rss')).toBeUndefined();
    expect(feedCut(`${rss(3)}<!-- cached -->\n`, 'rss')).toBeUndefined();
    expect(feedCut('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry></feed>', 'feed')).toBeUndefined();
    expect(feedCut('<rdf:RDF><item>x</item></rdf:RDF >', 'rdf:RDF')).toBeUndefined();
  });

  it('is cut without the root end tag; its last item is cut without its own', () => {
    const whole = rss(3);
    expect(feedCut(whole.slice(0, whole.lastIndexOf('</channel>')), 'rss')).toEqual({ lastItemCut: false });
    expect(feedCut(whole.slice(0, whole.lastIndexOf('officials')), 'rss')).toEqual({ lastItemCut: true });
    expect(feedCut('<feed><entry><title>A</title></entry><entry><title>B', 'feed')).toEqual({ lastItemCut: true });
  });

  it('is read as far as it goes, with one warning naming the file and the items read; the cut item an excerpt', () => {
    const whole = rss(4);
    const r = parseFeed('news.rss', whole.slice(0, whole.lastIndexOf('Roads were')));
    expect(r.articles.map((a) => [a.path, a.meta.excerpt === true])).toEqual([['news.rss[0]', false], ['news.rss[1]', false], ['news.rss[2]', false], ['news.rss[3]', true]]);
    expect(r.diagnostics).toEqual([{ path: 'news.rss', reason: 'feed cut short (no closing </rss>): 4 items read, the last of them cut short (read as an excerpt)', level: 'warning' }]);
    const between = parseFeed('news.rss', whole.slice(0, whole.lastIndexOf('</channel>')));
    expect(between.diagnostics).toEqual([{ path: 'news.rss', reason: 'feed cut short (no closing </rss>): 4 items read', level: 'warning' }]);
    expect(parseFeed('news.rss', whole).diagnostics).toEqual([]);
    // Cut inside the last item's title: no text to read, and the warning says so.
    const early = parseFeed('news.rss', whole.slice(0, whole.lastIndexOf('Story 3')));
    expect(early.articles).toHaveLength(3);
    expect(early.diagnostics.map((d) => d.reason)).toEqual([
      'feed cut short (no closing </rss>): 4 items read, the last of them cut short (too short to hold any text)',
      expect.stringMatching(/^no article text/) as unknown as string,
    ]);
  });

  it('end to end: one warning line on stderr and in the report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-cut-'));
    const whole = rss(3);
    writeFileSync(path.join(dir, 'news.rss'), whole.slice(0, whole.lastIndexOf('Roads were')));
    const r = runCli(['news.rss', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const reason = 'feed cut short (no closing </rss>): 3 items read, the last of them cut short (read as an excerpt)';
    expect(r.stderr).toBe(`dedupe: warning: news.rss: ${reason}\n`);
    expect(JSON.parse(r.stdout).warnings).toEqual([{ path: 'news.rss', reason, level: 'warning' }]);
  });
});

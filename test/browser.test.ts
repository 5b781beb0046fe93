/**
 * The HTML report in a real headless browser (Debian's chromium via playwright-core, JavaScript off, network
 * requests recorded): the page's structure, the matrix, the highlighted unique facts and conflicts, and the
 * conflicting statements side by side. Saves a screenshot of the seeds report to the temp folder, or to
 * $DEDUPE_SCREENSHOT (e.g. docs/seeds-report.png). Skipped, with a message, only when chromium is absent;
 * .ci/run installs it.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { runCli, ROOT } from './cli-run.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does this)`);

function dedupe(args: readonly string[]): string {
  const r = runCli(args);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!present)('the HTML report in chromium', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dedupe-browser-'));
  let context: BrowserContext;
  let page: Page;
  let report: Report;
  const requests: string[] = [];

  beforeAll(async () => {
    report = JSON.parse(dedupe(['seeds/', '--json'])) as Report;
    const file = path.join(tmp, 'seeds.html');
    writeFileSync(file, dedupe(['seeds/', '--format', 'html']));
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('loads nothing but the page itself', () => {
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it('shows the story with its heading and sources', async () => {
    const story = report.stories[0];
    expect(await page.locator('h1').innerText()).toBe('dedupe report');
    expect(await page.locator('section.story').count()).toBe(1);
    expect(await page.locator('section.story h2').innerText()).toContain(story?.title ?? '?');
    expect(await page.locator('table.sources tbody tr').count()).toBe(story?.articles.length);
  });

  it('draws the facts × sources matrix: a row per fact, a cell per source, conflicts marked', async () => {
    const story = report.stories[0];
    const rows = page.locator('table.matrix tbody tr');
    expect(await rows.count()).toBe(story?.facts.length);
    expect(await page.locator('table.matrix td.cell').count()).toBe((story?.facts.length ?? 0) * (story?.sources.length ?? 0));
    expect(await page.locator('table.matrix td.cell.conflict').count()).toBe(2);
    const shared = await page.locator('table.matrix tbody tr').evaluateAll((trs) => trs.filter((tr) => tr.querySelectorAll('td.cell.absent').length === 0).length);
    expect(shared).toBe(story?.shared.length);
  });

  it('highlights each source’s unique facts and conflicting sentences in its text', async () => {
    const story = report.stories[0];
    expect(await page.locator('article.source-text').count()).toBe(2);
    const unique = (story?.coverage ?? []).reduce((n, c) => n + c.adds.length, 0);
    expect(await page.locator('.source-text .s.unique').count()).toBe(unique);
    expect(await page.locator('.source-text .s.conflicting').count()).toBe(2);
    // Runs in the page, where the DOM's getComputedStyle is (this file is compiled without the DOM's types).
    const bg = await page
      .locator('.source-text .s.unique')
      .first()
      .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('puts the conflicting statements side by side, with the values marked', async () => {
    const quotes = page.locator('.disagreement .side-by-side blockquote');
    expect(await quotes.count()).toBe(2);
    const [a, b] = [await quotes.nth(0).boundingBox(), await quotes.nth(1).boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1).toBe(true);
    expect((await page.locator('.disagreement mark.value').allInnerTexts()).sort()).toEqual(['Monday', 'Sunday']);
  });

  it('saves a screenshot', async () => {
    const out = process.env.DEDUPE_SCREENSHOT ? path.resolve(ROOT, process.env.DEDUPE_SCREENSHOT) : path.join(tmp, 'seeds-report.png');
    await page.screenshot({ path: out });
    expect(statSync(out).size).toBeGreaterThan(10_000);
    // The conflict side by side and the start of the two texts, highlighted.
    const texts = out.replace(/\.png$/, '-texts.png');
    const top = (await page.locator('section.story h3', { hasText: 'Conflicts' }).boundingBox())?.y ?? 0;
    await page.screenshot({ path: texts, fullPage: true, clip: { x: 0, y: top - 16, width: 1200, height: 900 } });
    expect(statSync(texts).size).toBeGreaterThan(10_000);
  });
});

import { describe, expect, it } from 'vitest';
import { marked, renderHtml } from '../src/render/html.js';
import { esc } from '../src/render/html-style.js';
import type { Story } from '../src/types.js';
import { sampleReport } from './render-fixture.js';

describe('renderHtml', () => {
  const report = sampleReport();
  const story = report.stories[0] as Story;
  const page = renderHtml(report);

  it('is one self-contained page: inline CSS, no script, nothing loaded from elsewhere', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(page).toContain("default-src 'none'");
  });

  it('has a section per multi-article story with its matrix, conflicts and texts', () => {
    expect(page.match(/<section class="story"/g)).toHaveLength(1);
    const rows = page.match(/<tr data-fact=/g) ?? [];
    expect(rows).toHaveLength(story.facts.length);
    expect(page.match(/<td class="cell /g)).toHaveLength(story.facts.length * story.sources.length);
    expect(page.match(/<div class="disagreement"/g)).toHaveLength(story.conflicts.length);
    expect(page.match(/<article class="source-text"/g)).toHaveLength(story.articles.length);
    expect(page).toContain('<mark class="value">212</mark>');
  });

  it('leaves the matrix out with --no-matrix, and keeps the conflicts and the texts', () => {
    const short = renderHtml(report, { matrix: false });
    expect(short).not.toMatch(/<tr data-fact=|<table class="matrix"/);
    expect(short.match(/<div class="disagreement"/g)).toHaveLength(story.conflicts.length);
    expect(short.match(/<article class="source-text"/g)).toHaveLength(story.articles.length);
  });

  it('shows every sentence of every article of the story once, in its source text', () => {
    const spans = page.match(/<span class="s /g) ?? [];
    const sentences = story.articles.reduce((n, id) => n + (report.articles.find((a) => a.id === id)?.sentences ?? 0), 0);
    expect(spans).toHaveLength(sentences);
    expect((page.match(/<span class="s unique"/g) ?? []).length).toBeGreaterThan(0);
    expect((page.match(/<span class="s conflicting"/g) ?? []).length).toBe(2);
  });

  it('lists the warnings at the end, escaped, and no such section without them', () => {
    const report = sampleReport();
    expect(renderHtml(report)).not.toContain('<h2>Warnings');
    const warned = renderHtml({ ...report, warnings: [{ path: 'in/<b>.txt', reason: 'invalid UTF-8; bad bytes shown as \ufffd', level: 'warning' }] });
    expect(warned).toContain('<h2>Warnings (1)</h2><ul><li><code>in/&#60;b&#62;.txt</code>: invalid UTF-8; bad bytes shown as \ufffd</li></ul>');
    expect(warned.indexOf('<h2>Warnings')).toBeGreaterThan(warned.indexOf('<h2>Skipped files'));
  });

  it('escapes hostile article text', () => {
    const hostile = renderHtml(sampleReport(' <script>alert(1)</script> "quoted" & \u202e'));
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(hostile).not.toContain('\u202e');
  });

  it('marks the text of an article in another language than English with its lang, and only that', () => {
    expect(page).not.toMatch(/<(article|blockquote)[^>]* lang=/);
    const first = story.articles[0] as string;
    const german = { ...report, articles: report.articles.map((a) => (a.id === first ? { ...a, language: 'de' as const } : a)) };
    const marked = renderHtml(german);
    expect(marked).toContain(`<article class="source-text" data-article="${first}" lang="de">`);
    expect(marked.match(/<article[^>]* lang="de"/g)).toHaveLength(1);
    const quoted = story.conflicts.flatMap((c) => c.mentions).filter((m) => m.article === first).length;
    expect(quoted).toBeGreaterThan(0);
    expect(marked.match(/<blockquote lang="de">/g) ?? []).toHaveLength(quoted);
  });

  it('marks values without breaking escapes', () => {
    expect(marked("it's 39 o'clock", ['39'])).toBe('it&#39;s <mark class="value">39</mark> o&#39;clock');
    expect(esc('<a href="x">')).toBe('&#60;a href=&#34;x&#34;&#62;');
  });
});

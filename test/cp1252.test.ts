import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

describe('end to end: a windows-1252 text file (QA 29 #14)', () => {
  it('is read as windows-1252 with one warning saying so, and its words are found as typed', () => {
    const r = runCli(['test/fixtures/cp1252', '--json', '--match', 'München']);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe('dedupe: warning: test/fixtures/cp1252/cafe.txt: not UTF-8 and no encoding declared: read as windows-1252');
    const doc = JSON.parse(r.stdout);
    expect(doc.articles.map((a: { title: string }) => a.title)).toEqual(['Café owner in München fined']);
    const texts: string[] = doc.stories[0].facts.flatMap((f: { mentions: { text: string }[] }) => f.mentions.map((m) => m.text));
    expect(texts.join(' ')).toContain('was fined €500 on Monday for serving “expired” food');
    expect(texts.join(' ')).not.toContain('\uFFFD');
  });
});

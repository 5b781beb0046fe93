/** Text in decomposed form (NFD) is read composed (clean/articles.ts prepareArticle): one word per accented word. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

const DIR = 'test/fixtures/nfd';

describe('decomposed (NFD) input', () => {
  it('is the fixture: text with combining marks', () => {
    const text = readFileSync(`${DIR}/nfd.txt`, 'utf8');
    expect(text).not.toBe(text.normalize('NFC'));
  });

  it('is matched with and without accents, and not by a fragment cut at a combining mark (review 27b)', () => {
    const shown = (phrase: string): string => runCli([DIR, '-q', '--no-color', '--match', phrase]).stdout;
    expect(shown('Petropolis')).toMatch(/^1 article/);
    expect(shown('Petrópolis')).toMatch(/^1 article/);
    expect(shown('Petro')).toMatch(/^0 articles/);
  });

  it('reports its text composed (NFC)', () => {
    const doc = JSON.parse(runCli([DIR, '-q', '--json']).stdout) as { stories: { facts: { mentions: { text: string }[] }[] }[] };
    const texts = doc.stories.flatMap((s) => s.facts.flatMap((f) => f.mentions.map((m) => m.text)));
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toBe(t.normalize('NFC'));
  });
});

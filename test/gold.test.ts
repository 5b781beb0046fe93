import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  goldLinks,
  matchSentences,
  normalTokens,
  predictedLinks,
  readFactsJsonl,
  readStoriesTsv,
  sentenceKey,
  sentencePath,
  type GoldFact,
} from '../src/eval/gold.js';
import { linkEnds, linkKey } from '../src/eval/metrics.js';

describe('readStoriesTsv', () => {
  it('reads path<TAB>story with a header, blank lines and CRLF', () => {
    const text = 'path\tstory\r\narticles/1/a.txt\t1_ecb\r\n\r\narticles/1/b.txt\t1_ecbplus\r\n';
    expect(readStoriesTsv(text)).toEqual(
      new Map([
        ['articles/1/a.txt', '1_ecb'],
        ['articles/1/b.txt', '1_ecbplus'],
      ]),
    );
  });

  it('reads a file without a header', () => {
    expect(readStoriesTsv('a.txt\ts1\nb.txt\ts2').size).toBe(2);
  });

  it('names the 1-based line of a malformed line', () => {
    expect(() => readStoriesTsv('path\tstory\na.txt\ts1\nb.txt s2\n')).toThrow(/line 3/);
    expect(() => readStoriesTsv('a.txt\ts1\tx\n')).toThrow(/line 1/);
    expect(() => readStoriesTsv('a.txt\ts1\n\n\ta\n')).toThrow(/line 3/);
    expect(() => readStoriesTsv('a.txt\ts1\na.txt\ts2\n')).toThrow(/line 2.*duplicate/);
  });
});

describe('readFactsJsonl', () => {
  const mention = (path: string, sentence: number): string =>
    JSON.stringify({ path, sentence, text: `s${sentence}`, story: 'x' });

  it('reads facts, using the "fact" field as id or else the 0-based line index', () => {
    const text = [
      `{"fact":"F1","label":"l","mentions":[${mention('a.txt', 0)},${mention('b.txt', 2)}]}`,
      '',
      `{"mentions":[${mention('c.txt', 1)}]}\r`,
    ].join('\n');
    expect(readFactsJsonl(text)).toEqual([
      {
        id: 'F1',
        mentions: [
          { path: 'a.txt', sentence: 0, text: 's0' },
          { path: 'b.txt', sentence: 2, text: 's2' },
        ],
      },
      { id: '2', mentions: [{ path: 'c.txt', sentence: 1, text: 's1' }] },
    ]);
  });

  it('names the 1-based line of a malformed line', () => {
    const good = `{"fact":"F1","mentions":[${mention('a.txt', 0)}]}`;
    expect(() => readFactsJsonl(`${good}\n{not json`)).toThrow(/line 2: invalid JSON/);
    expect(() => readFactsJsonl(`${good}\n\n[1,2]`)).toThrow(/line 3: not a JSON object/);
    expect(() => readFactsJsonl('{"fact":"F"}')).toThrow(/line 1: no "mentions"/);
    expect(() => readFactsJsonl('{"mentions":[{"path":"a","sentence":-1,"text":""}]}')).toThrow(/line 1:.*sentence/);
    expect(() => readFactsJsonl('{"mentions":[{"path":"a","sentence":1}]}')).toThrow(/line 1:.*text/);
  });
});

describe('goldLinks', () => {
  it('links sentences of different articles that share a fact', () => {
    const facts: GoldFact[] = [
      {
        id: 'F1',
        mentions: [
          { path: 'a', sentence: 0, text: '' },
          { path: 'a', sentence: 3, text: '' },
          { path: 'b', sentence: 1, text: '' },
        ],
      },
      { id: 'F2', mentions: [{ path: 'c', sentence: 0, text: '' }, { path: 'b', sentence: 1, text: '' }] },
    ];
    const { links, sentences } = goldLinks(facts);
    expect(sentences).toEqual(new Set(['a#0', 'a#3', 'b#1', 'c#0']));
    // a#0–a#3 is inside one article, so it is not a link.
    expect(links).toEqual(new Set([linkKey('a#0', 'b#1'), linkKey('a#3', 'b#1'), linkKey('b#1', 'c#0')]));
  });

  it('sentencePath keeps a # inside the path', () => {
    expect(sentencePath(sentenceKey('dir#1/a.txt', 4))).toBe('dir#1/a.txt');
  });
});

describe('matchSentences', () => {
  const keyed = (prefix: string, texts: string[]): { key: string; text: string }[] =>
    texts.map((text, index) => ({ key: `${prefix}${index}`, text }));

  it('maps identical sentences one to one', () => {
    const gold = keyed('g', ['One fish.', 'Two fish.', 'Red fish.']);
    const predicted = keyed('p', ['One fish.', 'Two fish.', 'Red fish.']);
    expect(matchSentences(gold, predicted)).toEqual(new Map([['g0', ['p0']], ['g1', ['p1']], ['g2', ['p2']]]));
  });

  it('maps a gold line split in two to both predicted sentences', () => {
    const gold = keyed('g', ['The quake hit at dawn. Rescuers arrived by noon.', 'Aid followed.']);
    const predicted = keyed('p', ['The quake hit at dawn.', 'Rescuers arrived by noon.', 'Aid followed.']);
    expect(matchSentences(gold, predicted)).toEqual(new Map([['g0', ['p0', 'p1']], ['g1', ['p2']]]));
  });

  it('maps two gold lines merged into one predicted sentence to that sentence', () => {
    const gold = keyed('g', ['Police said the driver fled.', 'He was caught later.', 'No one was hurt.']);
    const predicted = keyed('p', ['Police said the driver fled. He was caught later.', 'No one was hurt.']);
    expect(matchSentences(gold, predicted)).toEqual(new Map([['g0', ['p0']], ['g1', ['p0']], ['g2', ['p1']]]));
  });

  it('ignores curly vs straight quotes, apostrophe spacing and whitespace', () => {
    const gold = keyed('g', ['“ My client is fine , ” Lohan ’ s lawyer said.']);
    const predicted = keyed('p', ['Intro.', '"My client is fine,"  Lohan\'s\nlawyer said.']);
    expect(matchSentences(gold, predicted)).toEqual(new Map([['g0', ['p1']]]));
    expect(normalTokens('Café “Noël” — 1,000')).toEqual(['cafe', 'noel', '1', '000']);
  });

  it('falls back to approximate alignment when words differ, and gives up below 60 %', () => {
    const gold = keyed('g', [
      'The magnitude 6.1 earthquake struck the island early on Sunday, officials said.',
      'Completely unrelated words appear here.',
    ]);
    const predicted = keyed('p', [
      'Markets were calm.',
      'The 6.1 earthquake struck the island early Sunday,',
      'officials told reporters.',
      'Weather was mild.',
    ]);
    const matched = matchSentences(gold, predicted);
    expect(matched.get('g0')).toEqual(['p1', 'p2']);
    expect(matched.get('g1')).toEqual([]);
  });

  it('resolves a repeated sentence in reading order', () => {
    const gold = keyed('g', ['Breaking news.', 'Story one.', 'Breaking news.', 'Story two.']);
    const predicted = keyed('p', ['Breaking news.', 'Story one.', 'Breaking news.', 'Story two.']);
    expect(matchSentences(gold, predicted).get('g2')).toEqual(['p2']);
  });
});

describe('predictedLinks', () => {
  it('links gold sentences of different articles whose predicted sentences share a group', () => {
    const goldToPred = new Map([
      ['a#0', ['A0']],
      ['a#1', ['A1', 'A2']],
      ['b#0', ['B0']],
      ['c#5', ['C9']],
    ]);
    const groups = [['A2', 'B0', 'X'], ['A0', 'A1'], ['C9']];
    // Group 1: a#1 (via A2) with b#0. Group 2: a#0 and a#1 share an article, so no link. Group 3: alone.
    expect(predictedLinks(groups, goldToPred)).toEqual(new Set([linkKey('a#1', 'b#0')]));
  });
});

const BENCH = '/work/shared/bench/ecbplus-dev';

describe('the real ecbplus-dev gold', () => {
  it.skipIf(!existsSync(join(BENCH, 'stories.tsv')) || !existsSync(join(BENCH, 'facts.jsonl')))(
    'parses and has the documented shape',
    () => {
      const stories = readStoriesTsv(readFileSync(join(BENCH, 'stories.tsv'), 'utf8'));
      expect(stories.size).toBe(496);
      expect(new Set(stories.values()).size).toBe(42);

      const facts = readFactsJsonl(readFileSync(join(BENCH, 'facts.jsonl'), 'utf8'));
      expect(facts.length).toBe(481);
      expect(new Set(facts.map((fact) => fact.id)).size).toBe(facts.length);
      const { links, sentences } = goldLinks(facts);
      expect(sentences.size).toBe(1423);
      expect(links.size).toBe(16240);
      for (const link of links) {
        const [a, b] = linkEnds(link);
        expect(sentencePath(a)).not.toBe(sentencePath(b));
        expect(sentences.has(a) && sentences.has(b)).toBe(true);
      }
      for (const fact of facts) for (const m of fact.mentions) expect(stories.has(m.path)).toBe(true);

      // Matching each article's gold sentences against its own lines finds exactly those lines.
      const byPath = new Map<string, Map<number, string>>();
      for (const fact of facts) {
        for (const m of fact.mentions) {
          const perPath = byPath.get(m.path) ?? new Map<number, string>();
          perPath.set(m.sentence, m.text);
          byPath.set(m.path, perPath);
        }
      }
      let matched = 0;
      for (const [path, perPath] of byPath) {
        const lines = readFileSync(join(BENCH, path), 'utf8').split(/\r?\n/);
        const predicted = lines.map((text, index) => ({ key: sentenceKey(path, index), text }));
        const gold = [...perPath]
          .sort(([x], [y]) => x - y)
          .map(([sentence, text]) => ({ key: sentenceKey(path, sentence), text }));
        for (const [goldKey, predKeys] of matchSentences(gold, predicted)) {
          expect(predKeys).toEqual([goldKey]);
          matched += 1;
        }
      }
      expect(matched).toBe(sentences.size);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { feedOf, unsourcedWarnings } from '../src/input/unsourced.js';
import { runCli } from './cli-run.js';

describe('records credited to their file name', () => {
  it('tells a record of a feed from an article file', () => {
    expect(['feed.jsonl:3', 'a/feed.json[2]', 'feed.jsonl:3[2]', 'news.csv:7', 'news.rss[0]', '<stdin>:4', 'one.json', 'x.jsonl.gz:2'].map(feedOf)).toEqual(['feed.jsonl', 'a/feed.json', 'feed.jsonl', 'news.csv', 'news.rss', '<stdin>', 'one.json', 'x.jsonl.gz']);
    expect(['story.txt', 'page.html', 'notes.md', '<stdin>', 'page.xml'].map(feedOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('counts per feed only the records whose source is the file name, and warns of two or more (one is one outlet, as a file of its own is)', () => {
    const a = (p: string, sourceOrigin: 'filename' | 'url' | 'credit' | 'metadata', source = 'feed') => ({ path: p, source, sourceOrigin });
    const warnings = unsourcedWarnings([a('b.jsonl:1', 'filename', 'b'), a('b.jsonl:2', 'url'), a('b.jsonl:3', 'credit'), a('b.jsonl:4', 'metadata'), a('a.csv:2', 'filename', 'a'), a('a.csv:3', 'filename', 'a'), a('b.jsonl:5', 'filename', 'b'), a('story.txt', 'filename', 'story'), a('one.json', 'filename', 'one'), a('c.jsonl:9', 'filename', 'c')]);
    expect(warnings).toEqual([
      { path: 'a.csv', reason: '2 records had no source (no source field, URL or credit line) and were credited to "a"', level: 'warning' },
      { path: 'b.jsonl', reason: '2 records had no source (no source field, URL or credit line) and were credited to "b"', level: 'warning' },
    ]);
  });

  it('end to end: one line on stderr a feed and in the report; a URL or a dateline is a source', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-unsourced-'));
    const rec = (o: object): string => JSON.stringify(o);
    writeFileSync(path.join(dir, 'day.jsonl'), [
      rec({ title: 'Flood in Dhaka', text: 'Rivers rose on Monday in Dhaka, officials said.' }),
      rec({ title: 'Fire in Porto', text: 'A warehouse burned on Tuesday in Porto, police said.' }),
      rec({ title: 'Vote in Lima', url: 'https://www.bbc.co.uk/news/lima', text: 'Polls closed at six in Lima on Sunday.' }),
      rec({ title: 'Attack', text: 'DAMASCUS (Reuters) - Rebels attacked the city on Sunday, witnesses said.' }),
      rec({ title: 'Storm', source: 'Wire', text: 'A storm hit the coast of Chile on Friday.' }),
    ].join('\n'));
    writeFileSync(path.join(dir, 'story.txt'), 'Quake in Chile\nA quake shook Chile on Friday, officials said.\n');
    const r = runCli(['.', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const line = 'day.jsonl: 2 records had no source (no source field, URL or credit line) and were credited to "day"';
    expect(r.stderr).toBe(`dedupe: warning: ${line}\n`);
    expect(JSON.parse(r.stdout).warnings).toEqual([{ path: 'day.jsonl', reason: line.slice('day.jsonl: '.length), level: 'warning' }]);
  });
});

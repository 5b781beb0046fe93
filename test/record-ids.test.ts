import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonLine } from '../src/input/json.js';
import { parseFeed } from '../src/input/feed.js';
import { isUnreadDate, unreadDateWarnings } from '../src/input/unread-dates.js';
import { validate, type Schema } from './json-schema.js';
import { ROOT, runCli } from './cli-run.js';

const TEXT = 'Rivers rose on Monday in Dhaka, officials said.';

describe('a record keeps its own id as externalId', () => {
  it('from JSON id or guid (a number as its digits), absent without one', () => {
    const meta = (o: object) => jsonLine(JSON.stringify({ title: 'Flood', text: TEXT, ...o }), 'f.jsonl:1')?.articles[0]?.meta.externalId;
    expect([meta({ id: 'abc-1' }), meta({ id: 17 }), meta({ guid: 'urn:x:9' }), meta({})]).toEqual(['abc-1', '17', 'urn:x:9', undefined]);
  });

  it('from an RSS guid or an Atom id', () => {
    const rss = parseFeed('n.rss', `<rss><channel><title>W</title><item><title>Flood</title><guid isPermaLink="false">item-42</guid><content:encoded>${TEXT} Roads were closed.</content:encoded></item></channel></rss>`);
    expect(rss.articles[0]?.meta.externalId).toBe('item-42');
    const atom = parseFeed('n.atom', `<feed><entry><title>Flood</title><id>tag:example.com,2024:7</id><content>${TEXT} Roads were closed.</content></entry></feed>`);
    expect(atom.articles[0]?.meta.externalId).toBe('tag:example.com,2024:7');
  });

  it('end to end: in the JSON report only when present, valid against the schema', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-ids-'));
    const lines = [
      { id: 'a-1', title: 'Flood', source: 'Wire', text: TEXT },
      { title: 'Fire', source: 'Paper', text: 'A warehouse burned on Tuesday in Porto, police said.' },
    ];
    writeFileSync(path.join(dir, 'f.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const r = runCli(['f.jsonl', '--json'], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    const ids = Object.fromEntries(doc.articles.map((a: { path: string; externalId?: string }) => [a.path, 'externalId' in a ? a.externalId : 'absent']));
    expect(ids).toEqual({ 'f.jsonl:1': 'a-1', 'f.jsonl:2': 'absent' });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as Schema;
    expect(validate(schema, doc)).toEqual([]);
  });
});

describe('dates not understood', () => {
  it('are those date.ts cannot read, a year or month alone aside', () => {
    expect(['yesterday', '3/4/17', 'gestern, 14 Uhr'].map(isUnreadDate)).toEqual([true, true, true]);
    expect(['2017-03-21', 'Tue, 21 Mar 2017 10:00:00 GMT', '2017', '2017-03', 'March 2017', '1700000000'].map(isUnreadDate)).toEqual([false, false, false, false, false, false]);
  });

  it('are one warning a file, with the count and the first', () => {
    expect(unreadDateWarnings([{ path: 'b.jsonl:1', date: 'yesterday' }, { path: 'b.jsonl:3', date: 'last week' }, { path: 'b.jsonl:4', date: '2017-03-21' }, { path: 'a.html', date: 'soon' }, { path: 'c.txt' }])).toEqual([
      { path: 'a.html', reason: 'date not understood ("soon"): kept as written, not used for time distance, first reports or --since/--until', level: 'warning' },
      { path: 'b.jsonl', reason: '2 dates not understood (the first "yesterday"): kept as written, not used for time distance, first reports or --since/--until', level: 'warning' },
    ]);
  });

  it('takes for the example the first in the file, whatever order the articles come in (by id)', () => {
    const [w] = unreadDateWarnings([{ path: 'b.jsonl:10', date: 'gestern' }, { path: 'b.jsonl:2[3]', date: 'vor 2 Stunden' }, { path: 'b.jsonl:2[1]', date: '27.11.' }]);
    expect(w?.reason).toMatch(/^3 dates not understood \(the first "27\.11\."\)/);
  });

  it('end to end: one line on stderr for the feed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedupe-dates-'));
    const lines = [
      { title: 'Flood', source: 'Wire', date: 'gestern', text: TEXT },
      { title: 'Fire', source: 'Paper', date: 'vorgestern', text: 'A warehouse burned on Tuesday in Porto, police said.' },
      { title: 'Vote', source: 'Radio', date: '2024-03-01', text: 'Polls closed at six in Lima on Sunday.' },
    ];
    writeFileSync(path.join(dir, 'f.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const r = runCli(['f.jsonl', '--json'], { cwd: dir });
    expect(r.stderr).toBe('dedupe: warning: f.jsonl: 2 dates not understood (the first "gestern"): kept as written, not used for time distance, first reports or --since/--until\n');
    expect(JSON.parse(r.stdout).articles.map((a: { date?: string }) => a.date).sort()).toEqual(['2024-03-01', 'gestern', 'vorgestern']);
  });
});

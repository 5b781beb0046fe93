/**
 * Regressions: behaviour that was once wrong, each with the input that showed it.
 */
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../src/clean/boilerplate.js';
import { sentencesOf } from '../src/clean/articles.js';
import { discover } from '../src/input/discover.js';
import { stripMarkdown } from '../src/input/parse.js';
import type { DroppedLine } from '../src/types.js';

describe('boilerplate rules do not drop news', () => {
  it('treats a capitalised byline as a credit', () => {
    expect(classifyLine('By John Smith')).toBe('credit');
    expect(classifyLine('By Jane Doe and Omar Khaled, Reuters')).toBe('credit');
  });

  it.each([
    'Images of the attack spread quickly on social media, activists said.',
    'Pictures of the victims were shown on state television on Tuesday.',
    'Update: the death toll has risen to 12.',
    'More than 100 people were killed.',
  ])('keeps "%s"', (line) => {
    expect(classifyLine(line)).toBeUndefined();
  });
});

describe('Markdown', () => {
  it('removes single and double emphasis but leaves snake_case alone', () => {
    expect(stripMarkdown('The *quick* fox _jumps_ over **snake_case**')).toBe('The quick fox jumps over snake_case');
  });
});

describe('sentences', () => {
  it('does not make a fact of a fragment with fewer than two words', () => {
    const dropped: DroppedLine[] = [];
    const s = sentencesOf(['Officials said the road was closed. \u001b[2J', '(Reuters)'], dropped);
    expect(s.map((x) => x.text)).toEqual(['Officials said the road was closed.']);
    expect(dropped.map((d) => d.reason)).toEqual(['short', 'short']);
  });
});

describe('discover', () => {
  it('follows symbolic links to files inside a folder, skips node_modules in globs, matches endings in any case', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dedupe-reg-'));
    await mkdir(path.join(dir, 'news', 'node_modules', 'pkg'), { recursive: true });
    await mkdir(path.join(dir, 'other'));
    await writeFile(path.join(dir, 'other', 'z.txt'), 'Headline\nBody text here.\n');
    await symlink(path.join('..', 'other', 'z.txt'), path.join(dir, 'news', 'linkfile.txt'));
    await writeFile(path.join(dir, 'news', 'node_modules', 'pkg', 'i.txt'), 'x\ny\n');
    await writeFile(path.join(dir, 'news', 'G.TXT'), 'Headline\nBody.\n');
    const byFolder = await discover(['news'], dir);
    expect(byFolder.files).toEqual(['news/G.TXT', 'news/linkfile.txt']);
    const byGlob = await discover(['news/**/*.txt'], dir);
    expect(byGlob.files).toEqual(['news/G.TXT', 'news/linkfile.txt']);
  });
});

describe("inputs left with no sentence are reported in path order", () => {
  it('names them in path order, not in the order of their content ids (review 26)', async () => {
    const { runCli } = await import('./cli-run.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dedupe-empty-order-'));
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    for (const [k, name] of names.entries()) await writeFile(path.join(dir, name), `Headline ${'xyzvw'[k]}\n\nAdvertisement\n\nShare this:\n`);
    await writeFile(path.join(dir, 'news.txt'), 'Ferry aground\n\nA ferry ran aground off Skye on Monday, the coastguard said.\n');
    const r = runCli([dir, '--json', '-o', '/dev/null']);
    const skipped = r.stderr.split('\n').filter((l) => l.includes('no sentences left')).map((l) => path.basename(l.split(': ')[1] ?? ''));
    expect(skipped).toEqual(names);
  });
});

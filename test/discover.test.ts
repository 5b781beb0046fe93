import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../src/input/discover.js';

let cwd = '';

const TREE = [
  'news/b.txt',
  'news/a.md',
  'news/sub/c.text',
  'news/sub/deeper/d.markdown',
  'news/page.html',
  'news/data.json',
  'news/notes.txt.bak',
  'news/feeds/day.jsonl.gz',
  'news/feeds/day.NDJSON.GZ',
  'news/feeds/page.html.gz',
  'news/feeds/page.xhtml',
  'news/feeds/dayXjsonlXgz',
  'news/.hidden/h.txt',
  'news/.dotfile.txt',
  'news/node_modules/pkg/readme.md',
  'other/z.txt',
  'other/page.html',
];

beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'dedupe-discover-'));
  for (const file of TREE) {
    await mkdir(path.join(cwd, path.dirname(file)), { recursive: true });
    await writeFile(path.join(cwd, file), 'Headline\nBody.\n');
  }
  await symlink(path.join(cwd, 'other'), path.join(cwd, 'news', 'linked-folder'));
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

// Every article ending, gzipped or not (page.html.gz too); not notes.txt.bak nor dayXjsonlXgz.
const NEWS = ['news/a.md', 'news/b.txt', 'news/data.json', 'news/feeds/day.NDJSON.GZ', 'news/feeds/day.jsonl.gz', 'news/feeds/page.html.gz', 'news/feeds/page.xhtml', 'news/page.html', 'news/sub/c.text', 'news/sub/deeper/d.markdown'];

describe('discover: folders', () => {
  it('searches a folder recursively for article files only, sorted', async () => {
    expect(await discover(['news'], cwd)).toEqual({
      files: NEWS,
      diagnostics: [{ path: 'news/linked-folder', reason: 'symbolic link to a folder; not followed (name the folder itself to read it)', level: 'skipped' }],
    });
  });

  it('gives the same list with a trailing slash, and for ./news', async () => {
    expect((await discover(['news/'], cwd)).files).toEqual(NEWS);
    expect((await discover(['./news'], cwd)).files.map((f) => path.posix.normalize(f))).toEqual(NEWS);
  });

  it('skips hidden folders, dot files, node_modules and links to folders', async () => {
    const { files } = await discover(['news'], cwd);
    expect(files.some((f) => f.includes('.hidden') || f.includes('.dotfile') || f.includes('node_modules') || f.includes('linked-folder'))).toBe(false);
  });

  it('returns absolute paths for an absolute folder', async () => {
    expect((await discover([path.join(cwd, 'other')], cwd)).files).toEqual(['page.html', 'z.txt'].map((f) => path.join(cwd, 'other', f).split(path.sep).join('/')));
  });
});

describe('discover: pages saved complete', () => {
  it("passes over a saved page's resource folder (Story_files/ beside Story.html), not other _files folders", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'dedupe-saved-'));
    try {
      const files = ['Ferry aground.html', 'Ferry aground_files/saved_resource.html', 'Ferry aground_files/ad-frame.htm', 'Storm.HTM', 'storm_files/embed.html', 'case_files/memo.txt', 'Other_files/x.html'];
      for (const f of files) {
        await mkdir(path.join(base, path.dirname(f)), { recursive: true });
        await writeFile(path.join(base, f), 'Headline\nBody.\n');
      }
      expect((await discover(['.'], base)).files).toEqual(['Ferry aground.html', 'Other_files/x.html', 'Storm.HTM', 'case_files/memo.txt']);
      // Named as a file, a page in it is still read.
      expect((await discover(['Ferry aground_files/saved_resource.html'], base)).files).toEqual(['Ferry aground_files/saved_resource.html']);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('discover: de-duplication and order', () => {
  it('lists a file given twice once', async () => {
    expect(await discover(['other/z.txt', 'other/z.txt'], cwd)).toEqual({ files: ['other/z.txt'], diagnostics: [] });
  });

  it('lists a file given both through its folder and by name once, however it is spelt', async () => {
    const { files } = await discover(['news/b.txt', 'news', './news/b.txt', path.join(cwd, 'news/b.txt')], cwd);
    expect(files).toHaveLength(NEWS.length);
    expect(files.filter((f) => f.endsWith('b.txt'))).toHaveLength(1);
  });

  it('sorts whatever the order of the inputs', async () => {
    const forward = await discover(['other/z.txt', 'news/a.md', 'news/b.txt'], cwd);
    const backward = await discover(['news/b.txt', 'news/a.md', 'other/z.txt'], cwd);
    expect(forward.files).toEqual(['news/a.md', 'news/b.txt', 'other/z.txt']);
    expect(backward).toEqual(forward);
  });
});

describe('discover: glob patterns', () => {
  it('expands a pattern relative to cwd', async () => {
    expect(await discover(['news/sub/**/*.{text,markdown}'], cwd)).toEqual({ files: ['news/sub/c.text', 'news/sub/deeper/d.markdown'], diagnostics: [] });
    expect((await discover(['*/*.txt'], cwd)).files).toEqual(['news/b.txt', 'other/z.txt']);
  });

  it('reads whatever a pattern names, even outside the article endings', async () => {
    expect((await discover(['**/*.html'], cwd)).files).toEqual(['news/page.html', 'other/page.html']);
  });

  it('turns a pattern that matches nothing into a diagnostic', async () => {
    expect(await discover(['nowhere/*.txt'], cwd)).toEqual({
      files: [],
      diagnostics: [{ path: 'nowhere/*.txt', reason: 'no files match this pattern', level: 'skipped' }],
    });
  });
});

describe('discover: explicit files and missing paths', () => {
  it('reads a file named explicitly whatever its ending', async () => {
    expect(await discover(['other/page.html'], cwd)).toEqual({ files: ['other/page.html'], diagnostics: [] });
  });

  it('follows a symbolic link named explicitly', async () => {
    await symlink(path.join(cwd, 'other', 'z.txt'), path.join(cwd, 'z-link.txt'));
    expect((await discover(['z-link.txt'], cwd)).files).toEqual(['z-link.txt']);
  });

  it('turns a missing path into a diagnostic and goes on with the rest', async () => {
    expect(await discover(['missing.txt', 'other', 'gone/'], cwd)).toEqual({
      files: ['other/page.html', 'other/z.txt'],
      diagnostics: [
        { path: 'missing.txt', reason: 'no such file or folder', level: 'skipped' },
        { path: 'gone/', reason: 'no such file or folder', level: 'skipped' },
      ],
    });
  });
});

describe('discover: folders whose names a glob cannot say', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dedupe-discover-names-'));
    for (const file of ['news+(2017)/a.txt', 'back\\slash/b.txt', 'at@(x)/c.txt', 'breaks/line\nbreak.txt', 'breaks/para\u2029sep.txt', 'breaks/cr\rx.txt', 'breaks/plain.txt']) {
      await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      await writeFile(path.join(dir, file), 'Headline\nBody.\n');
    }
    await symlink(path.join(dir, 'breaks'), path.join(dir, 'breaks-link'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads folders named with glob characters (extglob, a backslash)', async () => {
    for (const [folder, file] of [['news+(2017)', 'a.txt'], ['back\\slash', 'b.txt'], ['at@(x)', 'c.txt']] as const) {
      const { files, diagnostics } = await discover([folder], dir);
      expect(files, folder).toEqual([`${folder}/${file}`]);
      expect(diagnostics).toEqual([]);
    }
  });

  it('finds files whose names hold line breaks (\\n, \\r, U+2029), which a glob passes over', async () => {
    const { files } = await discover(['breaks'], dir);
    expect(files).toEqual(['breaks/cr\rx.txt', 'breaks/line\nbreak.txt', 'breaks/para\u2029sep.txt', 'breaks/plain.txt']);
  });

  it('gives a file once when it is named through a link to its folder and reached by the folder too, or by a glob', async () => {
    for (const inputs of [['breaks-link', 'breaks-link/plain.txt'], ['breaks-link/plain.txt', 'breaks'], ['breaks-link/*.txt', 'breaks-link'], ['breaks/plain.txt', 'breaks-link/plain.txt']]) {
      const { files } = await discover(inputs, dir);
      expect(files.filter((f) => f.endsWith('plain.txt')), inputs.join(' ')).toHaveLength(1);
    }
  });

  it('keeps a file under its own name when a link to it sits in the same folder, whatever the names', async () => {
    const folder = path.join(dir, 'aliases');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'b.txt'), 'Headline\nBody.\n');
    await symlink(path.join(folder, 'b.txt'), path.join(folder, '0-link.txt'));
    await symlink(path.join(folder, 'b.txt'), path.join(folder, 'z-link.txt'));
    expect((await discover(['aliases'], dir)).files).toEqual(['aliases/b.txt']);
  });

  it('gives each file once when a folder is named twice, itself and through a link to it', async () => {
    const both = await discover(['breaks', 'breaks-link'], dir);
    expect(both.files).toEqual((await discover(['breaks'], dir)).files);
    const linkFirst = await discover(['breaks-link', 'breaks/'], dir);
    expect(linkFirst.files.every((f) => f.startsWith('breaks-link/'))).toBe(true);
    expect(linkFirst.files).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import { expandStdin, readStdin } from '../src/input/stdin.js';

describe('readStdin: JSON articles or a list of paths', () => {
  it('takes input whose first non-blank line starts with { as JSON Lines', () => {
    const r = readStdin('\n{"title":"A","text":"Body one."}\nnot json\n{"title":"B","text":"Body two."}\n');
    expect(r.kind).toBe('articles');
    if (r.kind !== 'articles') return;
    expect(r.parsed.articles.map((a) => a.path)).toEqual(['<stdin>:2', '<stdin>:4']);
    expect(r.parsed.diagnostics.map((d) => d.path)).toEqual(['<stdin>:3']);
  });

  it('reads one pretty-printed JSON object or an array as one document', () => {
    const obj = readStdin('{\n  "title": "A",\n  "text": "Body one."\n}\n');
    expect(obj.kind === 'articles' && obj.parsed.articles.map((a) => a.path)).toEqual(['<stdin>']);
    const arr = readStdin('[{"title":"A","text":"Body."},{"title":"B","text":"Body."}]');
    expect(arr.kind === 'articles' && arr.parsed.articles.map((a) => a.path)).toEqual(['<stdin>[0]', '<stdin>[1]']);
  });

  it('takes anything else as paths, one a line, trimmed, blank lines and repeats dropped', () => {
    expect(readStdin('a/b.html\r\n  c d.md  \n\na/b.html\n')).toEqual({ kind: 'paths', paths: ['a/b.html', 'c d.md'] });
    expect(readStdin(' \n\n')).toEqual({ kind: 'empty' });
  });
});

describe('expandStdin', () => {
  it('leaves inputs without - alone and never reads stdin for them', () => {
    expect(expandStdin(['a', 'b'], undefined)).toEqual({ paths: ['a', 'b'] });
  });

  it('replaces - by the listed paths or by parsed articles', () => {
    expect(expandStdin(['x', '-'], 'p.md\nq.md\n')).toEqual({ paths: ['x', 'p.md', 'q.md'] });
    const r = expandStdin(['-'], '{"title":"A","text":"Body."}');
    expect(r.paths).toEqual([]);
    expect(r.fromStdin?.articles).toHaveLength(1);
  });
});

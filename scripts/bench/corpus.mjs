// Build a large synthetic news corpus from real sentences, with known near-duplicate copies.
//
// Sentences come from the ECB+ dev articles (../shared/bench) and the seed articles. A story takes a core of
// sentences from one ECB+ topic, with its capitalised words (names) renamed consistently to other names of the
// pool, so that stories drawn from one topic still differ; each of its 1–8 articles tells ~60% of its sentences from that core and
// fills the rest with sentences spliced from two random sentences of the whole pool (so the text does not
// repeat verbatim across the corpus). About 12% of the articles get a near-duplicate copy with 5–30% of its
// words edited (replaced, dropped or inserted), either scattered or in one run; the pairs are written to
// copies.tsv. Deterministic for a given size and seed. Articles average about 600 words.
//
// The pool has 2,671 capitalised words, so on a big corpus every name is shared by thousands of stories, which a
// real feed's vocabulary does not do. With `newNames` = p > 0, each name a story renames is, with probability p, a
// new made-up name (syllables, unique) and otherwise one already used, chosen as often as it has been used so far
// (so a few names grow common and most stay rare, as in news); the corpus is then another one (its own stamp).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_VERSION = 3;

/** mulberry32: a small seeded PRNG, so corpora are reproducible. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listTxt(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTxt(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** Sentences grouped by topic (ECB+ topic folder, or one topic per seed file); lines of ≥ 6 words. */
export function loadTopics(roots) {
  const topics = new Map();
  for (const root of roots) {
    for (const file of listTxt(root)) {
      const rel = path.relative(root, file);
      const topic = rel.includes(path.sep) ? `${root}:${rel.split(path.sep)[0]}` : `${root}:${rel}`;
      const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.split(/\s+/).length >= 6);
      if (!topics.has(topic)) topics.set(topic, []);
      topics.get(topic).push(...lines.slice(1));
    }
  }
  return [...topics.values()].filter((t) => t.length >= 10);
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

/** A new sentence: the first part of one sentence and the last part of another, cut at word boundaries. */
function splice(r, pool) {
  const a = pick(r, pool).split(' ');
  const b = pick(r, pool).split(' ');
  const cutA = 3 + Math.floor(r() * Math.max(1, a.length - 6));
  const cutB = 3 + Math.floor(r() * Math.max(1, b.length - 6));
  return [...a.slice(0, cutA), ...b.slice(cutB)].join(' ');
}

/** Edit `rate` of the words of a text, scattered or as one run; keeps line structure. */
export function editWords(r, text, rate, vocabulary) {
  const lines = text.split('\n');
  const words = [];
  lines.forEach((line, li) => line.split(' ').forEach((w, wi) => words.push({ li, wi, w })));
  const body = words.filter((x) => x.li > 0);
  const edits = Math.round(body.length * rate);
  const chosen = new Set();
  if (r() < 0.5) {
    while (chosen.size < edits) chosen.add(Math.floor(r() * body.length));
  } else {
    const start = Math.floor(r() * Math.max(1, body.length - edits));
    for (let i = start; i < start + edits; i++) chosen.add(i);
  }
  for (const i of chosen) {
    const x = body[i];
    const op = r();
    x.w = op < 0.6 ? pick(r, vocabulary) : op < 0.8 ? '' : `${x.w} ${pick(r, vocabulary)}`;
  }
  const out = lines.map(() => []);
  for (const x of words) if (x.w !== '') out[x.li].push(x.w);
  return out.map((ws) => ws.join(' ')).join('\n');
}

function article(r, core, pool) {
  const n = 24 + Math.floor(r() * 8);
  const sentences = [];
  for (let i = 0; i < n; i++) sentences.push(r() < 0.6 ? pick(r, core) : splice(r, pool));
  const title = pick(r, core).split(' ').slice(0, 9).join(' ').replace(/[.,;:]$/, '');
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(' '));
  return `${title}\n${paragraphs.join('\n')}\n`;
}

const SYLLABLES = ['ka', 'ro', 'vel', 'min', 'dor', 'ta', 'sen', 'bri', 'lu', 'gan', 'zo', 'pe', 'mar', 'ti', 'nos', 'ek'];

/** The k-th made-up name: k written in base 16 with syllables for digits, at least two of them; unique for each k. */
function madeUpName(k) {
  let word = '';
  for (let n = k + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) word = SYLLABLES[n % SYLLABLES.length] + word;
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * Write `size` articles to `dir` (files spread over subfolders of 1000), plus copies.tsv (`a<TAB>b<TAB>rate`).
 * Reuses the folder when it was built by the same version with the same size, seed and `newNames` (a probability
 * in [0, 1]; 0, the default, is the corpus as it always was).
 */
export function buildCorpus(dir, size, roots, seed = 1, newNames = 0) {
  if (!(newNames >= 0 && newNames <= 1)) throw new RangeError(`newNames must be a probability in [0, 1], got ${newNames}`);
  const stamp = path.join(dir, 'corpus.json');
  const wanted = JSON.stringify({ version: CORPUS_VERSION, size, seed, ...(newNames > 0 ? { newNames } : {}) });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const topics = loadTopics(roots);
  const pool = topics.flat();
  const vocabulary = [...new Set(pool.flatMap((s) => s.split(' ')))].filter((w) => /^[a-z]+$/i.test(w));
  const capitals = vocabulary.filter((w) => /^[A-Z][a-z]+$/.test(w));
  // Every name given so far, once per story that took it (see newNames above); starts as the pool's.
  const used = [...capitals];
  let invented = 0;
  const nameFor = () => {
    if (newNames <= 0) return pick(r, capitals);
    if (r() >= newNames) return pick(r, used);
    return madeUpName(invented++);
  };
  const copies = [];
  // Each file is written as it is made (a corpus of a million articles is gigabytes of text).
  const folders = new Set();
  const write = (name, text) => {
    const file = path.join(dir, 'articles', name);
    const folder = path.dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, text);
  };
  let made = 0;
  let story = 0;
  while (made < size) {
    const topic = pick(r, topics);
    const names = new Map();
    const rename = (w) => {
      if (!names.has(w)) {
        const name = nameFor();
        names.set(w, name);
        if (newNames > 0) used.push(name);
      }
      return names.get(w);
    };
    const core = Array.from({ length: 40 }, () => (r() < 0.5 ? pick(r, topic) : splice(r, topic)))
      .map((s) => s.split(' ').map((w, i) => (i > 0 && /^[A-Z][a-z]+$/.test(w) ? rename(w) : w)).join(' '));
    const count = Math.min(size - made, 1 + Math.floor(r() * r() * 8));
    for (let k = 0; k < count && made < size; k++) {
      const text = article(r, core, pool);
      const name = `${String(Math.floor(made / 1000)).padStart(3, '0')}/s${story}-o${k}.txt`;
      write(name, text);
      made++;
      if (made < size && r() < 0.12) {
        const rate = 0.05 + r() * 0.25;
        const copyName = `${String(Math.floor(made / 1000)).padStart(3, '0')}/s${story}-o${k}-copy.txt`;
        write(copyName, editWords(r, text, rate, vocabulary));
        copies.push(`${name}\t${copyName}\t${rate.toFixed(3)}`);
        made++;
      }
    }
    story++;
  }
  writeFileSync(path.join(dir, 'copies.tsv'), `${copies.join('\n')}\n`);
  writeFileSync(stamp, wanted);
  return { dir, reused: false };
}

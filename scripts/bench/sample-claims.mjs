#!/usr/bin/env node
// `node scripts/bench/sample-claims.mjs report.json > pairs.jsonl`: the pairs of sentences judged in
// scripts/bench/ecbplus-dev-claims.jsonl (claim identity), drawn with a fixed seed from a report of ECB+ dev
// (`node bin/dedupe.js ../shared/bench/ecbplus-dev/articles --json --quiet`). Two sets:
//   merged: for facts with mentions from at least two sources, the fact's first mention paired with one other
//           mention of another source (a different text: an exact copy says nothing), at most 8 facts a story;
//   near:   two sentences of one story, from different sources, in different facts, sharing at least 3 stemmed
//           content words (what the fact alignment compares), at most 4 pairs a story.
// Prints one JSON object a line, without verdicts (they are written by hand). Needs dist/ (npm run build).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const { contentTerms } = await import(path.join(root, 'dist', 'text', 'tokens.js'));

const MERGED = 150;
const NEAR = 80;
const MERGED_PER_STORY = 8;
const NEAR_PER_STORY = 4;
const SHARED_TERMS = 3;

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261129);
const shuffle = (xs) => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const r = JSON.parse(readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8'));
const articleOf = new Map(r.articles.map((a) => [a.id, { path: a.path.replace(/^.*?articles\//, ''), source: a.source }]));

/** Takes candidates in shuffled order, at most `perStory` a story, until `total`. */
function take(candidates, total, perStory) {
  const taken = [];
  const perStoryCount = new Map();
  for (const c of shuffle(candidates)) {
    const n = perStoryCount.get(c.story) ?? 0;
    if (n >= perStory) continue;
    perStoryCount.set(c.story, n + 1);
    taken.push(c);
    if (taken.length === total) break;
  }
  return taken;
}

const merged = [];
const near = [];
for (const story of r.stories) {
  const sentences = [];
  story.facts.forEach((f, fact) => {
    for (const m of f.mentions) sentences.push({ ...m, fact, ...articleOf.get(m.article) });
  });
  for (const f of story.facts) {
    const [first, ...rest] = f.mentions.map((m) => ({ ...m, ...articleOf.get(m.article) }));
    const others = rest.filter((m) => m.source !== first.source && m.text.trim() !== first.text.trim());
    if (others.length > 0) merged.push({ story: story.id, pair: [first, pick(others)] });
  }
  const terms = sentences.map((s) => new Set(contentTerms(s.text)));
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = sentences[i];
      const b = sentences[j];
      if (a.fact === b.fact || a.source === b.source || a.text.trim() === b.text.trim()) continue;
      let shared = 0;
      for (const t of terms[i]) if (terms[j].has(t)) shared++;
      if (shared >= SHARED_TERMS) near.push({ story: story.id, pair: [a, b] });
    }
  }
}

const byOrder = (x, y) => x.story.localeCompare(y.story, 'en', { numeric: true });
let id = 0;
for (const [set, list] of [
  ['merged', take(merged, MERGED, MERGED_PER_STORY).sort(byOrder)],
  ['near', take(near, NEAR, NEAR_PER_STORY).sort(byOrder)],
]) {
  for (const c of list) {
    id++;
    console.log(JSON.stringify({ id: `P${id}`, set, story: c.story, paths: c.pair.map((m) => m.path), texts: c.pair.map((m) => m.text) }));
  }
}

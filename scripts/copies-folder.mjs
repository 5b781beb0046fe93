#!/usr/bin/env node
/**
 * Writes a folder of republished copies of one wire text: what a feed of syndicated news holds (the test of
 * copy groups and of the JSON writer on a story of thousands of copies). Not a test; a fixture maker.
 *
 *   node scripts/copies-folder.mjs DIR [copies=2000] [texts=1] [words=300]
 *
 * Each of `texts` base articles (about `words` words, made from a fixed vocabulary with a seeded generator) is
 * written `copies` times as `outlet-T-NNNN.txt` (each file its own outlet); `copies` may be a list, one count a
 * text ("200,8": 200 copies of the first text, 8 of the second). Each copy has 1–3 of its words
 * changed, so every two copies of a text are near-duplicates (Jaccard of 5-word shingles about 0.8–0.95) and
 * copies of different texts are not. Same arguments, same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WORDS = (
  'council harbour ferry minister storm river bridge village police report officials said on Friday after the ' +
  'morning residents were told to leave their homes while engineers inspected damage along the coast road and ' +
  'volunteers handed out blankets water food schools closed early trains stopped running power lines fell in ' +
  'three districts hospital staff treated injured people emergency crews worked through night mayor promised ' +
  'help families farmers lost cattle fields flooded insurance claims expected rise weather service warned more ' +
  'rain would fall during weekend roads remain closed until further notice spokesman added government plans ' +
  'inquiry into response critics asked why warnings came late company operating port suspended sailings'
).split(' ');

/** A seeded generator of 32-bit integers (a linear congruential one: the same sequence for the same seed). */
function generator(seed) {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
}

/** Base text `t`: sentences of 8–16 words, capitalised, about `words` words in all. */
function baseText(t, words) {
  const next = generator(0x9e3779b9 ^ Math.imul(t + 1, 2654435761));
  const out = [];
  let sentence = [];
  let length = 8 + (next() % 9);
  for (let i = 0; i < words; i++) {
    sentence.push(WORDS[next() % WORDS.length]);
    if (sentence.length === length || i === words - 1) {
      out.push(sentence);
      sentence = [];
      length = 8 + (next() % 9);
    }
  }
  return out;
}

/** Copy `c` of a base text: 1–3 words replaced by others of the vocabulary. */
function copyOf(base, c, t) {
  const next = generator(Math.imul(c + 1, 40503) ^ Math.imul(t + 7, 374761393));
  const sentences = base.map((s) => [...s]);
  const total = sentences.reduce((n, s) => n + s.length, 0);
  const changes = 1 + (next() % 3);
  for (let k = 0; k < changes; k++) {
    let at = next() % total;
    const s = sentences.find((x) => (at < x.length ? true : ((at -= x.length), false)));
    s[at] = `${WORDS[next() % WORDS.length]}s`;
  }
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 3) {
    paragraphs.push(sentences.slice(i, i + 3).map((s) => `${s[0][0].toUpperCase()}${s.join(' ').slice(1)}.`).join(' '));
  }
  return paragraphs;
}

/** Writes the folder; returns the number of files written. */
export function writeCopies(dir, copies = 2000, texts = 1, words = 300) {
  mkdirSync(dir, { recursive: true });
  const counts = Array.isArray(copies) ? copies : Array.from({ length: texts }, () => copies);
  for (let t = 0; t < counts.length; t++) {
    const base = baseText(t, words);
    const title = `Storm ${t + 1}: ${base[0].slice(0, 6).join(' ')}`;
    for (let c = 0; c < counts[t]; c++) {
      const name = `outlet-${t + 1}-${String(c + 1).padStart(4, '0')}.txt`;
      writeFileSync(path.join(dir, name), `${title}\n\n${copyOf(base, c, t).join('\n\n')}\n`);
    }
  }
  return counts.reduce((n, c) => n + c, 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, copies = '2000', texts = '1', words = '300'] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node scripts/copies-folder.mjs DIR [copies=2000] [texts=1] [words=300]\n');
    process.exit(2);
  }
  const counts = copies.includes(',') ? copies.split(',').map(Number) : Number(copies);
  const n = writeCopies(dir, counts, Number(texts), Number(words));
  process.stderr.write(`${dir}: ${n} files\n`);
}

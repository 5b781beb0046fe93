// Near-duplicate recall, computed exactly on a sample: for every sampled article, the exact Jaccard similarity
// of its word 5-shingle set with every other article of the corpus (through an inverted index of the sampled
// articles' shingles, so every pair that shares a shingle is counted). Pairs at or above the threshold are the
// truth; recall is the share of them that the report lists as copies, and the share that banded LSH on
// dedupe's own signatures makes candidates.
import { createReadStream, readFileSync } from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';

/** Article id → path, the copy pairs and each article path's story id, scanned line by line from a (possibly huge) 2-space JSON report. */
export async function scanReport(file) {
  const idToPath = new Map();
  const copies = new Set();
  const storyOfId = new Map();
  let id;
  let a;
  let inStory = false;
  const lines = readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    let m = /^ {6}"id": "([^"]+)",$/.exec(line);
    if (m) id = m[1];
    else if ((m = /^ {6}"path": "((?:[^"\\]|\\.)*)",$/.exec(line)) && id) idToPath.set(id, JSON.parse(`"${m[1]}"`));
    else if ((m = /^ {10}"a": "([^"]+)",$/.exec(line))) a = m[1];
    else if ((m = /^ {10}"b": "([^"]+)",$/.exec(line)) && a) copies.add(`${a}\t${m[1]}`);
    // A story's article ids (the articles' own entries have no "articles" field).
    else if (/^ {6}"articles": \[$/.test(line)) inStory = true;
    else if (inStory && (m = /^ {8}"([^"]+)",?$/.exec(line))) storyOfId.set(m[1], id);
    else if (inStory && /^ {6}\],?$/.test(line)) inStory = false;
  }
  const storyOf = new Map();
  for (const [articleId, story] of storyOfId) {
    const p = idToPath.get(articleId);
    if (p) storyOf.set(p, story);
  }
  const pairs = new Set();
  for (const key of copies) {
    const [x, y] = key.split('\t').map((i) => idToPath.get(i));
    if (x && y) pairs.add(x < y ? `${x}\t${y}` : `${y}\t${x}`);
  }
  return { pairs, articles: idToPath.size, storyOf };
}

/** The set of 5-word shingle hashes of a file's text, words as dedupe tokenises them (two 32-bit hashes). */
function shingleSet(text, lib, width = 5) {
  const words = [];
  for (const line of text.split('\n')) for (const t of lib.tokenize(line)) words.push(t.word);
  const set = new Set();
  for (let i = 0; i + width <= Math.max(words.length, width); i++) {
    const gram = words.slice(i, i + width).join(' ');
    set.add(lib.hashString(gram) * 4096 + (lib.hashString(gram, 7) & 4095));
  }
  return set;
}

/**
 * Exact recall at `threshold` on every `step`-th file. `reported`: pairs of paths (relative to `root`) from the
 * report. `lib`: dedupe's dist modules (tokenize, hashString, MinHasher, chooseBands) to model the LSH stage.
 */
export function recall(files, root, reported, threshold, step, lib) {
  const sample = files.filter((_, i) => i % step === 0);
  const owners = new Map();
  const sizes = new Map();
  for (const f of sample) {
    const set = shingleSet(readFileSync(f, 'utf8'), lib);
    sizes.set(f, set.size);
    for (const s of set) {
      const list = owners.get(s);
      if (list) list.push(f);
      else owners.set(s, [f]);
    }
  }
  const truth = [];
  for (const f of files) {
    const set = shingleSet(readFileSync(f, 'utf8'), lib);
    const shared = new Map();
    for (const s of set) for (const o of owners.get(s) ?? []) if (o !== f) shared.set(o, (shared.get(o) ?? 0) + 1);
    for (const [o, inter] of shared) {
      const j = inter / (set.size + (sizes.get(o) ?? 0) - inter);
      if (j >= threshold && !(sizes.has(f) && f < o)) truth.push({ a: o, b: f, j });
    }
  }
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const hasher = new lib.MinHasher({ permutations: 128, seed: 1 });
  const { bands, rows } = lib.chooseBands(threshold, 128);
  const signature = (f) => {
    const words = [];
    for (const line of readFileSync(f, 'utf8').split('\n')) for (const t of lib.tokenize(line)) words.push(lib.hashString(t.word));
    return hasher.signature(lib.shingles(Uint32Array.from(words), 5));
  };
  let found = 0;
  let candidates = 0;
  for (const t of truth) {
    const [x, y] = [rel(t.a), rel(t.b)].sort();
    if (reported.has(`${x}\t${y}`)) found++;
    const sa = signature(t.a);
    const sb = signature(t.b);
    for (let band = 0; band < bands; band++) {
      let same = true;
      for (let r = band * rows; r < (band + 1) * rows && same; r++) same = sa[r] === sb[r];
      if (same) {
        candidates++;
        break;
      }
    }
  }
  return { sampled: sample.length, truePairs: truth.length, reportedFound: found, lshCandidates: candidates };
}

#!/usr/bin/env node
// `npm run eval:claims [-- report.json] [-- --show F|T|U|missed|all] [-- -- <dedupe options>]`: do the facts of
// dedupe group sentences that make the same claim? ECB+'s labels are event-level (any two sentences mentioning one
// event), so scripts/bench/ecbplus-dev-claims.jsonl holds our own: 230 pairs of sentences of ECB+ dev, drawn with a
// fixed seed by scripts/bench/sample-claims.mjs from the report of 2026-11-29 (commit f4b50e4), from different
// sources of one story. `set` says how a pair was drawn: "merged", 150 pairs that run put in one fact (the
// fact's first mention and another one); "near", 80 pairs it kept apart though they share at least 3 stemmed
// content words. Each was judged by reading the two sentences: T the same claim (the same who-did-what, in other
// words, with more detail or a different figure: a conflict is still one claim), F different claims about the same
// event (a cause and a consequence, a quotation and a background fact, two figures of two things), U cannot tell.
//
// A pair is found by path and exact sentence text; "in one fact" when some fact holds both sentences. Prints the
// counts, claim precision (T ÷ (T + F) among the pairs in one fact) and claim recall (T pairs in one fact ÷ all T
// pairs found). Both are over this sample, not over all pairs of sentences: the merged pairs are 1 a fact and at
// most 8 a story, the near ones at most 4 a story, so recall here is not the share of all same-claim pairs joined.
// Options after `--` are passed to dedupe (e.g. `-- --fact-threshold 0.35`); `--show` lists pairs: F (wrong
// merges: F pairs in one fact), missed (T pairs kept apart), T, U or all, each with the two sentences' own cosine
// as fact alignment computes it (TF-IDF over the story's sentences) and whether a shared quotation links them.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const split = process.argv.indexOf('--', 2);
const own = split < 0 ? process.argv.slice(2) : process.argv.slice(2, split);
const passed = split < 0 ? [] : process.argv.slice(split + 1);
const { values, positionals } = parseArgs({ args: own, options: { show: { type: 'string', default: 'none' } }, allowPositionals: true });
const bench = process.env.DEDUPE_BENCH ?? path.join(root, '..', 'shared', 'bench', 'ecbplus-dev');
const labels = readFileSync(path.join(root, 'scripts', 'bench', 'ecbplus-dev-claims.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

function report() {
  if (positionals[0]) return JSON.parse(readFileSync(positionals[0], 'utf8'));
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'dedupe.js'), 'articles', '--json', '--quiet', ...passed], { cwd: bench, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`dedupe failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const r = report();
const pathOf = new Map(r.articles.map((a) => [a.id, a.path.replace(/^.*?articles\//, '')]));
/** Where each sentence is: "path\ntext" → its places (story index, fact index); a text may recur in an article. */
const where = new Map();
r.stories.forEach((story, s) => {
  story.facts.forEach((fact, f) => {
    for (const m of fact.mentions) {
      const key = `${pathOf.get(m.article)}\n${m.text}`;
      const list = where.get(key) ?? [];
      list.push({ story: s, fact: f });
      where.set(key, list);
    }
  });
});

const tally = { T: { pairs: 0, joined: 0 }, F: { pairs: 0, joined: 0 }, U: { pairs: 0, joined: 0 } };
const bySet = new Map();
const missing = [];
const shown = [];
for (const l of labels) {
  const places = l.paths.map((p, i) => where.get(`${p}\n${l.texts[i]}`));
  if (!places[0] || !places[1]) {
    missing.push(l.id);
    continue;
  }
  const joined = places[0].some((a) => places[1].some((b) => a.story === b.story && a.fact === b.fact));
  tally[l.verdict].pairs++;
  if (joined) tally[l.verdict].joined++;
  const set = bySet.get(l.set) ?? { T: 0, F: 0, U: 0, joined: 0, pairs: 0 };
  set.pairs++;
  set[l.verdict]++;
  if (joined) set.joined++;
  bySet.set(l.set, set);
  const show = values.show;
  if (show === 'all' || (show === 'F' && l.verdict === 'F' && joined) || (show === 'missed' && l.verdict === 'T' && !joined) || ((show === 'T' || show === 'U') && l.verdict === show)) {
    shown.push({ label: l, joined, story: places[0][0].story });
  }
}

const ratio = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
const labelled = tally.T.pairs + tally.F.pairs + tally.U.pairs;
console.log(`pairs: ${labelled + missing.length} (T ${tally.T.pairs}, F ${tally.F.pairs}, U ${tally.U.pairs}; not found: ${missing.length}${missing.length ? ` — ${missing.join(', ')}` : ''})`);
for (const [set, c] of bySet) console.log(`  ${set}: ${c.pairs} (T ${c.T}, F ${c.F}, U ${c.U}), in one fact now: ${c.joined}`);
console.log(`in one fact: T ${tally.T.joined}, F ${tally.F.joined}, U ${tally.U.joined}`);
console.log(`claim precision: ${ratio(tally.T.joined, tally.T.joined + tally.F.joined)}`);
console.log(`claim recall:    ${ratio(tally.T.joined, tally.T.pairs)}`);

if (shown.length > 0) {
  const { pairSimilarity } = await similarity();
  for (const { label, joined, story } of shown) {
    const sim = pairSimilarity(r, story, label);
    console.log(`\n${label.id} ${label.verdict} ${joined ? 'one fact' : 'apart'} (${r.stories[story].id}), cos ${sim.cosine.toFixed(3)}${sim.quote ? ', shared quotation' : ''}; shared terms: ${sim.shared.join(' ')}\n  ${label.note}`);
    label.texts.forEach((t, i) => console.log(`    ${label.paths[i]}: ${t}`));
  }
}

/**
 * The cosine fact alignment gives two sentences (src/facts/align.ts): stemmed content terms, (1 + ln tf) × idf with
 * idf over the story's sentences, L2-normalised; and whether a shared quotation links them outright. Read from dist/.
 */
async function similarity() {
  const dist = (p) => import(path.join(root, 'dist', p));
  const [{ contentTerms }, { idfTable, weigh, cosine }, { StoryQuotes }] = await Promise.all([dist('text/tokens.js'), dist('fingerprint/tfidf.js'), dist('facts/quotes.js')]);
  const cache = new Map();
  const storyTerms = (story) => {
    let s = cache.get(story);
    if (s) return s;
    const ids = new Map();
    const docs = r.stories[story].facts.flatMap((f) => f.mentions).map((m) => {
      const counts = new Map();
      for (const t of contentTerms(m.text)) {
        if (!ids.has(t)) ids.set(t, ids.size);
        counts.set(ids.get(t), (counts.get(ids.get(t)) ?? 0) + 1);
      }
      return counts;
    });
    const df = new Uint32Array(ids.size);
    for (const d of docs) for (const id of d.keys()) df[id]++;
    s = { ids, idf: idfTable(df, docs.length) };
    cache.set(story, s);
    return s;
  };
  const vector = (s, text) => {
    const counts = new Map();
    for (const t of contentTerms(text)) counts.set(s.ids.get(t), (counts.get(s.ids.get(t)) ?? 0) + 1);
    const ids = Uint32Array.from(counts.keys()).sort();
    return weigh({ ids, counts: Float32Array.from(ids, (id) => counts.get(id)) }, s.idf);
  };
  return {
    pairSimilarity(report, story, label) {
      const s = storyTerms(story);
      const [a, b] = label.texts.map((t) => vector(s, t));
      const other = new Set(contentTerms(label.texts[1]));
      return {
        cosine: cosine(a, b),
        quote: new StoryQuotes(label.texts).shared(0, 1),
        shared: [...new Set(contentTerms(label.texts[0]))].filter((t) => other.has(t)),
      };
    },
  };
}

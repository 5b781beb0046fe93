import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignFacts, LARGE_STORY, sentenceEdges, storySentences, type StorySentence } from '../src/facts/align.js';
import { sentenceVectors } from './facts-reference.js';
import { boundedEdges } from '../src/facts/bounded-edges.js';
import { TopEdges } from '../src/facts/top-edges.js';
import { MAX_FACT_SENTENCES, storyFacts, type StoryFacts } from '../src/facts/story-facts.js';
import { averageLink, type Edge } from '../src/cluster/average-link.js';
import { SumMap } from '../src/util/sum-map.js';
import { article } from './article-fixture.js';

/** Alignment as it was before collapsing: every sentence its own item, every pair scored. */
function alignEachSentence(sentences: readonly StorySentence[], threshold: number, repeat = 0.8): number[][] {
  const edges = sentenceEdges(sentences, sentenceVectors(sentences), Math.min(threshold, repeat));
  const art = (i: number): number => sentences[i]?.article ?? -1;
  const cross = edges.filter((e) => art(e.a) !== art(e.b) && e.sim >= threshold);
  const repeats = edges.filter((e) => art(e.a) === art(e.b) && e.sim >= repeat).map((e) => [e.a, e.b]);
  const labels = averageLink(sentences.length, cross, threshold, {
    linkage: 'centroid',
    initial: repeats,
    canMerge: (a, b) => {
      const left = new Set(a.map(art));
      return !b.some((i) => left.has(art(i)));
    },
  });
  const groups = new Map<number, number[]>();
  labels.forEach((l, i) => groups.set(l, [...(groups.get(l) ?? []), i]));
  return [...groups.values()];
}

const sorted = (groups: number[][]): number[][] => groups.map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));

const WIRE = [
  'An earthquake of magnitude 6.1 struck the coast of Aceh province on Tuesday morning.',
  'At least 14 people were killed and dozens injured, the disaster agency said.',
  '"The shaking lasted almost a minute and everybody ran into the street," said Rahmat Hidayat, a teacher.',
  'Rescue teams were searching collapsed houses in three villages near Bireuen.',
  'The quake was felt as far away as Medan, officials said.',
];
const OTHERS = [
  article('o1', 'Jakarta Post', [
    'A strong earthquake hit Aceh on Tuesday, killing at least 12 people.',
    'Rescuers dug through rubble in villages near Bireuen.',
    'Indonesia sits on the Pacific Ring of Fire.',
  ]),
  article('o2', 'BBC', [
    'The magnitude 6.1 quake struck off the coast of Aceh early on Tuesday.',
    '"Everybody ran into the street when the shaking started," a teacher said.',
    'In 2004 a tsunami killed more than 160,000 people in the province.',
  ]),
  article('o3', 'Reuters', ['Fourteen people died in the Aceh earthquake, the disaster agency said.', 'Tremors were felt in Medan.']),
];

describe('alignment through collapsed copies', () => {
  it('gives 60 identical copies and 3 other articles the same facts as aligning every sentence', () => {
    const copies = Array.from({ length: 60 }, (_, i) => article(`c${String(i).padStart(2, '0')}`, `Outlet ${i}`, WIRE));
    const articles = [...copies, ...OTHERS];
    const sentences = storySentences(articles);
    const groups = alignFacts(sentences, { threshold: 0.25 });
    expect(sorted(groups)).toEqual(sorted(alignEachSentence(sentences, 0.25)));
    // Every copy's sentence k sits with every other copy's sentence k.
    for (let k = 0; k < WIRE.length; k++) {
      const group = groups.find((g) => g.includes(k)) ?? [];
      expect(copies.every((_, c) => group.includes(c * WIRE.length + k))).toBe(true);
    }
    // In the report, each fact cites all 60 copies or none of them.
    const { facts } = storyFacts('s1', articles, 0.25);
    for (const f of facts) expect([0, 60]).toContain(f.articles.filter((a) => a.startsWith('c')).length);
    expect(facts.filter((f) => f.articles.length > 60).length).toBeGreaterThan(1);
  });

  it('splits identical sentences again when repeats would chain two sentences of one article together', () => {
    // A repeats x≈z, C repeats z≈y, but B's x and y are not close enough to be a repeat.
    const base = 'rebels attacked army posts near aleppo city with tanks rockets mortars and drones';
    const [x, z, y] = [`${base} killing soldiers monday`, `${base} killing soldiers tuesday`, `${base} killing civilians tuesday`];
    const articles = [article('A', 'A', [x, z]), article('B', 'B', [x, y]), article('C', 'C', [z, y]), article('D', 'D', ['Talks in Geneva stalled.'])];
    const sentences = storySentences(articles);
    const groups = sorted(alignFacts(sentences, { threshold: 0.25 }));
    expect(groups).toEqual(sorted(alignEachSentence(sentences, 0.25)));
    expect(groups.find((g) => g.includes(2))).not.toContain(3);
  });

  it('gives the same groups as aligning every sentence when copies are edited, trimmed and repeat themselves', () => {
    const word = fc.constantFrom('rebels', 'army', 'attack', 'damascus', 'monday', 'talks', 'geneva', 'siege', 'tanks', 'aleppo', 'ceasefire', 'un');
    const sentence = fc.array(word, { minLength: 1, maxLength: 7 }).map((ws) => `${ws.join(' ')}.`);
    const edit = fc.record({ drop: fc.nat(), change: fc.option(fc.tuple(fc.nat(), sentence)), keep: fc.boolean() });
    const story = fc.record({
      originals: fc.array(fc.array(sentence, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      copies: fc.array(fc.tuple(fc.nat(), edit), { maxLength: 6 }),
      threshold: fc.integer({ min: 10, max: 90 }),
    });
    fc.assert(
      fc.property(story, ({ originals, copies, threshold }) => {
        const texts = [...originals];
        for (const [from, e] of copies) {
          const base = [...(originals[from % originals.length] ?? [])];
          if (!e.keep && base.length > 1) base.splice(e.drop % base.length, 1);
          if (e.change) base[e.change[0] % base.length] = e.change[1];
          texts.push(base);
        }
        const articles = texts.map((ss, i) => article(`x${i}`, `S${i}`, ss));
        const sentences = storySentences(articles);
        expect(sorted(alignFacts(sentences, { threshold: threshold / 100 }))).toEqual(sorted(alignEachSentence(sentences, threshold / 100)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('articles longer than any news article', () => {
  const line = (i: number): string => `Line ${i} says that ${['floods', 'fires', 'storms'][i % 3]} closed ${i % 40} roads near Harwick.`;
  const long = Array.from({ length: MAX_FACT_SENTENCES + 300 }, (_, i) => line(i));
  const other = article('b', 'Beta', [line(5), line(MAX_FACT_SENTENCES + 10), 'The mayor said the town would rebuild.']);
  const texts = (f: StoryFacts): string[][] => f.facts.map((x) => x.mentions.map((m) => `${m.article}:${m.sentence}`).sort()).sort();

  it(`are compared over their first ${MAX_FACT_SENTENCES} sentences, as if the rest were not there`, () => {
    const full = storyFacts('s', [article('a', 'Alpha', long), other], 0.25);
    const capped = storyFacts('s', [article('a', 'Alpha', long.slice(0, MAX_FACT_SENTENCES)), other], 0.25);
    expect(texts(full)).toEqual(texts(capped));
    const mentionsOfA = full.facts.flatMap((f) => f.mentions.filter((m) => m.article === 'a'));
    expect(mentionsOfA.length).toBeGreaterThan(0);
    expect(Math.max(...mentionsOfA.map((m) => m.sentence))).toBeLessThan(MAX_FACT_SENTENCES);
  });

  it('list no omits for such an article (what it seems to leave out may be in the rest), and the usual ones for the others', () => {
    const full = storyFacts('s', [article('a', 'Alpha', long), other], 0.25);
    const coverage = new Map(full.coverage.map((c) => [c.article, c]));
    expect(coverage.get('a')?.omits).toEqual([]);
    // Beta's line past the cap is not found in Alpha's compared part: Beta adds it, Alpha is not said to omit it.
    expect(coverage.get('b')?.adds.length).toBeGreaterThan(0);
    const capped = storyFacts('s', [article('a', 'Alpha', long.slice(0, MAX_FACT_SENTENCES)), other], 0.25);
    expect(capped.coverage.find((c) => c.article === 'a')?.omits.length).toBeGreaterThan(0);
  });
});

describe('large stories', () => {
  it(`aligns a story of more than ${LARGE_STORY} different sentences with one mention per article`, () => {
    // 90 articles of 25 sentences, drawn from 400 "facts" of 8 words each over a 600-word vocabulary, with
    // two words of each mention replaced: many near matches, few identical sentences.
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const vocabulary = Array.from({ length: 600 }, (_, i) => `w${i.toString(36)}x`);
    const facts = Array.from({ length: 400 }, () => Array.from({ length: 8 }, () => vocabulary[rnd(600)] as string));
    const articles = Array.from({ length: 90 }, (_, a) =>
      article(
        `a${a}`,
        `S${a}`,
        Array.from({ length: 25 }, () => {
          const words = [...(facts[rnd(400)] as string[])];
          words[rnd(8)] = vocabulary[rnd(600)] as string;
          words[rnd(8)] = vocabulary[rnd(600)] as string;
          return `${words.join(' ')}.`;
        }),
      ),
    );
    const sentences = storySentences(articles);
    expect(new Set(sentences.map((s) => s.text)).size).toBeGreaterThan(LARGE_STORY);
    const groups = alignFacts(sentences, { threshold: 0.25 });
    expect(groups.flat().sort((x, y) => x - y)).toEqual(sentences.map((_, i) => i));
    const vectors = sentenceVectors(sentences);
    const repeatOf = new Set(sentenceEdges(sentences, vectors, 0.8).filter((e) => sentences[e.a]?.article === sentences[e.b]?.article).map((e) => `${e.a}:${e.b}`));
    let multi = 0;
    for (const g of groups) {
      if (g.length > 1) multi++;
      const byArticle = new Map<number, number[]>();
      for (const i of g) byArticle.set(sentences[i]?.article ?? -1, [...(byArticle.get(sentences[i]?.article ?? -1) ?? []), i]);
      // Two sentences of one article only when they repeat each other.
      for (const same of byArticle.values()) for (let x = 1; x < same.length; x++) expect(repeatOf.has(`${same[x - 1]}:${same[x]}`)).toBe(true);
    }
    expect(multi).toBeGreaterThan(100);
  });

  it('finds every edge the exact product finds when no item is capped (skipping common terms loses nothing)', () => {
    let dropped = 0;
    const word = fc.constantFrom('the', 'army', 'said', 'attack', 'city', 'rebels', 'monday', 'officials', 'police', 'killed', 'aleppo', 'geneva');
    const sentence = fc.array(word, { minLength: 1, maxLength: 9 }).map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 10, max: 80 }), (texts, t) => {
        const sentences = storySentences(texts.map((ss, i) => article(`x${i}`, `S${i}`, ss)));
        const vectors = sentenceVectors(sentences);
        const threshold = t / 100;
        const floor = Math.min(threshold, 0.8);
        const art = (i: number): number => sentences[i]?.article ?? -1;
        const wanted = sentenceEdges(sentences, vectors, floor).filter((e) => (art(e.a) === art(e.b) ? e.sim >= 0.8 : e.sim >= threshold));
        const items = sentences.map((s) => ({ text: s.text, articles: [s.article] }));
        expect(boundedEdges(items, vectors, { floor, threshold, repeat: 0.8, perItem: sentences.length })).toEqual(wanted);
        // With some terms only names (naming.ts), both paths drop the same pairs: those that share no plain term.
        const plain = vectors.map((v, i) => Uint8Array.from(v.terms, (term) => ((term + i) % 3 === 0 ? 0 : 1)));
        const named = sentenceEdges(sentences, vectors, floor, undefined, plain).filter((e) => (art(e.a) === art(e.b) ? e.sim >= 0.8 : e.sim >= threshold));
        expect(boundedEdges(items, vectors, { floor, threshold, repeat: 0.8, perItem: sentences.length }, undefined, plain)).toEqual(named);
        dropped += wanted.length - named.length;
      }),
      { numRuns: 200 },
    );
    expect(dropped).toBeGreaterThan(0);
  });

  it('past its postings budget (thousands of near-identical lines) keeps only exact edges, and still links the same lines', () => {
    const lines = (seed: number): string[] =>
      Array.from({ length: 700 }, (_, i) => `In paragraph ${i} the ${['flood', 'fire', 'storm'][(i + seed) % 3]} near Tull damaged ${i % 500} homes, officials said on day ${i % 31}.`);
    const sentences = storySentences([0, 1, 2].map((k) => article(`l${k}`, `S${k}`, lines(k))));
    const vectors = sentenceVectors(sentences);
    const items = sentences.map((s) => ({ text: s.text, articles: [s.article] }));
    const exact = new Map(sentenceEdges(sentences, vectors, 0.25).map((e) => [`${e.a}:${e.b}`, e.sim]));
    const got = boundedEdges(items, vectors, { floor: 0.25, threshold: 0.25, repeat: 0.8, perItem: 32 });
    for (const e of got) expect(e.sim).toBe(exact.get(`${e.a}:${e.b}`));
    // Paragraph i of one article is linked to paragraph i of another (they share the rare "i").
    const linked = (i: number): boolean => got.some((e) => sentences[e.a]?.article !== sentences[e.b]?.article && sentences[e.a]?.text.includes(`paragraph ${i} `) && sentences[e.b]?.text.includes(`paragraph ${i} `));
    expect([10, 250, 600].every(linked)).toBe(true);
  });

  it('keeps each node’s k strongest edges, whatever the order they come in', () => {
    const edges: Edge[] = [];
    for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) edges.push({ a, b, sim: ((a * 7 + b * 13) % 10) / 10 });
    const keep = (order: readonly Edge[]): string[] => {
      const top = new TopEdges(12, 3);
      for (const e of order) top.offer(e.a, e.b, e.sim);
      return top.edges().map((e) => `${e.a}-${e.b}`).sort();
    };
    const kept = keep(edges);
    expect(keep([...edges].reverse())).toEqual(kept);
    // An edge is kept exactly when it is among the 3 strongest (ties: smaller partner) of one of its ends.
    const strongest = (node: number): string[] =>
      edges
        .filter((e) => e.a === node || e.b === node)
        .sort((x, y) => y.sim - x.sim || (x.a === node ? x.b : x.a) - (y.a === node ? y.b : y.a))
        .slice(0, 3)
        .map((e) => `${e.a}-${e.b}`);
    expect(kept).toEqual([...new Set(Array.from({ length: 12 }, (_, n) => strongest(n)).flat())].sort());
  });
});

describe('SumMap (the sums of average-link)', () => {
  const key0 = (ops: readonly (readonly [string, number, number])[]): number => ops[0]?.[1] ?? 1;
  it('behaves as a Map<number, number> under any mix of sets, adds and deletes, whatever its starting size', () => {
    const op = fc.tuple(fc.constantFrom('set', 'add', 'delete', 'add', 'clear'), fc.integer({ min: 0, max: 300 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 0, max: 200 }), (ops, capacity) => {
        const map = new Map<number, number>();
        const sums = new SumMap(capacity);
        // Empty maps share one table until their first entry: this one must stay empty whatever the other does.
        const bystander = new SumMap();
        for (const [kind, key, value] of ops) {
          if (kind === 'clear') {
            map.clear();
            sums.clear();
          } else if (kind === 'set') {
            map.set(key, value);
            sums.set(key, value);
          } else if (kind === 'add') {
            map.set(key, (map.get(key) ?? 0) + value);
            expect(sums.add(key, value)).toBe(map.get(key));
          } else {
            map.delete(key);
            sums.delete(key);
          }
          expect(sums.get(key)).toBe(map.get(key));
        }
        const seen: [number, number][] = [];
        sums.forEach((v, k) => seen.push([k, v]));
        expect(seen.sort((x, y) => x[0] - y[0])).toEqual([...map].sort((x, y) => x[0] - y[0]));
        expect(sums.size).toBe(map.size);
        expect([bystander.size, bystander.get(0), bystander.get(key0(ops))]).toEqual([0, undefined, undefined]);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignFacts, sentenceEdges, storySentences } from '../src/facts/align.js';
import { sentenceVectors } from './facts-reference.js';
import { hasCommonRun, quotedSpans, StoryQuotes } from '../src/facts/quotes.js';
import { storyCoverage } from '../src/facts/coverage.js';
import { factConflicts } from '../src/facts/conflicts.js';
import { storyFacts } from '../src/facts/story-facts.js';
import { cosine } from '../src/fingerprint/tfidf.js';
import { tokenize } from '../src/text/tokens.js';
import type { Article, Fact, Mention, SparseVector } from '../src/types.js';
import { article } from './article-fixture.js';

/** Aligned groups shown as "article:sentence" labels, for readable expectations. */
function aligned(articles: readonly Article[], threshold = 0.25): string[][] {
  const sentences = storySentences(articles);
  return alignFacts(sentences, { threshold }).map((g) => g.map((i) => `${articles[sentences[i]?.article ?? 0]?.id}:${sentences[i]?.sentence}`));
}

const FLOOD_A = article('a', 'Reuters', [
  'Flooding in the river valley forced 2,000 residents to leave their homes on Monday.',
  'The mayor of Eastbridge declared a state of emergency.',
  'Schools will stay closed until the water recedes.',
]);
const FLOOD_B = article('b', 'AP', [
  'About 2,000 residents fled their homes as the river valley flooded on Sunday.',
  'Eastbridge mayor declares state of emergency after floods.',
  'A local bakery handed out free bread to volunteers.',
]);
const FLOOD_C = article('c', 'AFP', [
  'The mayor of Eastbridge declared an emergency on Monday night.',
  '"We have never seen the water rise this fast in fifty years," said the fire chief.',
]);

describe('alignFacts', () => {
  it('aligns paraphrases across articles and leaves unrelated sentences alone', () => {
    expect(aligned([FLOOD_A, FLOOD_B])).toEqual([['a:0', 'b:0'], ['a:1', 'b:1'], ['a:2'], ['b:2']]);
  });

  it('aligns one fact across three sources', () => {
    expect(aligned([FLOOD_A, FLOOD_B, FLOOD_C])).toContainEqual(['a:1', 'b:1', 'c:0']);
  });

  it('aligns nothing when the articles share no words', () => {
    const other = article('z', 'BBC', ['Chess champion retains title in Oslo.', 'Her opponent resigned after forty moves.']);
    expect(aligned([FLOOD_A, other])).toEqual([['a:0'], ['a:1'], ['a:2'], ['z:0'], ['z:1']]);
  });

  it('does not align two sentences on one shared word, however short they are; the same words align', () => {
    const a = article('a', 'X', ['Burn baby, burn?', 'The church was badly damaged by fire on Friday night.']);
    const b = article('b', 'Y', ['Arson is suspected in the burning of the church.', 'Burn, baby, burn!', 'Fire badly damaged the church late on Friday.']);
    const sentences = storySentences([a, b]);
    const vectors = sentenceVectors(sentences);
    // One word, "burn", above the threshold on its own: no fact of it.
    expect(cosine(vectors[0] as SparseVector, vectors[2] as SparseVector)).toBeGreaterThan(0.25);
    const c = article('c', 'Z', ['Arson is suspected in the burning of the church.']);
    expect(aligned([a, c])).toEqual([['a:0'], ['a:1'], ['c:0']]);
    // Nor on "church" alone. The same words ("burn", "baby") make one fact, and so do several shared words.
    expect(aligned([a, b])).toContainEqual(['b:0']);
    expect(aligned([a, b])).toContainEqual(['a:0', 'b:1']);
    expect(aligned([a, b])).toContainEqual(['a:1', 'b:2']);
  });

  it('aligns a trimmed quotation that TF-IDF alone would not', () => {
    const a = article('a', 'X', [
      '"We will rebuild every school that was destroyed, whatever it costs," Education Minister Lara Vosk told hundreds of cheering teachers gathered outside parliament on a rainy Thursday afternoon in the northern capital.',
      'Teachers in the city have gone unpaid since the autumn, union leaders said.',
    ]);
    const b = article('b', 'Y', [
      'Opposition deputies later questioned where the money would come from after her pledge that "we will rebuild every school that was destroyed".',
      'The ministry budget for next year has not yet been published.',
    ]);
    const sentences = storySentences([a, b]);
    const vectors = sentenceVectors(sentences);
    expect(cosine(vectors[0]!, vectors[2]!)).toBeLessThan(0.25);
    expect(aligned([a, b])).toEqual([['a:0', 'b:0'], ['a:1'], ['b:1']]);
  });

  it('never puts two sentences of one article in a group when the article does not repeat itself', () => {
    // Sentences built from disjoint pools of words: within an article no two sentences share a word,
    // while across articles the sentences drawn from one pool do.
    const POOLS = [
      ['harbour', 'ferry', 'captain', 'passengers', 'fog', 'sandbank'],
      ['mayor', 'council', 'budget', 'election', 'vote', 'deputies'],
      ['flood', 'river', 'rain', 'valley', 'residents', 'homes'],
      ['minister', 'school', 'teachers', 'strike', 'union', 'salary'],
      ['police', 'arrest', 'suspect', 'court', 'judge', 'trial'],
      ['museum', 'painting', 'theft', 'gallery', 'guards', 'alarm'],
    ];
    const sentenceOf = (pool: number) => fc.subarray(POOLS[pool] ?? [], { minLength: 2 }).map((ws) => `The ${ws.join(' and the ')}.`);
    const articleGen = fc.uniqueArray(fc.integer({ min: 0, max: POOLS.length - 1 }), { minLength: 1, maxLength: 4 }).chain((pools) => fc.tuple(...pools.map(sentenceOf)));
    fc.assert(
      fc.property(fc.array(articleGen, { minLength: 2, maxLength: 4 }), fc.integer({ min: 5, max: 60 }), (texts, t) => {
        const articles = texts.map((ss, i) => article(`x${i}`, `S${i}`, ss));
        const sentences = storySentences(articles);
        for (const group of alignFacts(sentences, { threshold: t / 100 })) {
          const owners = group.map((i) => sentences[i]?.article);
          expect(new Set(owners).size).toBe(owners.length);
        }
      }),
    );
  });

  it('joins sentences of one article only through repeats, and groups every sentence exactly once', () => {
    const word = fc.constantFrom('rebels', 'army', 'attack', 'damascus', 'monday', 'sunday', 'talks', 'geneva', 'siege', 'tanks');
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 5, max: 60 }), (texts, t) => {
        const articles = texts.map((ss, i) => article(`x${i}`, `S${i}`, ss));
        const sentences = storySentences(articles);
        const groups = alignFacts(sentences, { threshold: t / 100 });
        expect(groups.flat().sort((x, y) => x - y)).toEqual(sentences.map((_, i) => i));
        // Sentences of one article that repeat each other (similarity ≥ 0.8), joined transitively.
        const root = sentences.map((_, i) => i);
        const find = (i: number): number => (root[i] === i ? i : find(root[i] ?? i));
        for (const e of sentenceEdges(sentences, sentenceVectors(sentences), 0.8)) {
          if (sentences[e.a]?.article === sentences[e.b]?.article && e.sim >= 0.8) root[find(e.a)] = find(e.b);
        }
        for (const group of groups) {
          for (const i of group) {
            for (const j of group) {
              if (i < j && sentences[i]?.article === sentences[j]?.article) expect(find(i)).toBe(find(j));
            }
          }
        }
      }),
    );
  });
});

describe('quotes', () => {
  const words = (s: string): string[] => tokenize(s).map((t) => t.word);

  it('finds straight, curly and guillemet quotations as word lists', () => {
    expect(quotedSpans('He said "We launched it" and “they are encircled” or «ça va».')).toEqual([
      ['we', 'launched', 'it'],
      ['they', 'are', 'encircled'],
      ['ça', 'va'],
    ]);
    expect(quotedSpans('No quotation here.')).toEqual([]);
  });

  it('finds a run of equal consecutive words as long as asked for', () => {
    const ids = new Map<string, number>();
    const ints = (s: string): Int32Array => Int32Array.from(words(s), (w) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1));
    const [a, b] = [ints('we launched the new offensive today'), ints('at dawn we launched the new offensive')];
    expect(hasCommonRun(a, b, 5)).toBe(true);
    expect(hasCommonRun(a, b, 6)).toBe(false);
    expect(hasCommonRun(new Int32Array(0), ints('a'), 1)).toBe(false);
  });

  it('links a sentence quoting six words of another, or a short quote whole, but not four scattered words', () => {
    const a = 'Wael Alwan said: “We launched the new offensive and we restored all the points we withdrew from on Monday.”';
    const trimmed = 'A spokesman said "we restored all the points we withdrew from" after the attack.';
    const check = (x: string, y: string): boolean => new StoryQuotes([x, y]).shared(0, 1);
    expect(check(a, trimmed)).toBe(true);
    expect(check(trimmed, a)).toBe(true);
    expect(check('He said "they are encircled now" again.', 'The army says they are encircled now in Jobar.')).toBe(true);
    expect(check('He said "they are encircled now" again.', 'Now they are said to be encircled.')).toBe(false);
    expect(check('He said "yes" to the plan.', 'She said yes to the plan too.')).toBe(false);
  });
});

describe('storyCoverage', () => {
  const fact = (id: string, articles: string[]): Fact => ({ id, articles, mentions: articles.map((a) => ({ article: a, sentence: 0, text: id })) });

  it('lists what each of two sources adds and omits, and what they share', () => {
    const sourceOf = new Map([['a', 'Reuters'], ['b', 'AP']]);
    const facts = [fact('f1', ['a', 'b']), fact('f2', ['a']), fact('f3', ['b']), fact('f4', ['b'])];
    expect(storyCoverage({ articles: ['a', 'b'], facts, sourceOf })).toEqual({
      shared: ['f1'],
      sharedExcept: [],
      coverage: [
        { article: 'a', source: 'Reuters', adds: ['f2'], omits: [{ fact: 'f3', reportedBy: 1, otherSources: 1 }, { fact: 'f4', reportedBy: 1, otherSources: 1 }] },
        { article: 'b', source: 'AP', adds: ['f3', 'f4'], omits: [{ fact: 'f2', reportedBy: 1, otherSources: 1 }] },
      ],
    });
  });

  it('counts, for three sources, how many of the others report an omitted fact', () => {
    const sourceOf = new Map([['a', 'Reuters'], ['b', 'AP'], ['c', 'AFP']]);
    const facts = [fact('f1', ['a', 'b', 'c']), fact('f2', ['a', 'b']), fact('f3', ['c'])];
    const { coverage, shared } = storyCoverage({ articles: ['a', 'b', 'c'], facts, sourceOf });
    expect(shared).toEqual(['f1']);
    expect(coverage).toEqual([
      { article: 'a', source: 'Reuters', adds: [], omits: [{ fact: 'f3', reportedBy: 1, otherSources: 2 }] },
      { article: 'b', source: 'AP', adds: [], omits: [{ fact: 'f3', reportedBy: 1, otherSources: 2 }] },
      { article: 'c', source: 'AFP', adds: ['f3'], omits: [{ fact: 'f2', reportedBy: 2, otherSources: 2 }] },
    ]);
  });

  it('counts two articles of one source as one source', () => {
    const sourceOf = new Map([['r1', 'Reuters'], ['r2', 'Reuters'], ['p', 'AP']]);
    const facts = [fact('f1', ['p', 'r1']), fact('f2', ['r1']), fact('f3', ['r2']), fact('f4', ['r1', 'r2']), fact('f5', ['p', 'r2'])];
    const { coverage, shared } = storyCoverage({ articles: ['r1', 'r2', 'p'], facts, sourceOf });
    expect(shared).toEqual(['f1', 'f5']);
    const [r1, r2, p] = coverage;
    // f3 is Reuters' own (reported by its other article): neither added by another source nor omitted.
    expect(r1).toEqual({ article: 'r1', source: 'Reuters', adds: ['f2', 'f4'], omits: [{ fact: 'f5', reportedBy: 1, otherSources: 1 }] });
    expect(r2).toEqual({ article: 'r2', source: 'Reuters', adds: ['f3', 'f4'], omits: [{ fact: 'f1', reportedBy: 1, otherSources: 1 }] });
    expect(p?.omits).toEqual([
      { fact: 'f2', reportedBy: 1, otherSources: 1 },
      { fact: 'f3', reportedBy: 1, otherSources: 1 },
      { fact: 'f4', reportedBy: 1, otherSources: 1 },
    ]);
    expect(p?.adds).toEqual([]);
  });

  it('gives a single-source story no adds, omits or shared facts', () => {
    const sourceOf = new Map([['r1', 'Reuters'], ['r2', 'Reuters']]);
    const facts = [fact('f1', ['r1', 'r2']), fact('f2', ['r1']), fact('f3', ['r2'])];
    expect(storyCoverage({ articles: ['r1', 'r2'], facts, sourceOf })).toEqual({
      shared: [],
      sharedExcept: [],
      coverage: [
        { article: 'r1', source: 'Reuters', adds: [], omits: [] },
        { article: 'r2', source: 'Reuters', adds: [], omits: [] },
      ],
    });
  });
});

describe('factConflicts', () => {
  const m = (article: string, sentence: number, text: string): Mention => ({ article, sentence, text });
  const sourceOf = new Map([['r', 'Reuters'], ['r2', 'Reuters'], ['p', 'AP'], ['f', 'AFP']]);

  it('reports Monday against Sunday with both mentions and values', () => {
    const mentions = [m('r', 0, 'The rebels attacked on Monday.'), m('f', 1, 'The attack by rebels began on Sunday.')];
    expect(factConflicts({ fact: 's1-f1', mentions, sourceOf })).toEqual([
      {
        kind: 'weekday',
        fact: 's1-f1',
        detail: 'weekday: Monday (Reuters) vs Sunday (AFP)',
        values: [
          { article: 'r', value: 'Monday', normalized: 'monday', dispute: 0 },
          { article: 'f', value: 'Sunday', normalized: 'sunday', dispute: 0 },
        ],
        mentions,
      },
    ]);
  });

  it('groups agreeing sources in the detail and leaves out mentions without the value', () => {
    const mentions = [
      m('r', 0, 'The rebels attacked on Monday.'),
      m('p', 2, 'Rebels launched the attack on Monday morning.'),
      m('f', 1, 'The attack by rebels began on Sunday.'),
      m('r2', 3, 'Rebels attacked the city.'),
    ];
    const [conflict, ...rest] = factConflicts({ fact: 's1-f2', mentions, sourceOf });
    expect(rest).toEqual([]);
    expect(conflict?.detail).toBe('weekday: Monday (AP, Reuters) vs Sunday (AFP)');
    expect(conflict?.mentions).toEqual(mentions.slice(0, 3));
  });

  it('names the value, not its possessive, in the detail (the values keep the text as written)', () => {
    const mentions = [m('r', 0, "Rebels said Sunday's attack killed 12."), m('f', 1, "Rebels said Monday's attack killed 12.")];
    const [conflict] = factConflicts({ fact: 's1-f3', mentions, sourceOf });
    expect(conflict?.detail).toBe('weekday: Sunday (Reuters) vs Monday (AFP)');
    expect(conflict?.values.map((v) => v.value)).toEqual(["Sunday's", "Monday's"]);
  });

  it('never reports a conflict between two articles of one source', () => {
    const mentions = [m('r', 0, 'The rebels attacked on Monday.'), m('r2', 1, 'The rebels attacked on Sunday.')];
    expect(factConflicts({ fact: 's1-f1', mentions, sourceOf })).toEqual([]);
  });

  it("counts a source's article on the side of the value it gives, though a later article of that source gives another", () => {
    const mentions = [
      m('p', 0, 'Officials said 95 people were killed in the quake.'),
      m('r', 1, 'Officials said 95 people were killed in the earthquake.'),
      m('r2', 1, 'Officials said 158 people were killed in the earthquake.'),
    ];
    const [conflict, ...rest] = factConflicts({ fact: 's1-f1', mentions, sourceOf });
    expect(rest).toEqual([]);
    expect(conflict?.detail).toBe('number: 95 people (AP, Reuters) vs 158 people (Reuters)');
    expect(conflict?.values).toEqual([
      { article: 'p', value: '95', unit: 'people', normalized: '95', dispute: 0 },
      { article: 'r2', value: '158', unit: 'people', normalized: '158', dispute: 0 },
      { article: 'r', value: '95', unit: 'people', normalized: '95', dispute: 0 },
    ]);
    expect(conflict?.mentions).toEqual(mentions);
  });

  it('counts a value on a side only when it counts the same thing', () => {
    const mentions = [
      m('p', 0, 'Officials said 95 people were killed in the quake.'),
      m('r', 1, 'The quake destroyed 95 houses in the town.'),
      m('r2', 1, 'Officials said 158 people were killed in the earthquake.'),
    ];
    const [conflict] = factConflicts({ fact: 's1-f1', mentions, sourceOf });
    expect(conflict?.detail).toBe('number: 95 people (AP) vs 158 people (Reuters)');
    expect(conflict?.mentions.map((x) => x.article)).toEqual(['p', 'r2']);
  });

  it('sees no conflict when a mention gives both figures: "the toll rose from 95 people to 158 people" explains them', () => {
    const mentions = [
      m('p', 0, 'Officials said 95 people were killed in the quake.'),
      m('r2', 1, 'Officials said 158 people were killed in the earthquake.'),
      m('f', 2, 'The toll rose from 95 people killed to 158 people killed.'),
    ];
    expect(factConflicts({ fact: 's1-f1', mentions, sourceOf })).toEqual([]);
  });

  it('reports nothing when the values agree once normalised', () => {
    const mentions = [m('r', 0, 'The offensive began at 5:00 am on Tuesday.'), m('p', 0, 'The offensive began at 5.00 a.m. on Tuesday.')];
    expect(factConflicts({ fact: 's1-f1', mentions, sourceOf })).toEqual([]);
  });
});

describe('storyFacts', () => {
  it('counts an article as telling a fact it tells within a sentence of another fact (alsoIn), so it does not leave it out', () => {
    const a = article('a', 'Alpha', ['A magnitude 6.8 earthquake struck Elazig province in eastern Turkey on Friday evening, toppling buildings in the city of Sivrice.', 'Rescue teams worked through the night.']);
    const b = article('b', 'Beta', ['The magnitude 6.8 quake struck Elazig province in eastern Turkey on Friday evening.', 'The earthquake toppled buildings in the city of Sivrice in Elazig.', 'President Erdogan said the state would help.']);
    const r = storyFacts('s1', [a, b], 0.25);
    const toppled = r.facts.find((f) => f.mentions.some((m) => m.text.startsWith('The earthquake toppled')));
    // Alpha's lead tells both facts and is aligned with the first only.
    expect(toppled?.articles).toEqual(['b']);
    expect(toppled?.alsoIn).toEqual([{ article: 'a', sentence: 0, text: a.sentences[0]?.text }]);
    expect(r.shared).toContain(toppled?.id);
    const omitsOfA = r.coverage.find((c) => c.article === 'a')?.omits.map((o) => o.fact);
    expect(omitsOfA).not.toContain(toppled?.id);
    expect(omitsOfA).toHaveLength(1); // Erdogan's words, which Alpha does not report
    expect(r.coverage.find((c) => c.article === 'b')?.adds).not.toContain(toppled?.id);
    // Below the fact threshold plus the margin, a sentence of another fact tells nothing more.
    const far = storyFacts('s1', [a, article('b', 'Beta', ['The magnitude 6.8 quake struck Elazig province in eastern Turkey on Friday evening.', 'Buildings were toppled in the lakeside town of Sivrice.'])], 0.25);
    expect(far.facts.some((f) => f.alsoIn)).toBe(false);
  });

  it('finds the weekday conflict in aligned mentions of two outlets, citing both', () => {
    const { conflicts } = storyFacts('s1', [FLOOD_A, FLOOD_B], 0.25);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'weekday', detail: 'weekday: Monday (Reuters) vs Sunday (AP)' });
    expect(conflicts[0]?.mentions.map((x) => x.text)).toEqual([FLOOD_A.sentences[0]?.text, FLOOD_B.sentences[0]?.text]);
  });

  it('numbers facts in reading order and cites every sentence exactly once', () => {
    const { facts } = storyFacts('s7', [FLOOD_A, FLOOD_B, FLOOD_C], 0.25);
    expect(facts.map((f) => f.id)).toEqual(facts.map((_, i) => `s7-f${i + 1}`));
    expect(facts[0]?.mentions.map((x) => x.text)).toContain(FLOOD_A.sentences[0]?.text);
    const cited = facts.flatMap((f) => f.mentions.map((x) => `${x.article}:${x.sentence}`)).sort();
    const all = [FLOOD_A, FLOOD_B, FLOOD_C].flatMap((a) => a.sentences.map((s) => `${a.id}:${s.index}`)).sort();
    expect(cited).toEqual(all);
    for (const f of facts) expect(f.articles).toEqual([...new Set(f.mentions.map((x) => x.article))].sort());
  });

  it('ties coverage to the facts: what Reuters alone reports is what AP omits', () => {
    const { facts, coverage, shared } = storyFacts('s1', [FLOOD_A, FLOOD_B], 0.25);
    const textOf = (id: string): string | undefined => facts.find((f) => f.id === id)?.mentions[0]?.text;
    const [a, b] = coverage;
    expect(a?.adds.map(textOf)).toEqual(['Schools will stay closed until the water recedes.']);
    expect(b?.omits.map((o) => o.fact)).toEqual(a?.adds);
    expect(shared).toHaveLength(2);
  });

  it('gives a story with one source no adds or omits', () => {
    const sameSource = article('d', 'Reuters', ['Eastbridge mayor declares state of emergency after floods on Sunday.']);
    const { coverage, shared, conflicts } = storyFacts('s1', [FLOOD_A, sameSource], 0.25);
    expect(shared).toEqual([]);
    expect(conflicts).toEqual([]);
    for (const c of coverage) expect(c).toMatchObject({ adds: [], omits: [] });
  });
});

/**
 * Coverage: for each article of a story, the facts it adds (no other source reports them) and the facts it
 * omits (other sources report them, it does not). Articles of one source count as one source, and so do the
 * sources of one copy group (one voice, facts/voices.ts): a fact told only by a text and its copies is that text's
 * own (an add of each source that carries it), and what another voice leaves out of it counts once ("1 of 2",
 * not "2 of 3"). A source that excerpts another's article (facts/voices.ts `excerptingSources`) is in its whole's
 * voice for the others, but is itself compared with every voice, its whole's included: its omits list what it cut
 * ("1 of 2": its whole has it), and it adds only what no other source tells. A story with a single source has no
 * adds or omits: there is nothing to compare with.
 */
import type { Coverage, Fact } from '../types.js';
import { factVoices, otherVoiceCount, othersTelling, type FactVoices } from './voices.js';

export interface CoverageInput {
  readonly articles: readonly string[];
  readonly facts: readonly Fact[];
  readonly sourceOf: ReadonlyMap<string, string>;
  /** Per article, its voice (facts/voices.ts `comparedVoices`); by default its source. */
  readonly voiceOf?: ReadonlyMap<string, string>;
  /** Articles compared over only part of their text (see MAX_FACT_SENTENCES): no omits are claimed for them. */
  readonly partial?: ReadonlySet<string>;
  /** Sources that excerpt another source's article (facts/voices.ts `excerptingSources`); by default none. */
  readonly excerpting?: ReadonlySet<string>;
}

export interface CoverageResult {
  readonly coverage: Coverage[];
  /**
   * Facts that every source of the story reports (empty for a single-source story), not counting the sources
   * in {@link sharedExcept}: every source, copies too (a fact a copy cut is not one every source reports).
   */
  readonly shared: string[];
  /**
   * Sources every article of which is partial (a teaser, or a file compared over part of its text), left out of
   * `shared` when two or more other sources have a whole article: one teaser would otherwise empty the list of
   * what every source reports. Sorted; empty when no source is left out.
   */
  readonly sharedExcept: string[];
}

/**
 * Cost: O(articles × facts) for the omits, which the report lists in full. Each omitted fact is one shared
 * object per (fact, count of other sources), so a story of many articles holds the entries, not copies.
 */
export function storyCoverage(input: CoverageInput): CoverageResult {
  const source = (article: string): string => input.sourceOf.get(article) ?? article;
  const voice = (article: string): string => input.voiceOf?.get(article) ?? source(article);
  const sources = new Set(input.articles.map(source));
  const voices = new Set(input.articles.map(voice));
  const sourcesOf = input.facts.map((f) => new Set(f.articles.map(source)));
  const voicesOf = input.facts.map((f) => new Set(f.articles.map(voice)));
  const single = sources.size < 2;
  const wholeArticles = input.articles.filter((a) => input.partial?.has(a) !== true);
  const whole = new Set(wholeArticles.map(source));
  // Teasers are left out of `shared` only when the whole articles are two voices or more: one text and its copies
  // alone would make "every source" what one wire text says.
  const required = new Set(wholeArticles.map(voice)).size >= 2 ? whole : sources;
  const wanted = [...required];
  const shared = single ? [] : input.facts.filter((_, k) => sourcesOf[k]?.size === sources.size || (required !== sources && wanted.every((s) => sourcesOf[k]?.has(s)))).map((f) => f.id);
  const sharedExcept = single || required === sources ? [] : [...sources].filter((s) => !required.has(s)).sort();
  // Per fact, the omit entry for an article whose own voice reports it elsewhere (others = n - 1) or not (n).
  const entries = input.facts.map((f, k) => {
    const n = voicesOf[k]?.size ?? 0;
    const entry = (reportedBy: number) => ({ fact: f.id, reportedBy, otherSources: voices.size - 1 });
    return { without: n > 0 ? entry(n) : undefined, within: n > 1 ? entry(n - 1) : undefined };
  });
  const factsOf = new Map<string, Set<number>>();
  input.facts.forEach((f, k) => {
    for (const a of f.articles) {
      let set = factsOf.get(a);
      if (!set) factsOf.set(a, (set = new Set()));
      set.add(k);
    }
  });
  const excerpting = input.excerpting ?? new Set<string>();
  const excerpt = excerpting.size === 0 ? undefined : excerptCounts(input.articles, source, voice, sourcesOf);
  const coverage = input.articles.map((article): Coverage => {
    const own = source(article);
    if (single) return { article, source: own, adds: [], omits: [] };
    const ownVoice = voice(article);
    const partial = input.partial?.has(article) === true;
    const mine = factsOf.get(article) ?? new Set<number>();
    const adds: string[] = [];
    const omits: Coverage['omits'][number][] = [];
    if (excerpt && excerpting.has(own)) {
      // An excerpt's source: compared with every voice, its whole's included (its omits are what it cut).
      const otherSources = otherVoiceCount(voices.size, true, excerpt.alone(ownVoice));
      input.facts.forEach((f, k) => {
        const others = othersTelling(excerpt.told(k), ownVoice, true, sourcesOf[k]?.has(own) === true);
        if (mine.has(k)) {
          if (others === 0) adds.push(f.id);
        } else if (others > 0 && !partial) omits.push({ fact: f.id, reportedBy: others, otherSources });
      });
      return { article, source: own, adds, omits };
    }
    input.facts.forEach((f, k) => {
      const by = voicesOf[k] as Set<string>;
      const others = by.has(ownVoice) ? by.size - 1 : by.size;
      if (mine.has(k)) {
        if (others === 0) adds.push(f.id);
      } else if (others > 0 && !partial) {
        const e = entries[k];
        const entry = by.has(ownVoice) ? e?.within : e?.without;
        if (entry) omits.push(entry);
      }
    });
    return { article, source: own, adds, omits };
  });
  return { coverage, shared, sharedExcept };
}

/**
 * What an excerpting source's counts need: per fact (made when asked, kept), its voices and how many sources of
 * each tell it; per voice, whether it has one source alone.
 */
function excerptCounts(articles: readonly string[], source: (a: string) => string, voice: (a: string) => string, sourcesOf: readonly Set<string>[]): { alone: (v: string) => boolean; told: (k: number) => FactVoices } {
  const voiceOfSource = new Map(articles.map((a) => [source(a), voice(a)]));
  const sourcesIn = new Map<string, number>();
  for (const v of voiceOfSource.values()) sourcesIn.set(v, (sourcesIn.get(v) ?? 0) + 1);
  const made = new Map<number, FactVoices>();
  return {
    alone: (v: string): boolean => (sourcesIn.get(v) ?? 0) <= 1,
    told: (k: number): FactVoices => {
      let t = made.get(k);
      if (!t) made.set(k, (t = factVoices(sourcesOf[k] ?? [], (s) => voiceOfSource.get(s) ?? s)));
      return t;
    },
  };
}

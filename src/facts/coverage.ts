/**
 * Coverage: for each article of a story, the facts it adds (no other source reports them) and the facts it
 * omits (other sources report them, it does not). Articles of one source count as one source. A story with
 * a single source has no adds or omits: there is nothing to compare with.
 */
import type { Coverage, Fact } from '../types.js';

export interface CoverageInput {
  readonly articles: readonly string[];
  readonly facts: readonly Fact[];
  readonly sourceOf: ReadonlyMap<string, string>;
  /** Articles compared over only part of their text (see MAX_FACT_SENTENCES): no omits are claimed for them. */
  readonly partial?: ReadonlySet<string>;
}

export interface CoverageResult {
  readonly coverage: Coverage[];
  /**
   * Facts that every source of the story reports (empty for a single-source story), not counting the sources
   * in {@link sharedExcept}.
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
  const sources = new Set(input.articles.map(source));
  const sourcesOf = input.facts.map((f) => new Set(f.articles.map(source)));
  const single = sources.size < 2;
  const whole = new Set(input.articles.filter((a) => input.partial?.has(a) !== true).map(source));
  const required = whole.size >= 2 ? whole : sources;
  const wanted = [...required];
  const shared = single ? [] : input.facts.filter((_, k) => sourcesOf[k]?.size === sources.size || (required !== sources && wanted.every((s) => sourcesOf[k]?.has(s)))).map((f) => f.id);
  const sharedExcept = single || required === sources ? [] : [...sources].filter((s) => !required.has(s)).sort();
  // Per fact, the omit entry for an article whose own source reports it elsewhere (others = n - 1) or not (n).
  const entries = input.facts.map((f, k) => {
    const n = sourcesOf[k]?.size ?? 0;
    const entry = (reportedBy: number) => ({ fact: f.id, reportedBy, otherSources: sources.size - 1 });
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
  const coverage = input.articles.map((article): Coverage => {
    const own = source(article);
    if (single) return { article, source: own, adds: [], omits: [] };
    const partial = input.partial?.has(article) === true;
    const mine = factsOf.get(article) ?? new Set<number>();
    const adds: string[] = [];
    const omits: Coverage['omits'][number][] = [];
    input.facts.forEach((f, k) => {
      const by = sourcesOf[k] as Set<string>;
      const others = by.has(own) ? by.size - 1 : by.size;
      if (mine.has(k)) {
        if (others === 0) adds.push(f.id);
      } else if (others > 0 && !partial) {
        const e = entries[k];
        const entry = by.has(own) ? e?.within : e?.without;
        if (entry) omits.push(entry);
      }
    });
    return { article, source: own, adds, omits };
  });
  return { coverage, shared, sharedExcept };
}

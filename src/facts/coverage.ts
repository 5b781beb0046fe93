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
}

export interface CoverageResult {
  readonly coverage: Coverage[];
  /** Facts that every source of the story reports (empty for a single-source story). */
  readonly shared: string[];
}

export function storyCoverage(input: CoverageInput): CoverageResult {
  const source = (article: string): string => input.sourceOf.get(article) ?? article;
  const sources = new Set(input.articles.map(source));
  const sourcesOf = new Map(input.facts.map((f) => [f.id, new Set(f.articles.map(source))]));
  const single = sources.size < 2;
  const shared = single ? [] : input.facts.filter((f) => sourcesOf.get(f.id)?.size === sources.size).map((f) => f.id);
  const coverage = input.articles.map((article): Coverage => {
    const own = source(article);
    if (single) return { article, source: own, adds: [], omits: [] };
    const adds: string[] = [];
    const omits: Coverage['omits'][number][] = [];
    for (const f of input.facts) {
      const by = sourcesOf.get(f.id) ?? new Set<string>();
      const others = [...by].filter((s) => s !== own).length;
      if (f.articles.includes(article)) {
        if (others === 0) adds.push(f.id);
      } else if (others > 0) {
        omits.push({ fact: f.id, reportedBy: others, otherSources: sources.size - 1 });
      }
    }
    return { article, source: own, adds, omits };
  });
  return { coverage, shared };
}

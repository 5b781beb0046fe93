/**
 * `dedupe eval`: run the normal pipeline on a labelled folder and score it against gold labels —
 * stories (pairwise and B-cubed precision/recall/F1) and, when facts are given, cross-article fact links
 * among annotated sentences (see metrics.ts and gold.ts for the definitions).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../types.js';
import { run, type RunOptions } from '../run.js';
import { bcubed, clusterCounts, linkScores, pairwise, type Scores } from './metrics.js';
import { goldLinks, matchSentences, predictedLinks, readFactsJsonl, readStoriesTsv, sentenceKey, type GoldFact, type KeyedSentence } from './gold.js';

export interface EvalInput {
  readonly folder: string;
  readonly storiesFile: string;
  readonly factsFile?: string;
}

export interface StoryScores {
  readonly pairwise: Scores;
  readonly bcubed: Scores;
  readonly goldStories: number;
  readonly predictedStories: number;
  readonly articles: number;
  /** Labelled paths that are no article of the run (a wrong path, a skipped file): scored as stories of their own. */
  readonly missing: number;
}

export interface FactScores extends Scores {
  readonly goldLinks: number;
  readonly predictedLinks: number;
  readonly annotatedSentences: number;
  /** Annotated sentences that could not be located among dedupe's sentences (dropped as boilerplate, say). */
  readonly unmatchedSentences: number;
}

export interface EvalResult {
  readonly options: Readonly<Record<string, number | boolean | string | readonly string[]>>;
  readonly stories: StoryScores;
  readonly facts?: FactScores;
}

export interface Gold {
  readonly stories: Map<string, string>;
  readonly facts?: GoldFact[];
  /** Folder the gold paths are relative to. */
  readonly base: string;
}

export async function loadGold(input: EvalInput): Promise<Gold> {
  const stories = readStoriesTsv(await readFile(input.storiesFile, 'utf8'));
  const facts = input.factsFile ? readFactsJsonl(await readFile(input.factsFile, 'utf8')) : undefined;
  return { stories, base: path.dirname(path.resolve(input.storiesFile)), ...(facts ? { facts } : {}) };
}

export function scoreStories(report: Report, gold: ReadonlyMap<string, string>): StoryScores {
  const predicted = new Map<string, string>();
  const pathOf = new Map(report.articles.map((a) => [a.id, a.path]));
  for (const s of report.stories) for (const id of s.articles) predicted.set(pathOf.get(id) ?? id, s.id);
  return {
    pairwise: pairwise(gold, predicted),
    bcubed: bcubed(gold, predicted),
    goldStories: clusterCounts(gold),
    predictedStories: clusterCounts(new Map([...predicted].filter(([p]) => gold.has(p)))),
    articles: gold.size,
    missing: [...gold.keys()].filter((p) => !predicted.has(p)).length,
  };
}

/** Score fact groups on gold links; `texts` gives each article's sentences as dedupe split them. */
export function scoreFacts(report: Report, facts: readonly GoldFact[], sentencesByPath: ReadonlyMap<string, readonly KeyedSentence[]>): FactScores {
  const gold = goldLinks(facts);
  const goldByPath = new Map<string, KeyedSentence[]>();
  for (const f of facts) {
    for (const m of f.mentions) {
      const list = goldByPath.get(m.path) ?? [];
      const key = sentenceKey(m.path, m.sentence);
      if (!list.some((s) => s.key === key)) list.push({ key, text: m.text });
      goldByPath.set(m.path, list);
    }
  }
  const goldToPred = new Map<string, string[]>();
  let unmatched = 0;
  for (const [p, goldSentences] of goldByPath) {
    const matched = matchSentences(goldSentences, sentencesByPath.get(p) ?? []);
    for (const [k, v] of matched) {
      goldToPred.set(k, v);
      if (v.length === 0) unmatched++;
    }
  }
  const pathOf = new Map(report.articles.map((a) => [a.id, a.path]));
  const groups = report.stories.flatMap((s) => s.facts.map((f) => f.mentions.map((m) => sentenceKey(pathOf.get(m.article) ?? m.article, m.sentence))));
  const predicted = predictedLinks(groups, goldToPred);
  return {
    ...linkScores(gold.links, predicted),
    goldLinks: gold.links.size,
    predictedLinks: predicted.size,
    annotatedSentences: gold.sentences.size,
    unmatchedSentences: unmatched,
  };
}

/** Run the pipeline on the folder with `options` and score it. */
export async function evaluate(input: EvalInput, gold: Gold, options: RunOptions): Promise<EvalResult> {
  const target = path.relative(gold.base, path.resolve(input.folder)) || '.';
  const withFacts = gold.facts !== undefined;
  const result = await run([target], gold.base, { ...options, factThreshold: withFacts ? options.factThreshold : 0 });
  if (!result.ok) throw new Error(`no usable article in ${input.folder}`);
  const report = result.report;
  // The fact threshold asked for, also when facts were not scored (the run then skips the facts stage and says 0).
  const echo = { ...report.options, factThreshold: options.factThreshold, titleWeight: options.titleWeight, nameWeight: options.nameWeight, yearPenalty: options.yearPenalty };
  const stories = scoreStories(report, gold.stories);
  // Labels that name no article would score as perfect precision and zero recall, or as perfect on an empty file.
  if (stories.missing === stories.articles) throw new Error(`no usable article has a label: none of the ${stories.articles} labelled paths is an article of ${input.folder} (paths are relative to the labels file's folder)`);
  if (!gold.facts) return { options: echo, stories };
  const sentencesByPath = new Map<string, KeyedSentence[]>();
  for (const a of result.articles) {
    sentencesByPath.set(a.path, a.sentences.map((s) => ({ key: sentenceKey(a.path, s.index), text: s.text })));
  }
  return { options: echo, stories, facts: scoreFacts(report, gold.facts, sentencesByPath) };
}

/** Plain-text tables for `dedupe eval` results, and the shape of its JSON documents. Pure functions. */
import type { EvalResult } from './evaluate.js';
import type { Scores } from './metrics.js';

const f3 = (x: number): string => x.toFixed(3);
const row = (name: string, s: Scores): string => `${name.padEnd(18)}${f3(s.precision).padStart(10)}${f3(s.recall).padStart(8)}${f3(s.f1).padStart(8)}`;

/** A sweep's runs: the value of the option varied, and the run's scores. */
export type SweepResults = readonly { readonly value: number; readonly result: EvalResult }[];

/** What `dedupe eval --json` writes for one run: its scores, after the format's version (schema/eval.schema.json). */
export function evalJson(r: EvalResult): { readonly version: 1 } & EvalResult {
  return { version: 1, ...r };
}

/** What `dedupe eval --sweep … --json` writes: the format's version, the option varied and each run (no version of its own). */
export function sweepJson(name: string, results: SweepResults): { readonly version: 1; readonly sweep: string; readonly results: SweepResults } {
  return { version: 1, sweep: name, results };
}

export function formatEval(r: EvalResult): string {
  const lines = [
    `${r.stories.articles} labelled articles · ${r.stories.goldStories} gold stories · ${r.stories.predictedStories} predicted`,
    `${''.padEnd(18)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'F1'.padStart(8)}`,
    row('stories pairwise', r.stories.pairwise),
    row('stories B-cubed', r.stories.bcubed),
  ];
  if (r.stories.missing > 0) lines.splice(1, 0, `${r.stories.missing} of the labelled paths ${r.stories.missing === 1 ? 'is' : 'are'} no article of the run (wrong path or skipped file): each counts as a story of its own`);
  if (r.facts) {
    lines.push(row('fact links', r.facts));
    lines.push(
      `fact links: ${r.facts.goldLinks} gold, ${r.facts.predictedLinks} predicted, over ${r.facts.annotatedSentences} annotated sentences (${r.facts.unmatchedSentences} not found among dedupe's sentences)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function formatSweep(name: string, results: SweepResults): string {
  const facts = results.some((r) => r.result.facts);
  const head = `${name.padEnd(22)}${'stories'.padStart(8)}${'B3 P'.padStart(8)}${'B3 R'.padStart(8)}${'B3 F1'.padStart(8)}${'pair F1'.padStart(9)}${facts ? 'fact F1'.padStart(9) : ''}`;
  const rows = results.map(({ value, result: r }) =>
    `${String(value).padEnd(22)}${String(r.stories.predictedStories).padStart(8)}${f3(r.stories.bcubed.precision).padStart(8)}${f3(r.stories.bcubed.recall).padStart(8)}${f3(r.stories.bcubed.f1).padStart(8)}${f3(r.stories.pairwise.f1).padStart(9)}${r.facts ? f3(r.facts.f1).padStart(9) : ''}`,
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/** Parse `NAME=FROM:TO:STEP` into the values to try (at most 200). */
export function parseSweep(spec: string): { name: string; values: number[] } {
  const m = /^([a-z-]+)=(-?[\d.]+):(-?[\d.]+):([\d.]+)$/.exec(spec.trim());
  if (!m) throw new Error(`--sweep must look like story-threshold=0.1:0.5:0.05, got "${spec}"`);
  const [from, to, step] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!(step > 0) || to < from) throw new Error('--sweep needs FROM ≤ TO and a STEP above 0');
  const values: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-9 && values.length < 200; k++) values.push(Math.round((from + k * step) * 1e6) / 1e6);
  return { name: m[1] ?? '', values };
}

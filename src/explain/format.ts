/**
 * The `dedupe explain` text: a verdict per question, then the evidence. Pure: `(explanation, options) → string`;
 * and the JSON document's shape.
 */
import { Chalk } from 'chalk';
import type { Fact } from '../types.js';
import { safeText } from '../render/safe.js';
import { shorten, wrap } from '../render/wrap.js';
import type { Explanation } from './explain.js';
import { withUnit } from '../facts/conflict-sides.js';
import { LEAD_SENTENCES, readsAsLead } from '../cluster/teasers.js';

export interface ExplainFormatOptions {
  readonly color: boolean;
  readonly width: number;
  /** How many shared terms to list. */
  readonly terms?: number;
}

const f3 = (x: number): string => x.toFixed(3);
const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, '').length;

/** Lay out items separated by " · " across lines, never breaking inside an item. */
function flow(items: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && visible(line) + 3 + visible(item) > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? indent + item : `${line} · ${item}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Of A and B, the one scored against the other's lead (a teaser or short article: cluster/teasers.ts), then the other. */
function leadSide(e: Explanation): readonly ['A' | 'B', 'A' | 'B'] {
  const short = (x: Explanation['a']): boolean => readsAsLead({ ...(x.excerpt ? { excerpt: true } : {}), sentenceCount: x.sentences });
  return short(e.a) && !short(e.b) ? ['A', 'B'] : ['B', 'A'];
}

function storyVerdict(e: Explanation): string {
  const cmp = e.similarity >= e.storyThreshold ? '≥' : '<';
  const [t, o] = leadSide(e);
  const teaser = e.leadSimilarity !== undefined && e.leadSimilarity > e.cosine * e.timeFactor ? ` (${e[t === 'A' ? 'a' : 'b'].excerpt ? 'the teaser' : 'the short'} ${t} against the lead of ${o})` : '';
  const score = `TF-IDF similarity ${f3(e.similarity)}${teaser} ${cmp} story threshold ${e.storyThreshold}`;
  if (e.sameStory) {
    if (e.similarity >= e.storyThreshold) return `yes, both in ${e.a.story}: ${score}`;
    if (e.nearDuplicate) return `yes, both in ${e.a.story}: ${score}, but near-duplicate copies always share a story`;
    return `yes, both in ${e.a.story}: ${score}, but the story as a whole is close enough to each (average link over its articles)`;
  }
  if (e.similarity < e.storyThreshold) return `no (A in ${e.a.story}, B in ${e.b.story}): ${score}`;
  return `no (A in ${e.a.story}, B in ${e.b.story}): ${score}, but each is closer to its own story than the two stories are to each other (average link)`;
}

/** What `dedupe explain --json` writes: the explanation, after its format's version (schema/explain.schema.json). */
export function explanationJson(e: Explanation): { readonly version: 1 } & Explanation {
  return { version: 1, ...e };
}

export function formatExplanation(e: Explanation, options: ExplainFormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const para = (text: string, indent = '    ', first = indent): void => void out.push(...wrap(text, width, indent, first));
  for (const [tag, x] of [['A', e.a], ['B', e.b]] as const) {
    para(`${c.bold(tag)}  ${safeText(x.path)} ${c.dim(`— ${safeText(x.source)}, ${x.sentences} sentence${x.sentences === 1 ? '' : 's'}${x.excerpt ? ' (a teaser only)' : ''}${x.year !== undefined ? `, year ${x.year}` : ''}`)}`, '      ', '');
    para(safeText(x.title), '      ', '    ');
  }
  para(
    e.context > 0
      ? `scored within a run on ${e.context + 2} articles (idf over all of them)`
      : 'scored as a run on these two articles (add --context <paths> to score them within a larger corpus)',
  );
  out.push('');

  para(`${c.bold('Same story?')} ${storyVerdict(e)}`, '    ', '');
  if (e.timeFactor !== 1) {
    const why = e.daysApart !== undefined ? `dated ${e.daysApart} days apart` : `latest years ${e.a.year} and ${e.b.year} are 2 or more apart`;
    para(`cosine ${f3(e.cosine)} × ${e.timeFactor} for time (${why})`);
  }
  if (e.leadSimilarity !== undefined) {
    const [t, o] = leadSide(e);
    const what = e[t === 'A' ? 'a' : 'b'].excerpt ? 'a teaser' : `no longer than a lead (${LEAD_SENTENCES} sentences or fewer)`;
    para(`${t} is ${what}: it is also compared with ${o}'s headline and first sentences, where the top of a story is told: ${f3(e.leadSimilarity)}${e.timeFactor !== 1 ? ' (time factor included)' : ''}, against the whole-text ${f3(e.cosine * e.timeFactor)}; the larger counts`);
  }
  const top = e.terms.slice(0, options.terms ?? 12);
  if (top.length === 0) para('no content word in common');
  else {
    para(`shared terms that counted most (part of the cosine; ${e.terms.length} shared in all):`);
    const items = top.map((t) => `${safeText(t.word)}${t.name ? c.dim(' (name)') : t.number ? c.dim(' (number)') : ''} ${f3(t.contribution)}`);
    out.push(...flow(items, width, '      '));
  }
  const names = e.values.filter((v) => v.kind === 'name');
  const others = e.values.filter((v) => v.kind !== 'name');
  if (names.length > 0) out.push('    shared names:', ...flow(names.map((v) => safeText(v.a)), width, '      '));
  // A number with what it counts ("35 yards"), as a report's conflicts show it.
  if (others.length > 0) out.push('    shared numbers, dates and times:', ...flow(others.map((v) => `${safeText(withUnit(v.a, v.unit))}${c.dim(` (${v.kind})`)}`), width, '      '));
  out.push('');

  const cmp = e.jaccardExact >= e.duplicateThreshold ? '≥' : '<';
  para(
    `${c.bold('Near-duplicates?')} ${e.nearDuplicate ? 'yes' : 'no'}: Jaccard of word shingles ${f3(e.jaccardExact)} ${cmp} duplicate threshold ${e.duplicateThreshold} (MinHash estimate: ${f3(e.jaccardEstimate)})`,
    '    ',
    '',
  );
  if (e.partialThreshold !== undefined) {
    const cmpPart = e.containment >= e.partialThreshold ? '≥' : '<';
    // The run decides (within one story, one whole a part, near-duplicates apart); the figure is for the pair alone.
    para(
      `${c.bold('Partial copy?')} ${e.partialCopy ? 'yes' : 'no'}: ${f3(e.containment)} of the shorter text's word shingles are in the other, ${cmpPart} partial threshold ${e.partialThreshold}`,
      '    ',
      '',
    );
  }
  out.push('');

  const shared = e.facts.facts.filter((f) => f.articles.length === 2);
  const only = (id: string): Fact[] => e.facts.facts.filter((f) => f.articles.length === 1 && f.articles[0] === id);
  const line = (f: Fact, mark: string): string => `    ${mark} ${shorten(safeText(f.mentions[0]?.text ?? ''), width - 6)}`;
  para(c.bold(`Facts, aligned as if one story: both report ${shared.length}, only A ${only(e.a.id).length}, only B ${only(e.b.id).length}, ${e.facts.conflicts.length} in conflict`), '    ', '');
  if (shared.length > 0) out.push(`  ${c.underline('Both report')}`, ...shared.map((f) => line(f, c.green('='))));
  for (const [tag, id] of [['A', e.a.id], ['B', e.b.id]] as const) {
    const facts = only(id);
    if (facts.length > 0) out.push(`  ${c.underline(`Only ${tag} reports`)}`, ...facts.map((f) => line(f, c.blue('+'))));
  }
  if (e.facts.conflicts.length > 0) {
    out.push(`  ${c.underline('They disagree')}`);
    for (const k of e.facts.conflicts) para(c.red(safeText(k.detail)), '      ', `    ${c.red('!')} `);
  }
  return `${out.join('\n')}\n`;
}

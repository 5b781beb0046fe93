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
import { languageName, languageNote, latestNote } from '../render/sections.js';
import { supersededOnly } from '../facts/live-updates.js';
import { tellingArticles } from '../report/telling.js';

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

type Side = 'a' | 'b';

/** The letters A and B are shown by, and whether they are a report's. */
export interface PairLetters {
  readonly a: string;
  readonly b: string;
  readonly report: boolean;
}

/**
 * When the two share a story: their letters in it, as a report of the same run labels that story's articles (by
 * source, then id), so that "Only D reports" reads as in the report; else "A" and "B", explain's own.
 */
export function pairLetters(e: Explanation): PairLetters {
  const { label: a } = e.a;
  const { label: b } = e.b;
  return e.sameStory && a !== undefined && b !== undefined && a !== b ? { a, b, report: true } : { a: 'A', b: 'B', report: false };
}

/** Of A and B, the one scored against the other's lead (a teaser or short article: cluster/teasers.ts), then the other. */
function leadSide(e: Explanation): readonly [Side, Side] {
  const short = (x: Explanation['a']): boolean => readsAsLead({ ...(x.excerpt ? { excerpt: true } : {}), sentenceCount: x.sentences });
  return short(e.a) && !short(e.b) ? ['a', 'b'] : ['b', 'a'];
}

function storyVerdict(e: Explanation, tag: Readonly<Record<Side, string>>): string {
  const cmp = e.similarity >= e.storyThreshold ? '≥' : '<';
  const [t, o] = leadSide(e);
  const teaser = e.leadSimilarity !== undefined && e.leadSimilarity > e.cosine * e.timeFactor * (e.countryFactor ?? 1) ? ` (${e[t].excerpt ? 'the teaser' : 'the short'} ${tag[t]} against the lead of ${tag[o]})` : '';
  const score = `TF-IDF similarity ${f3(e.similarity)}${teaser} ${cmp} story threshold ${e.storyThreshold}`;
  if (e.sameStory) {
    if (e.similarity >= e.storyThreshold) return `yes, both in ${e.a.story}: ${score}`;
    if (e.nearDuplicate) return `yes, both in ${e.a.story}: ${score}, but near-duplicate copies always share a story`;
    return `yes, both in ${e.a.story}: ${score}, but the story as a whole is close enough to each (average link over its articles)`;
  }
  if (e.similarity < e.storyThreshold) return `no (A in ${e.a.story}, B in ${e.b.story}): ${score}`;
  if (e.laterEvent) {
    const later = e.laterEvent.later;
    const earlier = later === 'a' ? 'b' : 'a';
    return `no (A in ${e.a.story}, B in ${e.b.story}): ${score}, but ${tag[later]} names only days after ${tag[earlier]} was published (${e.laterEvent.days.join(', ')}; ${tag[earlier]} on ${e.laterEvent.earlierPublished}): a later event, its own story`;
  }
  return `no (A in ${e.a.story}, B in ${e.b.story}): ${score}, but each is closer to its own story than the two stories are to each other (average link)`;
}

/**
 * When A and B were read in two languages: what that does to their comparison (each text's terms are made by its
 * own language's stop words and stemmer, nothing is translated), else undefined.
 */
export function languageLine(e: Explanation, tag: Readonly<Record<Side, string>>): string | undefined {
  if (e.a.language === e.b.language) return undefined;
  return `${tag.a} is in ${languageName(e.a.language)}, ${tag.b} in ${languageName(e.b.language)}: each text's words are compared as they are, by its own language's stop words and stemmer, with nothing translated, so only names, numbers and words spelt alike can match, and articles in two languages rarely share a story (see README, Languages)`;
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
  const letters = pairLetters(e);
  const tag: Readonly<Record<Side, string>> = { a: letters.a, b: letters.b };
  for (const side of ['a', 'b'] as const) {
    const x = e[side];
    const details = [
      safeText(x.source),
      `${x.sentences} sentence${x.sentences === 1 ? '' : 's'}${x.excerpt ? ' (a teaser only)' : ''}`,
      ...(x.year !== undefined ? [`year ${x.year}`] : []),
      // The countries the country penalty compares, when it is on.
      ...(e.countryFactor !== undefined ? [x.countries ? `country ${x.countries.join(', ')}` : 'no country named'] : []),
      ...(languageNote(x) ? [languageNote(x)] : []),
    ].join(', ');
    // With explain's own letters, the letter a report gives it, to cross-read the two.
    const where = !letters.report && x.label !== undefined ? ` · in the report: ${x.label} of ${x.story}` : '';
    para(`${c.bold(tag[side])}  ${safeText(x.path)} ${c.dim(`— ${details}${where}`)}`, '      ', '');
    para(safeText(x.title), '      ', '    ');
  }
  const scored =
    e.context > 0
      ? `scored within a run on ${e.context + 2} articles (idf over all of them)`
      : 'scored as a run on these two articles (add --context <paths> to score them within a larger corpus)';
  const lettered = letters.report
    ? `${letters.a} and ${letters.b} are their letters in ${e.a.story}, as a report on ${e.context > 0 ? 'these articles gives them' : "the two alone gives them (with --context <folder>, as the folder's report does)"}`
    : `A and B are explain's own letters, in the order given`;
  para(`${scored}; ${lettered}`);
  out.push('');

  para(`${c.bold('Same story?')} ${storyVerdict(e, tag)}`, '    ', '');
  const languages = languageLine(e, tag);
  if (languages !== undefined) para(languages);
  if (e.timeFactor !== 1) {
    const why = e.daysApart !== undefined ? `dated ${e.daysApart} days apart` : `latest years ${e.a.year} and ${e.b.year} are 2 or more apart`;
    para(`cosine ${f3(e.cosine)} × ${e.timeFactor} for time (${why})`);
  }
  if (e.countryFactor !== undefined && e.countryFactor !== 1) {
    const where = (x: Explanation['a']): string => (x.countries ?? []).join(' and ');
    para(`cosine ${f3(e.cosine)} × ${e.countryFactor} for places (${tag.a}'s dateline and lead name ${where(e.a)}, ${tag.b}'s ${where(e.b)}: no country in common)`);
  }
  if (e.leadSimilarity !== undefined) {
    const [t, o] = leadSide(e);
    const what = e[t].excerpt ? 'a teaser' : `no longer than a lead (${LEAD_SENTENCES} sentences or fewer)`;
    para(`${tag[t]} is ${what}: it is also compared with ${tag[o]}'s headline and first sentences, where the top of a story is told: ${f3(e.leadSimilarity)}${e.timeFactor !== 1 ? ' (time factor included)' : ''}, against the whole-text ${f3(e.cosine * e.timeFactor)}; the larger counts`);
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
  // A copy of an earlier version of the other: near-duplicates by the version it copies, not by the latest text.
  const near = e.versionCopy
    ? `yes, a copy of an earlier version (${safeText(e.versionCopy.version)}): Jaccard of word shingles ${f3(e.versionCopy.jaccard)} with that version ≥ duplicate threshold ${e.duplicateThreshold}; ${f3(e.jaccardExact)} with the latest text`
    : `${e.nearDuplicate ? 'yes' : 'no'}: Jaccard of word shingles ${f3(e.jaccardExact)} ${cmp} duplicate threshold ${e.duplicateThreshold} (MinHash estimate: ${f3(e.jaccardEstimate)})`;
  para(`${c.bold('Near-duplicates?')} ${near}`, '    ', '');
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

  // Who tells a fact: its mentions' articles and those that tell it within a sentence of another (alsoIn), as the report counts.
  // A fact told only by a live blog's superseded entries is what was said then (facts/live-updates.ts): apart.
  const counted = e.facts.facts.filter((f) => !supersededOnly(f));
  const superseded = e.facts.facts.filter(supersededOnly);
  const tellers = new Map(counted.map((f) => [f, new Set(tellingArticles(f))]));
  const shared = counted.filter((f) => (tellers.get(f)?.size ?? 0) === 2);
  const only = (id: string): Fact[] => counted.filter((f) => tellers.get(f)?.size === 1 && tellers.get(f)?.has(id) === true);
  const line = (f: Fact, mark: string): string => `    ${mark} ${shorten(safeText(f.mentions[0]?.text ?? ''), width - 6)}`;
  const since = superseded.length === 0 ? '' : `, ${superseded.length} since updated in a live blog`;
  para(c.bold(`Facts, aligned as if one story: both report ${shared.length}, only ${tag.a} ${only(e.a.id).length}, only ${tag.b} ${only(e.b.id).length}${since}, ${e.facts.conflicts.length} in conflict`), '    ', '');
  if (shared.length > 0) out.push(`  ${c.underline('Both report')}`, ...shared.map((f) => line(f, c.green('='))));
  for (const side of ['a', 'b'] as const) {
    const facts = only(e[side].id);
    if (facts.length > 0) out.push(`  ${c.underline(`Only ${tag[side]} (${safeText(e[side].source)}) reports`)}`, ...facts.map((f) => line(f, c.blue('+'))));
  }
  if (superseded.length > 0) out.push(`  ${c.underline('Since updated in a live blog')}`, ...superseded.map((f) => line(f, c.dim('^'))));
  if (e.facts.conflicts.length > 0) {
    out.push(`  ${c.underline('They disagree')}`);
    for (const k of e.facts.conflicts) {
      para(c.red(safeText(k.detail)), '      ', `    ${c.red('!')} `);
      const latest = latestNote(k, safeText);
      if (latest !== '') para(c.dim(latest), '      ', '      ');
    }
  }
  return `${out.join('\n')}\n`;
}

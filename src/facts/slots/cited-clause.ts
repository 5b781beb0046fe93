/**
 * Which clause of a sentence's part a citation of another outlet covers (slots/citations.ts): the part, cut at its
 * commas, is read in clauses, and a cue ("according to Reuters", "Reuters reported", "citing AFP") covers the clause
 * whose values it attributes. English word order only.
 */
import type { Ctx } from './tokens.js';
import { SPEECH } from './words.js';

/** Words that open a clause of time, before a cue in it: the cue's outlet told something then, not the figures around. */
const TIME_CLAUSE = new Set(['after', 'since', 'when', 'before', 'until', 'once', 'while']);

/** Words that open a relative clause about what stands before it. */
const RELATIVE = new Set(['which', 'who', 'whose', 'whom']);

/** Characters `from`–`to` of the sentence. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * The clause a cue at character `at` covers. `bounds`: the part's start, its commas and its end. In this order:
 * - its own clause, when a value stands there before the cue ("up from 90 reported by Reuters on Monday") or a figure
 *   after it ("Reuters reported earlier that 16 people had died", "…, and Reuters reported 16 missing");
 * - else the nearest clause before it that holds a figure ("The landslide killed 16 people, according to the BBC";
 *   "The toll of 16, first reported by CNN, rose");
 * - else the nearest clause after it that holds a figure, when the cue leads ("According to Reuters, 16 people
 *   died"; "The BBC, citing Reuters, said 16 …"; "On Monday, according to the BBC, 16 people died") — no clause
 *   before it holds a value, or only days and the like and that clause names no source of its own;
 * - else the same for any value (a day, a date, a time, a name), its own clause's after the cue included;
 * - else its own clause.
 * A figure is a number slot: a day after the cue is more often when the outlet told it ("…, Reuters reported on
 * Monday") than what it told. A clause before the cue loses what stands before an attribution of another source in it
 * ("19 died according to officials and 16 are missing according to Reuters": 16 only; see {@link afterOtherSource}).
 */
export function citedClause(c: Ctx, bounds: readonly number[], at: number): Span {
  let i = 0;
  while (i + 2 < bounds.length && (bounds[i + 1] as number) <= at) i++;
  const clause = (j: number): Span => ({ from: bounds[j] as number, to: bounds[j + 1] as number });
  const holds = (from: number, to: number, figure: boolean): boolean => c.out.some((s) => s.start >= from && s.start < to && (!figure || s.kind === 'number'));
  const own = clause(i);
  // A cue in a clause of time ("A day after Reuters reported the talks, shares rose 12 percent", "Since the BBC
  // reported it, five women have come forward") says when, not whose: it covers its own clause only (review 29).
  if (c.toks.some((t) => t.start >= own.from && t.start < at && t.kind === 'word' && TIME_CLAUSE.has(t.lower))) return own;
  if (holds(own.from, at, false)) return afterOtherSource(c, { from: own.from, to: at }, own.to);
  if (holds(at, own.to, true)) return own;
  const before = (figure: boolean): Span | undefined => {
    for (let j = i - 1; j >= 0; j--) if (holds(bounds[j] as number, bounds[j + 1] as number, figure)) return clause(j);
    return undefined;
  };
  // A relative aside after the cue ("According to Reuters, which cited two officials, 16 people died") tells of the
  // outlet, not what it reported: passed over (review 29).
  const aside = (j: number): boolean => {
    const first = c.toks.find((t) => t.start >= (bounds[j] as number) && t.kind === 'word');
    return first !== undefined && first.start < (bounds[j + 1] as number) && RELATIVE.has(first.lower);
  };
  const after = (figure: boolean): Span | undefined => {
    for (let j = i + 1; j + 1 < bounds.length; j++) if (!aside(j) && holds(bounds[j] as number, bounds[j + 1] as number, figure)) return clause(j);
    return undefined;
  };
  const leads = before(false) === undefined;
  // After a day ("On Monday, according to the BBC, 16 people died"), a clause with its own source is not the cue's
  // ("The quake struck on Monday, according to the BBC, and officials said 19 died").
  const next = before(true) === undefined ? after(true) : undefined;
  const found = before(true) ?? (next !== undefined && (leads || !attributes(c, next)) ? next : undefined) ?? before(false);
  if (found !== undefined) return found.to <= at ? afterOtherSource(c, found, found.to) : found;
  if (holds(at, own.to, false)) return own;
  return (leads ? after(false) : undefined) ?? own;
}

/**
 * `span` (values told before a cue), `to` its end, without what an attribution of another source in it closes:
 * "19 died according to officials and 16 are missing, according to Reuters" — "according to" or a verb of saying with
 * a value before it and one after it in the span — starting at the first value after the last such attribution.
 */
function afterOtherSource(c: Ctx, span: Span, to: number): Span {
  let from = span.from;
  for (const t of c.toks) {
    if (t.start >= span.to) break;
    if (t.start < from || t.kind !== 'word' || !(t.lower === 'according' || SPEECH.has(t.lower))) continue;
    let valueBefore = false;
    let next = Infinity;
    for (const s of c.out) {
      if (s.start >= from && s.start < t.start) valueBefore = true;
      else if (s.start >= t.end && s.start < span.to && s.start < next) next = s.start;
    }
    if (valueBefore && next !== Infinity) from = next;
  }
  return { from, to };
}

/** Whether `span` holds an attribution: "according to" or a verb of saying. */
function attributes(c: Ctx, span: Span): boolean {
  return c.toks.some((t) => t.start >= span.from && t.start < span.to && t.kind === 'word' && (t.lower === 'according' || SPEECH.has(t.lower)));
}

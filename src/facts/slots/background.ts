/**
 * Background in a sentence, as its words say, which conflicts and an article's year leave aside:
 * - a year that opens the sentence as the time of what it tells: "In 2017, …", "In March 2017 floods …", "Back in
 *   2019, …", "En mars 2017, …", "Im Jahr 2017 …". Such a sentence is history (news tells its own event by the day,
 *   not the year), about the event of that year: two of them anchored to different years tell two events, and an
 *   undated article is not of that year (facts/align.ts historyApart, facts/conflicts.ts, fingerprint/articles.ts
 *   latestYear). Nor is it about the current event: it is set only against a sentence that may tell the past too
 *   ({@link mayTellPast}: a year, "ago", "last", "previous", "since", …), not against "The death toll has risen to
 *   19" (facts/align.ts historyApart, facts/conflicts.ts).
 * - values told as superseded: "Previously, officials had said 12 people were killed", "the ministry had earlier
 *   reported", "Earlier, officials said 12". They are what was said before, not a claim of the
 *   article's to compare with another outlet's. The superseded part runs to a word that sets the present against
 *   it ("…had said 12, but on Tuesday raised the toll to 19": the 19 still counts). English only.
 */
import type { Slot } from '../../types.js';
import { MONTHS, SPEECH } from './words.js';
import { lowerAt, type Ctx, type Tok } from './tokens.js';

/** The words that open a sentence before the year it is anchored to, per language ('' for English). */
const OPENERS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '': [['in'], ['back', 'in']],
  de: [['im', 'jahr'], ['im']],
  fr: [['en']],
  es: [['en']],
  it: [['nel']],
  nl: [['in']],
};

/**
 * Whether `text` may open with a year as its time (see {@link anchorYearIndex}): its first word is one an opener
 * starts with, and it holds four digits in a row. A cheap test, so that only such sentences are parsed.
 */
export function mayOpenWithYear(text: string): boolean {
  return /^\s*(?:in|back|en|im|nel)\s/i.test(text) && /(?:19|20)\d\d/.test(text);
}

/**
 * Words and years by which a sentence may tell the past: "two years ago", "a 2024 landslide", "the previous
 * disaster", "last year", "the deadliest since", "at the time". English, with the other languages' years.
 */
const PAST_CUE = /(?:^|[^\p{L}\p{N}])(?:1[89]\d\d|20\d\d|ago|last|previous(?:ly)?|earlier|past|former|prior|then|since|decades?|century|history|historic|once|at the time)(?![\p{L}\p{N}])/iu;

/**
 * Whether a sentence may tell the past ({@link PAST_CUE}): one that does not is about the current event, and a
 * history sentence anchored to a year ("In 2024, a landslide in the same region killed 9 people") is neither aligned
 * with it nor compared. Two outlets' tellings of one past event keep their link when the one without the year still
 * says it is past ("A landslide there killed 11 people two years ago"); one that says nothing of when is lost.
 */
export const mayTellPast = (text: string): boolean => PAST_CUE.test(text);

/** English words of a plan or a forecast: a sentence that holds one and opens with a year is no history sentence. */
const FUTURE = new Set(['will', 'shall', 'expected', 'expects', 'expect', 'forecast', 'forecasts', 'forecasting', 'projected', 'projects', 'projection', 'projections', 'plan', 'plans', 'planned', 'planning', 'scheduled', 'due', 'target', 'targets', 'aims', 'aim', 'predicted', 'predicts', 'outlook', 'budget', 'budgeted']);

/** Words of a part of a year or month before it: "In early 2017", "In late March 2017". */
const PART_OF = new Set(['early', 'late', 'mid']);

/** Whether token k is a month name in the sentence's language. */
function monthAt(c: Ctx, k: number): boolean {
  const w = lowerAt(c, k);
  return c.rules === undefined ? MONTHS.includes(w) : c.rules.months.has(w);
}

/**
 * The index in `c.out` of the year slot the sentence opens with as its time (see above), or -1: the sentence's first
 * words are an opener ("In", "Back in"), then perhaps "early", "mid-", "late", a month, its day and "of" or "de", then
 * the year, read as a year slot by the finders (not "In 2015-16", "In 1990s").
 */
export function anchorYearIndex(c: Ctx): number {
  const openers = OPENERS[c.rules?.language ?? ''] ?? [];
  // A year that opens a plan or a forecast ("In 2027, inflation is expected to average 2.1 percent", "In 2027, the
  // government plans to spend …") is the future, not history: news of the current event, compared as any (review 29).
  if (c.rules === undefined && c.toks.some((t) => t.kind === 'word' && FUTURE.has(t.lower))) return -1;
  for (const opener of openers) {
    if (!opener.every((w, i) => lowerAt(c, i) === w)) continue;
    let k = opener.length;
    if (PART_OF.has(lowerAt(c, k))) k++;
    // "mid-March" is one token, a month read as a date.
    const hyphened = lowerAt(c, k).split(/[‐‑-]/);
    if (hyphened.length === 2 && PART_OF.has(hyphened[0] ?? '') && MONTHS.includes(hyphened[1] ?? '')) k++;
    else if (monthAt(c, k)) {
      k++;
      if (c.toks[k]?.kind === 'num' && (c.toks[k]?.text.length ?? 0) <= 2) k++;
      if (c.toks[k]?.text === ',') k++;
      if (lowerAt(c, k) === 'of' || lowerAt(c, k) === 'de') k++;
    }
    const start = c.toks[k]?.start;
    const at = c.out.findIndex((s) => s.kind === 'year' && s.start === start);
    if (at >= 0) return at;
  }
  return -1;
}

/** Words that, just before a verb of saying, tell what was said before: "had said", "previously reported". */
const BEFORE = new Set(['had', 'previously', 'earlier', 'initially', 'originally']);
/** Words that open a sentence told as said before: "Previously, officials said", "Earlier, police said". */
const OPENING = new Set(['previously', 'earlier', 'initially', 'originally']);
/** Words that set the present against what was said before: "had said 12, but now say 19". */
const TURN = new Set(['but', 'however', 'now', 'while', 'whereas', 'before']);

/**
 * Whether token k (`t`) opens a new part of the sentence: ";" or a word that sets one clause against another ("but",
 * "while", "now"). What is told as superseded, or as another outlet's (slots/citations.ts), runs to such a break.
 */
export const isPartBreak = (t: Tok, k: number): boolean => t.text === ';' || (t.kind === 'word' && TURN.has(t.lower) && k > 0);

/** Adverbs that may stand between "had" and its verb of saying: "had also said", "had repeatedly told". */
const HAD_ALSO = new Set(['also', 'already', 'once']);

/**
 * Whether the verb of saying at token k is told as said before: "had said", "previously reported", "earlier said",
 * "had earlier said", "had also told", "had repeatedly said". Not "had been told" (what someone heard), nor "said
 * earlier" ("police said earlier this week" tells when).
 */
function saidBefore(c: Ctx, k: number): boolean {
  const between = lowerAt(c, k - 1);
  return BEFORE.has(between) || (lowerAt(c, k - 2) === 'had' && (HAD_ALSO.has(between) || between.endsWith('ly')));
}

/**
 * Whether the sentence opens with a word of {@link OPENING} for what was said before: "Previously, officials said",
 * "Earlier, police said", "Earlier on Monday". Not "Earlier this month" or "Earlier last year": a time, whatever
 * was said then.
 */
function opensSaidBefore(c: Ctx): boolean {
  const next = lowerAt(c, 1);
  return OPENING.has(lowerAt(c, 0)) && next !== 'this' && next !== 'last';
}

/**
 * The slots of `c.out` outside the parts of the sentence told as superseded (see above): the sentence is cut at
 * ";" and at the words that set the present against the past ("but", "now"); a part with a verb of saying told as
 * said before loses its slots. English only: other languages' sentences keep them all.
 */
export function claimedSlots(c: Ctx): Slot[] {
  if (c.rules !== undefined) return c.out;
  const opens = opensSaidBefore(c);
  let partStart = 0;
  let superseded = false;
  const cut: { from: number; to: number }[] = [];
  const close = (end: number): void => {
    if (superseded) cut.push({ from: partStart, to: end });
    superseded = false;
  };
  for (let k = 0; k < c.toks.length; k++) {
    const t = c.toks[k];
    if (t === undefined) break;
    if (isPartBreak(t, k)) {
      close(t.start);
      partStart = t.start;
      continue;
    }
    if (t.kind === 'word' && SPEECH.has(t.lower) && ((opens && partStart === 0) || saidBefore(c, k))) superseded = true;
  }
  close(c.text.length);
  if (cut.length === 0) return c.out;
  return c.out.filter((s) => !cut.some((p) => s.start >= p.from && s.start < p.to));
}

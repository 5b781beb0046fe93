/**
 * Values an article gives as another outlet's: "Reuters reported earlier that 16 people had died", "…, according to
 * the BBC", "…, citing Reuters", "… quoted by AFP", "reported by CNN". Such a figure is that outlet's claim, told on
 * its word; compared as the article's own, an AP story that mentions Reuters' lower toll stood on both sides of the
 * toll's conflict. The clause of the sentence that holds the cited values (slots/cited-clause.ts) is the cited
 * outlet's; facts/conflicts.ts leaves its values out of the article's claims unless the article is that outlet's own,
 * and shows them on that outlet's side as a citation. "told Reuters" is no citation: an outlet writes it of its own
 * reporting, and a copy of its text carries it along. English only; outlets input/outlet.ts knows, and others by the
 * shape of a newspaper's name ("the Kathmandu Post"), so "according to the ministry" stays the article's claim, as
 * sourcing to officials is.
 */
import { canonicalOutlet, isKnownOutlet } from '../../input/outlet.js';
import { isPartBreak } from './background.js';
import { citedClause } from './cited-clause.js';
import { lowerAt, type Ctx } from './tokens.js';
import { MONTHS, SPEECH, WEEKDAYS, WEEKDAY_NAME_NEXT } from './words.js';

/** Characters `from`–`to` of the sentence (a part of it) tell what `outlet` (its canonical name) reported. */
export interface Citation {
  readonly from: number;
  readonly to: number;
  readonly outlet: string;
}

/** Longest outlet name read, in words ("Agence France-Presse" is two, "The Wall Street Journal" four). */
const MAX_NAME_WORDS = 4;
/** Words that may stand between an outlet and its verb: "Reuters news agency reported", "the BBC had earlier said". */
const BETWEEN = new Set(['news', 'agency', 'newspaper', 'television', 'tv', 'broadcaster', 'has', 'had', 'also', 'earlier', 'previously', 'later', 'first', 'initially']);
/** Verbs of the outlet's own telling besides SPEECH's: "AFP quoted …", "CNN cited …". */
const TOLD_BY = new Set(['quoted', 'cited', 'quotes', 'cites', 'tallied', 'counted']);

/** The outlet whose name ends at token `end` (one to four words, the first capitalised: {@link nameAt}), or undefined. */
function outletEndingAt(c: Ctx, end: number): string | undefined {
  for (let n = Math.min(MAX_NAME_WORDS, end + 1); n >= 1; n--) {
    const name = nameAt(c, end - n + 1, end);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The outlet whose name starts at token `start` ("the" before it skipped), or undefined. */
function outletStartingAt(c: Ctx, start: number): string | undefined {
  const from = lowerAt(c, start) === 'the' ? start + 1 : start;
  for (let n = MAX_NAME_WORDS; n >= 1; n--) {
    const name = nameAt(c, from, from + n - 1);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Capitalised words that may follow an outlet's name: "Reuters News Agency said", "the BBC News website". */
const AFTER_NAME = new Set(['news', 'agency', 'tv', 'television', 'newspaper', 'website', 'radio']);

/**
 * The outlet tokens `from`–`to` name when they are words, the first capitalised, and the whole of a name: not the end
 * of a longer one ("fire chief Tom Hill said": The Hill; a capitalised word before it opens the sentence or tells when:
 * {@link opensBefore}) nor its start ("according to the Independent Electoral and Boundaries Commission": The
 * Independent; "the Guardian Council"). A known outlet by its canonical name, else one by its shape ({@link
 * shapedOutlet}) as written.
 */
function nameAt(c: Ctx, from: number, to: number): string | undefined {
  const first = c.toks[from];
  const last = c.toks[to];
  if (from < 0 || first === undefined || last === undefined || !first.cap) return undefined;
  for (let k = from; k <= to; k++) if (c.toks[k]?.kind !== 'word') return undefined;
  const before = c.toks[from - 1];
  const the = before?.lower === 'the';
  if (before?.kind === 'word' && before.cap && !the && !opensBefore(before.lower, first.lower)) return undefined;
  const after = c.toks[to + 1];
  if (after?.kind === 'word' && after.cap && !AFTER_NAME.has(after.lower)) return undefined;
  const name = c.text.slice(first.start, last.end);
  if (!isKnownOutlet(name)) return shapedOutlet(c, from, to, the) ? name : undefined;
  const outlet = canonicalOutlet(name);
  // "Hill said", "Yesterday Sun said": a one-word name of an outlet called "The …" is read only after "the" (a
  // surname otherwise); not an acronym ("NYT reported").
  if (from === to && !the && outlet.startsWith('The ') && first.text !== first.text.toUpperCase()) return undefined;
  return outlet;
}

/** Last words of a newspaper's name: "the Kathmandu Post", "the Daily Star", "China Daily", "Gulf News". */
const MASTHEAD = new Set(['times', 'post', 'herald', 'tribune', 'gazette', 'chronicle', 'journal', 'daily', 'star', 'telegraph', 'inquirer', 'news']);
/** Mastheads named without "the": "China Daily reported", "according to Gulf News". */
const BARE_MASTHEAD = new Set(['daily', 'news']);
/** Words that make a "… Post" or "… Star" an office, not a newspaper: "the Kalanki Police Post", "the Border Post". */
const OFFICE = new Set(['police', 'army', 'border', 'command', 'military', 'guard', 'checkpoint', 'customs', 'fire', 'health', 'medical', 'observation', 'trading', 'relief', 'aid']);

/**
 * Whether tokens `from`–`to` (the whole of a name: see {@link nameAt}) name an outlet by their shape though it is not
 * a known one: two to four capitalised words ending in a newspaper's word (MASTHEAD) or in "News Agency", after "the"
 * (not in the name) unless named bare ("the Kathmandu Post", "the Daily Star", "China Daily", "the Islamic Republic
 * News Agency"), none a word of an office ("the Police Post"). A person ("Emily Post") has no "the"; ministries,
 * commissions and officials end in no such word. Approximate: a company can have a newspaper's shape.
 */
function shapedOutlet(c: Ctx, from: number, to: number, the: boolean): boolean {
  if (to === from || c.toks[from]?.lower === 'the') return false;
  const head = c.toks[to]?.lower ?? '';
  const agency = head === 'agency' && to - from >= 2 && c.toks[to - 1]?.lower === 'news';
  if (!agency && !MASTHEAD.has(head)) return false;
  if (!the && !agency && !BARE_MASTHEAD.has(head)) return false;
  for (let k = from; k <= to; k++) {
    const t = c.toks[k];
    if (t === undefined || !t.cap || OFFICE.has(t.lower)) return false;
  }
  // "Reuters News Agency", "AP News": a known outlet's name and words of BETWEEN are that outlet.
  let end = to;
  while (end > from && BETWEEN.has(c.toks[end]?.lower ?? '')) end--;
  return end === to || !isKnownOutlet(c.text.slice(c.toks[from]?.start ?? 0, c.toks[end]?.end ?? 0));
}

/** Capitalised words that open a sentence before an outlet's name: "Yesterday Reuters reported", "Meanwhile AP said". */
const OPENERS = new Set(['yesterday', 'today', 'tonight', 'overnight', 'earlier', 'later', 'meanwhile', 'separately', 'previously', 'initially', 'originally', 'subsequently', 'also', 'now', 'then', 'and', 'but', 'so', 'instead', 'however', 'still']);

/**
 * Whether a capitalised word `word` before an outlet's name whose first word is `next` opens the sentence or tells
 * when ("Yesterday Reuters reported", "On Monday Reuters said", "In March Reuters reported") rather than being part of
 * a longer name: not "Tom Hill", nor "the Sunday Times" (a weekday before a newspaper's word: words.ts).
 */
function opensBefore(word: string, next: string): boolean {
  if (OPENERS.has(word) || MONTHS.includes(word)) return true;
  return WEEKDAYS.includes(word) && !WEEKDAY_NAME_NEXT.has(next);
}

/** The outlet token k cites, if a citation turns on it: a verb after the outlet's name, or a cue before it. */
function citedAt(c: Ctx, k: number): string | undefined {
  const w = lowerAt(c, k);
  // "quoted by AFP", "reported by CNN", "cited by the BBC".
  if ((w === 'quoted' || w === 'reported' || w === 'cited') && lowerAt(c, k + 1) === 'by') return outletStartingAt(c, k + 2);
  if (w === 'according' && lowerAt(c, k + 1) === 'to') return outletStartingAt(c, k + 2);
  if (w === 'citing') return outletStartingAt(c, k + 1);
  // "Reuters reported", "the BBC news agency said", "CNN has reported"; not "told" (see the file comment).
  if ((SPEECH.has(w) || TOLD_BY.has(w)) && w !== 'told' && w !== 'tells') {
    let end = k - 1;
    while (end > 0 && BETWEEN.has(lowerAt(c, end))) end--;
    // The words of BETWEEN may end the name ("the Anchorage Daily News said", "the Islamic Republic News Agency said"):
    // longest first, "Reuters News Agency said" being Reuters' (see shapedOutlet).
    for (let at = k - 1; at >= end; at--) {
      const outlet = outletEndingAt(c, at);
      if (outlet !== undefined) return outlet;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The parts of the sentence that cite a known outlet, with the outlet each cites. A part (cut at ";" and the words of
 * slots/background.ts) is read in clauses between its commas, and a citation covers the clause whose values it
 * attributes (slots/cited-clause.ts): "The landslide killed 16 people, according to the BBC", "According to Reuters,
 * 16 people died", "Reuters reported earlier that 16 people had died", "…, up from 90 reported by Reuters". So the
 * article's own figure in another clause stays its claim ("… destroyed 120 homes, the chief said, up from 90 reported
 * by Reuters"; "19 died, according to officials, and 16 are missing, according to Reuters").
 */
export function citedParts(c: Ctx): Citation[] {
  if (c.rules !== undefined) return [];
  const out: Citation[] = [];
  let from = 0;
  const commas: number[] = [];
  const cues: { at: number; outlet: string }[] = [];
  const close = (to: number): void => {
    for (const cue of cues) out.push({ ...citedClause(c, [from, ...commas, to], cue.at), outlet: cue.outlet });
    cues.length = 0;
    commas.length = 0;
  };
  for (let k = 0; k < c.toks.length; k++) {
    const t = c.toks[k];
    if (t === undefined) break;
    if (isPartBreak(t, k)) {
      close(t.start);
      from = t.start;
      continue;
    }
    if (t.text === ',') commas.push(t.start);
    else if (t.kind === 'word') {
      const outlet = citedAt(c, k);
      if (outlet !== undefined) cues.push({ at: t.start, outlet });
    }
  }
  close(c.text.length);
  return out;
}

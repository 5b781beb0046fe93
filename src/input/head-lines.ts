/**
 * The lines of an article's head that say when it was published and by which outlet: "Published 23 November 2026,
 * 09:30 GMT", "The Herald, 23 November 2026", "By Jane Smith, The Herald". Copy-pasted articles (`.txt`, Markdown
 * without front matter) nearly always carry one; cleaning drops such lines as credits and headings (the stamp is
 * not news), and until QA 29 what they said was lost with them: no date, and the file name for the outlet.
 *
 * The head is the lines before the headline and the paragraphs after it up to the first that is not such a line
 * (at most {@link MAX_HEAD_LINES}): a date or outlet named further down is news, not the article's own.
 */
import { isStamp, isStampOrDateline } from '../clean/stamps.js';
import { parseDate } from './date.js';

/** Lines of a head looked at, at most: a headline's byline, stamp and dateline lines come in ones and twos. */
const MAX_HEAD_LINES = 5;
/** Words a head line runs to at most ("By Jane Smith and Tom Hill, The Herald, Monday 23 November 2026 09:30 GMT"). */
const MAX_HEAD_WORDS = 16;
/** Characters a head line runs to at most. */
const MAX_HEAD_CHARS = 200;
/** Words an outlet's name or a byline's name part runs to at most. */
const MAX_NAME_WORDS = 6;

/** The comma-parted pieces of a line: "The Herald, 23 November 2026" → ["The Herald", "23 November 2026"]. */
const pieces = (line: string): string[] => line.split(/,\s+/);

/** How many leading pieces are names before a stamp ("The Herald" of "The Herald, 23 November 2026"); -1 when no stamp ends the line. */
function namesBeforeStamp(parts: readonly string[]): number {
  for (let k = 0; k < parts.length && k < 3; k++) {
    if (k > 0 && (parts[k - 1] as string).split(/\s+/).length > MAX_NAME_WORDS) return -1;
    if (isStamp(parts.slice(k).join(', '))) return k;
  }
  return -1;
}

const BYLINE = /^by\s+\p{Lu}/iu;
const ENDS_SENTENCE = /[.!?]["'”’)]?$/;

/** Whether `line` is a line of an article's head: a stamp or dateline, names then a stamp, or a byline. */
export function isHeadLine(line: string): boolean {
  // A long paragraph is news: it is not split (a file of one long line would be split whole).
  if (line.length > MAX_HEAD_CHARS) return false;
  const t = line.trim();
  if (t === '' || t.split(/\s+/).length > MAX_HEAD_WORDS) return false;
  if (isStampOrDateline(t)) return true;
  if (BYLINE.test(t)) return !ENDS_SENTENCE.test(t) || namesBeforeStamp(pieces(t)) >= 0;
  return namesBeforeStamp(pieces(t)) > 0;
}

/** The head lines at the start of `paragraphs` (see the file's comment). */
export function headOf(paragraphs: readonly string[]): string[] {
  const head: string[] = [];
  for (const p of paragraphs) {
    if (head.length === MAX_HEAD_LINES || !isHeadLine(p)) break;
    head.push(p.trim());
  }
  return head;
}

/** A word a date may start with: a number, a weekday or a month. */
const DATE_START = /^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
/** A word a date may end with: a number, a zone or a.m./p.m. */
const DATE_END = /\d|^(?:gmt|utc|bst|z|[ecmp][sd]t|a\.?m\.?|p\.?m\.?)[,.;:]?$/i;
/** An update's stamp: its date is not the article's first, and counts only when the head has no other. */
const UPDATED = /\b(?:updated|modified|changed|revised)\b/i;

/**
 * The date a head line gives, as written (the longest stretch of its words that reads as a date: "23 November
 * 2026, 09:30 GMT" of "Published 23 November 2026, 09:30 GMT"), or undefined. Only a stretch that starts with a
 * number, weekday or month and ends with a number, zone or a.m./p.m. is tried, so a line costs a few reads.
 */
export function dateIn(line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  const starts = words.map((w, i) => (DATE_START.test(w) ? i : -1)).filter((i) => i >= 0);
  const ends = words.map((w, i) => (DATE_END.test(w) ? i : -1)).filter((i) => i >= 0);
  let best: string | undefined;
  let bestWords = 0;
  for (const s of starts) {
    for (let e = ends.length - 1; e >= 0; e--) {
      const end = ends[e] as number;
      if (end < s || end - s + 1 <= bestWords) continue;
      const text = words.slice(s, end + 1).join(' ').replace(/[,;:.]+$/, '');
      if (parseDate(text) === undefined) continue;
      best = text;
      bestWords = end - s + 1;
      break;
    }
  }
  return best;
}

/** The date the head of `paragraphs` gives (a publication stamp before an update's), as written; undefined when none reads. */
export function headDate(paragraphs: readonly string[]): string | undefined {
  let updated: string | undefined;
  for (const line of headOf(paragraphs)) {
    const date = dateIn(line);
    if (date === undefined) continue;
    if (!UPDATED.test(line)) return date;
    updated ??= date;
  }
  return updated;
}

/**
 * The last word of a name that is a news outlet's ("The Herald", "Western Daily Press", "Press and Journal"): what
 * tells an outlet from a place ("The Hague, 23 November 2026") or a person ("Jane Smith, 23 November 2026").
 */
const NEWS_WORD =
  /^(?:news|times|post|herald|journal|telegraph|tribune|gazette|chronicle|guardian|independent|express|mail|mirror|observer|standard|record|courier|press|daily|weekly|radio|tv|television|today|review|globe|register|bulletin|dispatch|examiner|inquirer|enquirer|sentinel|monitor|echo|argus|wire|agency|magazine|newspaper|advertiser|statesman|ledger|broadcasting|network)$/i;
/** A name's words: capitalised, or a joiner between capitalised ones ("Press and Journal", "News of the World"). */
const NAME = /^\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.&-]*|and|of|the|&))*$/u;

/**
 * The outlet a head line names, or undefined: the name before the date of "<Outlet>, <date>", or the name after the
 * writer's of "By <writer>, <Outlet>" (a date may follow), when it is a name of at most six words whose last is a
 * news word (`isKnown`, the outlet table, names the others: "BBC News", "Reuters"). A place, a person or a job title
 * ("By Jane Smith, Political Editor") is none.
 */
export function outletIn(line: string, isKnown: (name: string) => boolean): string | undefined {
  const parts = pieces(line.trim().replace(/[.;]$/, ''));
  const names = namesBeforeStamp(parts);
  const byline = BYLINE.test(parts[0] ?? '');
  const candidate = byline ? (names === 2 || (names < 0 && parts.length === 2) ? parts[1] : undefined) : names === 1 ? parts[0] : undefined;
  const name = candidate?.trim();
  if (name === undefined || !NAME.test(name) || name.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
  const last = name.split(/\s+/).pop() ?? '';
  return isKnown(name) || NEWS_WORD.test(last) ? name : undefined;
}

/** The outlet the head of `paragraphs` names (see {@link outletIn}), or undefined. */
export function headOutlet(paragraphs: readonly string[], isKnown: (name: string) => boolean): string | undefined {
  for (const line of headOf(paragraphs)) {
    const name = outletIn(line, isKnown);
    if (name !== undefined) return name;
  }
  return undefined;
}

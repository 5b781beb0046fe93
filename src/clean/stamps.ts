/**
 * Posting and updating stamps: the lines a page puts by an article to say when it was posted or changed, and by
 * whom or under which heading ("Updated 10:37 GMT", "Posted by Jane Doe on March 3, 2014 at 4:05 pm", "On behalf
 * of Smith & Co. posted in Car Accidents on Friday, September 20, 2013."). Each copy of a story has its own, so
 * one kept as news became a fact of its own, or a false day and date conflict with another outlet's stamp.
 */

/**
 * A word of a stamp's date or time: a number or a time ("26", "10:00", "2013-09-26", "21st", "41am"), a month or a
 * weekday, whole or in three or four letters (not any word that starts like one: "Jane", "Mark", "Sunny"), a.m. or
 * p.m. (whole, or split as re-joined tokens have it: "p. m."), a time zone with or without its offset
 * ("GMT+05:00"), a date's separator standing alone ("05 / 03 / 2013", "3 / 27 / 2012 @ 10: 05AM"), or a word that
 * introduces a time ("Updated", "Originally published", "Date", "on", "at").
 */
const STAMP_WORD =
  /^(?:\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:st|nd|rd|th|am|pm|h)?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?|[ap]\.?m\.?|[ap]\.|m\.|(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|aest|aedt|et|pt)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|[/.:@-]|updated|published|posted|filed|originally|last|modified|first|on|at|time|date)$/i;

/** A word that makes a line a posting stamp rather than a bare date, and lets a name or a heading follow. */
const POSTING = /^(?:updated|published|posted|filed|modified|behalf)$/i;

/** A word after which a stamp names someone or a heading: "by Jane Doe", "in Local News", "under Crime", "of Smith LLP". */
const INTRODUCER = /^(?:by|in|under|of)$/i;

/** A word inside a name or a heading that is not capitalised: "Hit and Run Accidents", "Smith & Jones", "Office of the Mayor". */
const JOINER = /^(?:and|&|of|the|for|de|van|von)$/i;

/** Words a page puts before "posted" or "updated": "Article posted on 08. 07. 2012". */
const SUBJECT = /^(?:article|story|page|post|entry)$/i;

/**
 * A date or a time in a stamp: a month by a number ("APR 28", "3 July"), "10 / 25 / 11", "2012. 08. 08", "06: 44",
 * or an hour with a.m., p.m. or a time zone ("2 A. M.", "10.37 GMT"). Numbers alone ("20 - 13.", a score) are none.
 */
const DATED =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d|\d(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d|\d\s*:\s*\d\d|\d\s*[ap]\.?\s*m\b|\d\s*(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|aest|aedt|et|pt)\b/i;

/** Longest name or heading a stamp gives, in words. */
const MAX_NAME_WORDS = 8;

/**
 * Longest line that can be a stamp, in characters: the longest of ECB+ dev has 107. Longer lines are not read
 * (the word-end trimming in {@link stampWords} takes time quadratic in a word of thousands of brackets).
 */
const MAX_STAMP_LENGTH = 400;

/** Longest line taken for a bare date and time (no posting word): longer runs of numbers are tables, not stamps. */
const MAX_BARE_WORDS = 12;

const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** A word with the brackets and separators at its ends taken off, and a final full stop after two characters. */
const bare = (word: string): string => word.replace(/^[([{|•·,;–—-]+|[)\]}|•·,;:–—]+$/g, '').replace(/(..)\.$/u, '$1');

/**
 * The words of `line` with brackets and separators taken off their ends ("(GMT+05:00)" → "GMT+05:00", "Posted:" →
 * "Posted", "Sanders," → "Sanders"); a final full stop too, except on a one-letter word ("R.", "p.", "m.").
 */
function stampWords(line: string): string[] {
  return line
    .split(/\s+/)
    .map(bare)
    .filter((w) => w !== '');
}


/** The first of {@link stampWords}, found without splitting the rest of the line. */
function firstWord(line: string): string {
  for (const m of line.matchAll(/\S+/g)) {
    const w = bare(m[0]);
    if (w !== '') return w;
  }
  return '';
}

/**
 * Where the name or heading that starts at `words[from]` ends (the index after its last word), or `from` when none
 * starts there: up to {@link MAX_NAME_WORDS} words, each capitalised ("Howard R. Sanders Esq", "LLP") or a
 * {@link JOINER} between capitalised ones ("Hit and Run Accidents", "Newman & Newman").
 */
function nameEnd(words: readonly string[], from: number): number {
  let end = from;
  for (let i = from; i < words.length && i - from < MAX_NAME_WORDS; i++) {
    const w = words[i] as string;
    if (capitalised(w) && !STAMP_WORD.test(w)) end = i + 1;
    else if (!JOINER.test(w)) break;
  }
  return end;
}

/**
 * Whether `line` is only a posting or updating stamp: every word a {@link STAMP_WORD}, or a name or heading after
 * "by", "in", "under" or "on behalf of" once a posting word ({@link POSTING}) has come; with a posting word, it
 * needs a number or a name ("Posted by Jane Doe"), and without one (a bare date and time) at least two words, at
 * most {@link MAX_BARE_WORDS}, and a {@link DATED} date or time. News that tells a time or an update has words of
 * its own ("The company updated its forecast on Monday.", "Published in 1998, the novel sold 2 million copies."),
 * and is kept. Spacing does not matter: "10 / 25 / 11 06: 44 PM ET" is a date and a time as much as "10/25/11
 * 06:44 PM ET".
 */
export function isStamp(line: string): boolean {
  if (line.length > MAX_STAMP_LENGTH) return false;
  // Most lines are news, and their first word is no stamp's ("The", "Police"): the rest need not be split.
  const first = firstWord(line);
  if (!STAMP_WORD.test(first) && !SUBJECT.test(first)) return false;
  const words = stampWords(line);
  if (words.length < 2) return false;
  let posting = false;
  let named = false;
  let i = SUBJECT.test(words[0] as string) && POSTING.test(words[1] as string) ? 1 : 0;
  while (i < words.length) {
    const w = words[i] as string;
    const lower = w.toLowerCase();
    if (POSTING.test(w)) posting = true;
    if (lower === 'behalf') {
      if (words[i + 1]?.toLowerCase() !== 'of') return false;
      i++;
      continue;
    }
    if (posting && INTRODUCER.test(w) && (lower !== 'of' || words[i - 1]?.toLowerCase() === 'behalf')) {
      const end = nameEnd(words, i + 1);
      named ||= end > i + 1;
      // "Published in March 2014": no name, and the words after must be a stamp's on their own.
      i = end > i + 1 ? end : i + 1;
      continue;
    }
    if (!STAMP_WORD.test(w)) return false;
    i++;
  }
  if (posting) return /\d/.test(line) || named;
  return words.length <= MAX_BARE_WORDS && DATED.test(line);
}

/**
 * A place and a date alone ("INDONESIA, July 2, 2013", "Washington, 3 March 2014"): a dateline left on its own line.
 */
const DATELINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2},\s+(.+)$/u;

/**
 * Whether `line` is a stamp ({@link isStamp}) or a dateline: what may stand above a headline, or by it past a dash,
 * and is not the headline. "10 on Sunday" (the end of "Jets win 24 - 10 on Sunday") is neither.
 */
export function isStampOrDateline(line: string): boolean {
  if (line.length > MAX_STAMP_LENGTH) return false;
  if (isStamp(line)) return true;
  const rest = DATELINE.exec(line)?.[1];
  return rest !== undefined && isStamp(rest);
}

/** The place of a dateline on a line of its own ("INDONESIA" of "INDONESIA, July 2, 2013"), undefined for any other line. */
export function datelinePlace(line: string): string | undefined {
  if (line.length > MAX_STAMP_LENGTH) return undefined;
  const m = DATELINE.exec(line);
  return m?.[1] !== undefined && isStamp(m[1]) ? line.slice(0, line.length - m[1].length) : undefined;
}

/** A stamp glued to the end of a headline in capitals: "… QUEENS DA SAYSSEPTEMBER 19, 2013". */
const GLUED = /(?<=\p{Lu}{2})(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+\d{1,2},?\s+\d{4}$/u;

/**
 * A dash or a bar between words: what parts a stamp from a headline on one line. One white space a side, the parts
 * trimmed: `\s+` on both sides took time quadratic in a long run of spaces (tried at each of them).
 */
const PARTING = /\s[-–—|]\s/g;

/**
 * A headline line parted from a stamp that stands before or after it past a dash or a bar ("27 / 09 / 2013 -
 * Turkmenistan to hold elections", "Storm hits coast | Updated March 3, 2014") or is glued to its end (see
 * {@link GLUED}). `stamp` is what was taken off, if anything.
 */
export function partHeadline(line: string): { headline: string; stamp?: string } {
  const glued = GLUED.exec(line);
  if (glued) return { headline: line.slice(0, glued.index).trim(), stamp: glued[0] };
  const partings = [...line.matchAll(PARTING)];
  const first = partings[0];
  const last = partings[partings.length - 1];
  if (first) {
    const stamp = line.slice(0, first.index).trim();
    if (isStampOrDateline(stamp)) return { headline: line.slice(first.index + first[0].length).trim(), stamp };
  }
  if (last) {
    const stamp = line.slice(last.index + last[0].length).trim();
    if (isStampOrDateline(stamp)) return { headline: line.slice(0, last.index).trim(), stamp };
  }
  return { headline: line };
}

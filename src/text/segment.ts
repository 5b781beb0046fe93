/**
 * Sentence segmentation for one paragraph of news English.
 *
 * One pass marks the quotations and brackets that open and close inside the paragraph; a second pass
 * walks the char codes and decides at each `.`, `?`, `!` or ellipsis that is followed by whitespace
 * whether a sentence ends there. Both passes are linear in the paragraph's length and use no regex.
 *
 * Approximate, by design:
 * - A dotted abbreviation (U.S., a.m.), a single capital initial, a company or state suffix
 *   (Inc., Calif.) ends a sentence only when the next word is in a short list of common sentence
 *   starters (The, He, But, In…); "in the U.S. Army" stays whole, "in the U.S. Police said" too.
 * - Titles (Mr., Gen.) never end a sentence; e.g./i.e./vs./approx. never do; No./Jan./Fig. not before a digit.
 * - A plain word followed by a lowercase word never ends a sentence ("the U.K. and", "rebels. the").
 * - Quotes and brackets are paired by context (an opener follows whitespace, a closer precedes it), so a
 *   stray mark is left unpaired and ordinary splitting applies. Single quotes count only when they look
 *   like quoting, not apostrophes; a possessive like `rebels’ gains` can still close one early.
 */

/** A sentence as a half-open range `[start, end)` of the paragraph. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const DQ = 0x22;
const SQ = 0x27;
const LDQ = 0x201c;
const RDQ = 0x201d;
const LSQ = 0x2018;
const RSQ = 0x2019;

/** Exactly JavaScript's `\s`: Unicode White_Space plus BOM (so NBSP and U+202F count). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase();
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

const isLetter = (c: number): boolean => isLower(c) || isUpper(c);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isQuote = (c: number): boolean => c === DQ || c === SQ || (c >= LSQ && c <= RDQ && c !== 0x201a);
const isDash = (c: number): boolean => c === 0x2d || (c >= 0x2012 && c <= 0x2015);
const isOpenBracket = (c: number): boolean => c === 0x28 || c === 0x5b || c === 0x7b;
const isCloser = (c: number): boolean => c === 0x29 || c === 0x5d || c === 0x7d || c === DQ || c === SQ ||
  c === RDQ || c === RSQ;
const isTerminator = (c: number): boolean => c === DOT || c === 0x3f || c === 0x21 || c === ELLIPSIS;
/** Punctuation that may sit between a word and a closing quote, or right after it. */
const isClausePunct = (c: number): boolean => c === DOT || c === 0x2c || c === 0x3b || c === 0x3a ||
  c === 0x3f || c === 0x21 || c === ELLIPSIS;

/** Left context of an opening quote (-1 is the start of the paragraph). */
const opensAfter = (c: number): boolean => c < 0 || isSpace(c) || isOpenBracket(c) || isDash(c) || isQuote(c);
/** Right context of a closing quote (-1 is the end of the paragraph). */
const closesBefore = (c: number): boolean => c < 0 || isSpace(c) || isClausePunct(c) || isCloser(c) ||
  isDash(c) || isQuote(c);

/** 1 for the ASCII marks {@link nestingDepth} looks at: ( ) [ ] " ' (beyond ASCII it looks at LSQ…RDQ only). */
const NESTING_MARK = new Uint8Array(0x80);
for (const c of '()[]"\'') NESTING_MARK[c.charCodeAt(0)] = 1;

/**
 * Depth of quotation/bracket nesting at every position (0 outside), or null when the paragraph has
 * no paired quotes or brackets. A pair marks the positions strictly between its two marks.
 * Double quotes (" “ ”) do not nest: an opener while one is open replaces it (the first was stray).
 * Single quotes (‘ ’ ') open only before a letter; a closer is strong when next to clause punctuation
 * (`won,’`), weak otherwise (`rebels’ gains`); the first weak closer is used only if no strong one
 * comes before the next opener.
 */
function nestingDepth(text: string): Int32Array | null {
  const n = text.length;
  const marks: number[] = [];
  const pair = (open: number, close: number): void => {
    if (close - open > 1) marks.push(open, close);
  };
  const parens: number[] = [];
  const squares: number[] = [];
  let dOpen = -1;
  let sOpen = -1;
  let sWeak = -1;
  const code = (i: number): number => (i >= 0 && i < n ? text.charCodeAt(i) : -1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Most code units are none of the ten marks below: ruled out at once.
    if (c < 0x80 ? NESTING_MARK[c] === 0 : c < LSQ || c > RDQ) continue;
    if (c === 0x28) parens.push(i);
    else if (c === 0x5b) squares.push(i);
    else if (c === 0x29) { const o = parens.pop(); if (o !== undefined) pair(o, i); }
    else if (c === 0x5d) { const o = squares.pop(); if (o !== undefined) pair(o, i); }
    else if (c === DQ || c === LDQ || c === RDQ) {
      const before = opensAfter(code(i - 1));
      const after = closesBefore(code(i + 1));
      // Context decides; when it cannot, the glyph does, and a straight quote toggles.
      const opens = before !== after ? before : c === LDQ || (c === DQ && dOpen < 0);
      if (opens) dOpen = i;
      else if (dOpen >= 0) { pair(dOpen, i); dOpen = -1; }
    } else if (c === SQ || c === LSQ || c === RSQ) {
      const prev = code(i - 1);
      const next = code(i + 1);
      if (c !== RSQ && opensAfter(prev) && next >= 0 && isLetter(next)) {
        if (sOpen >= 0 && sWeak >= 0) pair(sOpen, sWeak);
        sOpen = i;
        sWeak = -1;
      } else if (c !== LSQ && sOpen >= 0 && prev >= 0 && !isSpace(prev) && closesBefore(next)) {
        if (isClausePunct(prev) || (next >= 0 && isClausePunct(next))) { pair(sOpen, i); sOpen = -1; }
        else if (sWeak < 0) sWeak = i;
      }
    }
  }
  if (sOpen >= 0 && sWeak >= 0) pair(sOpen, sWeak);
  if (marks.length === 0) return null;
  const depth = new Int32Array(n + 1);
  for (let m = 0; m + 1 < marks.length; m += 2) {
    const open = marks[m] ?? 0;
    const close = marks[m + 1] ?? 0;
    depth[open + 1] = (depth[open + 1] ?? 0) + 1;
    depth[close] = (depth[close] ?? 0) - 1;
  }
  for (let i = 1; i <= n; i++) depth[i] = (depth[i] ?? 0) + (depth[i - 1] ?? 0);
  return depth;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));
/** Come before a name: never end a sentence. */
const TITLES = words('Mr Mrs Ms Messrs Dr Gen Lt Col Capt Cmdr Adm Maj Sgt Cpl Pvt Sen Sens Rep Reps Gov ' +
  'Pres Prof Rev Hon Mt Ft Supt Insp Det');
/** Never end a sentence (German too: "z. B.", "5 Mio. Euro"). */
const NEVER = words('vs v approx cf viz ca incl esp z Mio Mrd Tsd');
/** Do not end a sentence before a number (No. 5, Jan. 12, Fig. 3, Nr. 5). */
const NUMBERED = words('No Nos Art Vol Fig Figs Ch Sec p pp para Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct ' +
  'Nov Dec est Nr');
/**
 * German month names, written after a day with an ordinal dot ("12. März", "1. Oktober"): the dot ends no sentence
 * there. (Languages that write the month in lower case need no rule.) An English sentence rarely ends in a bare
 * day number with a month's name next.
 */
const MONTHS_AFTER_ORDINAL = words('Januar Jänner Februar März Maerz April Mai Juni Juli August September ' +
  'Oktober November Dezember');
/** Their abbreviations, which count only with their own dot ("27. Nov. 2026"): "Jan" alone is a first name. */
const MONTH_ABBRS_AFTER_ORDINAL = words('Jan Jän Feb Febr Mär Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez');
/** May end a sentence; only do so before a common sentence starter. */
const SUFFIXES = words('Inc Corp Ltd Co Cos Plc Bros Jr Sr St Ave Blvd Rd Dept Univ Assn al ' +
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb ' +
  'Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo');
/** Capitalised words that usually begin a sentence rather than continue a name. */
const STARTERS = words('The A An This That These Those There Then They Their Them He She It Its His Her ' +
  'We Our I You Your But And Or Nor So Yet Still In On At By For From Of To With Without Within After ' +
  'Before During Since Until While When Where Why How What Who Which If As Although Though Because ' +
  'However Meanwhile Moreover Also Earlier Later Last Next Now Some Many Most More Few Several All Both ' +
  'Each Every Another Other Others Despite According Asked Separately Instead Even Only Among Under Over ' +
  'About Such Here Thus Nothing Nobody Neither Not Do Does Did Is Are Was Were Has Have Had Will Would ' +
  'Can Could Should Yes');

/** A dotted abbreviation like U.S, a.m, Ph.D (trailing dot excluded): letter runs of 1–2 joined by dots. */
function isDotted(t: string): boolean {
  let run = 0;
  let dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === DOT) { if (run === 0) return false; run = 0; dots++; }
    else if (isLetter(c) && run < 2) run++;
    else return false;
  }
  return dots > 0 && run > 0;
}

/** A day of the month as digits (1–31): what an ordinal dot follows in "12. März". */
function isOrdinalDay(t: string): boolean {
  if (t.length === 0 || t.length > 2 || !isDigit(t.charCodeAt(0)) || !isDigit(t.charCodeAt(t.length - 1))) return false;
  const day = Number(t);
  return day >= 1 && day <= 31;
}

/** The letters of the word at `w` (at most 12). */
function wordAt(text: string, w: number): string {
  let e = w;
  while (e < text.length && e - w < 12 && isLetter(text.charCodeAt(e))) e++;
  return text.slice(w, e);
}

/** First index at or after `k` past up to 4 opening quotes or brackets. */
function wordStart(text: string, k: number): number {
  let w = k;
  while (w < text.length && w - k < 4) {
    const c = text.charCodeAt(w);
    if (!isQuote(c) && !isOpenBracket(c)) break;
    w++;
  }
  return w;
}

/** Whether the word at `w` is a sentence starter (a lone capital followed by `.` is an initial, not one). */
function startsSentence(text: string, w: number): boolean {
  const word = wordAt(text, w);
  if (word.length === 1 && text.charCodeAt(w + 1) === DOT) return false;
  return STARTERS.has(word);
}

/**
 * Whether the single `.` at `dot` ends a sentence, given the next word begins at `w` and is not
 * lowercase. Looks at the token before the dot (at most 32 chars back).
 */
function periodEnds(text: string, dot: number, w: number): boolean {
  const before = dot > 0 ? text.charCodeAt(dot - 1) : -1;
  if (before < 0 || isCloser(before)) return true;
  let s = dot;
  while (s > 0 && dot - s < 32) {
    const c = text.charCodeAt(s - 1);
    if (isSpace(c) || isQuote(c) || isOpenBracket(c) || isDash(c) || c === 0x2f) break;
    s--;
  }
  const token = text.slice(s, dot);
  const next = text.charCodeAt(w);
  if (token === 'e.g' || token === 'i.e' || TITLES.has(token) || NEVER.has(token)) return false;
  if (NUMBERED.has(token)) return !isDigit(next);
  if (isOrdinalDay(token) && MONTHS_AFTER_ORDINAL.has(wordAt(text, w))) return false;
  if (isOrdinalDay(token) && MONTH_ABBRS_AFTER_ORDINAL.has(wordAt(text, w)) && text.charCodeAt(w + wordAt(text, w).length) === DOT) return false;
  if ((token.length === 1 && isUpper(before)) || isDotted(token) || SUFFIXES.has(token)) {
    return startsSentence(text, w);
  }
  return true;
}

/**
 * Split one paragraph of news text into sentences. Spans index into `text`, are trimmed (no leading or
 * trailing whitespace), non-empty, in order and non-overlapping; every non-whitespace character of
 * `text` lies in exactly one span. A paragraph with no sentence end is one span; a blank one is none.
 * A sentence ends after its terminator and any closing quotes or brackets (`…with.”`), only where
 * whitespace follows and no quotation or bracket opened before it is still open.
 */
export function splitSentences(text: string): Span[] {
  const n = text.length;
  const depth = nestingDepth(text);
  const spans: Span[] = [];
  const push = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (from < to) spans.push({ start: from, end: to });
  };
  let start = 0;
  let i = 0;
  while (i < n) {
    if (!isTerminator(text.charCodeAt(i))) { i++; continue; }
    let j = i;
    let dots = 0;
    let ellipsis = false;
    let question = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === DOT) dots++;
      else if (c === ELLIPSIS) ellipsis = true;
      else if (c === 0x3f || c === 0x21) question = true;
      else break;
    }
    let e = j;
    while (e < n && isCloser(text.charCodeAt(e))) e++;
    if (e === n) break;
    if (!isSpace(text.charCodeAt(e)) || (depth !== null && (depth[e] ?? 0) > 0)) { i = e; continue; }
    let k = e + 1;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k === n) break;
    const w = wordStart(text, k);
    const next = w < n ? text.charCodeAt(w) : -1;
    let ends: boolean;
    if (question) ends = !isLower(next);
    else if (ellipsis || dots > 1) ends = isUpper(next);
    else ends = next !== DOT && next !== ELLIPSIS && !isLower(next) && w < n && periodEnds(text, i, w);
    if (ends) { push(start, e); start = k; }
    i = k;
  }
  push(start, n);
  return spans;
}

/**
 * Clean: editors' notes about an article itself, which are no news its outlet reports — notices ("This is a
 * developing story", "This story has been updated with …"), corrections ("CORRECTION: An earlier version of this
 * report said 41 homes were destroyed. The institute said 38.", Reuters' "(Corrects mayor's first name in paragraph 3
 * to Julio from Carlos)") and agency revision notes ("Adds new death toll in paragraphs 1 and 4", "Recasts with …",
 * "Updates with latest figures …", "Refiles to …"). Cleaning takes all three out of the facts; the report keeps an
 * article's corrections (see clean/sentences.ts). Pure functions of one line or sentence.
 */
import { REPORTED } from './reported.js';

export type EditorialNote = 'notice' | 'correction' | 'revision';

/**
 * Openings that make a line a correction whatever follows, a quotation and "said" too: the retracted words are
 * what a correction quotes ("An earlier version of this report said 41 …"). Labels in the report's languages.
 */
const CORRECTION_OPENING = [
  /^(editor['’]?s note\s*[:\-–—]\s*)?(correction|clarification|corrección|rectificación|fe de erratas|rectificatif|berichtigung|korrektur|correção|errata|erratum)s?\s*[:\-–—]/iu,
  /^(editor['’]?s note\s*[:\-–—]\s*)?an? (earlier|previous|prior|original) version of this (article|story|report|piece|post|item|page)\b/i,
  // "This version corrects …", "(Story corrects …)": not "Report corrects earlier undercount, the centre said" (news
  // of another report, review 27b).
  /^(\(\s*(this )?|this )(version|story|article|report) (corrects|fixes|clarifies)\b/i,
];

/** An editor's note about the article (with no quotation and no reported words: see {@link editorialNote}). */
const NOTICE = [
  /^(this|the) (article|story|report|piece|post|page) (was|has been|had been|is being|will be) (amended|updated|corrected|changed|revised|edited)\b/i,
  /^editor['’]?s note\s*[:\-–—]/i,
  /^this is a (developing|breaking|live|fast[- ]moving) (news )?(story|article|report)\b/i,
  /^our standards\s*:/i,
  /\btrust principles\.?$/i,
];

/** What makes a notice (or a revision note) a correction: "… amended … to correct …", "… gave the wrong …". */
const CORRECTING = /\b(correct(s|ed|ing|ion|ions)?|misstat\p{L}*|misspel\p{L}*|misidentif\p{L}*|misattribut\p{L}*|misquot\p{L}*|misreport\p{L}*|misnam\p{L}*|incorrect(ly)?|erroneous(ly)?|in error|wrong(ly)?|mistaken(ly)?|inaccura\p{L}*)\b/iu;

/**
 * An agency's revision note: a verb in the third person with no subject, what the version changed. In parentheses,
 * as Reuters prints them under the dateline, any of the verbs. Bare, "Recasts", "Refiles", "Corrects" and "Writes
 * through" on their own (only an editor starts a line so); the other verbs with an editor's word: one only an editor
 * writes ("paragraph", "dateline", "throughout") anywhere, "Adds new death toll … in paragraphs 1 and 4",
 * or a word of news too ("details", "quotes", "background", "lead", "headline") right after the verb and then no noun
 * of its own ("Adds background.", "Adds quotes from …", but not a bill's "Expands background checks …", "Removes
 * lead pipes …" or "Replaces the headline tax rate …"). The verbs that are also plural nouns ("Updates to the software …", "Changes to the law …") take
 * the editor's word, or "with", "throughout", "to add"…, right after them ("Updates with latest figures …").
 */
const VERB = 'adds|recasts|refiles|resends|corrects|removes|restores|clarifies|deletes|replaces|expands|reorders|withdraws|reissues|writes through|rewrites|updates|changes|fixes|repeats|inserts|tops|trims';
// Not "throughout" (a bill's "Expands background checks throughout the state", review 27b): it counts only right after an update verb.
const EDITORS_OWN = 'paragraphs?|paras?|grafs?|pars|dateline|byline|slug|typos?|write-?through';
const NEWS_TOO = '(new |more |further |latest |fresh |additional )?(details?|quotes?|comments?|background|context|figures|reaction|photos?|pictures?|graphics?|links?|lead|headline|spelling|no changes)(?=\\s*($|[,;.)]|(and|from|on|in|to|of|with|by|after|about)\\b))';
const ED = '^(eds?\\s*:\\s*)?';
const PARENTHESISED = new RegExp(`^\\(\\s*(eds?\\s*:\\s*)?(${VERB})\\b[^()]*\\)\\.?$`, 'i');
// Unbracketed "Corrects" needs an editor's word after it, as the verbs below: a bill's "Corrects a loophole …" is news.
const EDITORS_VERB = new RegExp(`${ED}(recasts|refiles|resends|writes through|reissues)\\b`, 'i');
const VERB_THEN_EDITORS_WORD = new RegExp(`${ED}(adds|corrects|removes|restores|clarifies|deletes|replaces|expands|reorders|withdraws)\\b(.*\\b(${EDITORS_OWN})\\b| ${NEWS_TOO})`, 'i');
// Not "moves" ("Moves to change the constitution have been blocked …", review 27b).
const NOUN_VERB_THEN_EDITORS_WORD = new RegExp(`${ED}(updates|changes|fixes|repeats|inserts|tops|trims|rewrites) (with|throughout|to (add|include|fix|correct|reflect|show|update|remove|clarify|restore|change)\\b|(new |latest )?(${EDITORS_OWN})\\b|${NEWS_TOO})`, 'i');

/** Longest line read as a note: a correction can be a paragraph; notices and revision notes are a line. */
/** A verb that makes "Updates with new details of the vote were published" a sentence whose subject is a plural noun, not an editor's note. */
const FINITE = /\b(is|are|was|were|has|have|had|will|would|could|can|may)\b/i;
const MAX_CORRECTION_LENGTH = 1000;
const MAX_NOTE_LENGTH = 600;
const MAX_REVISION_LENGTH = 400;

const isRevision = (line: string): boolean =>
  line.length <= MAX_REVISION_LENGTH && (PARENTHESISED.test(line) || EDITORS_VERB.test(line) || VERB_THEN_EDITORS_WORD.test(line) || (NOUN_VERB_THEN_EDITORS_WORD.test(line) && !FINITE.test(line)));

/**
 * Whether `line` (a paragraph, trimmed) is an editor's note, and which: a `correction` (it opens as one, or is a
 * notice or revision note that says what was wrong), a `revision` note, or another `notice`. `words`: its word
 * count, at most 41 (a notice or revision note has up to 40 words; a correction that opens as one may be longer).
 * A notice that quotes someone or reports what was said is news ("The report was amended on Tuesday to include the
 * crew's names, the coastguard said"); a correction opening and a revision verb are no one's words but an editor's.
 */
export function editorialNote(text: string, words: number): EditorialNote | undefined {
  // The Guardian sets its corrections off with a bullet: "• This article was amended on …".
  const line = text.charCodeAt(0) === 0x2022 ? text.slice(1).trimStart() : text;
  if (line.length <= MAX_CORRECTION_LENGTH && CORRECTION_OPENING.some((re) => re.test(line))) return 'correction';
  if (words > 40) return undefined;
  if (isRevision(line)) return CORRECTING.test(line) ? 'correction' : 'revision';
  if (line.length <= MAX_NOTE_LENGTH && NOTICE.some((re) => re.test(line)) && !REPORTED.test(line)) return CORRECTING.test(line) ? 'correction' : 'notice';
  return undefined;
}

/**
 * Whether a sentence inside a paragraph of news opens a correction that runs to the paragraph's end, as a feed's
 * description ends ("… killed 9 people. An earlier version of this story misstated the mayor's first name. He is
 * Julio Huamán, not Carlos Huamán."): a correction opening, "(Corrects …", or "This story has been corrected …".
 */
export function opensCorrection(sentence: string): boolean {
  // Run on every sentence: its first letter first (a third of the time of the rules, which most sentences fail).
  if (!OPENS.has(sentence.charCodeAt(0) | 32)) return false;
  return CORRECTION_OPENING.some((re) => re.test(sentence)) || /^\(\s*corrects\b/i.test(sentence) || /^this (article|story|report|piece|post) (was|has been) corrected\b/i.test(sentence);
}

/** The first letters of {@link opensCorrection}'s openings, lower case (and "(", which `| 32` leaves alone). */
const OPENS = new Set([...'abcefkrstv('].map((c) => c.charCodeAt(0)));

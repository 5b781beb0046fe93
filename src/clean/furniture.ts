/**
 * Clean: what a line of site furniture looks like on its own, and link text that stands for the rest of an
 * article ("Continue reading...", "Read more »"). A line that recurs across articles (boilerplate.ts) is dropped
 * only when it also looks like furniture: a short sentence that several outlets or stories share ("No injuries were
 * reported.", a wire sentence every local outlet works into its copy) is news, and recurring is not enough to tell
 * it from "Our correspondent contributed to this report." Pure functions of one line.
 */

/**
 * A call to act on the site, at the start: "Check back for updates.", "Download the WCVB app.", "Follow our live
 * coverage below." A verb alone could start news ("Tap water was cut off.", "Watch commanders met …"), so each has
 * its object.
 */
const CALL_TO_ACT = /^(please\s+)?(sign (up|in)|log ?in|subscribe|download (the|our|it|now)|(click|tap) (here|to|on|the)|watch (the|our|live|now|more|video)|listen (to|now|live)|read (the full|our|more)|stay (with us|tuned)|check back|register (now|here)|bookmark|learn more|don['’]t miss|never miss|join us|follow (us|@|the latest|live|along|our)|share (this|on|with)|contact us|e-?mail us|tell us|send us|write to us|visit (us|our|the website)|see (also|more))\b/i;

/**
 * The cues of furniture: the site talking about itself, its report, or to its reader. Each needs the line to have
 * no quotation and to report no one's words (see {@link looksLikeFurniture}).
 */
const FURNITURE = [
  // The reader addressed: "Get the latest headlines delivered to your inbox."
  /\b(you|your|yours|you['’](re|ll|ve|d))\b/i,
  CALL_TO_ACT,
  // The report itself or the outlet's own: "The Associated Press contributed to this report.", "Our newsroom is staffed …"
  /\b(this|the above) (report|story|article|post|page|video|site|website|content|material|newsletter|podcast|live blog|blog)\b/i,
  /\bour (correspondents?|reporters?|newsroom|newsletters?|site|website|app|journalism|coverage|readers|editors|partners|team|podcast|privacy|terms|cookie)\b/i,
  /\bcontributed( (reporting|research|to (this|the) (report|story)))?( from [^.!?]{1,60})?[.!]?$/i,
  // A byline biography: "Jane Doe is a staff reporter for the Herald.", "He covers politics for the Times."
  /\bis an? ([\p{L}-]+ )?(reporter|writer|correspondent|editor|journalist|producer|columnist|photographer)\b (for|at|with)\b/iu,
  /^([\p{Lu}][\p{L}'’.-]* ){0,3}covers [\p{L}, &]{1,60} for\b/u,
  // The web: links, addresses, handles, and what only a web page says.
  /https?:\/\/|\bwww\.|[\w.+-]+@[\w-]+\.[a-z]{2,}|(^|\s)@\w{2,}|\.(com|net|org|co\.uk)\b/i,
  /\b(newsletters?|subscribe|abonn\p{L}*|suscr[ií]b\p{L}*|javascript|inbox|app store|google play|privacy policy|terms of (service|use)|cookies? (policy|settings|preferences))\b/iu,
  /\b(for|with) (the latest|(live )?updates|breaking news|more (news|stories|coverage|updates|on this story))\b/i,
];

/** A quotation or reported words (as boilerplate.ts's REPORTED): a line that quotes someone is news, not the site speaking. */
const QUOTES = /["“”«»„]|\b(said|says|told|tells|according to)\b/i;

/**
 * Whether `line` (a short line that recurs across articles) reads as site furniture rather than news: it does not
 * end like a sentence (an unpunctuated line of 11–12 words; shorter ones are already headings), or it addresses the
 * reader, calls on them to act, speaks of the report or the outlet, is a byline biography, or holds a link, an
 * address or a web-page word, and quotes no one. English cues, and the web words of any language; approximate: a
 * sentence of news that speaks to "you" outside a quotation is taken for furniture when it recurs, and furniture
 * in another language that ends like a sentence is kept.
 */
export function looksLikeFurniture(line: string, endsLikeSentence: boolean): boolean {
  if (!endsLikeSentence) return true;
  const text = line.replace(/\s+/g, ' ').trim();
  return !QUOTES.test(text) && FURNITURE.some((re) => re.test(text));
}

/** Most words of a sentence that {@link callsToAct}: "Sign up for our newsletter to get the latest headlines every morning." */
const MAX_CALL_WORDS = 12;

/**
 * Whether a sentence, wherever it stands, is the site calling on its reader to act — a live blog's "Follow our live
 * coverage below.", "Check back for updates." — with at most {@link MAX_CALL_WORDS} words and no one's words
 * quoted or reported: furniture even when it recurs nowhere, so cleaning drops it as a promo (clean/sentences.ts).
 */
export function callsToAct(sentence: string): boolean {
  if (!CALL_TO_ACT.test(sentence) || QUOTES.test(sentence)) return false;
  let words = 0;
  for (const _ of sentence.matchAll(/\S+/g)) if (++words > MAX_CALL_WORDS) return false;
  return true;
}

/**
 * A sentence or paragraph that is nothing but the text of a link to the rest of the article, as RSS descriptions
 * end ("Continue reading...", "Read more »", "Full story →"): the words, then dots, an ellipsis, arrows or
 * guillemets, or nothing.
 */
const LINK_TEXT = /^[\s[(]*(continue reading|read more|read on|keep reading|full story|read the (full|whole|complete) (story|article|report)|read the rest( of (the|this) (story|article))?|more)[\s.…:»›>→)\]]*$/i;

/** Whether `text` is only {@link LINK_TEXT}. */
export const isLinkText = (text: string): boolean => text.length <= 60 && LINK_TEXT.test(text);

/**
 * Whether text on standard input that is neither JSON nor markup is a list of paths (`find … | dedupe -`) or an
 * article (`cat article.txt | dedupe -`). A list of paths is told by its lines:
 * - no line is longer than {@link LONGEST_PATH} characters (a paragraph is; a path seldom is);
 * - at least {@link PATH_SHARE} of its non-blank lines (of the first {@link LINES_LOOKED_AT}) count as paths: a line
 *   naming a file or folder that exists, one of at most {@link MOST_SPACES} spaces that holds a `/` or `\` or ends
 *   with a file ending (`story.html`, `a b.md`), or one of any spaces ending as a file dedupe reads does (`.txt`,
 *   `.html`, `.jsonl`…). A sentence ("The flood hit Dhaka on Monday.") is neither.
 * Anything else is read as one article. Approximate by nature: a one-line text such as "see example.com" reads as a
 * path (and is then reported missing); a list of paths none of which exists and with no `/` nor ending reads as text.
 */

/** A line longer than this (in UTF-16 code units) is taken for a paragraph, not a path. */
export const LONGEST_PATH = 1000;
/** The share of non-blank lines that must count as paths. */
export const PATH_SHARE = 0.8;
/** Lines looked at (each may be checked on disk): the first this many non-blank ones. */
export const LINES_LOOKED_AT = 1000;
/** A line with more spaces than this counts as a path only when it names a file that exists. */
export const MOST_SPACES = 3;

const SHAPED_LIKE_PATH = /[\\/]|\.[A-Za-z0-9]{1,10}$/;
/**
 * A line that ends with the ending of a file dedupe reads is a path whatever its spaces ("BBC News - Syria rebels
 * storm Damascus part 2.txt"): no sentence ends so.
 */
const ARTICLE_ENDING = /\.(?:txt|text|md|markdown|html?|xhtml|mhtml?|webarchive|json|jsonl|ndjson|xml|rss|atom|csv|tsv|warc|gz)$/i;

/** Whether one trimmed line counts as a path; `exists` is asked only when its shape does not tell. */
function countsAsPath(line: string, exists: (path: string) => boolean): boolean {
  if (line.length > LONGEST_PATH) return false;
  let spaces = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) spaces++;
  if ((spaces <= MOST_SPACES && SHAPED_LIKE_PATH.test(line)) || ARTICLE_ENDING.test(line)) return true;
  return exists(line);
}

/**
 * Whether `lines` (trimmed, non-blank) read as a list of paths (see the module comment). `exists`: whether a path
 * names a file or folder (relative to the working folder).
 */
export function isPathList(lines: readonly string[], exists: (path: string) => boolean): boolean {
  if (lines.length === 0) return false;
  if (lines.some((l) => l.length > LONGEST_PATH)) return false;
  const looked = lines.slice(0, LINES_LOOKED_AT);
  let paths = 0;
  for (const line of looked) if (countsAsPath(line, exists)) paths++;
  return paths >= looked.length * PATH_SHARE;
}

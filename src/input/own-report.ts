/**
 * dedupe's own reports, told by how they start, so that a report written into the folder it was made from
 * (`dedupe news/ -o news/report.html`, or `> news/report.json`) is not read back as an article by the next run.
 * Each format is told by what its renderer always writes first:
 * - JSON (`--json`, `dedupe eval --json`, `dedupe explain --json`) and NDJSON: an object whose first key is
 *   `"version"` (a number) and whose second is `"options"` (an object), `"story"` (an object whose first key is
 *   `"id"`, a story id `s1`), `"sweep"` (a string, then `"results"`, an array) or `"a"` (the explained article, an
 *   object whose first key is `"id"`). Only these shapes: a feed's records may well start with `"version"` and
 *   `"story"` (a headline), and must not be skipped;
 * - HTML: `<meta name="generator" content="dedupe">` in its head;
 * - Markdown: the heading `# dedupe report` and the summary line under it;
 * - the terminal view: its summary line, "2 articles from 2 sources · 1 story (1 with more than one article)";
 * - CSV: its header row, `story,story_title,story_articles,…` (render/csv.ts).
 * Only the start of the text is looked at (see {@link REPORT_HEAD}).
 */

/** Characters of a text's start looked at: the HTML report's generator line is within its first 400. */
export const REPORT_HEAD = 2048;

// Counts of thousands are grouped ("20,000 articles").
const N = String.raw`\d{1,3}(?:,\d{3})*`;
const SUMMARY = String.raw`${N} articles? from ${N} sources? ·\s+${N} stor(?:y|ies) \(${N} with more than one article\)`;

const KINDS: readonly { readonly name: string; readonly start: RegExp }[] = [
  { name: 'JSON', start: /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"options"\s*:\s*\{/ },
  { name: 'JSON', start: /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"story"\s*:\s*\{\s*"id"\s*:\s*"s\d+"/ },
  { name: 'JSON', start: /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"sweep"\s*:\s*"[^"]*"\s*,\s*"results"\s*:\s*\[/ },
  { name: 'JSON', start: /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"a"\s*:\s*\{\s*"id"\s*:/ },
  { name: 'HTML', start: /^\s*<!doctype html>[^]*?<meta name="generator" content="dedupe">/i },
  { name: 'Markdown', start: new RegExp(String.raw`^\s*# dedupe report\r?\n\s*${SUMMARY}`) },
  // The terminal view's summary (its colour codes are taken out first: FORCE_COLOR when it was redirected).
  { name: 'terminal text', start: new RegExp(String.raw`^\s*${SUMMARY}`) },
  { name: 'CSV', start: /^story,story_title,story_articles,story_sources,article,source,/ },
];

/** The reason a report is skipped, as messages and the report's list of skipped files give it. */
export const ownReportReason = (kind: string): string => `a dedupe report (${kind}), not an article: dedupe does not read its own reports`;

/** Whether a skip reason is {@link ownReportReason}'s. */
export const isOwnReportReason = (reason: string): boolean => /^a dedupe report \([\w ]+\), not an article/.test(reason);

/**
 * The format of the dedupe report `text` is (see the list above), or undefined when it is not one. A byte-order
 * mark before it is allowed; the terminal view's colour codes too.
 */
export function ownReportKind(text: string): string | undefined {
  const head = text.slice(0, REPORT_HEAD).replace(/^\uFEFF/, '').replace(/\x1b\[[\d;]*m/g, '');
  return KINDS.find((k) => k.start.test(head))?.name;
}

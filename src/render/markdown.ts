/**
 * The merged view as Markdown, for pasting into an issue tracker or a chat: a heading per story, its sources,
 * the facts × sources matrix as a table, then lists of shared facts, what each source adds and leaves out,
 * and conflicts with the disagreeing values in bold. Pure: `(report) → string`. Article text is escaped so
 * it cannot open links, images, HTML or table cells, and control characters are shown as `\xNN`.
 */
import { copyListing, copyNotes, copyNoteText, moreCopiesText } from './copy-notes.js';
import { correctionNotes } from './corrections.js';
import type { Conflict, Fact, Report, ReportArticle, Story, TextPiece } from '../types.js';
import { safeText } from './safe.js';
import { shorten } from './wrap.js';
import { factNumber, storyLabels, storyMatrix, TEASER_LEGEND, TEASER_MARK, type Cell } from './matrix.js';
import { alsoInNote, entryNote, latestNote, versionsNote, EXCERPT_NOTE, fullestNote, hiddenSectionsNotes, languageNote, sourceSections, wordings, partialCopyNote, sharedHeading, notableOmits, onlyHeading, noAddsLine, someHeading, sectionStories, unlistedOmitsNote, shownSources, skippedHeading, shownDate, storyDate, mixedOffsets, storyLine, storySections, summary, fileNamedNote, supersededHeading } from './sections.js';

/** Push many lines without spreading them as arguments (a story with tens of thousands of facts has more lines than a call can take). */
function append(out: string[], lines: readonly string[], ...more: string[]): void {
  for (const l of lines) out.push(l);
  for (const l of more) out.push(l);
}

const ROW_TEXT = 90;
const CELL: Readonly<Record<Cell, string>> = { reported: '✅', absent: '·', conflict: '⚠️' };

/**
 * Escape what would change the rendering of article text: emphasis, code, links and images (brackets),
 * inline HTML, table pipes, strikethrough, and `&` before an entity name. Only these, so the raw text stays
 * readable where a chat shows it unrendered. Newlines become spaces (a list item or table cell is one line).
 */
export function md(text: string): string {
  return inline(text).replace(/^([-=])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
}

/** {@link md} without the escapes a line start needs: for a piece of a line (a value looked for in its text). */
function inline(text: string): string {
  return safeText(text.replace(/\s+/g, ' '))
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/**
 * A file path as inline code that cannot be closed early by backticks in it. Its white space is not folded (a
 * line separator or a tab in a file name was shown as a space): control characters and separators are escaped
 * as the terminal view escapes them, so the name is shown as it is.
 */
function code(text: string): string {
  const t = safeText(text);
  const run = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(run + 1);
  return run > 0 ? `${fence} ${t} ${fence}` : `${fence}${t}${fence}`;
}

function mentionText(text: string, values: readonly string[] = []): string {
  let out = md(text);
  // A value inside the text is escaped as the text around it is: "5.00 a.m." is not a line start there.
  for (const v of [...new Set(values.map(inline))].filter((v) => v !== '').sort((a, b) => b.length - a.length)) {
    out = out.split(v).join(`**${v}**`);
  }
  return out;
}

function sourcesTable(story: Story, articles: ReadonlyMap<string, ReportArticle>, labels: ReadonlyMap<string, string>): string[] {
  const dated = story.articles.some((id) => articles.get(id)?.date);
  const lines = [`| | source | file |${dated ? ' date |' : ''}`, `| --- | --- | --- |${dated ? ' --- |' : ''}`];
  const notes = copyNotes(story, articles);
  const listing = copyListing(story);
  const mixed = mixedOffsets(story, articles);
  const corrections: string[] = [];
  for (const id of story.articles) {
    const listed = listing.get(id);
    if (listed?.kind === 'hidden') continue;
    if (listed) {
      lines.push(`| | ${moreCopiesText(listed.count, labels.get(listed.first) ?? '?')} | |${dated ? ' |' : ''}`);
      continue;
    }
    const a = articles.get(id);
    const copy = copyNoteText(notes.get(id), (w) => labels.get(w), true);
    const fullest = fullestNote(story, id, (t) => labels.get(t));
    const partial = partialCopyNote(story, id, (w) => labels.get(w));
    const language = languageNote(a);
    const versions = versionsNote(a);
    const note = `${language ? ` (${language})` : ''}${versions ? ` (${versions})` : ''}${a?.excerpt ? ` (${EXCERPT_NOTE})` : ''}${copy ? ` (${copy})` : ''}${partial ? ` (${partial})` : ''}${fullest ? ` (${fullest})` : ''}`;
    lines.push(`| **${labels.get(id) ?? '?'}** | ${md(a?.source ?? id)}${note} | ${code(a?.path ?? '').replace(/\|/g, '\\|')} |${dated ? ` ${md(a?.date ? storyDate(a.date, a.published, mixed) : '')} |` : ''}`);
    for (const n of correctionNotes(a)) corrections.push(`- **${labels.get(id) ?? '?'}** ${md(n)}`);
  }
  // Under the table (a note too long for its cell), one item a correction: "- **B** correction: An earlier version …".
  return corrections.length > 0 ? [...lines, '', ...corrections] : lines;
}

function matrixTable(story: Story, articles: ReadonlyMap<string, ReportArticle>): string[] {
  const m = storyMatrix(story, articles);
  // A teaser column's header is marked, and the mark explained in the legend (its gaps are no omissions).
  const teaser = m.columns.some((c) => c.teaser) ? `; ${md(`${TEASER_MARK} ${TEASER_LEGEND}`)}` : '';
  const lines = [
    `**Who reported what** (${CELL.reported} reported, ${CELL.absent} not reported, ${CELL.conflict} conflicting${teaser})`,
    '',
    `| # | fact | ${m.columns.map((c) => `${c.labels.join(', ')}${c.teaser ? md(TEASER_MARK) : ''}`).join(' | ')} |`,
    `| ---: | --- | ${m.columns.map(() => ':---:').join(' | ')} |`,
  ];
  for (const r of m.rows) lines.push(`| ${r.number} | ${md(shorten(r.text, ROW_TEXT))} | ${r.cells.map((c) => CELL[c]).join(' | ')} |`);
  return lines;
}

function factItem(f: Fact, labels: ReadonlyMap<string, string>, story: Pick<Story, 'facts'>): string[] {
  const [first, ...rest] = f.mentions;
  if (!first) return [];
  const also = alsoInNote(story, f, (article) => labels.get(article) ?? '?');
  const note = also ? [`  - *${md(also)}*`] : [];
  const when = entryNote(first).trim();
  if (rest.length === 0) return [`- **${factNumber(f.id)}** ${when === '' ? '' : `*${md(when)}:* `}${md(first.text)}`, ...note];
  const each = wordings(f.mentions, (article) => labels.get(article) ?? '?');
  return [`- **${factNumber(f.id)}**`, ...each.map(({ label, mention }) => `  - ${label}: ${md(mention.text)}`), ...note];
}

function conflictItem(c: Conflict, labels: ReadonlyMap<string, string>): string[] {
  const values = c.values.map((v) => v.value);
  const each = wordings(c.mentions, (article) => labels.get(article) ?? '?');
  const latest = latestNote(c, md);
  return [`- **${factNumber(c.fact)}** ${md(c.detail)}`, ...(latest === '' ? [] : [`  - *${latest}*`]), ...each.map(({ label, mention }) => `  - ${label}: ${mentionText(mention.text, values)}`)];
}

function list(title: string, items: readonly string[][], empty: string): string[] {
  return [`### ${title}`, '', ...(items.length === 0 ? [`_${empty}_`] : items.flat()), ''];
}

function renderStory(story: Story, articles: ReadonlyMap<string, ReportArticle>, matrix = true): string[] {
  const labels = storyLabels(story);
  const out = [`## ${story.id} · ${md(story.title || '(untitled)')}`, '', storyLine(story, md, mixedOffsets(story, articles)), ''];
  append(out, sourcesTable(story, articles, labels), '');
  if (story.sources.length < 2) {
    if (story.articles.length > 1) out.push('_All articles come from one source: nothing to compare._', '');
    return out;
  }
  if (matrix) append(out, matrixTable(story, articles), '');
  const s = storySections(story, articles);
  const tags = (ids: readonly string[]): string => ids.map((id) => labels.get(id) ?? '?').join(', ');
  append(out, list(sharedHeading(story, md), s.shared.map((f) => factItem(f, labels, story)), 'none'));
  if (s.some.length > 0) append(out, list(someHeading(s), s.some.map((f) => factItem(f, labels, story)), 'none'));
  // With two voices, what one adds is exactly what the other leaves out: said once, in the "Only" heading. Not so
  // for an excerpt's source, compared with its whole's voice too: what it cut is its own "leaves out" section.
  const two = s.voices === 2;
  const addSections = sourceSections(s.byVoice, (g) => g.adds.length);
  for (const g of addSections.shown) {
    if (g.adds.length === 0) continue;
    const label = (ids: readonly string[]): string[] => ids.map((id) => labels.get(id) ?? '?');
    const heading = onlyHeading(label(g.articles), md(g.source), label(g.copiedWith), g.adds.length, label(g.leaving), label(g.excerpts));
    append(out, list(heading, g.adds.map((f) => factItem(f, labels, story)), 'nothing'));
  }
  const noAdds = noAddsLine(addSections.shown.filter((g) => g.adds.length === 0), (id) => labels.get(id) ?? '?', md);
  if (noAdds !== '') out.push(`_${noAdds}_`, '');
  for (const note of hiddenSectionsNotes(addSections, 'source', 'report nothing no other source reports')) out.push(`_${md(note)}_`, '');
  if (s.superseded.length > 0) append(out, list(supersededHeading(s.superseded.length), s.superseded.map((f) => factItem(f, labels, story)), 'none'));
  if (!two || s.excerpting.size > 0) {
    const facts = new Map(story.facts.map((f) => [f.id, f]));
    const omitSections = sourceSections(two ? s.bySource.filter((g) => s.excerpting.has(g.source)) : s.bySource, (g) => notableOmits(g.omits).listed.length);
    for (const g of omitSections.shown) {
      if (g.omits.length === 0) continue;
      const cut = notableOmits(g.omits);
      const { listed, unlisted } = cut;
      const items = listed.map((o) => [`- **${factNumber(o.fact)}** ${md(shorten(facts.get(o.fact)?.mentions[0]?.text ?? '', ROW_TEXT))} (${o.reportedBy} of ${o.otherSources})`]);
      if (unlisted > 0) items.push([`- _${md(unlistedOmitsNote(cut))}_`]);
      append(out, list(`${tags(g.articles)} (${md(g.source)}) leaves out (${g.omits.length})`, items, 'nothing'));
    }
    for (const note of hiddenSectionsNotes(omitSections, 'source', 'leave out nothing a third of the others report')) out.push(`_${md(note)}_`, '');
  }
  append(out, list(`Conflicts (${story.conflicts.length})`, story.conflicts.map((c) => conflictItem(c, labels)), 'none found'));
  return out;
}

/*
 * The document is its lines joined by newlines, with the newlines at its end folded into one: the head's, each
 * story's of several articles, then the tail's. Written in pieces (renderMarkdownStream), every piece after the head
 * starts with the newline that joins it to the one before, and the newlines at the end of the last are folded.
 */

const headLines = (report: Report): string[] => {
  const named = fileNamedNote(report);
  return ['# dedupe report', '', md(summary(report)), '', ...(named === '' ? [] : [`_${md(named)}_`, ''])];
};

function tailLines(report: Report, articles: ReadonlyMap<string, ReportArticle>): string[] {
  const out: string[] = [];
  const singles = report.stories.filter((s) => s.articles.length === 1);
  if (singles.length > 0) {
    out.push(`## Stories with a single article (${singles.length.toLocaleString('en-US')})`, '');
    for (const s of singles) {
      const a = articles.get(s.articles[0] ?? '');
      out.push(`- ${s.id} · ${md(s.title)} — ${md(a?.source ?? '')}${a?.date ? `, ${md(shownDate(a.date, a.published))}` : ''}, ${code(a?.path ?? '')}`);
      for (const n of correctionNotes(a)) out.push(`  - ${md(n)}`);
    }
    out.push('');
  }
  const { rows, more, columns: cols, note } = shownSources(report);
  if (rows.length > 0) {
    out.push(`## Sources (${report.sources.length.toLocaleString('en-US')})`, '', `| source | ${cols.map(([head]) => head).join(' | ')} |`, `| --- |${' ---: |'.repeat(cols.length)}`);
    for (const r of rows) out.push(`| ${md(r.source)} | ${cols.map(([, key]) => r[key]).join(' | ')} |`);
    out.push('', ...(more > 0 ? [`… and ${more} more (all of them in \`--json\`).`, ''] : []), md(note), '');
  }
  if (report.skipped.length > 0) {
    out.push(`## ${skippedHeading(report.skipped)}`, '');
    append(out, report.skipped.map((d) => `- ${code(d.path)}: ${md(d.reason)}`), '');
  }
  // What was noticed in files that were read (invalid UTF-8, facts compared over part of a long file): the
  // terminal shows it on stderr as it happens; a saved report keeps it.
  if (report.warnings.length > 0) {
    out.push(`## Warnings (${report.warnings.length.toLocaleString('en-US')})`, '');
    append(out, report.warnings.map((d) => `- ${code(d.path)}: ${md(d.reason)}`), '');
  }
  return out;
}

/** The document's piece for a story of several articles (`articles`: the report entries of its articles; `matrix`: with its matrix, as without `--no-matrix`), made on any thread. */
export function markdownStoryText(story: Story, articles: readonly ReportArticle[], matrix = true): string {
  return `\n${renderStory(story, new Map(articles.map((a) => [a.id, a])), matrix).join('\n')}`;
}

/**
 * The document of `outline`, the texts of its stories of several articles ({@link markdownStoryText}, or their
 * UTF-8 bytes) taken from `stories` as they come: the newlines at the end of each piece are held back until the next
 * piece shows that the document goes on, and the document ends with one newline, as {@link renderMarkdown}'s does.
 */
export async function* renderMarkdownStream<P extends TextPiece>(outline: Report, stories: AsyncIterable<P>, after: () => Report = () => outline): AsyncGenerator<string | P> {
  let held = 0;
  function* emit(piece: string | P): Generator<string | P> {
    const ends = trailingNewlines(piece);
    const length = typeof piece === 'string' ? piece.length : piece.byteLength;
    if (ends === length) {
      held += ends;
      return;
    }
    if (held > 0) yield '\n'.repeat(held);
    held = ends;
    yield ends === 0 ? piece : typeof piece === 'string' ? piece.slice(0, length - ends) : (piece.subarray(0, length - ends) as P);
  }
  yield* emit(headLines(outline).join('\n'));
  for await (const story of stories) yield* emit(story);
  const tail = tailLines(after(), new Map(outline.articles.map((a) => [a.id, a])));
  if (tail.length > 0) yield* emit(`\n${tail.join('\n')}`);
  yield '\n';
}

/** How many newlines end `piece` (a string, or UTF-8 bytes). */
function trailingNewlines(piece: TextPiece): number {
  let n = 0;
  if (typeof piece === 'string') while (n < piece.length && piece.charCodeAt(piece.length - 1 - n) === 10) n++;
  else while (n < piece.length && piece[piece.length - 1 - n] === 10) n++;
  return n;
}

export function renderMarkdown(report: Report, options: { readonly matrix?: boolean } = {}): string {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  const out = headLines(report);
  for (const story of sectionStories(report)) append(out, renderStory(story, articles, options.matrix !== false));
  append(out, tailLines(report, articles));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

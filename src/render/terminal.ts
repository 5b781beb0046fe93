/**
 * The terminal view: per story, its sources, the facts every source reports, what each source adds and
 * leaves out, and where sources disagree. Pure: `(report, options) → string`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Conflict, Fact, Report, ReportArticle, Story, TextPiece } from '../types.js';
import { safeText } from './safe.js';
import { copyListing, copyNotes, copyNoteText, moreCopiesText } from './copy-notes.js';
import { correctionNotes } from './corrections.js';
import { shorten, stripAnsi, wrap } from './wrap.js';
import { columns, cutColumns, narrow, padColumns } from './columns.js';
import { factNumber, letter, storyLabels, storyMatrix } from './matrix.js';
import { matrixLines } from './terminal-matrix.js';
import { alsoInNote, latestNote, versionsNote, EXCERPT_NOTE, fullestNote, hiddenSectionsNotes, languageNote, sourceSections, wordings, partialCopyNote, sharedHeading, notableOmits, onlyHeading, noAddsLine, someHeading, sectionStories, storySections, unlistedOmitsNote, showsFacts, shownSources, skippedHeading, shownDate, storyDate, mixedOffsets, storyLine, summaryParts, fileNamedNote, supersededHeading } from './sections.js';

/** Push many lines without spreading them as arguments (a 1 MB hostile word wraps to more lines than a call can take). */
function append(out: string[], lines: readonly string[], ...more: string[]): void {
  for (const l of lines) out.push(l);
  for (const l of more) out.push(l);
}

export interface RenderOptions {
  readonly color: boolean;
  readonly width: number;
  /** Draw the facts × sources matrix of each multi-source story (terminal view; default on). */
  readonly matrix?: boolean;
}

interface Ctx {
  readonly c: ChalkInstance;
  readonly width: number;
  readonly matrix: boolean;
  readonly articles: ReadonlyMap<string, ReportArticle>;
}

export { letter };

/** Highlight the conflicting values inside a sentence. */
function highlight(text: string, values: readonly string[], ctx: Ctx): string {
  if (values.length === 0) return text; // most lines: a fact's mentions outside conflicts
  let out = text;
  for (const v of [...new Set(values)].sort((a, b) => b.length - a.length)) {
    if (v) out = out.split(v).join(ctx.c.bold.yellow(v));
  }
  return out;
}

/** The mentions of a fact, one per article, labelled with the article's letter; `head` starts the first line. */
function mentionLines(mentions: Fact['mentions'], labels: ReadonlyMap<string, string>, ctx: Ctx, head: string, values: readonly string[] = []): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(stripAnsi(head).length);
  wordings(mentions, (article) => labels.get(article) ?? '?').forEach(({ label: who, mention: m }, i) => {
    const label = `${who}: `;
    const first = (i === 0 ? head : pad) + label;
    const wrapped = wrap(safeText(m.text), ctx.width, pad + ' '.repeat(label.length), first);
    append(lines, wrapped.map((l) => highlight(l, values, ctx)));
  });
  return lines;
}

function renderFactLines(fact: Fact, labels: ReadonlyMap<string, string>, ctx: Ctx, marker: string, story?: Story): string[] {
  const head = `    ${marker}${factNumber(fact.id).padStart(3)} `;
  const lines = mentionLines(fact.mentions, labels, ctx, head);
  const also = story ? alsoInNote(story, fact, (article) => labels.get(article) ?? '?') : undefined;
  if (also) append(lines, wrap(also, ctx.width, ' '.repeat(stripAnsi(head).length + 2)).map((l) => ctx.c.dim(l)));
  return lines;
}


function sourceLine(story: Story, labels: ReadonlyMap<string, string>, ctx: Ctx): string[] {
  const lines: string[] = [];
  const notes = copyNotes(story, ctx.articles);
  const listing = copyListing(story);
  const mixed = mixedOffsets(story, ctx.articles);
  for (const id of story.articles) {
    const a = ctx.articles.get(id);
    if (!a) continue;
    const listed = listing.get(id);
    if (listed?.kind === 'hidden') continue;
    if (listed) {
      append(lines, wrap(moreCopiesText(listed.count, labels.get(listed.first) ?? '?'), ctx.width, '      ', '    ').map((l) => ctx.c.magenta(l)));
      continue;
    }
    const copied = copyNoteText(notes.get(id), (other) => labels.get(other));
    const copyNote = [languageNote(a), versionsNote(a), a.excerpt ? EXCERPT_NOTE : '', copied, partialCopyNote(story, id, (w) => labels.get(w)), fullestNote(story, id, (t) => labels.get(t))].filter((n) => n !== '').join('; ');
    const date = a.date ? ctx.c.dim(` ${safeText(storyDate(a.date, a.published, mixed))}`) : '';
    // Single spaces, as wrap() leaves them on the lines it breaks.
    const line = `${ctx.c.bold(labels.get(id) ?? '?')} ${safeText(a.source)}${date} ${ctx.c.dim(safeText(a.path))}`;
    // The note goes on the line when all of it fits the width, else on a line of its own, wrapped at the width
    // (only the path may run past it: 40 columns, so that it is not broken).
    if (copyNote !== '' && 4 + stripAnsi(line).length + 1 + copyNote.length <= ctx.width) append(lines, [`    ${line} ${ctx.c.magenta(copyNote)}`]);
    else {
      append(lines, wrap(line, ctx.width + 40, '      ', '    '));
      if (copyNote !== '') append(lines, wrap(copyNote, ctx.width, '      ').map((l) => ctx.c.magenta(l)));
    }
    // Its corrections, each on lines of its own under it: "B correction: An earlier version of this story …".
    for (const note of correctionNotes(a)) append(lines, wrap(`${labels.get(id) ?? '?'} ${safeText(note)}`, ctx.width, '        ', '      ').map((l) => ctx.c.yellow(l)));
  }
  return lines;
}

/** A section heading, wrapped at the width (a long source name can make one wider), each line underlined. */
function section(title: string, ctx: Ctx): string {
  return wrap(title, ctx.width, '  ', '  ')
    .map((l) => `  ${ctx.c.bold.underline(l.slice(2))}`)
    .join('\n');
}

function renderConflict(conflict: Conflict, labels: ReadonlyMap<string, string>, ctx: Ctx): string[] {
  const head = `    ${ctx.c.red('!')}${factNumber(conflict.fact).padStart(3)} `;
  const lines = wrap(safeText(conflict.detail), ctx.width, '         ', head).map((l) => ctx.c.red(l));
  const latest = latestNote(conflict, safeText);
  if (latest !== '') append(lines, wrap(latest, ctx.width, '         ', '         ').map((l) => ctx.c.dim(l)));
  append(lines, mentionLines(conflict.mentions, labels, ctx, '         ', conflict.values.map((v) => v.value)));
  return lines;
}

function renderStory(story: Story, ctx: Ctx): string[] {
  const labels = storyLabels(story);
  const out: string[] = [];
  append(out, wrap(ctx.c.bold.cyan(safeText(story.title || '(untitled)')), ctx.width, '    ', `${ctx.c.bold.cyan(story.id)}  `));
  out.push(`    ${storyLine(story, safeText, mixedOffsets(story, ctx.articles))}`);
  append(out, sourceLine(story, labels, ctx));
  if (story.articles.length === 1) return out;
  out.push('');
  if (!showsFacts(story)) {
    out.push(`    ${ctx.c.dim('All articles come from one source: nothing to compare.')}`);
    return out;
  }
  const facts = new Map(story.facts.map((f) => [f.id, f]));
  // What every source, some sources (voices: a copy group's sources counting once, facts/voices.ts) and each voice
  // alone report, worked out once a story.
  const sections = storySections(story, ctx.articles);
  if (ctx.matrix) append(out, matrixLines(storyMatrix(story, ctx.articles), ctx.c, ctx.width), '');
  const { shared, some } = sections;
  out.push(section(sharedHeading(story, safeText), ctx));
  if (shared.length === 0) out.push(`    ${ctx.c.dim('none')}`);
  for (const f of shared) append(out, renderFactLines(f, labels, ctx, ctx.c.green('='), story));

  if (some.length > 0) {
    out.push('', section(someHeading(sections), ctx));
    for (const f of some) append(out, renderFactLines(f, labels, ctx, ctx.c.cyan('~'), story));
  }

  // One section per voice (a copy group's sources share one); with two voices, what one adds is exactly what the
  // other leaves out: said once, in the "Only" heading, and no "leaves out" sections but an excerpt's source's
  // (compared with its whole's voice too: what it cut).
  const twoVoices = sections.voices === 2;
  const addSections = sourceSections(sections.byVoice, (g) => g.adds.length);
  for (const g of addSections.shown) {
    if (g.adds.length === 0) continue;
    const label = (ids: readonly string[]): string[] => ids.map((id) => labels.get(id) ?? '?');
    out.push('', section(onlyHeading(label(g.articles), safeText(g.source), label(g.copiedWith), g.adds.length, label(g.leaving), label(g.excerpts)), ctx));
    for (const f of g.adds) append(out, renderFactLines(f, labels, ctx, ctx.c.blue('+'), story));
  }
  const noAdds = noAddsLine(addSections.shown.filter((g) => g.adds.length === 0), (id) => labels.get(id) ?? '?', safeText);
  if (noAdds !== '') append(out, ['', ...wrap(noAdds, ctx.width, '    ', '  ').map((l) => ctx.c.dim(l))]);
  for (const note of hiddenSectionsNotes(addSections, 'source', 'report nothing no other source reports')) append(out, ['', ...wrap(note, ctx.width, '    ', '  ').map((l) => ctx.c.dim(l))]);
  if (sections.superseded.length > 0) {
    out.push('', section(supersededHeading(sections.superseded.length), ctx));
    for (const f of sections.superseded) append(out, renderFactLines(f, labels, ctx, ctx.c.dim('^'), story));
  }

  if (!twoVoices || sections.excerpting.size > 0) {
    // A section counts for what it lists: past 40 articles, most omits are facts under a third of the others report.
    const listed = twoVoices ? story.coverage.filter((cov) => sections.excerpting.has(cov.source)) : story.coverage;
    const omitSections = sourceSections(listed, (cov) => notableOmits(cov.omits).listed.length);
    for (const cov of omitSections.shown) {
      if (cov.omits.length === 0) continue;
      out.push('', section(`${labels.get(cov.article)} (${safeText(cov.source)}) leaves out (${cov.omits.length})`, ctx));
      const cut = notableOmits(cov.omits);
      const { listed, unlisted } = cut;
      for (const o of listed) {
        const f = facts.get(o.fact);
        const text = shorten(safeText(f?.mentions[0]?.text ?? ''), Math.max(20, ctx.width - 26));
        out.push(`    ${ctx.c.red('-')}${factNumber(o.fact).padStart(3)} ${text} ${ctx.c.dim(`(${o.reportedBy} of ${o.otherSources})`)}`);
      }
      if (unlisted > 0) append(out, wrap(unlistedOmitsNote(cut), ctx.width, '      ', '    ').map((l) => ctx.c.dim(l)));
    }
    for (const note of hiddenSectionsNotes(omitSections, 'article', 'leave out nothing a third of the others report')) append(out, ['', ...wrap(note, ctx.width, '    ', '  ').map((l) => ctx.c.dim(l))]);
  }

  out.push('', section(`Conflicts (${story.conflicts.length})`, ctx));
  if (story.conflicts.length === 0) out.push(`    ${ctx.c.dim('none found')}`);
  for (const conflict of story.conflicts) append(out, renderConflict(conflict, labels, ctx));
  return out;
}

/** Without colour and with it: made once, not once a story. */
const CHALKS = [new Chalk({ level: 0 }), new Chalk({ level: 1 })] as const;

function contextOf(articles: readonly ReportArticle[], options: RenderOptions): Ctx {
  const c = CHALKS[options.color ? 1 : 0];
  return { c, width: Math.max(40, options.width), matrix: options.matrix !== false, articles: new Map(articles.map((a) => [a.id, a])) };
}

/*
 * The view is its lines joined by newlines: the head's, then each story's with more than one article (its own
 * lines and a blank one), then the tail's. Written in pieces (see renderTerminalStream), every piece but the head's
 * starts with the newline that joins it to the one before, so the pieces join to exactly the whole view.
 */

/**
 * The summary and a blank line. The summary is one line if it fits the width, else it is broken between its
 * parts (each line but the last ends with the separator), never inside one: a part wider than the width (at
 * 40 columns, "12,345 stories (678 with more than one article)") is a line of its own.
 */
function headLines(report: Report, ctx: Ctx): string[] {
  const lines: string[] = [];
  const parts = summaryParts(report);
  let line = '';
  for (const [i, part] of parts.entries()) {
    // Room for the " ·" that ends the line if a part follows.
    const end = i === parts.length - 1 ? 0 : 2;
    if (line === '') line = part;
    else if (line.length + 3 + part.length + end <= ctx.width) line += ` · ${part}`;
    else {
      lines.push(`${line} ·`);
      line = part;
    }
  }
  lines.push(line);
  const named = fileNamedNote(report);
  return [...lines.map((l) => ctx.c.bold(l)), '', ...(named === '' ? [] : [...wrap(named, ctx.width, '').map((l) => ctx.c.dim(l)), ''])];
}

/** The sources side by side: a row each, the name cut to what the width leaves; none below three sources. */
function sourceLines(report: Report, ctx: Ctx): string[] {
  const { rows, more, columns: cols, note } = shownSources(report);
  if (rows.length === 0) return [];
  const { c } = ctx;
  const widths = cols.map(([head, key]) => Math.max(head.length, ...rows.map((r) => String(r[key]).length)));
  const numbers = widths.reduce((n, w) => n + w + 2, 0);
  // Measured in columns: a name in Chinese or Japanese takes two a character.
  const nameWidth = Math.max(12, Math.min(40, ctx.width - 2 - numbers, Math.max(6, ...rows.map((r) => columns(safeText(r.source))))));
  const line = (name: string, cells: readonly string[]): string => `  ${padColumns(name, nameWidth)}${cells.map((cell, k) => `  ${cell.padStart(widths[k] ?? 0)}`).join('')}`;
  const out = [c.bold(`Sources (${report.sources.length.toLocaleString('en-US')})`), c.dim(line('source', cols.map(([head]) => head)))];
  for (const r of rows) {
    const name = safeText(r.source);
    out.push(line(narrow(name) ? shorten(name, nameWidth) : cutColumns(name, nameWidth), cols.map(([, key]) => String(r[key]))));
  }
  if (more > 0) out.push(c.dim(`  … and ${more} more (all of them in --json)`));
  append(out, wrap(c.dim(note), ctx.width, '  ', '  '), '');
  return out;
}

/** The stories of one article (a line each), the sources side by side, the skipped files and the warnings; none when there are none of them. */
function tailLines(report: Report, options: RenderOptions, ctx: Ctx): string[] {
  const { c } = ctx;
  const out: string[] = [];
  const singles = report.stories.filter((s) => s.articles.length === 1);
  if (singles.length > 0) {
    out.push(c.bold(`Stories with a single article (${singles.length.toLocaleString('en-US')})`));
    for (const s of singles) {
      const a = ctx.articles.get(s.articles[0] ?? '');
      const date = a?.date ? `, ${safeText(shownDate(a.date, a.published))}` : '';
      append(out, wrap(`${safeText(s.title)} ${c.dim(`— ${safeText(a?.source ?? '')}${date}, ${safeText(a?.path ?? '')}`)}`, options.width + 20, '      ', `  ${c.dim(s.id)}  `));
      for (const note of correctionNotes(a)) append(out, wrap(safeText(note), options.width, '        ', '      ').map((l) => c.yellow(l)));
    }
    out.push('');
  }
  append(out, sourceLines(report, ctx));
  if (report.skipped.length > 0) {
    out.push(c.bold(skippedHeading(report.skipped)));
    for (const d of report.skipped) out.push(`  ${safeText(d.path)}: ${safeText(d.reason)}`);
    out.push('');
  }
  // As in the Markdown and HTML views: files read, but with a caveat (kept text cut short, a doubtful encoding).
  if (report.warnings.length > 0) {
    out.push(c.bold(`Warnings (${report.warnings.length.toLocaleString('en-US')})`));
    for (const d of report.warnings) out.push(`  ${safeText(d.path)}: ${safeText(d.reason)}`);
    out.push('');
  }
  return out;
}

/**
 * The piece of the view for one story of {@link sectionStories}, with its leading newline; `articles`: the report
 * entries of the story's articles (all the view reads of the others). Made on any thread.
 */
export function terminalStoryText(story: Story, articles: readonly ReportArticle[], options: RenderOptions): string {
  return `\n${renderStory(story, contextOf(articles, options)).join('\n')}\n`;
}

/**
 * The view of `outline` in pieces, the texts of its {@link sectionStories} (each {@link terminalStoryText}, or its
 * UTF-8 bytes) taken from `stories` as they come: the same text as {@link renderTerminal} of the report with those
 * stories' facts.
 */
export async function* renderTerminalStream<P extends TextPiece>(outline: Report, stories: AsyncIterable<P>, options: RenderOptions, after: () => Report = () => outline): AsyncGenerator<string | P> {
  const ctx = contextOf(outline.articles, options);
  yield headLines(outline, ctx).join('\n');
  yield* stories;
  const tail = tailLines(after(), options, ctx);
  if (tail.length > 0) yield `\n${tail.join('\n')}`;
}

export function renderTerminal(report: Report, options: RenderOptions): string {
  const ctx = contextOf(report.articles, options);
  const out = headLines(report, ctx);
  for (const story of sectionStories(report)) append(out, renderStory(story, ctx), '');
  append(out, tailLines(report, options, ctx));
  return out.join('\n');
}

/**
 * The merged view as one self-contained HTML page (`--format html`): inline CSS, no scripts, no network.
 * Per story: its sources, the facts × sources matrix, conflicting statements side by side with the
 * disagreeing values marked, and each source's text with the facts only it reports and its conflicting
 * sentences highlighted. Pure: `(report) → string`. Article text is escaped, so it cannot inject markup.
 *
 * A source's text is rebuilt from the report: its kept sentences in order (every kept sentence is a mention
 * of some fact). Paragraph breaks and dropped boilerplate lines are not shown.
 */
import { copyListing, copyNotes, copyNoteText, moreCopiesText } from './copy-notes.js';
import { correctionNotes } from './corrections.js';
import type { Conflict, Diagnostic, Mention, Report, ReportArticle, Story, TextPiece } from '../types.js';
import { CELL_WORDS, factNumber, storyLabels, storyMatrix, TEASER_LEGEND, TEASER_MARK } from './matrix.js';
import { CSP, CSS, esc } from './html-style.js';
import { entryNote, EXCERPT_NOTE, fullestNote, languageNote, latestNote, versionsNote, MAX_SOURCE_SECTIONS, partialCopyNote, plural, sectionStories, shownSources, skippedHeading, shownDate, storyDate, mixedOffsets, storyLine, storySections, summary, fileNamedNote } from './sections.js';
import { shorten } from './wrap.js';
import { tellingArticles } from '../report/telling.js';
import { reportVoices } from '../facts/voices.js';

type Articles = ReadonlyMap<string, ReportArticle>;
const SYMBOL = { reported: '●', absent: '○', conflict: '!' } as const;

/** Escape `text`, wrapping every occurrence of one of `values` in `<mark class="value">`. */
export function marked(text: string, values: readonly string[]): string {
  const vs = [...new Set(values)].filter((v) => v !== '').sort((a, b) => b.length - a.length);
  if (vs.length === 0) return esc(text);
  const re = new RegExp(`(${vs.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text
    .split(re)
    .map((part, i) => (i % 2 === 1 ? `<mark class="value">${esc(part)}</mark>` : esc(part)))
    .join('');
}

/**
 * The title (shown on hover) of an article's date: as written, and, when the view shows the time in an offset of
 * its own (sections.ts `shownDate`), the same time in UTC too, so that dates of several offsets can be compared.
 */
function dateTitle(date: string, published: string | undefined): string {
  const shown = shownDate(date, published);
  const utc = published?.endsWith('Z') ? shownDate(published, published) : undefined;
  return utc !== undefined && shown !== utc ? `${date} (${utc})` : date;
}

function sourcesTable(story: Story, articles: Articles, labels: ReadonlyMap<string, string>): string {
  const dated = story.articles.some((id) => articles.get(id)?.date);
  const copies = copyNotes(story, articles);
  const listing = copyListing(story);
  const mixed = mixedOffsets(story, articles);
  const rows = story.articles.map((id) => {
    const listed = listing.get(id);
    if (listed?.kind === 'hidden') return '';
    if (listed) return `<tr><th scope="row"></th><td colspan="${dated ? 3 : 2}" class="muted">${esc(moreCopiesText(listed.count, labels.get(listed.first) ?? '?'))}</td></tr>`;
    const a = articles.get(id);
    const copy = copyNoteText(copies.get(id), (w) => { const l = labels.get(w); return l === undefined ? undefined : esc(l); });
    const notes = [languageNote(a), versionsNote(a), a?.excerpt ? EXCERPT_NOTE : '', copy, partialCopyNote(story, id, (w) => { const l = labels.get(w); return l === undefined ? undefined : esc(l); }), fullestNote(story, id, (t) => { const l = labels.get(t); return l === undefined ? undefined : esc(l); })].filter((n) => n !== '');
    const note = notes.length > 0 ? ` <span class="muted">${notes.join('; ')}</span>` : '';
    return `<tr><th scope="row">${esc(labels.get(id) ?? '?')}</th><td>${esc(a?.source ?? id)}${note}</td><td><code>${esc(a?.path ?? '')}</code></td>${dated ? `<td>${a?.date ? `<time datetime="${esc(a.published ?? a.date)}" title="${esc(dateTitle(a.date, a.published))}">${esc(storyDate(a.date, a.published, mixed))}</time>` : ''}</td>` : ''}</tr>`;
  });
  // Under the table, one item a correction: "B correction: An earlier version …".
  const corrections = story.articles.flatMap((id) => (listing.has(id) ? [] : correctionNotes(articles.get(id)).map((n) => `<li><strong>${esc(labels.get(id) ?? '?')}</strong> ${esc(n)}</li>`)));
  const list = corrections.length > 0 ? `<ul class="corrections">${corrections.join('')}</ul>` : '';
  return `<table class="sources"><thead><tr><th></th><th>source</th><th>file</th>${dated ? '<th>date</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>${list}`;
}

function matrixTable(story: Story, articles: Articles): string {
  const whole = storyMatrix(story, articles);
  // Past 40 sources, the first 40 columns: 2,000 columns of one wire story made a page of 20 MB no one could read.
  const cut = Math.max(0, whole.columns.length - MAX_SOURCE_SECTIONS);
  const m = cut === 0 ? whole : { columns: whole.columns.slice(0, MAX_SOURCE_SECTIONS), rows: whole.rows.map((r) => ({ ...r, cells: r.cells.slice(0, MAX_SOURCE_SECTIONS) })) };
  const more = cut > 0 ? `<p class="muted">${esc(`${plural(cut, 'more source')} not shown (the JSON report has every source's facts)`)}</p>` : '';
  const heads = m.columns.map((c) =>
    c.teaser
      ? `<th scope="col" class="col teaser" title="${esc(`${c.source} (teaser only)`)}">${esc(c.labels.join(', '))}<span class="teaser-mark">${TEASER_MARK}</span></th>`
      : `<th scope="col" class="col" title="${esc(c.source)}">${esc(c.labels.join(', '))}</th>`,
  );
  const rows = m.rows.map((r) => {
    const cells = r.cells.map((c, i) => {
      // A teaser's gap is no omission: its cell says so to a screen reader and on hover.
      const words = c === 'absent' && m.columns[i]?.teaser ? `${CELL_WORDS[c]} (teaser only)` : CELL_WORDS[c];
      return `<td class="cell ${c}" title="${esc(`${m.columns[i]?.source ?? ''}: ${words}`)}" aria-label="${words}">${SYMBOL[c]}</td>`;
    });
    return `<tr data-fact="${esc(r.fact)}"><td class="num">${esc(r.number)}</td><td class="fact" title="${esc(r.text)}">${esc(shorten(r.text, 110))}</td>${cells.join('')}</tr>`;
  });
  const teaser = m.columns.some((c) => c.teaser) ? [`<span>${esc(`${TEASER_MARK} ${TEASER_LEGEND}`)}</span>`] : [];
  const legend = [...(['reported', 'absent', 'conflict'] as const).map((c) => `<span>${SYMBOL[c]} ${CELL_WORDS[c]}</span>`), ...teaser].join('');
  return `<h3>Who reported what</h3><p class="legend muted">${legend}</p><table class="matrix"><thead><tr><th scope="col">#</th><th scope="col">fact</th>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

/** ` lang="de"` for text in an article's language other than English (the page is `lang="en"`): for translation, screen readers and hyphenation. */
const langAttr = (language: string | undefined): string => (language === undefined ? '' : ` lang="${esc(language)}"`);

function conflictBlock(c: Conflict, labels: ReadonlyMap<string, string>, articles: Articles): string {
  const values = c.values.map((v) => v.value);
  const quotes = c.mentions.map((m) => {
    const who = `${labels.get(m.article) ?? '?'}${entryNote(m)} · ${articles.get(m.article)?.source ?? ''}`;
    return `<blockquote${langAttr(articles.get(m.article)?.language)}><cite>${esc(who)}</cite>${marked(m.text, values)}</blockquote>`;
  });
  const latest = latestNote(c, esc);
  const note = latest === '' ? '' : `<p class="muted">${latest}</p>`;
  return `<div class="disagreement" data-fact="${esc(c.fact)}"><p class="detail">Fact ${esc(factNumber(c.fact))} · ${esc(c.detail)}</p>${note}<div class="side-by-side">${quotes.join('')}</div></div>`;
}

function sourceTexts(story: Story, articles: Articles, labels: ReadonlyMap<string, string>): string {
  const sourceOf = (id: string): string => articles.get(id)?.source ?? id;
  // Unique to its voice: this source, or it and the sources that carry the same text (facts/voices.ts).
  const voices = reportVoices(story, sourceOf).of;
  const groups = new Map(storySections(story, articles).bySource.map((g) => [g.source, g]));
  // A source that excerpts another's is not in a voice with its whole here: its own are its adds (facts/voices.ts).
  const excerptAdds = new Map([...groups.values()].filter((g) => g.excerpts).map((g) => [g.source, new Set(g.adds.map((f) => f.id))]));
  // Voices with an excerpt in them: their "copies" are near-duplicates and excerpts.
  const cutVoices = new Set(story.articles.filter((id) => excerptAdds.has(sourceOf(id))).map((id) => voices.get(id) ?? id));
  const sentences = new Map<string, { m: Mention; fact: string; unique: boolean }[]>();
  for (const f of story.facts) {
    const unique = new Set(tellingArticles(f).map((id) => voices.get(id) ?? id)).size === 1;
    for (const m of f.mentions) {
      const own = excerptAdds.get(sourceOf(m.article));
      sentences.set(m.article, [...(sentences.get(m.article) ?? []), { m, fact: f.id, unique: own ? own.has(f.id) : unique }]);
    }
  }
  const conflictValues = new Map<string, string[]>();
  for (const c of story.conflicts) {
    for (const m of c.mentions) conflictValues.set(`${m.article}:${m.sentence}`, [...(conflictValues.get(`${m.article}:${m.sentence}`) ?? []), ...c.values.map((v) => v.value)]);
  }
  const shown = story.articles.slice(0, MAX_SOURCE_SECTIONS);
  const blocks = shown.map((id) => {
    const g = groups.get(sourceOf(id));
    const list = [...(sentences.get(id) ?? [])].sort((x, y) => x.m.sentence - y.m.sentence);
    const spans = list.map(({ m, fact, unique }) => {
      const values = conflictValues.get(`${id}:${m.sentence}`);
      const cls = values ? 'conflicting' : unique ? 'unique' : 'shared';
      return `<span class="s ${cls}" data-fact="${esc(fact)}"><sup>${esc(factNumber(fact))}</sup>${values ? marked(m.text, values) : esc(m.text)}</span>`;
    });
    const omits = articles.get(id)?.excerpt ? EXCERPT_NOTE : `leaves out ${plural(g?.omits.length ?? 0, 'fact')}`;
    const only = g?.copied === true && !g.excerpts ? `only this source and its ${cutVoices.has(voices.get(id) ?? id) ? 'copies' : 'near-duplicates'}` : 'only this source';
    const counts = g ? `<p class="muted">${only}: ${plural(g.adds.length, 'fact')} · ${omits}</p>` : '';
    return `<article class="source-text" data-article="${esc(id)}"${langAttr(articles.get(id)?.language)}><h4>${esc(labels.get(id) ?? '?')} · ${esc(sourceOf(id))}</h4>${counts}<p>${spans.join(' ')}</p></article>`;
  });
  const copied = [...groups.values()].some((g) => g.copied && !g.excerpts);
  const legend = `<p class="legend muted"><span><span class="swatch" style="background:var(--unique)"></span>reported only by this source${copied ? ` (or its ${cutVoices.size > 0 ? 'copies' : 'near-duplicates'})` : ''}</span><span><span class="swatch" style="background:var(--conflict)"></span>conflicts with another source</span><span>small numbers: fact numbers, as in the matrix</span></p>`;
  const cut = story.articles.length - shown.length;
  const more = cut > 0 ? `<p class="muted">${esc(`${plural(cut, 'more article')} not shown (the JSON report has every article's sentences as facts' mentions)`)}</p>` : '';
  return `<h3>Each source's text</h3>${legend}<div class="texts">${blocks.join('')}</div>${more}`;
}

function storySection(story: Story, articles: Articles, matrix = true): string {
  const labels = storyLabels(story);
  const head = `<h2 id="${esc(story.id)}-title"><span class="story-id">${esc(story.id)}</span>${esc(story.title || '(untitled)')}</h2>`;
  const parts = [head, `<p class="meta">${storyLine(story, esc, mixedOffsets(story, articles))}</p>`, sourcesTable(story, articles, labels)];
  if (story.sources.length < 2) parts.push('<p class="muted">All articles come from one source: nothing to compare.</p>');
  else {
    if (matrix) parts.push(matrixTable(story, articles));
    parts.push(`<h3>Conflicts (${story.conflicts.length})</h3>`);
    parts.push(story.conflicts.length === 0 ? '<p class="muted">none found</p>' : story.conflicts.map((c) => conflictBlock(c, labels, articles)).join(''));
    parts.push(sourceTexts(story, articles, labels));
  }
  return `<section class="story" id="${esc(story.id)}" aria-labelledby="${esc(story.id)}-title">${parts.join('\n')}</section>`;
}

/*
 * The page is its head (through the header and the list of stories), each story's section, then the list of
 * stories of one article, the skipped files and the end of the page; every piece after the head starts with the
 * newline that joins it to the one before. Written in pieces (renderHtmlStream), they join to exactly the whole page.
 */

function pageHead(report: Report): string {
  const multi = sectionStories(report);
  const named = fileNamedNote(report);
  const body: string[] = [`<header><h1>dedupe report</h1><p class="summary">${esc(summary(report))}</p>${named === '' ? '' : `<p class="muted">${esc(named)}</p>`}</header>`];
  if (multi.length > 1) body.push(`<nav><h3>Stories</h3><ol>${multi.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title || s.id)}</a> <span class="muted">(${plural(s.sources.length, 'source')})</span></li>`).join('')}</ol></nav>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="dedupe">
<title>dedupe report: ${esc(multi[0]?.title ?? report.stories[0]?.title ?? 'no stories')}${report.stories.length > 1 ? ` and ${report.stories.length - 1} more` : ''}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}`;
}

function pageTail(report: Report, articles: Articles): string {
  const singles = report.stories.filter((s) => s.articles.length === 1);
  const parts: string[] = [];
  if (singles.length > 0) {
    const items = singles.map((s) => {
      const a = articles.get(s.articles[0] ?? '');
      const corrections = correctionNotes(a).map((n) => `<br><span class="correction">${esc(n)}</span>`).join('');
      return `<li><span class="story-id">${esc(s.id)}</span>${esc(s.title)} <span class="muted">— ${esc(a?.source ?? '')}${a?.date ? `, <time datetime="${esc(a.published ?? a.date)}" title="${esc(dateTitle(a.date, a.published))}">${esc(shownDate(a.date, a.published))}</time>` : ''}, <code>${esc(a?.path ?? '')}</code></span>${corrections}</li>`;
    });
    parts.push(`\n<section class="singles"><h2>Stories with a single article (${singles.length.toLocaleString('en-US')})</h2><ul>${items.join('')}</ul></section>`);
  }
  const { rows, more, columns: cols, note } = shownSources(report);
  if (rows.length > 0) {
    const head = `<tr><th scope="col">source</th>${cols.map(([h]) => `<th scope="col">${h}</th>`).join('')}</tr>`;
    const body = rows.map((r) => `<tr><td>${esc(r.source)}</td>${cols.map(([, key]) => `<td class="num">${r[key]}</td>`).join('')}</tr>`);
    const rest = more > 0 ? `<p class="muted">… and ${more} more (all of them in <code>--json</code>).</p>` : '';
    parts.push(`\n<section class="source-table"><h2>Sources (${report.sources.length.toLocaleString('en-US')})</h2><table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>${rest}<p class="muted">${esc(note)}</p></section>`);
  }
  const listed = (d: Diagnostic): string => `<li><code>${esc(d.path)}</code>: ${esc(d.reason)}</li>`;
  if (report.skipped.length > 0) {
    parts.push(`\n<section class="skipped"><h2>${skippedHeading(report.skipped)}</h2><ul>${report.skipped.map(listed).join('')}</ul></section>`);
  }
  // What was noticed in files that were read (see markdown.ts): a saved page keeps it.
  if (report.warnings.length > 0) {
    parts.push(`\n<section class="skipped"><h2>Warnings (${report.warnings.length.toLocaleString('en-US')})</h2><ul>${report.warnings.map(listed).join('')}</ul></section>`);
  }
  return `${parts.join('')}\n</body>\n</html>\n`;
}

/** The page's piece for a story of several articles (`articles`: the report entries of its articles; `matrix`: with its matrix, as without `--no-matrix`), made on any thread. */
export function htmlStoryText(story: Story, articles: readonly ReportArticle[], matrix = true): string {
  return `\n${storySection(story, new Map(articles.map((a) => [a.id, a])), matrix)}`;
}

/** The page of `outline`, the texts of its stories of several articles ({@link htmlStoryText}) taken from `stories` as they come. */
export async function* renderHtmlStream<P extends TextPiece>(outline: Report, stories: AsyncIterable<P>, after: () => Report = () => outline): AsyncGenerator<string | P> {
  yield pageHead(outline);
  yield* stories;
  yield pageTail(after(), new Map(outline.articles.map((a) => [a.id, a])));
}

export function renderHtml(report: Report, options: { readonly matrix?: boolean } = {}): string {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  return `${pageHead(report)}${sectionStories(report).map((s) => `\n${storySection(s, articles, options.matrix !== false)}`).join('')}${pageTail(report, articles)}`;
}

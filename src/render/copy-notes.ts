/**
 * What the views (terminal, Markdown, HTML) say of an article's near-duplicate copies. An article of a copy group
 * whose pairs are all listed is "near-duplicate of B (93% same text)", B its first pair in `copies`. In a group too
 * large for that (`allPairs` false: 51 copies or more), one line a copy would name a different partner each and
 * say little; the group's first article (in story order) is "first of 2,000 copies of this text" and each other
 * "near-duplicate of A (and 1,998 more copies of this text)".
 *
 * A copy of an outlet's earlier version (a pair with `ofVersion`, cluster/version-copies.ts) is said to be one, on
 * both sides: the copy is "near-duplicate of B's earlier version (UPDATE 1, 2026-11-23 12:05 UTC; 99% same text)",
 * and B, whose own text is not that like it, "earlier version (UPDATE 1, 2026-11-23 12:05 UTC) copied by C (99% same
 * text)".
 */
import type { ReportArticle, ReportVersion, Story } from '../types.js';
import { versionSlug } from '../clean/versions.js';
import { shownDate } from './sections.js';

export type CopyNote =
  /**
   * In a group whose pairs are all listed: its first pair, the other article and their Jaccard similarity. With
   * `version`, the pair is a copy of an earlier version: of the other's (`of: 'other'`, this article is the copy) or of
   * its own (`of: 'own'`), and `jaccard` is that of the copy and the version.
   */
  | { readonly kind: 'pair'; readonly other: string; readonly jaccard: number; readonly version?: { readonly of: 'own' | 'other'; readonly version: ReportVersion } }
  /** The first article of a larger group, of `copies` articles. */
  | { readonly kind: 'first'; readonly copies: number }
  /** Another article of a larger group: `first` is the group's first, `more` how many others it has besides the two. */
  | { readonly kind: 'copy'; readonly first: string; readonly more: number };

/**
 * Each article of `story` that has a copy, with its note; made once a story (not one search of `copies` an article).
 * `articles`: the report's articles by id, where the earlier versions a pair's `ofVersion` names are found.
 */
export function copyNotes(story: Story, articles?: ReadonlyMap<string, Pick<ReportArticle, 'earlierVersions'>>): Map<string, CopyNote> {
  const notes = new Map<string, CopyNote>();
  for (const g of story.copyGroups ?? []) {
    if (g.allPairs) continue;
    const [first, ...rest] = g.articles;
    if (first === undefined) continue;
    notes.set(first, { kind: 'first', copies: g.articles.length });
    for (const id of rest) notes.set(id, { kind: 'copy', first, more: g.articles.length - 2 });
  }
  const versionOf = (id: string, path: string | undefined): ReportVersion | undefined => (path === undefined ? undefined : articles?.get(id)?.earlierVersions?.find((v) => v.path === path));
  for (const p of story.copies) {
    // Whose earlier version the pair copies: the article that lists it (its outlet's latest).
    const ofA = versionOf(p.a, p.ofVersion);
    const ofB = ofA ? undefined : versionOf(p.b, p.ofVersion);
    const v = ofA ?? ofB;
    const version = (id: string): { version?: { of: 'own' | 'other'; version: ReportVersion } } => (v ? { version: { of: (ofA ? p.a : p.b) === id ? 'own' : 'other', version: v } } : {});
    if (!notes.has(p.a)) notes.set(p.a, { kind: 'pair', other: p.b, jaccard: p.jaccard, ...version(p.a) });
    if (!notes.has(p.b)) notes.set(p.b, { kind: 'pair', other: p.a, jaccard: p.jaccard, ...version(p.b) });
  }
  return notes;
}

/**
 * What names an earlier version in a note: its agency slug and its date, as the views show dates ("UPDATE 1,
 * 2026-11-23 12:05 UTC"), either alone, or '' when it has neither (a date not read is left out, so that the note
 * holds no text of the input's).
 */
export function versionLabel(v: ReportVersion): string {
  const slug = versionSlug(v.title);
  const when = v.date !== undefined && v.published !== undefined ? shownDate(v.date, v.published) : undefined;
  return [slug, when].filter((x) => x !== undefined).join(', ');
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The note's text: "near-duplicate of B (93% same text)", or with `comma` (the Markdown table, whose notes are in
 * brackets already) "near-duplicate of B, 93% same text". `label`: an article's label as the view writes it
 * (escaped); empty when the note names an article without one.
 */
export function copyNoteText(note: CopyNote | undefined, label: (id: string) => string | undefined, comma = false): string {
  if (!note) return '';
  if (note.kind === 'first') return `first of ${count(note.copies)} copies of this text`;
  const other = label(note.kind === 'pair' ? note.other : note.first);
  if (other === undefined) return '';
  const same = note.kind === 'pair' ? `${Math.round(note.jaccard * 100)}% same text` : '';
  if (note.kind === 'pair' && note.version) {
    const label = versionLabel(note.version.version);
    if (note.version.of === 'other') {
      const what = `near-duplicate of ${other}'s earlier version`;
      return label === '' ? (comma ? `${what}, ${same}` : `${what} (${same})`) : comma ? `${what}, ${label}, ${same}` : `${what} (${label}; ${same})`;
    }
    const what = label === '' ? 'earlier version' : comma ? `earlier version, ${label},` : `earlier version (${label})`;
    return comma ? `${what} copied by ${other}, ${same}` : `${what} copied by ${other} (${same})`;
  }
  if (note.kind === 'pair') return comma ? `near-duplicate of ${other}, ${same}` : `near-duplicate of ${other} (${same})`;
  const more = `and ${count(note.more)} more ${note.more === 1 ? 'copy' : 'copies'} of this text`;
  return comma ? `near-duplicate of ${other}, ${more}` : `near-duplicate of ${other} (${more})`;
}

/** How many copies of a large group (besides its first article) the views list by name before one line sums up the rest. */
export const SHOWN_COPIES = 3;

/** What a view does with an article past the first {@link SHOWN_COPIES} copies of a large group. */
export type CopyListing = { readonly kind: 'hidden' } | { readonly kind: 'more'; readonly first: string; readonly count: number };

/**
 * The articles of `story`'s large copy groups that the views do not list one by one: at the first of them, the line
 * that sums them up ("and 1,996 more copies of A's text"), at the others nothing. Absent: listed as usual.
 */
export function copyListing(story: Story): Map<string, CopyListing> {
  const out = new Map<string, CopyListing>();
  const noted = new Set([...(story.fullest ? [story.fullest.article, ...(story.fullest.tiedWith ?? [])] : []), ...(story.partialCopies ?? []).flatMap((p) => [p.part, p.whole])]);
  for (const g of story.copyGroups ?? []) {
    const first = g.articles[0];
    if (g.allPairs || first === undefined) continue;
    // The story's most complete article, those it ties with and its partial copies keep their own line, for what else
    // it says of them (a tie's note names them).
    const hideable = g.articles.slice(SHOWN_COPIES + 1).filter((id) => !noted.has(id));
    if (hideable.length < 2) continue;
    hideable.forEach((id, k) => out.set(id, k === 0 ? { kind: 'more', first, count: hideable.length } : { kind: 'hidden' }));
  }
  return out;
}

/** The line of a {@link CopyListing} `more`: "and 1,996 more copies of A's text (all in the JSON report)". */
export const moreCopiesText = (count: number, first: string): string => `and ${count.toLocaleString('en-US')} more copies of ${first}'s text (all in the JSON report)`;

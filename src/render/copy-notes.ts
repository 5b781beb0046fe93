/**
 * What the views (terminal, Markdown, HTML) say of an article's near-duplicate copies. An article of a copy group
 * whose pairs are all listed is "near-duplicate of B (93% same text)", B its first pair in `copies`. In a group too
 * large for that (`allPairs` false: 51 copies or more), one line a copy would name a different partner each and
 * say little; the group's first article (in story order) is "first of 2,000 copies of this text" and each other
 * "near-duplicate of A (and 1,998 more copies of this text)".
 */
import type { Story } from '../types.js';

export type CopyNote =
  /** In a group whose pairs are all listed: its first pair, the other article and their Jaccard similarity. */
  | { readonly kind: 'pair'; readonly other: string; readonly jaccard: number }
  /** The first article of a larger group, of `copies` articles. */
  | { readonly kind: 'first'; readonly copies: number }
  /** Another article of a larger group: `first` is the group's first, `more` how many others it has besides the two. */
  | { readonly kind: 'copy'; readonly first: string; readonly more: number };

/** Each article of `story` that has a copy, with its note; made once a story (not one search of `copies` an article). */
export function copyNotes(story: Story): Map<string, CopyNote> {
  const notes = new Map<string, CopyNote>();
  for (const g of story.copyGroups ?? []) {
    if (g.allPairs) continue;
    const [first, ...rest] = g.articles;
    if (first === undefined) continue;
    notes.set(first, { kind: 'first', copies: g.articles.length });
    for (const id of rest) notes.set(id, { kind: 'copy', first, more: g.articles.length - 2 });
  }
  for (const p of story.copies) {
    if (!notes.has(p.a)) notes.set(p.a, { kind: 'pair', other: p.b, jaccard: p.jaccard });
    if (!notes.has(p.b)) notes.set(p.b, { kind: 'pair', other: p.a, jaccard: p.jaccard });
  }
  return notes;
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
  if (note.kind === 'pair') return comma ? `near-duplicate of ${other}, ${Math.round(note.jaccard * 100)}% same text` : `near-duplicate of ${other} (${Math.round(note.jaccard * 100)}% same text)`;
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

/**
 * What the views (terminal, Markdown, HTML) say of an article's corrections (`corrections` in the JSON, see
 * clean/notes.ts): one note each, next to the article, "correction: An earlier version of this story misstated the
 * mayor's first name. He is Julio Huamán, not Carlos Huamán." A correction's own label ("CORRECTION:") and the
 * parentheses of an agency's note ("(Corrects mayor's first name … to Julio from Carlos)") are left out: the note
 * says what it is. The JSON keeps each as the article writes it.
 */
import type { ReportArticle } from '../types.js';

const LABEL = /^corrections?\s*[:\-–—]\s*/i;

/** `text` as a view shows it: without a "Correction:" label or the parentheses around all of it. */
export function shownCorrection(text: string): string {
  let t = text.trim();
  if (t.startsWith('(') && t.endsWith(')') && t.indexOf(')') === t.length - 1) t = t.slice(1, -1).trim();
  const unlabelled = t.replace(LABEL, '');
  return unlabelled === '' ? t : unlabelled;
}

/** The notes of `a`'s corrections, "correction: …" each, in the order it gives them; none when it has none. */
export const correctionNotes = (a: Pick<ReportArticle, 'corrections'> | undefined): string[] => (a?.corrections ?? []).map((c) => `correction: ${shownCorrection(c)}`);

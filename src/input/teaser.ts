/**
 * When a description or summary is a teaser. Some feeds put the whole article there (WordPress's full-text RSS,
 * many small sites); a teaser runs to a sentence or three, 20–60 words in the feeds of the BBC, the Guardian or
 * Reuters, and NewsAPI's descriptions are shorter still, while an article runs to hundreds.
 */

/** Words past which a description or summary is taken for the article itself. */
export const TEASER_MAX_WORDS = 150;

/** Whether `paragraphs` (a description or summary) hold more words than a teaser does. */
export function longerThanTeaser(paragraphs: readonly string[]): boolean {
  let words = 0;
  for (const p of paragraphs) {
    for (const _ of p.matchAll(/\S+/g)) if (++words > TEASER_MAX_WORDS) return true;
  }
  return false;
}

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

/** Share of a description's words (of four letters or more, or numbers) that the body's opening must hold for the two to tell one lead. */
export const SAME_LEAD_SHARE = 0.7;

/** The words a lead is compared by: lower case, four letters or more, or a number (not "a", "the", "on"). */
function leadWords(text: string, max: number): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu)) {
    if (out.length === max) break;
    out.push(m[0]);
  }
  return out;
}

/**
 * Whether a description tells the lead that a body opens with, in other words or the same ("A CalMac ferry with 120
 * passengers ran aground near Uig on Monday morning" and "A CalMac ferry carrying 120 passengers ran aground near Uig
 * on the Isle of Skye on Monday morning"), as NewsAPI fills its `description` and `content`: at least
 * {@link SAME_LEAD_SHARE} of the description's words (four letters or more, or numbers) are among the body's first
 * words (twice the description's count, and ten more). A standfirst that says something else is not.
 */
export function tellsSameLead(description: string, body: string): boolean {
  const said = leadWords(description, 200);
  const opening = new Set(leadWords(body, 2 * said.length + 10));
  const content = [...new Set(said.filter((w) => w.length >= 4 || /\d/.test(w)))];
  if (content.length === 0) return false;
  return content.filter((w) => opening.has(w)).length >= SAME_LEAD_SHARE * content.length;
}

/** Remove SGR colour codes (only ours can be present: article text is escaped before styling). */
export function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Columns `s` takes: its length without colour codes (most pieces have none, and are not scanned for them). */
const visible = (s: string): number => (s.indexOf('\u001b') < 0 ? s.length : stripAnsi(s).length);

/** `n`, or `n − 1` when cutting `text` at `n` would split a surrogate pair (an emoji, say) into two halves. */
function pairSafe(text: string, n: number): number {
  const before = text.charCodeAt(n - 1);
  const after = text.charCodeAt(n);
  return n > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? n - 1 : n;
}

/** Word-wrap `text` to `width` columns, every line prefixed by `indent` (the first by `first`, if given). */
export function wrap(text: string, width: number, indent: string, first: string = indent): string[] {
  const lines: string[] = [];
  const indentWidth = visible(indent);
  const room = Math.max(10, width - indentWidth);
  let line = first;
  // The line's columns, kept as words are added (measuring the whole line at each word was quadratic in it).
  let lineWidth = visible(first);
  let empty = true;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let w = word;
    // Measured once, then reduced by each cut piece: re-measuring a 1 MB hostile word per cut was quadratic.
    let left = visible(w);
    let cut = false;
    while (left > room && w.length > 0) {
      // A word longer than a line (a URL, or hostile input): break it hard.
      if (!empty) {
        lines.push(line);
        line = indent;
      }
      const piece = w.slice(0, pairSafe(w, room));
      lines.push(line + piece);
      w = w.slice(piece.length);
      left -= visible(piece);
      line = indent;
      lineWidth = indentWidth;
      empty = true;
      cut = true;
    }
    const columns = cut ? visible(w) : left;
    if (!empty && lineWidth + 1 + columns > width) {
      lines.push(line);
      line = indent;
      lineWidth = indentWidth;
      empty = true;
    }
    line += (empty ? '' : ' ') + w;
    lineWidth += (empty ? 0 : 1) + columns;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** Shorten text to at most `max` characters, cutting at a word boundary and adding "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max * 0.6 ? cut : pairSafe(text, max - 1)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The HTML report's stylesheet and escaping. Inline in the page: the file needs nothing else, loads nothing
 * over the network (the page's Content-Security-Policy forbids it), and is readable without JavaScript.
 */
import { safeText } from './safe.js';

/** Escape text for element content and double-quoted attributes; control characters shown as `\xNN`. */
export function esc(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const CSS = `
:root { color-scheme: light; --ink: #1d1f23; --muted: #5b6270; --line: #d9dce2; --shared: #e7f5ea;
  --unique: #fff1b8; --conflict: #ffd9d6; --conflict-ink: #a1160a; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .25rem; border-top: 2px solid var(--line); padding-top: 1rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .5rem; }
.summary, .meta, .muted { color: var(--muted); }
.story-id { color: var(--accent); font-weight: 600; margin-right: .5rem; }
nav ol { padding-left: 1.5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f5f7; }
.source-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.matrix { font-size: .9rem; line-height: 1.35; }
.matrix th, .matrix td { padding: .15rem .45rem; }
.matrix th.col { text-align: center; min-width: 2.5rem; }
.matrix td.num { text-align: right; color: var(--muted); }
.matrix td.fact { max-width: 46rem; }
.matrix td.cell { text-align: center; font-weight: 700; width: 3rem; }
.matrix td.reported { background: var(--shared); color: #1b6b2d; }
.matrix td.absent { color: #767d89; font-weight: 400; }
.matrix td.conflict { background: var(--conflict); color: var(--conflict-ink); }
.matrix .teaser-mark { color: var(--muted); font-weight: 400; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid var(--line); vertical-align: -.1em; margin-right: .3em; }
.disagreement { border: 1px solid var(--conflict); border-left: 4px solid var(--conflict-ink); border-radius: 4px; padding: .5rem .75rem; margin: .75rem 0; }
.disagreement .detail { font-weight: 600; color: var(--conflict-ink); margin: 0 0 .5rem; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
.side-by-side blockquote { margin: 0; padding: .5rem .75rem; background: #fafafa; border: 1px solid var(--line); border-radius: 4px; }
.side-by-side cite { display: block; font-style: normal; font-weight: 600; margin-bottom: .25rem; }
mark.value { background: var(--conflict); color: var(--conflict-ink); font-weight: 700; padding: 0 .15em; }
.texts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.source-text { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; }
.source-text p { margin: 0; }
.s sup { color: var(--muted); font-size: .7em; margin-right: .15em; }
.s.unique { background: var(--unique); }
.s.conflicting { background: var(--conflict); }
.s.conflicting sup { color: var(--conflict-ink); font-weight: 700; }
ul.facts li { margin: .25rem 0; }
ul.corrections { margin: -.5rem 0 1rem; padding-left: 1.25rem; }
ul.corrections li, .singles .correction { color: #7a4a00; }
@media print { h2 { break-before: page; } .texts, .side-by-side { display: block; } }
`;

/**
 * The JSON document: the report as is, two-space indented. Its shape is documented in README.md and in
 * schema/report.schema.json. JSON.stringify escapes C0 control characters (ESC becomes \u001b); DEL, the C1
 * controls (U+0080–U+009F, which some terminals obey as ESC sequences), line/paragraph separators and
 * bidirectional overrides are escaped the same way here, so `--json` printed to a terminal stays inert.
 * Parsing gives back exactly the original text.
 */
import type { Report } from '../types.js';

const UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function renderJson(report: Report): string {
  const text = JSON.stringify(report, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/**
 * The JSON document: the report as is, two-space indented. Its shape is documented in README.md and in
 * schema/report.schema.json; JSON.stringify escapes control characters, so hostile text stays inert.
 */
import type { Report } from '../types.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

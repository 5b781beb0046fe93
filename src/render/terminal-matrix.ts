/**
 * The facts × sources matrix drawn for the terminal: fact number, one narrow column per source, then the fact
 * shortened at a word boundary to what is left of the line. Fits any width from 40 columns: when the sources
 * do not all fit beside at least 20 characters of fact text, the columns are narrowed ("C+" for a source of
 * articles C, D, E) and the text cut to 12; when they still do not fit, the first ones are shown and the rest counted. A
 * teaser's column is headed "C*" and explained in a line under the legend (see matrix.ts TEASER_MARK).
 */
import type { ChalkInstance } from 'chalk';
import { safeText } from './safe.js';
import { shorten, wrap } from './wrap.js';
import { TEASER_LEGEND, TEASER_MARK, type Cell, type Matrix, type MatrixColumn } from './matrix.js';

const INDENT = '    ';
const MIN_TEXT = 20;
/** The fact text kept when the sources do not all fit beside {@link MIN_TEXT}. */
const NARROW_TEXT = 12;

/**
 * A column's header: its letters ("A", "A,B"), or the first letter and "+" when a source has many articles; a
 * teaser column's ends with {@link TEASER_MARK} ("C*").
 */
function header(col: MatrixColumn, room = 5): string {
  const all = col.labels.join(',');
  return `${all.length <= room || col.labels.length === 1 ? all : `${col.labels[0] ?? '?'}+`}${col.teaser ? TEASER_MARK : ''}`;
}

function symbol(cell: Cell, c: ChalkInstance): string {
  if (cell === 'reported') return c.green('●');
  if (cell === 'conflict') return c.bold.red('!');
  return c.dim('·');
}

export function matrixLines(m: Matrix, c: ChalkInstance, width: number): string[] {
  if (m.rows.length === 0 || m.columns.length === 0) return [];
  const numWidth = Math.max(3, ...m.rows.map((r) => r.number.length));
  const fixed = INDENT.length + numWidth + 1;
  const layout = (room: number, minText: number) => {
    const heads = m.columns.map((col) => header(col, room));
    const colWidth = Math.max(2, ...heads.map((h) => h.length + 1));
    const fits = Math.max(1, Math.floor((width - fixed - 1 - minText) / colWidth));
    return { heads, colWidth, minText, shown: Math.min(m.columns.length, fits) };
  };
  // When not every source fits, narrower: a source of several articles headed by its first ("C+" for "C,D,E"), and
  // less of each fact's text, so that a 40-column terminal still compares six sources rather than one.
  let fit = layout(5, MIN_TEXT);
  if (fit.shown < m.columns.length) fit = layout(1, NARROW_TEXT);
  const { heads, colWidth, shown } = fit;
  const textRoom = Math.max(fit.minText, width - fixed - shown * colWidth - 1);
  const title = `  ${c.bold.underline('Who reported what')}`;
  const legend = c.dim(`(${c.green('●')} reported  · not reported  ${c.red('!')} conflicting)`);
  const lines = [
    ...(width >= 64 ? [`${title} ${legend}`] : [title, `${INDENT}${c.dim(`(${c.green('●')} yes  · no  ${c.red('!')} conflict)`)}`]),
    ...(m.columns.slice(0, shown).some((col) => col.teaser) ? wrap(`${TEASER_MARK} ${TEASER_LEGEND}`, width, `${INDENT}  `, INDENT).map((l) => c.dim(l)) : []),
    `${INDENT}${' '.repeat(numWidth + 1)}${heads.slice(0, shown).map((h) => h.padEnd(colWidth)).join('')} ${c.dim('fact')}`,
  ];
  for (const row of m.rows) {
    const cells = row.cells.slice(0, shown).map((cell) => symbol(cell, c) + ' '.repeat(colWidth - 1)).join('');
    lines.push(`${INDENT}${row.number.padStart(numWidth)} ${cells} ${shorten(safeText(row.text), textRoom)}`);
  }
  if (shown < m.columns.length) {
    const hidden = m.columns.length - shown;
    const note = `${hidden} more source${hidden === 1 ? '' : 's'} not shown at this width (try --width, --format markdown or html)`;
    lines.push(...wrap(note, width, INDENT).map((l) => c.dim(l)));
  }
  return lines;
}

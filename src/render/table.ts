// A compact table: a head, one rule under it, and a line per row, with no border between rows. Each
// column is as wide as its widest cell; when the table is wider than the terminal, the widest columns
// give way first and their cells wrap at words inside them.
import { displayWidth, padDisplay, wrapLine } from './fit.js';

const GAP = 2;
/** No column is squeezed below this; a table that still does not fit wraps as lines do. */
const MIN_COLUMN = 6;

/** Column widths from the content, narrowed (widest first) until they fit `columns` with the indent. */
export function columnWidths(cells: readonly (readonly string[])[], columns: number | undefined, indent = 0): number[] {
  const widths = cells[0]!.map((_, i) => cells.reduce((w, row) => Math.max(w, displayWidth(row[i] ?? '')), 0));
  if (columns === undefined) return widths;
  const total = () => indent + widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > columns) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN) break;
    widths[widest]! -= 1;
  }
  return widths;
}

export interface TableStyle {
  head: (text: string) => string;
  rule: (text: string) => string;
}

/** The table's lines: `head`, a rule of `─` under each head, then the rows; `indent` spaces before each. */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[], columns: number | undefined, style: TableStyle, indent = 2): string[] {
  const widths = columnWidths([head, ...rows], columns, indent);
  const pad = ' '.repeat(indent);
  const line = (cells: readonly string[], paint = (s: string) => s): string[] => {
    const wrapped = cells.map((cell, i) => wrapLine(cell, widths[i], 0));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) {
      const parts = wrapped.map((w, i) => (i === wrapped.length - 1 ? paint(w[r] ?? '') : padDisplay(paint(w[r] ?? ''), widths[i]!)));
      out.push(`${pad}${parts.join(' '.repeat(GAP))}`.trimEnd());
    }
    return out;
  };
  return [...line(head, style.head), `${pad}${widths.map((w) => style.rule('─'.repeat(w))).join(' '.repeat(GAP))}`, ...rows.flatMap((row) => line(row))];
}

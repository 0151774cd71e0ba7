// Blocks of many lines with no blank line between them, found before the Markdown parser sees the
// text: micromark's time grows with the square of such a block's length (a paragraph or a quote of
// 10,000 lines took 1.4 s, of 20,000 lines 8 s, of 2 MB over 100 s of CPU). Long lists are parsed in
// parts cut between their top-level items (split-markdown.ts), so such an item starts the count
// again; fenced code costs little and is not counted.
import { MAX_PLAN_ITEMS } from '../plan/limits.js';
import { ImportRefused } from './nesting.js';
import { listItem } from './split-markdown.js';

export const MAX_BLOCK_LINES = 5_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The first line of the first block longer than MAX_BLOCK_LINES, or undefined. `text` ends lines with `\n`. */
export function longBlock(text: string): number | undefined {
  let fence: string | undefined;
  let count = 0;
  let from = 1;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const row = text.slice(start, end);
    const open = FENCE.exec(row)?.[1];
    if (fence !== undefined) {
      if (open !== undefined && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
    } else if (open !== undefined) {
      fence = open;
      count = 0;
    } else if (row.trim() === '') {
      count = 0;
    } else if (listItem(row) !== undefined || count === 0) {
      count = 1;
      from = line;
    } else if (++count > MAX_BLOCK_LINES) {
      return from;
    }
    start = end + 1;
  }
  return undefined;
}

const CHECKBOX = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/gm;

/**
 * More checkboxes than a plan may hold items (../plan/limits.ts) are refused before parsing: an import
 * of 50,001 of them took 10 s only to be refused after. The importer's count, tasks included, decides
 * the rest.
 */
export function checkCheckboxCount(text: string): void {
  let count = 0;
  for (const m of text.matchAll(CHECKBOX)) {
    if (++count > MAX_PLAN_ITEMS) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new ImportRefused(line, `more than ${MAX_PLAN_ITEMS.toLocaleString('en')} checklist items by here; a plan holds at most ${MAX_PLAN_ITEMS.toLocaleString('en')}`);
    }
  }
}

export function checkBlockLength(text: string): void {
  const from = longBlock(text);
  if (from !== undefined) {
    throw new ImportRefused(from, `more than ${MAX_BLOCK_LINES.toLocaleString('en')} lines without a blank line from here; launch reads at most ${MAX_BLOCK_LINES.toLocaleString('en')}: put blank lines between paragraphs`);
  }
}

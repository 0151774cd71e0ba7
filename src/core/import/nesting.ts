// How deep a plan's lists and block quotes nest, read from line prefixes before the Markdown parser
// sees the text. micromark does not overflow on deep nesting, but it slows down with its square (a
// 4 KB line of `- - - …`, 2,000 levels, took close to a minute; 3,000 quoted lines, minutes), and
// walks of the tree recurse. No plan needs more than a handful of levels.

export const MAX_NESTING = 100;

/** The importer refuses the text; `line` is 1-based in the text it was given. */
export class ImportRefused extends Error {
  /** Lazily loaded chunks carry their own copy of this class, so `instanceof` is not enough. */
  readonly isImportRefused = true;
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export const isImportRefused = (error: unknown): error is ImportRefused =>
  typeof error === 'object' && error !== null && (error as { isImportRefused?: unknown }).isImportRefused === true;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const GT = 62;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The first line whose lists and quotes nest deeper than MAX_NESTING, or undefined. An approximation
 * of CommonMark's container rules, exact for lists and quotes as people write them: each `>` is a
 * level, and each list marker opens one that lasts while later lines have its quotes and are indented
 * at least to its content. Blank lines and fenced code leave the levels as they are.
 */
export function deepNesting(text: string): { line: number; depth: number } | undefined {
  /** The open list items, innermost last: how many quotes the line had before each, and its content column. */
  const open: { quotes: number; content: number }[] = [];
  /** This line's quote markers' columns. */
  const quoteCols: number[] = [];
  let fence: { char: number; length: number } | undefined;
  const n = text.length;
  // Line ends found by indexOf unless there is a CR to look for too: most of the scan's time.
  const crs = text.includes('\r');
  let line = 0;
  let start = 0;
  while (start < n) {
    line++;
    let end = crs ? start : text.indexOf('\n', start);
    if (end < 0) end = n;
    else if (crs) while (end < n && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    const next = end < n && text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    let i = start;
    let col = 0;
    const spaces = (): void => {
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === SPACE) col++;
        else if (c === TAB) col += 4 - (col % 4);
        else break;
      }
    };
    const quote = (): void => {
      quoteCols.push(col);
      i++;
      col++;
      spaces();
    };
    quoteCols.length = 0;
    spaces();
    while (i < end && text.charCodeAt(i) === GT) quote();
    const blank = i >= end;
    const fenceHere = blank ? undefined : fenceAt(text, i, end);
    if (fence) {
      // Code: whatever it holds nests nothing.
      if (fenceHere && fenceHere.char === fence.char && fenceHere.length >= fence.length) fence = undefined;
      quoteCols.length = 0;
    } else if (!blank) {
      // An item goes on while the line has its quotes and, after them, reaches its content column.
      const q = quoteCols.length;
      for (let top = open.at(-1); top && (top.quotes > q || (top.quotes < q ? quoteCols[top.quotes]! : col) < top.content); top = open.at(-1)) open.pop();
      for (;;) {
        const marker = markerEnd(text, i, end);
        if (marker < 0) {
          if (i < end && text.charCodeAt(i) === GT) {
            quote();
            continue;
          }
          break;
        }
        col += marker - i;
        i = marker;
        const before = col;
        spaces();
        // Content starts one column after the marker when more than four spaces follow (indented code).
        open.push({ quotes: quoteCols.length, content: col - before >= 1 && col - before <= 4 && i < end ? col : before + 1 });
      }
      fence = fenceAt(text, i, end);
    }
    const depth = open.length + quoteCols.length;
    if (depth > MAX_NESTING) return { line, depth };
    start = next;
  }
  return undefined;
}

/** Where a list marker (`-`, `+`, `*`, `1.`, `1)`) at i ends, if one is there and a space or the line's end follows; else -1. */
function markerEnd(text: string, i: number, end: number): number {
  if (i >= end) return -1;
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 43 || c === 42) j = i + 1;
  else if (isDigit(c)) {
    while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    const d = text.charCodeAt(j);
    if (j >= end || (d !== 46 && d !== 41)) return -1;
    j++;
  } else return -1;
  if (j < end && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) return -1;
  return j;
}

/** A code fence (three or more ` or ~) starting at i. */
function fenceAt(text: string, i: number, end: number): { char: number; length: number } | undefined {
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return undefined;
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? { char: c, length: j - i } : undefined;
}

/** Throws ImportRefused naming the first line nested too deep. */
export function checkNesting(text: string): void {
  const deep = deepNesting(text);
  if (deep) {
    throw new ImportRefused(deep.line, `lists and quotes nest deeper than ${MAX_NESTING} levels here; launch reads at most ${MAX_NESTING}`);
  }
}

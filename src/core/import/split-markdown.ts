// Cutting a large Markdown document into parts that are parsed one after another (./parse-markdown.ts),
// such that their trees, read in order, are exactly the tree one parse of the whole gives (positions
// included). Pure.
//
// Why a cut is safe: CommonMark builds blocks line by line, and what a line means depends only on
// the blocks still open before it. At a line that starts a top-level heading after a blank line,
// nothing but the document is open, so the rest of the text parses the same alone as it does after
// the part before it. The rules in eachCutPoint pick only such lines; anything that would make the
// meaning of a line depend on another part (a reference definition, an unclosed `---` on line 1)
// rules splitting out altogether.
import type { Nodes, Root } from 'mdast';

export interface SplitPoint {
  /** UTF-16 index of the next part's first character (the `#` of a heading at a line start). */
  index: number;
  /** Line endings before `index`: the next part's line 1 is line `lines + 1` of the whole. */
  lines: number;
  /**
   * Set when the cut falls between two items of one top-level list: the next part's first list is
   * the rest of the previous part's last list (see parse-markdown.ts's continueList). `blankBefore`:
   * a blank line separates the two items, which makes the whole list loose.
   */
  list?: { blankBefore: boolean };
}

// micromark ends a line at CRLF, CR or LF; splitting the same way keeps line numbers in step.
const LINE_ENDING = /\r\n|\r|\n/g;
const BLANK = /^[ \t]*$/;
// Column 0, not "up to three spaces": an indented line may be the continuation of a list item.
const HEADING = /^#{1,6} /;
// A top-level list item with content: its marker, then 1–4 spaces (its content's column; no tabs,
// whose width depends on the column), then something. Five spaces or more start indented code.
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])( {1,4})\S/;
const HTML_START = /^ {0,3}</;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// [^] rather than . : a fence's info string may hold U+2028, which `.` does not match.
const FENCE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
// A definition's label ends in `]` followed at once by `:`; no `]:` anywhere means none exists.
// Over-matching (a `]:` inside code or a URL) only costs the speed-up, never correctness.
const DEFINITION = /\]:/;
/**
 * HTML blocks of CommonMark kinds 1–5 (raw text elements, comments, processing instructions,
 * declarations, CDATA) run until their end marker, across blank lines, so a heading-like line can
 * sit inside one. Kinds 6 and 7 end at a blank line and need no tracking.
 */
const HTML_BLOCKS: readonly (readonly [start: RegExp, end: RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Cut points (see eachCutPoint) at least `every` characters apart, in order: the parts
 * between them parse alone exactly as they do inside the whole text. Empty when there are none.
 */
export function findSplits(text: string, every: number): SplitPoint[] {
  const points: SplitPoint[] = [];
  let last = 0;
  eachCutPoint(text, (point) => {
    if (point.index - last >= every && text.length - point.index >= every / 2) {
      points.push(point);
      last = point.index;
    }
    return true;
  });
  return points;
}

/**
 * Calls `visit` with each line where `text` can be cut, until it returns false. A cut line starts
 * an ATX heading (`#`…`######` and a space) at column 0 and follows a blank line, outside front
 * matter, fenced code and HTML blocks:
 * - column 0: a list item or indented code continues only on indented lines, so every container
 *   and every indented code block is closed at an unindented one;
 * - after a blank line: the blank line ends paragraphs (and their lazy continuation lines), tables,
 *   block quotes and HTML blocks of kinds 6–7, and it means the part before ends in a blank line,
 *   which is what `endsClean` checks;
 * - outside fenced code (``` or ~~~, closed only by the same character at least as many times,
 *   with nothing after but spaces): inside one, `## x` is code;
 * - outside front matter: inside it, `## x` is YAML, and the part before alone would have an
 *   unclosed `---` that is no front matter at all; and never in a document whose line 1 opens
 *   front matter that does not close (see frontMatterEnd);
 * - outside HTML blocks of kinds 1–5: they span blank lines and swallow headings;
 * - no link reference or footnote definition anywhere: `[text][id]`, `[id]` and `[^id]` become
 *   links only if the document defines `id`, wherever, so a part parsed alone would read a
 *   reference to a definition in another part as plain text.
 * The scan tracks top-level constructs only (what opens inside a list item closes with the item);
 * where it misreads a container, `endsClean` catches the result before a wrong tree is used.
 */
export function eachCutPoint(text: string, visit: (point: SplitPoint) => boolean): void {
  if (DEFINITION.test(text)) return;
  let fence: { marker: string; size: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let prevBlank = false;
  /**
   * Whether everything but the document (and a list) was closed before this line: after a blank
   * line, or an ATX heading that itself came after one (a heading is one line, but a line that looks
   * like one may be inside an HTML block of kind 6 or 7, which only a blank line ends).
   */
  let prevClosed = true;
  /** A line since the last blank one may have opened an HTML block of kind 6 or 7, which only a blank line ends. */
  let maybeHtml = false;
  let start = 0;
  let lines = 0;
  /** Inside a run of one top-level list's lines (see listLine): its marker and its content column. */
  let run: { marker: string; indent: number } | undefined;

  if (FRONT_MATTER_FENCE.test(firstLine(text))) {
    const after = frontMatterEnd(text);
    if (!after) return;
    ({ index: start, lines } = after);
  }

  while (start <= text.length) {
    LINE_ENDING.lastIndex = start;
    const ending = LINE_ENDING.exec(text);
    const end = ending ? ending.index : text.length;
    const line = text.slice(start, end);
    const blank = BLANK.test(line);
    const item = fence || htmlEnd ? undefined : listItem(line);
    if (run && (blank || isContinuation(line, run.indent))) {
      // Inside the run's current item: whatever opens here closes with the item, at column 0.
    } else if (run && item) {
      if (item.marker === run.marker && !visit({ index: start, lines, list: { blankBefore: prevBlank } })) return;
      // Another marker closes the list and opens a new one: a run of its own.
      run = item;
    } else {
      run = undefined;
      if (fence) {
        const close = FENCE.exec(line);
        if (close && close[1]![0] === fence.marker && close[1]!.length >= fence.size && BLANK.test(close[2]!)) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined;
      } else if (prevBlank && HEADING.test(line)) {
        if (start > 0 && !visit({ index: start, lines })) return;
      } else if (item && !maybeHtml && (prevClosed || item.interrupts)) {
        // Every top-level block but a list is closed, or is a paragraph, table or quote this item
        // ends; and the item closes the item before it.
        run = item;
      } else {
        const open = FENCE.exec(line);
        // A backtick fence's info string cannot hold a backtick (that line is inline code instead).
        if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) fence = { marker: open[1]![0]!, size: open[1]!.length };
        else {
          for (const [startRe, endRe] of HTML_BLOCKS) {
            const m = startRe.exec(line);
            if (m) {
              if (!endRe.test(line.slice(m[0].length))) htmlEnd = endRe;
              break;
            }
          }
        }
      }
    }
    prevClosed = blank || (prevClosed && !run && !fence && !htmlEnd && HEADING.test(line));
    maybeHtml = !blank && (maybeHtml || (!run && HTML_START.test(line)));
    prevBlank = blank;
    if (!ending) break;
    start = end + ending[0].length;
    lines++;
  }
}

/** A top-level list item line: its list's marker (`-`, `*`, `+`, `.` or `)`) and its content's column. */
export function listItem(line: string): { marker: string; indent: number; interrupts: boolean } | undefined {
  const m = LIST_ITEM.exec(line);
  if (!m || THEMATIC_BREAK.test(line)) return undefined;
  const marker = m[1]!.at(-1)!;
  // Only a bullet or a `1.` item can interrupt a paragraph; `2.` after one continues its text.
  return { marker, indent: m[1]!.length + m[2]!.length, interrupts: m[1]!.length === 1 || /^0*1[.)]$/.test(m[1]!) };
}

/** A line indented into the current item (spaces only: a tab's width depends on where it falls). */
function isContinuation(line: string, indent: number): boolean {
  let spaces = 0;
  while (line.charCodeAt(spaces) === 32) spaces++;
  return spaces >= indent && line.charCodeAt(spaces) !== 9;
}

function firstLine(text: string): string {
  LINE_ENDING.lastIndex = 0;
  const ending = LINE_ENDING.exec(text);
  return text.slice(0, ending ? ending.index : text.length);
}

/**
 * Where the YAML front matter that opens `text` ends (micromark-extension-frontmatter reads `---`
 * on line 1 up to the next `---` line), or undefined if it never closes. Unclosed, it is not front
 * matter, but the extension's failed attempt then stops micromark from seeing any list or block
 * quote in the rest of the document (micromark-extension-frontmatter#5, seen with 2.0.0): line 1
 * would change every line, and a part parsed alone would differ. parse-markdown.ts now leaves the
 * extension out in that case; refusing the split keeps this file correct without relying on that.
 */
function frontMatterEnd(text: string): SplitPoint | undefined {
  LINE_ENDING.lastIndex = 0;
  let ending = LINE_ENDING.exec(text);
  let lines = 0;
  while (ending) {
    const start = ending.index + ending[0].length;
    lines++;
    LINE_ENDING.lastIndex = start;
    ending = LINE_ENDING.exec(text);
    if (FRONT_MATTER_FENCE.test(text.slice(start, ending ? ending.index : text.length))) {
      return ending ? { index: ending.index + ending[0].length, lines: lines + 1 } : { index: text.length, lines };
    }
  }
  return undefined;
}

/**
 * Moves every position in `node` (a tree parsed from the text after a split point) to where it is
 * in the whole text. Columns stay: the part starts at a line start. Offsets are UTF-16 indices,
 * like `SplitPoint.index`. Mutates `node`.
 */
export function shiftPositions(node: Nodes, lines: number, offset: number): void {
  // A stack, not recursion: inline nodes (emphasis) can nest thousands deep.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const position = n.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in n) for (const child of n.children) stack.push(child);
  }
}

/**
 * Whether the first part's tree can stand as the start of the whole one. The part ends in a blank
 * line, and a block that was properly closed ends before it; only a block still open at the cut
 * (an unclosed fence or HTML block, at top level or inside a list item) runs on to the part's end.
 * micromark's own reading checks the scan of eachCutPoint, which sees only top-level constructs.
 */
export function endsClean(first: Root, firstLength: number): boolean {
  const last = first.children.at(-1);
  if (!last) return true;
  const end = last.position?.end.offset;
  return end !== undefined && end < firstLength;
}

// Lines that fit the terminal. On a terminal, a line wider than it is wrapped at word boundaries and
// its continuation lines are indented under where its text begins (the title after an item's id, the
// value after a label), so a wrapped item still reads as one item. Piped output is never cut: a script
// reading it gets whole lines. Widths are display columns: a CJK character or an emoji takes two, a
// colour code none (string-width); a word longer than a whole line is cut by wrap-ansi, which keeps
// colour codes whole.
import { stringWidth as fullWidth, wrapAnsi } from '../lazy/text-width.js';

// Colour codes as the theme writes them (SGR), and text that is then one column per character — ASCII,
// Latin, punctuation, arrows, maths, box drawing, blocks, shapes and ticks, which is most of what launch
// prints — measured without loading the width libraries (../lazy/text-width.ts). test/render/fit.test.ts
// checks every character of NARROW against string-width.
const SGR = /\x1b\[[0-9;]*m/g;
export const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u25fc\u25ff\u2713-\u2718]*$/;

function stringWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
  return NARROW.test(plain) ? plain.length : fullWidth(text);
}

/** Narrower than this, no layout is readable: a smaller terminal gets lines of this width. */
export const MIN_COLUMNS = 20;

/** Display columns of a string: wide characters count two, colour codes none. */
export const displayWidth = (text: string): number => stringWidth(text);

/** `text` padded with spaces to `width` display columns (padEnd counts UTF-16 units, not columns). */
export const padDisplay = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/**
 * Where a wrapped line's continuation starts: after the first gap of two or more spaces (the column
 * after an id or a label), else after a leading one-character mark ("○ ", "▲ "), else two columns in
 * from the line's own indent (at it, when that is already deep). Never more than half the width, so the text keeps room.
 */
export function hangOf(line: string, columns: number): number {
  // Only the theme's colour codes are left by now (plan text went through safeText).
  const plain = line.replace(SGR, '');
  const indent = /^ */.exec(plain)![0].length;
  const gap = / {2,}(?=\S)/g;
  gap.lastIndex = indent;
  const m = gap.exec(plain);
  const mark = /^ *[^\p{L}\p{N}\s] (?=\S)/u.exec(plain);
  // A line indented this far is itself the rest of something above it (an item's title under its id).
  const hang = m ? stringWidth(plain.slice(0, m.index + m[0].length)) : mark ? stringWidth(mark[0]) : indent >= 4 ? indent : indent + 2;
  const half = Math.floor(columns / 2);
  return hang <= half ? hang : Math.min(indent + 2, half);
}

/**
 * One line as lines no wider than `columns` (undefined: not a terminal, the line as it is). Breaks
 * between words; continuation lines start at `hang` columns (by default hangOf's).
 */
export function wrapLine(line: string, columns: number | undefined, hang?: number): string[] {
  if (columns === undefined || stringWidth(line) <= columns) return [line];
  const width = Math.max(columns, 1);
  const h = Math.min(hang ?? hangOf(line, width), width - 1);
  const pad = ' '.repeat(h);
  const out: string[] = [];
  let cur = '';
  let curWidth = 0;
  let hasWord = false;
  // Each piece: the spaces before a word, and the word (colour codes never hold a space, so they stay
  // inside the word they are attached to and take no columns).
  for (const [, spaces = '', word = ''] of line.matchAll(/( *)([^ ]*)/g)) {
    if (spaces === '' && word === '') continue;
    const w = stringWidth(word);
    // A word that fits on no line at all is cut where it stands rather than after a break, unless the
    // line is already too full to hold a piece of it.
    if (hasWord && curWidth + spaces.length + w > width && (w <= width - h || curWidth + spaces.length >= width)) {
      out.push(cur.trimEnd());
      cur = pad;
      curWidth = h;
      hasWord = false;
    }
    const sep = hasWord || out.length === 0 ? spaces : '';
    if (curWidth + sep.length + w <= width) {
      cur += sep + word;
      curWidth += sep.length + w;
      hasWord ||= w > 0;
      continue;
    }
    // A word wider than what is left of an empty line: cut it where it must be.
    const room = width - curWidth - sep.length;
    const pieces = wrapAnsi(word, Math.max(1, room), { hard: true, trim: false }).split('\n');
    out.push(cur + sep + pieces[0]!);
    const rest = wrapAnsi(pieces.slice(1).join(''), width - h, { hard: true, trim: false }).split('\n');
    for (const piece of rest.slice(0, -1)) out.push(pad + piece);
    cur = pad + rest.at(-1)!;
    curWidth = h + stringWidth(rest.at(-1)!);
    hasWord = true;
  }
  if (hasWord || out.length === 0) out.push(cur.trimEnd());
  return out;
}

/** Every line (each may hold several, split at "\n") fitted to `columns`; undefined: unchanged. */
export function fitLines(lines: readonly string[], columns: number | undefined): string[] {
  if (columns === undefined) return [...lines];
  const out: string[] = [];
  for (const text of lines) for (const line of text.split('\n')) for (const part of wrapLine(line, columns)) out.push(part);
  return out;
}

/** A text (help, a message) fitted to `columns`, its line breaks kept. */
export const fitText = (text: string, columns: number | undefined): string => (columns === undefined ? text : fitLines([text], columns).join('\n'));

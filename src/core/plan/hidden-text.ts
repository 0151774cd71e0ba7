// Text written by other people (plans, notes, reasons, file names) can hide things: escape sequences
// that drive a terminal (clear the screen, retitle the window, plant a hyperlink), control characters,
// bidi controls that reorder what is shown, and invisible characters that make two titles look the same
// while being different. This file is the one list of them: the importer removes them from a plan
// before reading it, render/sanitize.ts on the way to a terminal, io/prompts.ts from what a prompt shows.

// ESC-introduced sequences: OSC/DCS/APC/PM/SOS strings up to BEL or ST, CSI sequences, two-byte escapes.
// A string never reaches past its line: once the ESC is gone the rest is plain text, and a Markdown
// plan's lines must stay where they are.
const ESCAPES = /\u001b(?:[\]PX^_][^\n]*?(?:\u0007|\u001b\\|(?=\n)|$)|\[[0-?]*[ -/]*[@-~]?|[@-Z\\-_]|[ -/]*[0-~]?)/g;
// 8-bit C1 forms of the same (CSI = U+009B, OSC = U+009D, …).
const C1_STRINGS = /[\u0090\u009d\u009e\u009f][^\n]*?(?:\u0007|\u009c|(?=\n)|$)|\u009b[0-?]*[ -/]*[@-~]?/g;
/**
 * Never shown, or shown as something else: C0 controls but tab and newline, DEL and C1; the bidi
 * embeddings, overrides, isolates and marks (ALM, LRM, RLM); zero-width space, word joiner and the
 * invisible operators; the byte-order mark (zero-width no-break space).
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// ZWNJ and ZWJ shape what is around them (emoji sequences, Persian and Indic scripts); next to ASCII,
// or at either end, they join nothing and only cut a word in two ("chec\u200dk" would slug to chec-k).
const STRAY_JOINERS = /(?<![^\x00-\x7f])[\u200c\u200d]+|[\u200c\u200d]+(?![^\x00-\x7f])/g;
// Every character any of the above starts with: text without one (nearly all of it) is returned as is.
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// The same, and tab and newline, which one line turns into spaces.
const LINE_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export interface Stripped {
  text: string;
  /** How many characters were removed. */
  removed: number;
  /** 1-based line of the first removal, counting `\n`. */
  firstLine?: number;
}

/**
 * `text` without escape sequences (each removed whole, never leaving `[2J` behind), control characters
 * other than tab and newline, bidi controls and invisible characters. Line breaks are kept (`\r\n` and
 * a lone `\r` as `\n`), so line numbers stay true.
 */
export function stripHidden(text: string): string {
  return stripHiddenCounted(text).text;
}

/** stripHidden, saying how much it removed and where: for the importer's warning. */
export function stripHiddenCounted(raw: string): Stripped {
  if (!SUSPECT.test(raw)) return { text: raw, removed: 0 };
  const text = normalizeLineEndings(raw);
  let first = Infinity;
  let out = text;
  for (const re of [ESCAPES, C1_STRINGS, HIDDEN, STRAY_JOINERS]) {
    let seen = false;
    // Removals keep every line break, so a line number in any pass is the line in `text`; a pass's
    // first match is its earliest.
    out = out.replace(re, (...args: unknown[]) => {
      if (!seen) first = Math.min(first, lineAt(args.at(-1) as string, args.at(-2) as number));
      seen = true;
      return '';
    });
  }
  const removed = text.length - out.length;
  return removed === 0 ? { text: out, removed } : { text: out, removed, firstLine: first };
}

/** One line of hidden-free text: tabs and line breaks (`\r` included) become spaces. */
export function stripHiddenLine(text: string): string {
  if (!LINE_SUSPECT.test(text)) return text;
  return stripHidden(text).replace(/[\t\n]/g, ' ');
}

/** `\r\n` and a lone `\r` (old Mac files) as `\n`: the importer and the code blocks it reads split on `\n`. */
export const normalizeLineEndings = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// Plan text, notes, reasons and file names come from other people: before they reach a terminal,
// escape sequences (colours, OSC titles and hyperlinks, cursor moves), control characters, `\r`
// overwrite tricks, bidi controls and invisible characters are removed, so a plan can never take over
// the user's terminal or show one thing while saying another. Which characters: core/plan/hidden-text.ts.
import { stripHiddenLine } from '../core/plan/hidden-text.js';

/** One line of untrusted text, safe to print: tabs and line breaks become spaces. */
export const safeText = (text: string): string => stripHiddenLine(text);

/** Multi-line untrusted text: newlines kept (`\r\n` as one), everything else as in safeText. */
export function safeBlock(text: string): string {
  return text.replace(/\r\n/g, '\n').split('\n').map(safeText).join('\n');
}

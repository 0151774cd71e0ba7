// Plan text, notes and reasons come from other people: before they reach a terminal, escape
// sequences (colours, OSC titles and hyperlinks, cursor moves), control characters, `\r` overwrite
// tricks and bidi overrides are removed, so a plan can never take over the user's terminal.

// ESC-introduced sequences: OSC/DCS/APC/PM/SOS strings up to BEL or ST, CSI sequences, two-byte escapes.
const ESCAPES = /\u001b(?:[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\[[0-?]*[ -/]*[@-~]?|[@-Z\\-_]|[ -/]*[0-~]?)/g;
// 8-bit C1 forms of the same (CSI = U+009B, OSC = U+009D, …) and every other control character.
const C1_STRINGS = /[\u0090\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|$)|\u009b[0-?]*[ -/]*[@-~]?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// Every character any of the above starts with: text without one (nearly all of it) is already safe.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** One line of untrusted text, safe to print: tabs and newlines become spaces. */
export function safeText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text
    .replace(ESCAPES, '')
    .replace(C1_STRINGS, '')
    .replace(/[\t\n]/g, ' ')
    .replace(CONTROLS, '');
}

/** Multi-line untrusted text: newlines kept, everything else as in safeText. */
export function safeBlock(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}

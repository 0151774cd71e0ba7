// What a person's name may be. It is written into every event, into sync's commit messages and onto
// teammates' terminals, so a name that spans lines could forge a commit trailer, and an invisible or
// direction-changing character could make two names look alike or reorder what is printed after it.
// One rule for every place a name enters (--as, LAUNCH_ACTOR, .launch/actor, config.yaml, git, the OS).

export const MAX_ACTOR_LENGTH = 64;

// Controls (line breaks, tabs, escapes, C1), format characters (bidi marks and overrides, zero-width
// spaces and joiners, the BOM, soft hyphens), lone surrogates, and the line and paragraph separators.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `name` cannot be a person's name, or undefined when it can. The name is judged trimmed, as it is
 * recorded: 1 to 64 characters, on one line, with nothing a terminal would hide or act on.
 */
export function actorProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'is empty';
  const bad = UNPRINTABLE.exec(trimmed)?.[0];
  if (bad !== undefined) {
    if (/[\n\r\v\f\u0085\u2028\u2029]/.test(bad)) return 'spans more than one line';
    return `holds ${/\p{Cf}/u.test(bad) ? 'an invisible or text-direction' : 'a control'} character (${codePoint(bad)})`;
  }
  const length = [...trimmed].length;
  if (length > MAX_ACTOR_LENGTH) return `is ${length} characters long (at most ${MAX_ACTOR_LENGTH})`;
  return undefined;
}

/** A name as an error message shows it: quoted, cut short, with what a terminal would hide spelled out. */
export function shownActor(name: string): string {
  const chars = [...name];
  const cut = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : name;
  const escaped = cut.replace(/["\\]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => {
    if (c === '"' || c === '\\') return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
  });
  return `"${escaped}"`;
}

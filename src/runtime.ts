// Everything a command may touch from the outside world, passed in so tests can supply their own.
import { colorLevel, createTheme, type Theme } from './render/theme.js';
import { fitLines, MIN_COLUMNS } from './render/fit.js';
import { safeText } from './render/sanitize.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Runtime {
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  /** The terminal's width in columns, asked only when stdout is a terminal (undefined: not known). */
  readonly columns?: number | undefined;
  /** The root help as the build rendered it, if there is such a file (see run in cli.ts). */
  rootHelp?: () => string | undefined;
  /**
   * Said before a command walks every item of a large plan once (see commands/shared/view.ts): the
   * process is short-lived, so the real one stops V8 compiling a loop while it runs; tests leave it out.
   */
  oneShotLoops?: () => void;
}

export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  dir?: string;
  /** -q/--quiet on a write: nothing on stdout when it succeeds. */
  quiet?: boolean;
}

/**
 * The width output must fit: the terminal's, when stdout is one; undefined in a pipe or a file, whose
 * reader gets whole lines.
 */
export function terminalColumns(rt: Runtime): number | undefined {
  if (rt.stdout.isTTY !== true) return undefined;
  const columns = rt.columns;
  return columns !== undefined && Number.isFinite(columns) && columns > 0 ? Math.max(MIN_COLUMNS, Math.floor(columns)) : undefined;
}

/** What a command works with: the runtime, the global flags, and output helpers. */
export interface Ctx {
  rt: Runtime;
  json: boolean;
  dir: string | undefined;
  theme: Theme;
  /** The width lines must fit (see terminalColumns); undefined: do not cut them. */
  columns: number | undefined;
  /** Data to stdout. */
  print(text?: string): void;
  /** A rendered screen to stdout, one line each, each wrapped to fit the terminal. */
  printLines(lines: readonly string[]): void;
  /** Notes and warnings to stderr, never mixed into data. */
  note(text: string): void;
  /**
   * A note about the output itself (the bundled plan is what it shows): said just before the first
   * thing printed on stdout, and not at all when the command stops before printing, on a usage error.
   */
  noteWithOutput(text: string): void;
  warn(text: string): void;
  printJson(value: unknown): void;
  /** Interactive only when both ends are terminals and the user did not ask for JSON. */
  interactive: boolean;
}

// JSON is data: text is given exactly as the plan or log holds it, but every character that could act
// on a terminal or hide from a reader is written as a \u escape (JSON.stringify already does C0).
// The joiners (U+200C, U+200D) stay: emoji need them, and the importer drops stray ones.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function createCtx(rt: Runtime, opts: GlobalOptions): Ctx {
  const theme = createTheme(colorLevel({ flag: opts.color, env: rt.env, isTTY: rt.stdout.isTTY === true }));
  const errTheme = createTheme(colorLevel({ flag: opts.color, env: rt.env, isTTY: rt.stderr.isTTY === true }));
  const json = opts.json === true;
  const quiet = opts.quiet === true;
  // Quiet keeps warnings and errors; the notes it drops only narrate.
  const note = (text: string) => void (quiet || rt.stderr.write(`${errTheme.c.dim(safeText(text))}\n`));
  const pending: string[] = [];
  const out = (text: string) => {
    for (const p of pending.splice(0)) note(p);
    if (!quiet) rt.stdout.write(text);
  };
  const columns = json ? undefined : terminalColumns(rt);
  return {
    rt,
    json,
    dir: opts.dir ?? (rt.env.LAUNCH_DIR || undefined),
    theme,
    columns,
    print: (text = '') => out(`${fitLines([text], columns).join('\n')}\n`),
    printLines: (lines) => void (lines.length > 0 && out(`${fitLines(lines, columns).join('\n')}\n`)),
    note,
    noteWithOutput: (text) => void pending.push(text),
    warn: (text) => void rt.stderr.write(`${errTheme.c.yellow('warning:')} ${safeText(text)}\n`),
    // JSON.stringify leaves DEL, C1, bidi and invisible characters raw; they occur only inside strings.
    printJson: (value) => out(`${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`),
    interactive: !json && rt.stdout.isTTY === true && rt.stdinIsTTY,
  };
}

// Registers the commands, each loaded only when its command runs, and is the one place where errors
// become messages and exit codes.
import { Command, CommanderError } from 'commander';
import type { Register } from './commands/shared/command.js';
import { CancelledError, type ErrorCode, EXIT, isLaunchError } from './errors.js';
import { fitText, wrapLine } from './render/fit.js';
import { safeBlock } from './render/sanitize.js';
import { type Runtime, terminalColumns } from './runtime.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : '0.0.0-dev';

export const HELP_WIDTH = 80;

/**
 * Help is at most 80 columns wide, like a man page, and narrower on a narrower terminal; in a pipe it
 * is 80, the same text everywhere, so the root help can be rendered once, at build time (see run()).
 */
const helpWidth = (rt: Runtime): number => Math.min(HELP_WIDTH, terminalColumns(rt) ?? HELP_WIDTH);

type CommandModule = { register: Register };

/**
 * Every command, in help order, each loaded only when a run needs it. Each file in src/commands/
 * declares its own flags, help and handler; the build turns these imports into separate bundles.
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  import: () => import('./commands/import.js'),
  validate: () => import('./commands/validate.js'),
  today: () => import('./commands/today.js'),
  status: () => import('./commands/status.js'),
  kpis: () => import('./commands/kpis.js'),
  report: () => import('./commands/report.js'),
  kpi: () => import('./commands/kpi-record.js'),
  standup: () => import('./commands/standup.js'),
  escalate: () => import('./commands/escalate.js'),
  sync: () => import('./commands/sync.js'),
  plan: () => import('./commands/plan-update.js'),
  export: () => import('./commands/export.js'),
  init: () => import('./commands/init.js'),
  whoami: () => import('./commands/whoami.js'),
  check: () => import('./commands/check.js'),
  uncheck: () => import('./commands/uncheck.js'),
  block: () => import('./commands/block.js'),
  unblock: () => import('./commands/unblock.js'),
  note: () => import('./commands/note.js'),
  assign: () => import('./commands/assign.js'),
  undo: () => import('./commands/undo.js'),
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  log: () => import('./commands/log.js'),
  doctor: () => import('./commands/doctor.js'),
  completion: () => import('./commands/completion.js'),
};

interface Needed {
  load: string[];
  names: string[];
}

/**
 * What a run needs registered. The command it names, when the words before it are only global
 * options: loading just that one spares loading two dozen. A word that names no command: only the
 * names, for commander's "did you mean". Anything else (help, no command, an option it does not
 * know): every command, for the full help.
 */
function commandsNeeded(argv: string[]): Needed {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dir') i++;
    else if (arg === '--json' || arg === '--no-color' || arg.startsWith('--dir=')) continue;
    else if (Object.hasOwn(COMMANDS, arg)) return { load: [arg], names: [] };
    else if (arg !== 'help' && !arg.startsWith('-') && !argv.includes('--help') && !argv.includes('-h')) return { load: [], names: Object.keys(COMMANDS) };
    else break;
  }
  return { load: Object.keys(COMMANDS), names: [] };
}

/**
 * `needed`: which commands to register (by default, what `argv` names). `onError`: where commander's own
 * error messages go instead of stderr (with --json, run() says them as JSON); by default, stderr.
 */
export async function buildProgram(rt: Runtime, argv: string[] = [], needed: Needed = commandsNeeded(argv), onError?: (text: string) => void): Promise<Command> {
  const program = new Command('launch')
    .description('A launch checklist for a sprint plan written in Markdown: what is on today, what got done, are we on track.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'machine-readable output on stdout (a stable shape with a "schema" version)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--dir <path>', 'the workspace (.launch/) to use instead of searching upwards (also: LAUNCH_DIR)')
    .showHelpAfterError('(run with --help for usage)')
    // commander leaves a description unwrapped when its column is under 40 wide: on a narrow terminal
    // it would run past the edge.
    .configureHelp({ minWidthToWrap: 20 })
    .configureOutput({
      // commander wraps its own columns to helpWidth; the examples and notes added after it are ours,
      // written for 80 columns, and are wrapped here on a narrower terminal.
      writeOut: (s) => void rt.stdout.write(helpWidth(rt) < HELP_WIDTH ? fitText(s, helpWidth(rt)) : s),
      writeErr: (s) => void (onError ? onError(s) : rt.stderr.write(s)),
      // commander writes its own errors, echoing what was typed ("unknown command 'x'"): a word typed or
      // pasted may hold an escape sequence, so its errors go through the same sanitiser as ours.
      outputError: (s, write) => (onError ? onError(s) : write(safeBlock(s))),
      getOutHelpWidth: () => helpWidth(rt),
      getErrHelpWidth: () => HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride();
  // Wrapped here, not by hand, so it reads as well at 60 columns as at 80 (and at 80 breaks where it did).
  const width = helpWidth(rt);
  const quickStart = [
    ['launch today', 'what is on today (the bundled plan until you run launch init)'],
    ['launch init --start 2026-11-30', 'start tracking the bundled plan in .launch/'],
    ['launch check skeleton loading', 'mark an item done, by id, id prefix or words of its title'],
    ['launch kpis', 'KPI targets, actuals, met or missed'],
  ].flatMap(([example, what]) => wrapLine(`  ${example!.padEnd(33)}${what}`, width, width >= HELP_WIDTH ? 35 : 4));
  const exitCodes = ['0 ok', '1 failure, not found or ambiguous', '2 usage error', '130 cancelled prompt'];
  // At 80 columns each code stays whole on its line; narrower, the words wrap.
  const exits = width >= HELP_WIDTH ? [`Exit codes: ${exitCodes.slice(0, 3).join(' · ')} ·`, `            ${exitCodes[3]}`] : wrapLine(`Exit codes: ${exitCodes.join(' · ')}`, width, 12);
  program.addHelpText('after', ['', 'Quick start:', ...quickStart, '', ...exits].join('\n'));
  const modules = await Promise.all(needed.load.map((name) => COMMANDS[name]!()));
  for (const { register } of modules) register(program, rt);
  for (const name of needed.names) program.command(name);
  return program;
}

/** --json among the words before `--`: errors are then JSON too. */
const wantsJson = (argv: string[]): boolean => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
};

/** The JSON error on stderr (docs/json-errors.md): the same words as the text error, sanitised, one line. */
export function jsonError(code: ErrorCode, message: string, hint: string | undefined): string {
  const text = JSON.stringify({ schema: 1, error: { code, message: safeBlock(message), hint: hint === undefined ? null : safeBlock(hint) } });
  return `${text.replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** commander's error ("error: unknown option '--x'\n(Did you mean --y?)") as a message and a hint. */
function commanderJson(error: CommanderError): string {
  if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return jsonError('usage', 'no command given', 'launch --help lists the commands');
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const hint = rest.join(' ').replace(/^\((.*)\)$/, '$1').trim();
  return jsonError('usage', first, hint || 'run with --help for usage');
}

export function formatError(error: unknown, env: Record<string, string | undefined>): { message: string; code: number } {
  if (isLaunchError(error)) {
    const debug = env.LAUNCH_DEBUG === '1' && error.stack ? `\n${safeBlock(error.stack)}` : '';
    const hint = error.hint ? `\nhint: ${safeBlock(error.hint)}` : '';
    const prefix = error.name === 'CancelledError' ? '' : 'error: ';
    return { message: `${prefix}${safeBlock(error.message)}${hint}${debug}`, code: error.exitCode };
  }
  const err = error as Error;
  const detail = env.LAUNCH_DEBUG === '1' ? `\n${safeBlock(String(err?.stack))}` : '\n(set LAUNCH_DEBUG=1 for details)';
  return { message: `internal error: ${safeBlock(String(err?.message))}${detail}`, code: EXIT.failure };
}

export async function run(argv: string[], rt: Runtime): Promise<number> {
  // `launch --help` and `--version` depend on nothing but this file: the build renders the help once
  // (dist/help.txt), which spares defining every command and formatting them on each call.
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && helpWidth(rt) === HELP_WIDTH) {
    const text = rt.rootHelp?.();
    if (text !== undefined) {
      rt.stdout.write(text);
      return EXIT.ok;
    }
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    rt.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (argv[0] === '__complete') return complete(argv.slice(1), rt);
  if (argv.length === 1 && argv[0] === '__man') {
    const { manCommand } = await import('./commands/man.js');
    manCommand(rt, await buildProgram(rt, []));
    return EXIT.ok;
  }
  const json = wantsJson(argv);
  // With --json, commander's own messages are held back: the error is said once, as JSON.
  const program = await buildProgram(rt, argv, undefined, json ? () => undefined : undefined);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through here too, with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      if (json) rt.stderr.write(commanderJson(error));
      return EXIT.usage;
    }
    if ((error as Error)?.name === 'ExitPromptError') error = new CancelledError();
    const { message, code } = formatError(error, rt.env);
    if (!json) rt.stderr.write(`${message}\n`);
    else if (isLaunchError(error)) rt.stderr.write(jsonError(error.errorCode, error.message, error.hint));
    else rt.stderr.write(jsonError('internal', message.replace(/^internal error: /, ''), undefined));
    return code;
  }
}

/**
 * `launch __complete <words…>` (see commands/complete.ts), for the shell scripts of `launch completion`.
 * Only the command the finished words name is loaded, or none (its name is all a first word needs):
 * it runs on every TAB.
 */
async function complete(words: string[], rt: Runtime): Promise<number> {
  const needed = commandsNeeded(words.slice(0, -1));
  try {
    const program = await buildProgram(rt, [], needed.load.length === 1 ? needed : { load: [], names: Object.keys(COMMANDS) });
    const { completeCommand } = await import('./commands/complete.js');
    await completeCommand(rt, program, words);
  } catch {
    // A completion never fails: the shell then offers nothing.
  }
  return EXIT.ok;
}

// Builds the commander program. Command modules are imported only when their command runs, and this
// is the one place where errors become messages and exit codes.
import { Command, CommanderError, Option } from 'commander';
import { CancelledError, EXIT, LaunchError } from './errors.js';
import { createCtx, type Ctx, type GlobalOptions, type Runtime } from './runtime.js';
import { safeBlock } from './render/sanitize.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : '0.0.0-dev';

type Action = (ctx: Ctx, ...args: any[]) => Promise<void>;

/** Wraps a lazily loaded command so it receives the context built from the global flags. */
function lazy(rt: Runtime, load: () => Promise<Action>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = createCtx(rt, command.optsWithGlobals() as GlobalOptions);
    const action = await load();
    await action(ctx, ...args.slice(0, -1));
  };
}

const dateOption = () =>
  new Option('--date <date>', 'the day to look at: YYYY-MM-DD, today, yesterday or tomorrow');

export function buildProgram(rt: Runtime): Command {
  const program = new Command('launch')
    .description('A launch checklist for a sprint plan written in Markdown: what is on today, what got done, are we on track.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'machine-readable output on stdout (a stable shape with a "schema" version)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--dir <path>', 'the workspace (.launch/) to use instead of searching upwards (also: LAUNCH_DIR)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void rt.stdout.write(s),
      writeErr: (s) => void rt.stderr.write(s),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Quick start:
  launch today                     what is on today (the bundled plan until you run launch init)
  launch init --start 2026-11-30   start tracking the bundled plan in .launch/
  launch check skeleton loading    mark an item done, by id, id prefix or words of its title
  launch kpis                      KPI targets, actuals, met or missed

Exit codes: 0 ok · 1 failure, not found or ambiguous · 2 usage error · 130 cancelled prompt`,
  );

  program
    .command('import')
    .description('turn a Markdown plan into a validated YAML plan')
    .argument('<plan.md>', 'the Markdown plan')
    .option('-o, --output <file.yaml>', 'where to write the YAML (default: plans/<plan-id>.yaml)')
    .addHelpText('after', '\nExample:\n  launch import sprint-plan.md -o plans/sprint.yaml\n')
    .action(lazy(rt, async () => (await import('./commands/import.js')).importCommand));

  program
    .command('validate')
    .description('check a YAML or Markdown plan; exit 1 with file:line messages when it is invalid')
    .argument('<plan>', 'a plan .yaml or .md file')
    .action(lazy(rt, async () => (await import('./commands/validate.js')).validateCommand));

  return program;
}

export function formatError(error: unknown, env: Record<string, string | undefined>): { message: string; code: number } {
  if (error instanceof LaunchError) {
    const debug = env.LAUNCH_DEBUG === '1' && error.stack ? `\n${error.stack}` : '';
    const hint = error.hint ? `\nhint: ${error.hint}` : '';
    const prefix = error instanceof CancelledError ? '' : 'error: ';
    return { message: `${prefix}${safeBlock(error.message)}${hint}${debug}`, code: error.exitCode };
  }
  const err = error as Error;
  const detail = env.LAUNCH_DEBUG === '1' ? `\n${err.stack}` : '\n(set LAUNCH_DEBUG=1 for details)';
  return { message: `internal error: ${err.message}${detail}`, code: EXIT.failure };
}

export async function run(argv: string[], rt: Runtime): Promise<number> {
  const program = buildProgram(rt);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if ((error as Error)?.name === 'ExitPromptError') error = new CancelledError();
    const { message, code } = formatError(error, rt.env);
    rt.stderr.write(`${message}\n`);
    return code;
  }
}

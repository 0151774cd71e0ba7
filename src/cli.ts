// Builds the commander program. Command modules are imported only when their command runs, and this
// is the one place where errors become messages and exit codes.
import { Command, CommanderError, Option } from 'commander';
import { CancelledError, EXIT, isLaunchError } from './errors.js';
import { createCtx, type Ctx, type GlobalOptions, type Runtime } from './runtime.js';
import { safeBlock } from './render/sanitize.js';

declare const __LAUNCH_VERSION__: string;
const VERSION = typeof __LAUNCH_VERSION__ === 'string' ? __LAUNCH_VERSION__ : '0.0.0-dev';

type Action = (ctx: Ctx, ...args: any[]) => Promise<void>;

export const HELP_WIDTH = 80;

/** Wraps a lazily loaded command so it receives the context built from the global flags. */
function lazy(rt: Runtime, load: () => Promise<Action>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = createCtx(rt, command.optsWithGlobals() as GlobalOptions);
    const action = await load();
    await action(ctx, ...args.slice(0, -1));
  };
}

const asOption = () => new Option('--as <name>', 'record as this person instead of the configured actor');

const dateOption = () =>
  new Option('--date <date>', 'the day to look at: YYYY-MM-DD, today, yesterday or tomorrow');

/** Every command, in help order; a run registers only the one it names (see buildProgram). */
const COMMANDS: [name: string, define: (program: Command, rt: Runtime) => unknown][] = [
  [
    'import',
    (program, rt) =>
      program
      .command('import')
      .description('turn a Markdown plan into a validated YAML plan')
      .argument('<plan.md>', 'the Markdown plan')
      .option('-o, --output <file.yaml>', 'where to write the YAML (default: plans/<plan-id>.yaml)')
      .option('-y, --yes', 'inside a workspace: apply the plan update without asking')
      .addHelpText('after', '\nInside a workspace and without -o, this updates the workspace\'s plan (as `launch plan update`),\nshowing what changes and keeping every status.\n\nExample:\n  launch import sprint-plan.md -o plans/sprint.yaml\n')
      .action(lazy(rt, async () => (await import('./commands/import.js')).importCommand)),
  ],
  [
    'validate',
    (program, rt) =>
      program
      .command('validate')
      .description('check a YAML or Markdown plan; exit 1 with file:line messages when it is invalid')
      .argument('<plan>', 'a plan .yaml or .md file')
      .action(lazy(rt, async () => (await import('./commands/validate.js')).validateCommand)),
  ],
  [
    'today',
    (program, rt) =>
      program
      .command('today')
      .description('what is on today: tasks by block, checklist items due, overdue and blocked items')
      .addOption(dateOption())
      .option('--team <words>', 'only blocks whose team has these words (backend, "frontend lead")')
      .option('-a, --all', 'also show each task\'s steps')
      .option('-v, --verbose', 'same as --all')
      .addHelpText('after', '\nExamples:\n  launch today\n  launch today --date tomorrow --team backend\n  launch today --json | jq \'.items[].id\'\n')
      .action(lazy(rt, async () => (await import('./commands/today.js')).todayCommand)),
  ],
  [
    'status',
    (program, rt) =>
      program
      .command('status')
      .description('progress per sprint and week, and a burndown of open items against the ideal line')
      .addOption(dateOption())
      .action(lazy(rt, async () => (await import('./commands/status.js')).statusCommand)),
  ],
  [
    'kpis',
    (program, rt) =>
      program
      .command('kpis')
      .description('KPI targets per week with the recorded actuals: met, missed, pending or no data')
      .option('--sprint <n>', 'only this sprint (1, s1, 3 for Sprint 3-4)')
      .option('--week <n>', 'only targets for this week')
      .addOption(dateOption())
      .option('--gate', 'exit 1 when a target due by the date was missed (for a CI launch gate)')
      .addHelpText('after', '\nExamples:\n  launch kpis --sprint 1\n  launch kpis --gate --date 2026-12-11 || echo "launch blocked"\n')
      .action(lazy(rt, async () => (await import('./commands/kpis.js')).kpisCommand)),
  ],
  [
    'kpi',
    (program, rt) =>
      program
      .command('kpi')
      .description('record KPI values (see: launch kpi record --help)')
      .command('record')
      .description('record the measured value of a KPI for a week')
      .argument('<metric>', 'KPI id or words of its name ("bundle size")')
      .argument('<value>', 'the measured value, e.g. 540KB, 85%, 4.2/5, 750 users, Pass')
      .option('--week <n>', 'the plan week the value is for (default: the current week)')
      .option('--note <text>', 'where the number came from')
      .addOption(asOption())
      .addHelpText('after', '\nExamples:\n  launch kpi record "bundle size" 540KB --week 1\n  launch kpi record cache-hit-rate 85%\n')
      .action(lazy(rt, async () => (await import('./commands/kpi-record.js')).kpiRecordCommand)),
  ],
  [
    'standup',
    (program, rt) =>
      program
      .command('standup')
      .description('yesterday by person, today, blockers, on-track verdict and the plan\'s standup questions')
      .addOption(dateOption())
      .option('--actor <name>', 'only this person\'s events under yesterday')
      .option('--team <words>', 'only blocks whose team has these words')
      .addOption(new Option('--format <format>', 'text, or md to paste into chat').choices(['text', 'md']).default('text'))
      .option('--answer', 'answer the questions (prompts on a terminal, else --yesterday/--today/--blockers) and record them')
      .option('--yesterday <text>', 'with --answer: what you completed yesterday')
      .option('--today <text>', 'with --answer: what you work on today')
      .option('--blockers <text>', 'with --answer: blockers or dependencies')
      .addOption(asOption())
      .addHelpText('after', '\nExamples:\n  launch standup\n  launch standup --format md | pbcopy\n  launch standup --answer\n')
      .action(lazy(rt, async () => (await import('./commands/standup.js')).standupCommand)),
  ],
  [
    'escalate',
    (program, rt) =>
      program
      .command('escalate')
      .description('escalate an item under the plan\'s rules; with no item, list open escalations and candidates')
      .argument('[item]', 'item id, id prefix, or words of its title')
      .option('--level <level>', 'the plan\'s escalation level (critical, high)')
      .option('--reason <text>', 'what is wrong')
      .option('--resolve', 'close the item\'s open escalation')
      .addOption(asOption())
      .addHelpText('after', '\nExamples:\n  launch escalate redis-setup --level high --reason "blocks all caching work"\n  launch escalate --resolve redis-setup\n  launch escalate\n')
      .action(lazy(rt, async () => (await import('./commands/escalate.js')).escalateCommand)),
  ],
  [
    'sync',
    (program, rt) =>
      program
      .command('sync')
      .description('share the workspace through git: commit new events, pull teammates\' with a rebase, push')
      .addOption(asOption())
      .addHelpText('after', '\nRefuses outside a git repository, without an upstream branch, or when .launch/ has changes launch did not make.\n\nExamples:\n  launch sync\n  launch sync --json | jq \'.pulled\'\n')
      .action(lazy(rt, async () => (await import('./commands/sync.js')).syncCommand)),
  ],
  [
    'plan',
    (program, rt) =>
      program
      .command('plan')
      .description('change the plan the workspace tracks (see: launch plan update --help)')
      .command('update')
      .description('show what changes against an edited plan, then replace .launch/plan.yaml keeping every status')
      .argument('<plan>', 'the edited plan: a Markdown or YAML file')
      .option('-y, --yes', 'apply without asking (needed when not on a terminal)')
      .addHelpText('after', '\nExamples:\n  launch plan update sprint-plan.md\n  launch plan update sprint-plan.md --yes --json\n')
      .action(lazy(rt, async () => (await import('./commands/plan-update.js')).planUpdateCommand)),
  ],
  [
    'init',
    (program, rt) =>
      program
      .command('init')
      .description('create a workspace (.launch/) that tracks a plan')
      .option('--plan <file>', 'a YAML plan, or a Markdown plan to import (default: the bundled SecureNet plan)')
      .option('--start <date>', 'week 1 is the week containing this date (default: today)')
      .option('--tz <zone>', 'IANA time zone that decides which day an event belongs to (default: the system zone)')
      .option('--as <name>', 'the name your events are recorded under (default: git user.name, then the OS user)')
      .option('--holiday <dates...>', 'non-working days (YYYY-MM-DD, several or comma-separated)')
      .option('--force', 'replace the plan and config of an existing workspace; the event log is kept')
      .addHelpText('after', '\nExamples:\n  launch init --start 2026-11-30 --tz Europe/Berlin\n  launch init --plan roadmap.md --holiday 2026-12-25,2027-01-01\n')
      .action(lazy(rt, async () => (await import('./commands/init.js')).initCommand)),
  ],
  [
    'check',
    (program, rt) =>
      program
      .command('check')
      .description('mark items done; with no item on a terminal, pick from this week\'s open items')
      .argument('[items...]', 'item ids, id prefixes, or words of a title')
      .option('--note <text>', 'a note to keep with the check')
      .option('--value <measured...>', 'the measured value, checked against the target in the item\'s text (480KB, LCP=2.1s)')
      .option('--force', 'record a --value that misses its target anyway (shown as done, target missed)')
      .addOption(new Option('--date <date>', 'when it was really done (YYYY-MM-DD, yesterday, …)'))
      .addOption(asOption())
      .addHelpText('after', '\nExamples:\n  launch check skeleton-loading-setup\n  launch check skeleton loading --note "all three skeletons in"\n  launch check bundle-analysis --date yesterday\n  launch check initial-bundle --value 480KB\n  launch check core-web-vitals --value LCP=2.1s --value FID=80ms --value CLS=0.05\n')
      .action(lazy(rt, async () => (await import('./commands/check.js')).checkCommand)),
  ],
  [
    'uncheck',
    (program, rt) =>
      program
      .command('uncheck')
      .description('mark done items as not done again')
      .argument('<items...>', 'item ids, id prefixes, or words of a title')
      .addOption(asOption())
      .action(lazy(rt, async () => (await import('./commands/uncheck.js')).uncheckCommand)),
  ],
  [
    'block',
    (program, rt) =>
      program
      .command('block')
      .description('mark items blocked, with the reason the team will see at standup')
      .argument('<items...>', 'item ids, id prefixes, or words of a title')
      .requiredOption('--reason <text>', 'what it is waiting for')
      .addOption(asOption())
      .addHelpText('after', '\nExample:\n  launch block redis-setup --reason "waiting for DBA"\n')
      .action(lazy(rt, async () => (await import('./commands/block.js')).blockCommand)),
  ],
  [
    'unblock',
    (program, rt) =>
      program
      .command('unblock')
      .description('clear the block on items')
      .argument('<items...>', 'item ids, id prefixes, or words of a title')
      .addOption(asOption())
      .action(lazy(rt, async () => (await import('./commands/unblock.js')).unblockCommand)),
  ],
  [
    'note',
    (program, rt) =>
      program
      .command('note')
      .description('add a note to an item')
      .argument('<item>', 'item id, id prefix, or words of its title (quote several words)')
      .argument('<text...>', 'the note')
      .addOption(asOption())
      .action(lazy(rt, async () => (await import('./commands/note.js')).noteCommand)),
  ],
  [
    'undo',
    (program, rt) =>
      program
      .command('undo')
      .description('revert your last change by appending a compensating event (the history keeps both)')
      .addOption(asOption())
      .action(lazy(rt, async () => (await import('./commands/undo.js')).undoCommand)),
  ],
  [
    'list',
    (program, rt) =>
      program
      .command('list')
      .description('list items with their ids and statuses')
      .option('--sprint <n>', 'only this sprint (1, s1, 3 for Sprint 3-4)')
      .option('--week <n>', 'only items scheduled in this week')
      .option('--team <words>', 'only blocks whose team has these words (backend, "frontend lead")')
      .addOption(new Option('--status <status>', 'only items with this status').choices(['todo', 'done', 'blocked']))
      .addOption(new Option('--kind <kind>', 'only tasks or checklist items').choices(['task', 'check']))
      .option('--plan <file>', 'list a plan file (YAML or Markdown) instead of the workspace')
      .action(lazy(rt, async () => (await import('./commands/list.js')).listCommand)),
  ],
  [
    'show',
    (program, rt) =>
      program
      .command('show')
      .description('one item in full: schedule, steps, targets, notes and history')
      .argument('<item>', 'item id, id prefix, or words of its title')
      .option('--plan <file>', 'look in a plan file instead of the workspace')
      .action(lazy(rt, async () => (await import('./commands/show.js')).showCommand)),
  ],
  [
    'log',
    (program, rt) =>
      program
      .command('log')
      .description('the history of changes, newest first')
      .option('--actor <name>', 'only this person\'s events')
      .option('--item <item>', 'only events of this item')
      .option('--since <date>', 'only events from this day on (YYYY-MM-DD, yesterday, …)')
      .option('--limit <n>', 'at most this many events')
      .action(lazy(rt, async () => (await import('./commands/log.js')).logCommand)),
  ],
  [
    'doctor',
    (program, rt) =>
      program
      .command('doctor')
      .description('check the workspace; --repair moves malformed log lines to a dated backup')
      .option('--repair', 'move bad lines out of the log (a full copy of the old log is kept)')
      .action(lazy(rt, async () => (await import('./commands/doctor.js')).doctorCommand)),
  ],
];

/**
 * The command a run names, when its words before it are only global options: registering just that
 * one saves defining two dozen commands on every run. Anything else (help, a typo, no command)
 * gets every command, for the full help and commander's "did you mean".
 */
function commandNamed(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dir') i++;
    else if (arg === '--json' || arg === '--no-color' || arg.startsWith('--dir=')) continue;
    else return COMMANDS.some(([name]) => name === arg) ? arg : undefined;
  }
  return undefined;
}

export function buildProgram(rt: Runtime, argv: string[] = []): Command {
  const only = commandNamed(argv);
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
      // Help is 80 columns wide everywhere, like a man page: the same text on every terminal and in
      // every pipe, and the root help can be rendered once, at build time (see run()).
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
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

  for (const [name, define] of COMMANDS) if (only === undefined || name === only) define(program, rt);
  return program;
}

export function formatError(error: unknown, env: Record<string, string | undefined>): { message: string; code: number } {
  if (isLaunchError(error)) {
    const debug = env.LAUNCH_DEBUG === '1' && error.stack ? `\n${error.stack}` : '';
    const hint = error.hint ? `\nhint: ${error.hint}` : '';
    const prefix = error.name === 'CancelledError' ? '' : 'error: ';
    return { message: `${prefix}${safeBlock(error.message)}${hint}${debug}`, code: error.exitCode };
  }
  const err = error as Error;
  const detail = env.LAUNCH_DEBUG === '1' ? `\n${err.stack}` : '\n(set LAUNCH_DEBUG=1 for details)';
  return { message: `internal error: ${err.message}${detail}`, code: EXIT.failure };
}

export async function run(argv: string[], rt: Runtime): Promise<number> {
  // `launch --help` and `--version` depend on nothing but this file: the build renders the help once
  // (dist/help.txt), which spares defining every command and formatting them on each call.
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
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
  const program = buildProgram(rt, argv);
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

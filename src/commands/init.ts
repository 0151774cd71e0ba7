// launch init [--plan <yaml|md>] [--start <date>] [--tz <zone>] [--as <name>] [--holiday] [--force]
// Creates a workspace; in an existing one (a teammate's clone), `--as` alone only sets who you are, and
// `--force` changes what it is given again, keeping the rest.
import { basename, join, relative, resolve } from 'node:path';
import { createCalendar, isValidTimeZone, localDateOf, zoneOf } from '../core/calendar/calendar.js';
import { type Config, defaultConfig } from '../core/config/config.js';
import { LaunchError, UsageError } from '../errors.js';
import { checkWorkspaceFiles, initWorkspace, isWorkspace, type InitResult, setLocalActor } from '../io/init-workspace.js';
import { sourceNameFor } from '../io/markdown-source.js';
import { bundledPlanPath, isMarkdown, type LoadedPlan, loadPlanFile } from '../io/plan-source.js';
import { openState, rememberPlan } from '../io/store/open.js';
import { systemTimeZone } from '../io/system.js';
import { readWorkspaceText } from '../io/text-file.js';
import { actorChoices, asOptionName, WORKSPACE_DIR, workspacePaths, type WorkspacePaths } from '../io/workspace.js';
import { initJson } from '../render/json/plan-files.js';
import { created, joined } from '../render/plan-files.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { QUIET_OPTION, resolveDate } from './shared/options.js';

export interface InitOptions {
  plan?: string;
  start?: string;
  tz?: string;
  as?: string;
  holiday?: string[];
  force?: boolean;
}

export const register: Register = (program, rt) =>
  program
    .command('init')
    .description('create a workspace (.launch/) that tracks a plan, or join a teammate\'s with --as')
    .option('--plan <file>', 'a YAML plan, or a Markdown plan to import (default: the bundled SecureNet plan)')
    .option('--start <date>', 'week 1 is the week containing this date (default: today)')
    .option('--tz <zone>', 'IANA time zone that decides which day an event belongs to (default: the system zone)')
    .option('--as <name>', 'the name your events are recorded under in this clone (default: git user.name, then the OS user)', asOptionName)
    .option('--holiday <dates...>', 'non-working days (YYYY-MM-DD, several or comma-separated)')
    .option('--force', 'change the plan or settings of an existing workspace: what is not given again is kept, and so is the event log')
    .addHelpText(
      'after',
      examples('launch init --start 2026-11-30 --tz Europe/Berlin', 'launch init --plan roadmap.md --holiday 2026-12-25,2027-01-01', 'launch init --as carol', 'launch init --force --start 2026-12-07'),
    )
    .option(...QUIET_OPTION)
    .action(handle(rt, initCommand));

/** The settings: each flag given, else the existing workspace's value, else a new workspace's default. */
function configFrom(ctx: Ctx, opts: InitOptions, base: Config | undefined): Config {
  const timeZone = opts.tz ?? base?.timeZone ?? systemTimeZone(ctx.rt.env);
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz: "${timeZone}" is not an IANA time zone`, 'e.g. Europe/Berlin, America/New_York, UTC');
  const today = localDateOf(ctx.rt.now().getTime(), zoneOf(timeZone));
  const start = opts.start !== undefined ? resolveDate(opts.start, today, '--start') : (base?.start ?? today);
  const holidays = opts.holiday === undefined ? (base?.holidays ?? []) : opts.holiday.flatMap((h) => h.split(',')).filter(Boolean).map((h) => resolveDate(h.trim(), today, '--holiday'));
  return { ...(base ?? defaultConfig(start, timeZone)), start, timeZone, holidays: [...new Set(holidays)].sort() };
}

export async function initCommand(ctx: Ctx, opts: InitOptions): Promise<void> {
  configFrom(ctx, opts, undefined); // a usage error comes before anything else
  if (opts.as !== undefined) opts = { ...opts, as: asOptionName(opts.as) };
  const dir = ctx.dir ? resolve(ctx.rt.cwd, ctx.dir, basename(ctx.dir) === WORKSPACE_DIR ? '' : WORKSPACE_DIR) : join(ctx.rt.cwd, WORKSPACE_DIR);
  const settingsGiven = opts.plan !== undefined || opts.start !== undefined || opts.tz !== undefined || opts.holiday !== undefined;
  // A workspace's files are checked before any is read: a FIFO would hang the read, a link would lead out.
  if (isWorkspace(dir)) checkWorkspaceFiles(workspacePaths(dir));
  if (isWorkspace(dir) && !settingsGiven && opts.as) return joinWorkspace(ctx, workspacePaths(dir), opts.as);

  const existing = isWorkspace(dir) && opts.force ? await existingWorkspace(ctx, workspacePaths(dir), opts.plan === undefined) : undefined;
  const config = configFrom(ctx, opts, existing?.config);
  const loaded = existing?.plan ?? (await loadPlanFile(opts.plan ?? bundledPlanPath(), ctx.rt.cwd));
  for (const w of loaded.warnings) ctx.warn(`${opts.plan}:${w.line}: ${w.message}`);
  const { configToYaml, planToYaml } = await import('../lazy/parse.js');
  // A YAML plan is copied byte for byte so that its comments and layout survive; a Markdown one's header
  // names it relative to the project folder, for `launch export md` to write progress back into.
  const planYaml = existing?.plan ? undefined : isMarkdown(loaded.path) ? planToYaml(loaded.plan, sourceNameFor(dir, loaded.path)) : loaded.text;
  const result = initWorkspace({ dir, planYaml, configYaml: configToYaml(config), force: opts.force === true, ...(opts.as ? { actor: opts.as } : {}) });
  // A YAML plan was parsed from the very text copied; an imported one is read back from what was written.
  await rememberPlan(result.paths.plan, result.paths.config, planYaml ?? loaded.text, planYaml === loaded.text || existing?.plan ? loaded.plan : undefined);
  report(ctx, opts, config, loaded, result, existing !== undefined);
}

function report(ctx: Ctx, opts: InitOptions, config: Config, loaded: LoadedPlan, result: InitResult, updated: boolean): void {
  const weekOneStarts = createCalendar(config, loaded.plan.totalWeeks).weekStart(1);
  const shown = relative(ctx.rt.cwd, result.paths.dir) || result.paths.dir;
  const { start, timeZone } = config;
  if (ctx.json) {
    const fields = { dir: shown, plan: loaded.plan.id, start, weekOneStarts, timeZone, keptLog: result.keptLog, gitattributes: result.gitattributes ?? null };
    return ctx.printJson(initJson({ ...fields, actor: opts.as ?? null, written: result.written }));
  }
  const gitattributes = result.gitattributes ? relative(ctx.rt.cwd, result.gitattributes) || '.gitattributes' : undefined;
  const kept = updated ? ['plan.yaml', 'config.yaml'].filter((f) => !result.written.includes(f)) : [];
  ctx.printLines(created({ dir: shown, title: loaded.plan.title, weekOneStarts, totalWeeks: loaded.plan.totalWeeks, timeZone, keptLog: result.keptLog, gitattributes, updated, kept }));
}

/** --force: the workspace's plan (unless replaced) and settings, which it keeps unless given again. */
async function existingWorkspace(ctx: Ctx, paths: WorkspacePaths, keepPlan: boolean): Promise<{ config: Config | undefined; plan: LoadedPlan | undefined }> {
  const plan = keepPlan ? await loadPlanFile(paths.plan, ctx.rt.cwd).catch((error: unknown) => {
    throw new LaunchError(`${(error as Error).message}`, { hint: 'give --plan <file> to replace it', cause: error });
  }) : undefined;
  const { parseConfigYaml } = await import('../lazy/parse.js');
  let config: Config | undefined;
  try {
    const parsed = parseConfigYaml(readWorkspaceText(paths.config, 'workspace config'));
    if (parsed.ok) config = parsed.config;
    else ctx.warn(`${paths.config}${parsed.line ? `:${parsed.line}` : ''}: ${parsed.message}; the settings not given start from the defaults`);
  } catch (error) {
    ctx.warn(`${(error as Error).message}; the settings not given start from the defaults`);
  }
  return { config, plan };
}

/** `init --as <name>` in a teammate's workspace: this clone's name, and nothing of the team's files. */
async function joinWorkspace(ctx: Ctx, paths: WorkspacePaths, actor: string): Promise<void> {
  const state = await openState({ cwd: ctx.rt.cwd, dir: paths.dir, env: ctx.rt.env, now: ctx.rt.now().getTime() });
  const written = setLocalActor(paths, actor);
  // Something asked before .launch/actor would still decide (--as is this command's own).
  const [first] = await actorChoices(undefined, state.config, ctx.rt.cwd, ctx.rt.env, paths);
  if (first && first.source === 'LAUNCH_ACTOR') ctx.warn(`LAUNCH_ACTOR (${first.name}) comes before .launch/actor: your events are recorded as ${first.name} while it is set`);
  const shown = relative(ctx.rt.cwd, paths.dir) || paths.dir;
  if (ctx.json) {
    const { start, timeZone } = state.config;
    const fields = { dir: shown, plan: state.plan.id, start, weekOneStarts: state.calendar.weekStart(1), timeZone, keptLog: true, gitattributes: null };
    return ctx.printJson(initJson({ ...fields, actor, written }));
  }
  ctx.printLines(joined({ dir: shown, title: state.plan.title, actor }));
}

// launch init [--plan <yaml|md>] [--start <date>] [--tz <zone>] [--as <name>] [--holiday] [--force]
import { basename, join, relative, resolve } from 'node:path';
import { createCalendar, isValidTimeZone, localDateOf, zoneOf } from '../core/calendar/calendar.js';
import { type Config, defaultConfig } from '../core/config/config.js';
import { UsageError } from '../errors.js';
import { initWorkspace } from '../io/init-workspace.js';
import { bundledPlanPath, isMarkdown, loadPlanFile } from '../io/plan-source.js';
import { systemTimeZone } from '../io/system.js';
import { WORKSPACE_DIR } from '../io/workspace.js';
import { initJson } from '../render/json/plan-files.js';
import { created } from '../render/plan-files.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveDate } from './shared/options.js';

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
    .description('create a workspace (.launch/) that tracks a plan')
    .option('--plan <file>', 'a YAML plan, or a Markdown plan to import (default: the bundled SecureNet plan)')
    .option('--start <date>', 'week 1 is the week containing this date (default: today)')
    .option('--tz <zone>', 'IANA time zone that decides which day an event belongs to (default: the system zone)')
    .option('--as <name>', 'the name your events are recorded under (default: git user.name, then the OS user)')
    .option('--holiday <dates...>', 'non-working days (YYYY-MM-DD, several or comma-separated)')
    .option('--force', 'replace the plan and config of an existing workspace; the event log is kept')
    .addHelpText('after', examples('launch init --start 2026-11-30 --tz Europe/Berlin', 'launch init --plan roadmap.md --holiday 2026-12-25,2027-01-01'))
    .action(handle(rt, initCommand));

export async function initCommand(ctx: Ctx, opts: InitOptions): Promise<void> {
  const timeZone = opts.tz ?? systemTimeZone(ctx.rt.env);
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz: "${timeZone}" is not an IANA time zone`, 'e.g. Europe/Berlin, America/New_York, UTC');
  const today = localDateOf(ctx.rt.now().getTime(), zoneOf(timeZone));
  const start = resolveDate(opts.start, today);
  const holidays = (opts.holiday ?? []).flatMap((h) => h.split(',')).filter(Boolean).map((h) => {
    try {
      return resolveDate(h.trim(), today);
    } catch {
      throw new UsageError(`--holiday: "${h}" is not a date`, 'use YYYY-MM-DD');
    }
  });

  const loaded = await loadPlanFile(opts.plan ?? bundledPlanPath(), ctx.rt.cwd);
  for (const w of loaded.warnings) ctx.warn(`${opts.plan}:${w.line}: ${w.message}`);
  // A YAML plan is copied byte for byte so that its comments and layout survive.
  const { configToYaml, planToYaml } = await import('../lazy/parse.js');
  const planYaml = isMarkdown(loaded.path) ? planToYaml(loaded.plan, basename(loaded.path)) : loaded.text;

  const config: Config = { ...defaultConfig(start, timeZone), holidays: [...new Set(holidays)].sort() };
  const dir = ctx.dir ? resolve(ctx.rt.cwd, ctx.dir, basename(ctx.dir) === WORKSPACE_DIR ? '' : WORKSPACE_DIR) : join(ctx.rt.cwd, WORKSPACE_DIR);
  const result = initWorkspace({ dir, planYaml, configYaml: configToYaml(config), force: opts.force === true, ...(opts.as ? { actor: opts.as } : {}) });

  const weekOneStarts = createCalendar(config, loaded.plan.totalWeeks).weekStart(1);
  const shown = relative(ctx.rt.cwd, result.paths.dir) || result.paths.dir;
  if (ctx.json) {
    return ctx.printJson(initJson({ dir: shown, plan: loaded.plan.id, start, weekOneStarts, timeZone, keptLog: result.keptLog, gitattributes: result.gitattributes ?? null }));
  }
  const gitattributes = result.gitattributes ? relative(ctx.rt.cwd, result.gitattributes) || '.gitattributes' : undefined;
  ctx.printLines(created({ dir: shown, title: loaded.plan.title, weekOneStarts, totalWeeks: loaded.plan.totalWeeks, timeZone, keptLog: result.keptLog, gitattributes }));
}

// launch init [--plan <yaml|md>] [--start <date>] [--tz <zone>] [--as <name>] [--force]
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createCalendar, isValidTimeZone, localDateOf, zoneOf } from '../core/calendar/calendar.js';
import type { Config } from '../core/config/config.js';
import { UsageError } from '../errors.js';
import { initWorkspace } from '../io/init-workspace.js';
import { bundledPlanPath, isMarkdown, loadPlanFile } from '../io/plan-source.js';
import { defaultConfig, resolveDate, systemTimeZone } from '../io/session.js';
import { WORKSPACE_DIR } from '../io/workspace.js';
import { formatDate } from '../render/dates.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';

export interface InitOptions {
  plan?: string;
  start?: string;
  tz?: string;
  as?: string;
  holiday?: string[];
  force?: boolean;
}

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

  const source = opts.plan ?? bundledPlanPath();
  const loaded = await loadPlanFile(source, ctx.rt.cwd);
  for (const w of loaded.warnings) ctx.warn(`${opts.plan}:${w.line}: ${w.message}`);
  // A YAML plan is copied byte for byte so that its comments and layout survive.
  const { configToYaml, planToYaml } = await import('../lazy/parse.js');
  const planYaml = isMarkdown(loaded.path) ? planToYaml(loaded.plan, basename(loaded.path)) : readFileSync(loaded.path, 'utf8');

  const config: Config = { ...defaultConfig(start, timeZone), holidays: [...new Set(holidays)].sort() };
  const dir = ctx.dir ? resolve(ctx.rt.cwd, ctx.dir, basename(ctx.dir) === WORKSPACE_DIR ? '' : WORKSPACE_DIR) : join(ctx.rt.cwd, WORKSPACE_DIR);
  const result = initWorkspace({ dir, planYaml, configYaml: configToYaml(config), force: opts.force === true, ...(opts.as ? { actor: opts.as } : {}) });

  const calendar = createCalendar(config, loaded.plan.totalWeeks);
  const shown = relative(ctx.rt.cwd, result.paths.dir) || result.paths.dir;
  if (ctx.json) {
    ctx.printJson({ schema: 1, dir: shown, plan: loaded.plan.id, start, weekOneStarts: calendar.weekStart(1), timeZone, keptLog: result.keptLog, gitattributes: result.gitattributes ?? null });
    return;
  }
  ctx.print(`Created ${shown}/ tracking "${safeText(loaded.plan.title)}"`);
  ctx.print(`  Week 1 starts ${formatDate(calendar.weekStart(1))} · ${loaded.plan.totalWeeks} weeks · time zone ${timeZone}`);
  if (result.keptLog) ctx.print('  kept the existing event log');
  if (result.gitattributes) ctx.print(`  ${relative(ctx.rt.cwd, result.gitattributes) || '.gitattributes'}: events.jsonl merges with merge=union`);
  ctx.print('Next: launch today');
}

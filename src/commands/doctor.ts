// launch doctor [--repair]: checks the workspace — plan, config, event log — and only with --repair
// changes anything: bad log lines move to a dated backup, with a full copy of the old log beside it.
import { basename } from 'node:path';
import { LaunchError } from '../errors.js';
import { doctorEventLog, repairEventLog } from '../io/event-log-doctor.js';
import { findWorkspace, INIT_HINT } from '../io/workspace.js';
import { badLines, renderDoctor } from '../render/doctor.js';
import { doctorJson } from '../render/json/doctor.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { openForRead } from './shared/open.js';

export const register: Register = (program, rt) =>
  program
    .command('doctor')
    .description('check the workspace; --repair moves malformed log lines to a dated backup')
    .option('--repair', 'move bad lines out of the log (a full copy of the old log is kept)')
    .action(handle(rt, doctorCommand));

export async function doctorCommand(ctx: Ctx, opts: { repair?: boolean }): Promise<void> {
  // Without a workspace there is nothing to check: the bundled plan is not opened, nor mentioned.
  const noWorkspace = () => new LaunchError('no launch workspace here or in any parent directory, so there is nothing to check', { hint: INIT_HINT });
  if (!findWorkspace(ctx.rt.cwd, ctx.dir)) throw noWorkspace();
  // Opening validates the plan and config (throwing with file:line); log problems are reported here.
  // A config.yaml other commands stop on is reported here, with the plan and log checked all the same.
  const state = await openForRead(ctx, { history: true, reportConfig: true });
  if (!state.paths) throw noWorkspace();
  const report = doctorEventLog(state.paths.log, ctx.rt.now());
  const items = state.items.all();
  const known = new Set(items.map((i) => i.id));
  const kpis = new Set(state.plan.kpis.map((k) => k.id));
  const orphans = state.history.events.filter((e) => (e.type === 'kpi' ? !kpis.has(String(e.metric)) : typeof e.item === 'string' && !known.has(e.item)));
  const repair = opts.repair && !report.ok ? await repairEventLog(state.paths.log, ctx.rt.now()) : null;
  const model = {
    planFile: basename(state.paths.plan),
    itemCount: items.length,
    weekOneStarts: state.calendar.weekStart(1),
    timeZone: state.config.timeZone,
    configPath: state.paths.config,
    configProblem: state.configProblem,
    logFile: basename(state.paths.log),
    report,
    orphans,
    repair,
  };
  if (ctx.json) ctx.printJson(doctorJson(model));
  else ctx.printLines(renderDoctor(model, ctx.theme));
  const failures: string[] = [];
  if (state.configProblem) failures.push(`config.yaml needs fixing${state.configProblem.line ? ` (line ${state.configProblem.line})` : ''}`);
  if (!report.ok && !repair) failures.push(`the event log needs repair (${badLines(report)} bad line(s))`);
  if (failures.length > 0) throw new LaunchError(failures.join('; '));
}

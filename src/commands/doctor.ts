// launch doctor [--repair]: checks the workspace — plan, config, event log — and only with --repair
// changes anything: bad log lines move to a dated backup, with a full copy of the old log beside it,
// and events a teammate's commit removed (kept aside by sync) are appended back.
import { basename, relative } from 'node:path';
import { LaunchError } from '../errors.js';
import { doctorEventLog, repairEventLog } from '../io/event-log-doctor.js';
import { removedEventBackups, restoreRemovedEvents } from '../io/removed-events.js';
import { findWorkspace, INIT_HINT, workspaceActorProblems } from '../io/workspace.js';
import { badLines, renderDoctor } from '../render/doctor.js';
import { doctorJson } from '../render/json/doctor.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { openForRead } from './shared/open.js';
import { count } from '../render/count.js';

export const register: Register = (program, rt) =>
  program
    .command('doctor')
    .description('check the workspace; --repair moves malformed log lines to a dated backup')
    .option('--repair', 'move bad lines out of the log (a full copy of the old log is kept), and put back events a teammate\'s commit removed (sync keeps a copy)')
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
  await removedEvents(ctx, state.paths.log, opts.repair === true);
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
  // A name every write would refuse: said here, where nothing needs a name, with what to change.
  const names = await workspaceActorProblems(state.paths, state.config);
  for (const problem of names) ctx.warn(`${problem.message}; ${problem.hint}`);
  if (ctx.json) ctx.printJson(doctorJson(model));
  else ctx.printLines(renderDoctor(model, ctx.theme));
  const failures: string[] = [];
  if (state.configProblem) failures.push(`config.yaml needs fixing${state.configProblem.line ? ` (line ${state.configProblem.line})` : ''}`);
  if (!report.ok && !repair) failures.push(`the event log needs repair (${count(badLines(report), 'bad line')})`);
  if (names.length > 0) failures.push(`${names.length === 1 ? '1 name setting' : `${names.length} name settings`} above would make every write fail`);
  if (failures.length > 0) throw new LaunchError(failures.join('; '), names.length > 0 ? { hint: names[0]!.hint } : undefined);
}

/** Events a teammate's commit removed, which sync kept aside: said, and with --repair put back. */
async function removedEvents(ctx: Ctx, log: string, restore: boolean): Promise<void> {
  const shown = (file: string) => relative(ctx.rt.cwd, file) || file;
  if (restore) {
    for (const r of await restoreRemovedEvents(log)) ctx.note(`put back ${count(r.restored, 'event')} a teammate's commit had removed, from ${shown(r.file)} (launch sync shares them again)`);
    return;
  }
  for (const b of removedEventBackups(log)) {
    if (b.missing.length === 0) continue;
    ctx.warn(`${count(b.missing.length, 'event')} a teammate's commit removed from the log ${b.missing.length === 1 ? 'is' : 'are'} kept in ${shown(b.file)}: \`launch doctor --repair\` puts them back, or delete the file to let the removal stand`);
  }
}

// launch doctor [--repair]: checks the workspace — plan, config, event log — and only with --repair
// changes anything: bad log lines move to a dated backup, with a full copy of the old log beside it.
import { basename } from 'node:path';
import { LaunchError } from '../errors.js';
import { formatLogProblem } from '../io/event-log.js';
import { doctorEventLog, repairEventLog } from '../io/event-log-doctor.js';
import { openSession } from '../io/session.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';

export async function doctorCommand(ctx: Ctx, opts: { repair?: boolean }): Promise<void> {
  // Opening validates the plan and config (throwing with file:line); log problems are reported here.
  const session = await openSession(ctx, { history: true }); // orphaned events
  if (!session.paths) throw new LaunchError('no launch workspace to check', { hint: 'run `launch init` first' });
  const report = doctorEventLog(session.paths.log);
  const known = new Set(session.plan.items.map((i) => i.id));
  const kpis = new Set(session.plan.kpis.map((k) => k.id));
  // Events for items a plan update removed: kept in the log, listed here, never deleted.
  const orphans = session.events.filter((e) => (e.type === 'kpi' ? !kpis.has(String(e.metric)) : typeof e.item === 'string' && !known.has(e.item)));
  const repair = opts.repair && !report.ok ? await repairEventLog(session.paths.log, ctx.rt.now()) : null;

  if (ctx.json) {
    ctx.printJson({ schema: 1, log: report, orphans: orphans.map((e) => ({ id: e.id, type: e.type, item: e.item ?? null })), repair });
  } else {
    const { mark, c } = ctx.theme;
    ctx.print(`${mark.done} plan ${basename(session.paths.plan)}: ${session.plan.items.length} items, valid`);
    ctx.print(`${mark.done} config: week 1 starts ${session.calendar.weekStart(1)}, ${session.config.timeZone}`);
    ctx.print(`${report.ok ? mark.done : mark.missed} log ${basename(session.paths.log)}: ${report.events} events on ${report.lines} lines`);
    const problems = [...report.errors, ...report.torn, ...report.invalid];
    for (const p of problems) ctx.print(`    ${safeText(formatLogProblem(p))}`);
    if (report.duplicates.length > 0) ctx.print(`  ${report.duplicates.length} repeated event line(s) (counted once; normal after a git union merge)`);
    if (report.unknownTypes.length > 0) ctx.print(`  ${report.unknownTypes.length} event(s) of types this version ignores`);
    if (report.danglingUndos.length > 0) ctx.print(`  ${report.danglingUndos.length} undo event(s) whose target is not in the log`);
    if (orphans.length > 0) {
      ctx.print(`  ${orphans.length} event(s) for items no longer in the plan (kept, never deleted):`);
      for (const e of orphans.slice(0, 10)) ctx.print(c.dim(`    ${e.type} ${safeText(String(e.item ?? e.metric))}`));
    }
    if (repair) {
      ctx.print(`Repaired: moved ${repair.moved} line(s) to ${basename(repair.backup!)}; the old log is kept as ${basename(repair.copy!)}`);
    } else if (!report.ok) {
      ctx.print(`Run \`launch doctor --repair\` to move the ${problems.length} bad line(s) to a backup file.`);
    }
  }
  if (!report.ok && !repair) throw new LaunchError(`the event log needs repair (${report.errors.length + report.torn.length + report.invalid.length} bad line(s))`);
}

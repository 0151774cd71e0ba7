// launch kpis [--sprint] [--week] [--date] [--gate]: one table per sprint — each week's target with
// its verdict, and the latest actual. --gate exits 1 when a target due by the date was missed.
import { kpiCells, missedBy } from '../core/queries/kpis.js';
import { planView } from './shared/view.js';
import { LaunchError } from '../errors.js';
import { kpisJson } from '../render/json/kpis.js';
import { gateFailure, renderKpis } from '../render/kpis.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { sprintMatcher } from './shared/filters.js';
import { openForRead } from './shared/open.js';
import { DATE_OPTION, resolveDate, weekNumber } from './shared/options.js';

export interface KpisOptions {
  sprint?: string;
  week?: string;
  date?: string;
  gate?: boolean;
}

export const register: Register = (program, rt) =>
  program
    .command('kpis')
    .description('KPI targets per week with the recorded actuals: met, missed, pending or no data')
    .option('--sprint <n>', 'only this sprint (1, s1, 3 for Sprint 3-4)')
    .option('--week <n>', 'only targets for this week')
    .option(...DATE_OPTION)
    .option('--gate', 'exit 1 when a target due by the date was missed (for a CI launch gate)')
    .addHelpText('after', examples('launch kpis --sprint 1', 'launch kpis --gate --date 2026-12-11 || echo "launch blocked"'))
    .action(handle(rt, kpisCommand));

export async function kpisCommand(ctx: Ctx, opts: KpisOptions): Promise<void> {
  const state = await openForRead(ctx);
  const date = resolveDate(opts.date, state.today);
  const fold = state.asOf(date);
  let cells = kpiCells(state.plan.kpis, state.calendar, fold.kpis, date);
  if (opts.sprint !== undefined) {
    const matches = sprintMatcher(state.plan.sprints, opts.sprint);
    cells = cells.filter((c) => matches(c.kpi.sprint));
  }
  if (opts.week !== undefined) {
    const w = weekNumber(opts.week);
    cells = cells.filter((c) => c.weeks.from <= w && w <= c.weeks.to);
  }
  const missed = missedBy(cells);
  const view = planView(ctx, state, fold.items);
  const model = { date, sprints: state.plan.sprints, cells, measured: view.entries.filter((e) => e.state?.values?.length), gate: opts.gate ? missed : undefined };
  if (ctx.json) ctx.printJson(kpisJson(model));
  else ctx.printLines(renderKpis(model, ctx.theme, ctx.columns));
  if (opts.gate && missed.length > 0) throw new LaunchError(gateFailure(date, missed));
}

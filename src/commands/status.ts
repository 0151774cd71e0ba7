// launch status [--date]: progress per sprint and week, overall, and the burndown chart.
import { burndown } from '../core/queries/burndown.js';
import { planView } from './shared/view.js';
import { status as statusQuery } from '../core/queries/status.js';
import { statusJson } from '../render/json/status.js';
import { hasChart, renderStatus } from '../render/status.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { openForRead } from './shared/open.js';
import { DATE_OPTION, resolveDate } from './shared/options.js';

export const register: Register = (program, rt) =>
  program
    .command('status')
    .description('progress per sprint and week, and a burndown of open items against the ideal line')
    .option(...DATE_OPTION)
    .action(handle(rt, statusCommand));

export async function statusCommand(ctx: Ctx, opts: { date?: string }): Promise<void> {
  const state = await openForRead(ctx, { history: true }); // the burndown replays the timeline
  const date = resolveDate(opts.date, state.today);
  const view = planView(ctx, state, state.asOf(date).items);
  const s = statusQuery(view, date);
  const chart = burndown(view, state.history.timeline, date);
  if (ctx.json) return ctx.printJson(statusJson(s, chart));
  const plotter = hasChart(chart) ? (await import('../lazy/chart.js')).asciichart : undefined;
  ctx.printLines(renderStatus({ title: state.plan.title, status: s, position: state.calendar.position(date), burndown: chart }, ctx.theme, plotter, ctx.columns));
}

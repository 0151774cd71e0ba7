// launch today [--date] [--team] [--all|-v]: the morning view — what is on, what is due, what is late.
import { openEscalations } from '../core/queries/escalation.js';
import { launchSummary } from '../core/queries/progress.js';
import { planView } from './shared/view.js';
import { today as todayQuery } from '../core/queries/today.js';
import { todayJson } from '../render/json/today.js';
import { renderToday } from '../render/today.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { MINE_OPTION, OWNER_OPTION, ownerFilter, teamMatcher } from './shared/filters.js';
import { openForRead } from './shared/open.js';
import { DATE_OPTION, resolveDate } from './shared/options.js';

export interface TodayOptions {
  date?: string;
  team?: string;
  all?: boolean;
  verbose?: boolean;
  mine?: boolean;
  owner?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('today')
    .description('what is on today: tasks by block, checklist items due, overdue and blocked items')
    .option(...DATE_OPTION)
    .option('--team <words>', 'only blocks whose team has these words (backend, "frontend lead")')
    .option(...MINE_OPTION)
    .option(...OWNER_OPTION)
    .option('-a, --all', 'also show each task\'s steps')
    .option('-v, --verbose', 'same as --all')
    .addHelpText('after', examples('launch today', 'launch today --date tomorrow --team backend', "launch today --json | jq '.items[].id'"))
    .action(handle(rt, todayCommand));

export async function todayCommand(ctx: Ctx, opts: TodayOptions): Promise<void> {
  const state = await openForRead(ctx);
  const date = resolveDate(opts.date, state.today);
  const fold = state.asOf(date);
  const view = planView(ctx, state, fold.items);
  const t = todayQuery(view, date, fold.kpis, opts.team ? teamMatcher(opts.team) : undefined, await ownerFilter(ctx, state, opts));
  const escalations = openEscalations(fold.escalations);
  if (ctx.json) return ctx.printJson(todayJson(t, escalations, state.paths !== undefined));
  const summary = t.position.phase === 'after' ? launchSummary(view) : undefined;
  const steps = opts.all === true || opts.verbose === true;
  ctx.printLines(renderToday({ today: t, escalations, rules: state.plan.escalation, zone: state.calendar.zone, summary, weeks: state.calendar.totalWeeks, steps, team: opts.team, family: { children: view.children, find: (id) => view.byId.get(id) }, columns: ctx.columns }, ctx.theme));
}

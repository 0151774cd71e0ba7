// launch kpi record <metric> <value> [--week N] [--note]: the measured actual for a KPI. A value that
// does not parse, or measures the wrong thing, is refused and nothing is recorded.
import type { Kpi } from '../core/plan/schema.js';
import { kpiCells } from '../core/queries/kpis.js';
import { parseMeasurement } from '../core/targets/targets.js';
import { LaunchError, UsageError } from '../errors.js';
import { kpiRecordJson } from '../render/json/records.js';
import { kpiRecorded } from '../render/records.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface KpiRecordOptions {
  week?: string;
  note?: string;
  as?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('kpi')
    .description('record KPI values (see: launch kpi record --help)')
    .command('record')
    .description('record the measured value of a KPI for a week')
    .argument('<metric>', 'KPI id or words of its name ("bundle size")')
    .argument('<value>', 'the measured value, e.g. 540KB, 85%, 4.2/5, 750 users, Pass')
    .option('--week <n>', 'the plan week the value is for (default: the current week)')
    .option('--note <text>', 'where the number came from')
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch kpi record "bundle size" 540KB --week 1', 'launch kpi record cache-hit-rate 85%'))
    .action(handle(rt, kpiRecordCommand));

/** The target a value for `week` is judged against: that week's, else the row's next, else its last. */
function targetFor(kpi: Kpi, week: number) {
  return (kpi.targets.find((t) => t.weeks.from <= week && week <= t.weeks.to) ?? kpi.targets.find((t) => t.weeks.from > week) ?? kpi.targets.at(-1)!).target;
}

export async function kpiRecordCommand(ctx: Ctx, metricRef: string, value: string, opts: KpiRecordOptions): Promise<void> {
  const state = await openForWrite(ctx);
  const kpis = state.plan.kpis.map((k) => ({ ...k, title: k.metric }));
  if (kpis.length === 0) throw new LaunchError('this plan has no KPIs');
  const kpi = await resolveOne(ctx, kpis, metricRef, 'KPI');
  let week: number;
  if (opts.week !== undefined) {
    week = Number(opts.week);
    if (!Number.isInteger(week) || week < 1 || week > state.plan.totalWeeks) throw new UsageError(`--week: expected a week from 1 to ${state.plan.totalWeeks}, got "${opts.week}"`);
  } else {
    const position = state.calendar.position(state.today);
    if (position.phase !== 'during' || position.week === undefined) {
      throw new UsageError('today is outside the plan: say which week the value is for', `launch kpi record "${kpi.metric}" ${value} --week 1`);
    }
    week = position.week;
  }
  const measured = parseMeasurement(value, targetFor(kpi, week));
  if (!measured.ok) {
    throw new LaunchError(`${kpi.metric}: ${measured.reason}; nothing recorded`, { hint: `expected ${measured.expected}` });
  }
  const actor = await actorFor(ctx, state, opts.as);
  const [event] = await record(ctx, state, [{ actor, type: 'kpi', metric: kpi.id, value: value.trim(), week, ...(opts.note ? { note: opts.note } : {}) }]);
  const records = new Map(state.fold.kpis);
  records.set(kpi.id, [...(records.get(kpi.id) ?? []), { id: event!.id, metric: kpi.id, value: value.trim(), week, actor, ts: event!.ts }]);
  // Show what the new value means for this week's target and the ones after it.
  const cells = kpiCells([kpi], state.calendar, records, state.today).filter((c) => c.weeks.to >= week);
  if (ctx.json) return ctx.printJson(kpiRecordJson(event!, cells));
  ctx.printLines(kpiRecorded(ctx.theme, kpi.metric, value.trim(), week, cells));
}

// launch kpi record <metric...> <value> [--week N] [--note]: the measured actual for a KPI, named by
// words without quotes (the last word is the value). A value that does not parse, or measures the
// wrong thing, is refused and nothing is recorded.
import type { Kpi, WeekSpan } from '../core/plan/schema.js';
import { kpiCells, targetWeekFor } from '../core/queries/kpis.js';
import { parseMeasurement } from '../core/targets/targets.js';
import { LaunchError, UsageError } from '../errors.js';
import { kpiRecordJson } from '../render/json/records.js';
import { kpiRecorded } from '../render/records.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, resolveWriteDate, weekNumber, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface KpiRecordOptions {
  week?: string;
  note?: string;
  as?: string;
  date?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('kpi')
    .description('record KPI values (see: launch kpi record --help)')
    .command('record')
    .description('record the measured value of a KPI for a week')
    .usage('[options] <metric...> <value>')
    .argument('<metric...>', 'KPI id or words of its name (bundle size), then the measured value: 540KB, 85%, 4.2/5, 750, Pass')
    .option('--week <n>', 'the plan week the value is for (default: the current week)')
    .option('--note <text>', 'where the number came from')
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch kpi record bundle size 540KB --week 1', 'launch kpi record cache-hit-rate 85%', 'launch kpi record load test "600 users"'))
    .action(handle(rt, kpiRecordCommand));

const spanText = (w: WeekSpan) => (w.from === w.to ? `${w.from}` : `${w.from}-${w.to}`);
const weeksOf = (kpi: Kpi) => kpi.targets.map((t) => spanText(t.weeks)).join(', ');

/**
 * The target week a value is for: --week when the KPI has a target that week, else the target of the
 * week the value counts for, or the KPI's next one. A week without a target is refused.
 */
function weekFor(kpi: Kpi, explicit: string | undefined, countsIn: number | undefined, value: string): WeekSpan {
  if (explicit !== undefined) {
    const week = weekNumber(explicit);
    const target = kpi.targets.find((t) => t.weeks.from <= week && week <= t.weeks.to);
    if (!target) throw new UsageError(`--week: ${kpi.metric} has no target for week "${explicit}"; its targets are for weeks ${weeksOf(kpi)}`);
    return target.weeks;
  }
  if (countsIn === undefined) throw new UsageError('the day it counts for is outside the plan: say which week the value is for', `launch kpi record "${kpi.metric}" ${value} --week ${kpi.targets[0]!.weeks.from}`);
  const weeks = targetWeekFor(kpi, countsIn);
  if (!weeks) throw new UsageError(`${kpi.metric} has no target in week ${countsIn} or after; its targets are for weeks ${weeksOf(kpi)}`, 'give --week for one of them, and --date for the day it was measured');
  return weeks;
}

export async function kpiRecordCommand(ctx: Ctx, words: string[], opts: KpiRecordOptions): Promise<void> {
  if (words.length < 2) throw new UsageError(`what value? the metric's words come first, the value last`, 'launch kpi record bundle size 540KB');
  const value = words[words.length - 1]!;
  const metricRef = words.slice(0, -1).join(' ');
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const kpis = state.plan.kpis.map((k) => ({ ...k, title: k.metric }));
  if (kpis.length === 0) throw new LaunchError('this plan has no KPIs');
  const kpi = await resolveOne(ctx, kpis, metricRef, 'KPI');
  const position = state.calendar.position(date ?? state.today);
  const weeks = weekFor(kpi, opts.week, position.phase === 'during' ? position.week : undefined, value);
  const week = weeks.from;
  const target = kpi.targets.find((t) => t.weeks === weeks)!.target;
  const measured = parseMeasurement(value, target);
  if (!measured.ok) {
    throw new LaunchError(`${kpi.metric}: ${measured.reason}; nothing recorded`, { hint: `expected ${measured.expected}` });
  }
  const actor = await actorFor(ctx, state, opts.as);
  const [event] = await record(ctx, state, [{ actor, type: 'kpi', metric: kpi.id, value: value.trim(), week, ...(opts.note ? { note: opts.note } : {}) }], { date });
  const records = new Map(state.fold.kpis);
  records.set(kpi.id, [...(records.get(kpi.id) ?? []), { id: event!.id, metric: kpi.id, value: value.trim(), week, actor, ts: event!.ts }]);
  // What the new value means, as of today, for the target it is for and the ones after it.
  const cells = kpiCells([kpi], state.calendar, records, state.today).filter((c) => c.weeks.to >= week);
  if (ctx.json) return ctx.printJson(kpiRecordJson(event!, cells));
  ctx.printLines(kpiRecorded(ctx.theme, kpi.metric, value.trim(), week, cells));
}

// launch kpi record <metric> <value> [--week N] [--note]: the measured actual for a KPI. A value that
// does not parse, or measures the wrong thing, is refused and nothing is recorded.
import type { Kpi } from '../core/plan/schema.js';
import { kpiCells } from '../core/queries/kpis.js';
import { parseMeasurement } from '../core/targets/targets.js';
import { LaunchError, UsageError } from '../errors.js';
import { safeText } from '../render/sanitize.js';
import { kpiMark } from '../render/kpi-marks.js';
import type { Ctx } from '../runtime.js';
import { kpiJson } from './shared/item-view.js';
import { resolveOne } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export interface KpiRecordOptions {
  week?: string;
  note?: string;
  as?: string;
}

/** The target a value for `week` is judged against: that week's, else the row's next, else its last. */
function targetFor(kpi: Kpi, week: number) {
  return (kpi.targets.find((t) => t.weeks.from <= week && week <= t.weeks.to) ?? kpi.targets.find((t) => t.weeks.from > week) ?? kpi.targets.at(-1)!).target;
}

export async function kpiRecordCommand(ctx: Ctx, metricRef: string, value: string, opts: KpiRecordOptions): Promise<void> {
  const session = await openForWrite(ctx);
  const kpis = session.plan.kpis.map((k) => ({ ...k, title: k.metric }));
  if (kpis.length === 0) throw new LaunchError('this plan has no KPIs');
  const kpi = await resolveOne(ctx, kpis, metricRef, 'KPI');
  let week: number;
  if (opts.week !== undefined) {
    week = Number(opts.week);
    if (!Number.isInteger(week) || week < 1 || week > session.plan.totalWeeks) throw new UsageError(`--week: expected a week from 1 to ${session.plan.totalWeeks}, got "${opts.week}"`);
  } else {
    const position = session.calendar.position(session.today);
    if (position.phase !== 'during' || position.week === undefined) {
      throw new UsageError('today is outside the plan: say which week the value is for', `launch kpi record "${kpi.metric}" ${value} --week 1`);
    }
    week = position.week;
  }
  const target = targetFor(kpi, week);
  const measured = parseMeasurement(value, target);
  if (!measured.ok) {
    throw new LaunchError(`${kpi.metric}: ${measured.reason}; nothing recorded`, { hint: `expected ${measured.expected}` });
  }
  const actor = await actorFor(ctx, session, opts.as);
  const [event] = await record(ctx, session, [{ actor, type: 'kpi', metric: kpi.id, value: value.trim(), week, ...(opts.note ? { note: opts.note } : {}) }]);
  const records = new Map(session.state.kpis);
  records.set(kpi.id, [...(records.get(kpi.id) ?? []), { id: event!.id, metric: kpi.id, value: value.trim(), week, actor, ts: event!.ts }]);
  // Show what the new value means for this week's target and the ones after it.
  const cells = kpiCells([kpi], session.calendar, records, session.today).filter((c) => c.weeks.to >= week);
  if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event], kpis: cells.map(kpiJson) });
  ctx.print(`Recorded ${safeText(kpi.metric)} = ${safeText(value.trim())} for week ${week}`);
  for (const c of cells) {
    const weeks = c.weeks.from === c.weeks.to ? `${c.weeks.from}` : `${c.weeks.from}-${c.weeks.to}`;
    ctx.print(`  ${kpiMark(ctx, c.status)} week ${weeks} target ${safeText(c.target.text)}: ${c.status}`);
  }
}

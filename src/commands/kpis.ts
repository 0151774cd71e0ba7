// launch kpis [--sprint] [--week] [--date] [--gate]: one table per sprint — each week's target with
// its verdict, and the latest actual. --gate exits 1 when a target due by the date was missed.
import type { KpiCell } from '../core/queries/kpis.js';
import { kpiCells } from '../core/queries/kpis.js';
import { buildPlanView } from '../core/queries/schedule.js';
import { LaunchError, UsageError } from '../errors.js';
import { openSession, resolveDate } from '../io/session.js';
import { formatDate } from '../render/dates.js';
import { KPI_LEGEND, kpiMark } from '../render/kpi-marks.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { sprintMatcher } from './shared/filters.js';
import { kpiJson } from './shared/item-view.js';

export interface KpisOptions {
  sprint?: string;
  week?: string;
  date?: string;
  gate?: boolean;
}

const spanLabel = (c: KpiCell) => (c.weeks.from === c.weeks.to ? `Week ${c.weeks.from}` : `Week ${c.weeks.from}-${c.weeks.to}`);

export async function kpisCommand(ctx: Ctx, opts: KpisOptions): Promise<void> {
  const session = await openSession(ctx);
  const date = resolveDate(opts.date, session.today);
  let cells = kpiCells(session.plan.kpis, session.calendar, session.state.kpis, date);
  if (opts.sprint) {
    const matches = sprintMatcher(session, opts.sprint);
    cells = cells.filter((c) => matches(c.kpi.sprint));
  }
  if (opts.week) {
    const w = Number(opts.week);
    if (!Number.isInteger(w) || w < 1) throw new UsageError(`--week: "${opts.week}" is not a week number`);
    cells = cells.filter((c) => c.weeks.from <= w && w <= c.weeks.to);
  }
  const gateFailures = cells.filter((c) => c.status === 'missed' && c.due <= date);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const measured = view.entries.filter((e) => e.state?.values?.length);

  if (ctx.json) {
    ctx.printJson({
      schema: 1,
      date,
      kpis: cells.map(kpiJson),
      measured: measured.map((e) => ({ id: e.id, title: e.item.title, values: e.state!.values, missed: e.state!.missed ?? false })),
      ...(opts.gate ? { gate: { passed: gateFailures.length === 0, missed: gateFailures.map(kpiJson) } } : {}),
    });
  } else {
    await printTables(ctx, session.plan.sprints, cells, date);
    if (measured.length > 0) {
      ctx.print();
      ctx.print(ctx.theme.c.bold('Measured checklist items'));
      for (const e of measured) {
        const values = e.state!.values!.map((v) => `${v.status === 'met' ? ctx.theme.mark.met : ctx.theme.mark.missed} ${v.label ? `${safeText(v.label)}=` : ''}${safeText(v.text)}`).join('  ');
        ctx.print(`  ${e.id}  ${values}${e.state!.missed ? ctx.theme.c.red(' (done, target missed)') : ''}`);
      }
    }
  }
  if (opts.gate && gateFailures.length > 0) {
    const named = gateFailures.map((c) => `${c.kpi.metric} ${spanLabel(c).toLowerCase()} (target ${c.target.text}, actual ${c.actual?.value})`).join('; ');
    throw new LaunchError(`KPI gate failed: ${gateFailures.length} target(s) due by ${date} missed: ${named}`);
  }
  if (opts.gate && !ctx.json) ctx.print(ctx.theme.c.green(`KPI gate passed: no target due by ${date} was missed`));
}

async function printTables(ctx: Ctx, sprints: { id: string; name: string }[], cells: KpiCell[], date: string): Promise<void> {
  if (cells.length === 0) return ctx.print('no KPIs match');
  const { Table } = await import('../lazy/table.js');
  const groups = new Map<string, KpiCell[]>();
  for (const c of cells) groups.set(c.kpi.sprint ?? '', [...(groups.get(c.kpi.sprint ?? '') ?? []), c]);
  for (const [sprintId, group] of groups) {
    const name = safeText(sprints.find((s) => s.id === sprintId)?.name ?? 'Other');
    const columns = [...new Set(group.map(spanLabel))];
    const table = new Table({
      head: ['Metric', ...columns, 'Actual'],
      style: { head: ctx.theme.enabled ? ['bold'] : [], border: ctx.theme.enabled ? ['grey'] : [] },
    });
    for (const kpi of [...new Set(group.map((c) => c.kpi))]) {
      const own = group.filter((c) => c.kpi === kpi);
      const latest = own.map((c) => c.actual).filter((a) => a !== null).sort((a, b) => a!.week - b!.week || Date.parse(a!.ts) - Date.parse(b!.ts)).at(-1);
      table.push([
        safeText(kpi.metric),
        ...columns.map((col) => {
          const c = own.find((x) => spanLabel(x) === col);
          return c ? `${safeText(c.target.text)} ${kpiMark(ctx, c.status)}` : '';
        }),
        latest ? safeText(latest.value) : '',
      ]);
    }
    ctx.print(`${ctx.theme.c.bold(`${name} KPIs`)}  ${ctx.theme.c.dim(`as of ${formatDate(date)}`)}`);
    ctx.print(table.toString());
  }
  ctx.print(ctx.theme.c.dim(KPI_LEGEND));
}

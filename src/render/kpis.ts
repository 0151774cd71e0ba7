// `launch kpis`: one table per sprint — each week's target with its verdict, and the latest actual —
// then the checklist items measured with --value.
import { parseInstant } from '../core/calendar/instant.js';
import type { Scheduled } from '../core/queries/schedule.js';
import type { KpiCell } from '../core/queries/kpis.js';
import type { Sprint } from '../core/plan/schema.js';
import { formatDate } from './dates.js';
import { KPI_LEGEND, kpiMark, weekLabel } from './marks.js';
import { safeText } from './sanitize.js';
import { renderTable } from './table.js';
import type { Theme } from './theme.js';

export interface KpisModel {
  date: string;
  sprints: readonly Sprint[];
  cells: KpiCell[];
  /** Checklist items done with measured values. */
  measured: Scheduled[];
  /** Set with --gate: the targets due by the date that were missed. */
  gate: KpiCell[] | undefined;
}

export const spanLabel = (c: KpiCell): string => weekLabel(c.weeks);

export function renderKpis(m: KpisModel, theme: Theme, columns: number | undefined): string[] {
  const out = tables(m, theme, columns);
  if (m.measured.length > 0) {
    out.push('', theme.c.bold('Measured checklist items'));
    for (const e of m.measured) {
      const values = e.state!.values!.map((v) => `${v.status === 'met' ? theme.mark.met : theme.mark.missed} ${v.label ? `${safeText(v.label)}=` : ''}${safeText(v.text)}`).join('  ');
      out.push(`  ${e.id}  ${values}${e.state!.missed ? theme.c.red(' (done, target missed)') : ''}`);
    }
  }
  if (m.gate !== undefined && m.gate.length === 0) out.push(theme.c.green(`KPI gate passed: no target due by ${m.date} was missed`));
  return out;
}

/** The gate's failure, for the error line. */
export function gateFailure(date: string, missed: KpiCell[]): string {
  const named = missed.map((c) => `${c.kpi.metric} ${spanLabel(c).toLowerCase()} (target ${c.target.text}, actual ${c.actual?.value})`).join('; ');
  return `KPI gate failed: ${missed.length === 1 ? '1 target' : `${missed.length} targets`} due by ${date} missed: ${named}`;
}

function tables(m: KpisModel, theme: Theme, columns: number | undefined): string[] {
  if (m.cells.length === 0) return ['no KPIs match'];
  const out: string[] = [];
  const groups = new Map<string, KpiCell[]>();
  for (const c of m.cells) groups.set(c.kpi.sprint ?? '', [...(groups.get(c.kpi.sprint ?? '') ?? []), c]);
  const style = { head: (s: string) => theme.c.bold(s), rule: (s: string) => theme.c.dim(s) };
  for (const [sprintId, group] of groups) {
    const name = safeText(m.sprints.find((s) => s.id === sprintId)?.name ?? 'Other');
    const columnsOf = [...new Set(group.map(spanLabel))];
    const rows = [...new Set(group.map((c) => c.kpi))].map((kpi) => {
      const own = group.filter((c) => c.kpi === kpi);
      const latest = own.map((c) => c.actual).filter((a) => a !== null).sort((a, b) => parseInstant(a!.ts) - parseInstant(b!.ts)).at(-1);
      return [
        safeText(kpi.metric),
        ...columnsOf.map((col) => {
          const c = own.find((x) => spanLabel(x) === col);
          return c ? `${safeText(c.target.text)} ${kpiMark(theme, c.status)}` : '';
        }),
        latest ? safeText(latest.value) : '',
      ];
    });
    if (out.length > 0) out.push('');
    out.push(`${theme.c.bold(`${name} KPIs`)}  ${theme.c.dim(`as of ${formatDate(m.date)}`)}`);
    out.push(...renderTable(['Metric', ...columnsOf, 'Actual'], rows, columns, style));
  }
  out.push('', theme.c.dim(KPI_LEGEND));
  return out;
}

// `launch kpis`: one table per sprint — each week's target with its verdict, and the latest actual —
// then the checklist items measured with --value.
import { parseInstant } from '../core/calendar/instant.js';
import type { Scheduled } from '../core/queries/schedule.js';
import type { KpiCell } from '../core/queries/kpis.js';
import type { Sprint } from '../core/plan/schema.js';
import { formatDate } from './dates.js';
import { KPI_LEGEND, kpiMark, weekLabel } from './marks.js';
import { safeText } from './sanitize.js';
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

/** The table library's constructor (cli-table3), loaded by the command only when there is a table. */
export type TableMaker = new (options: { head: string[]; style: { head: string[]; border: string[] } }) => { push(row: string[]): unknown; toString(): string };

export const spanLabel = (c: KpiCell): string => weekLabel(c.weeks);

export function renderKpis(m: KpisModel, theme: Theme, Table: TableMaker | undefined): string[] {
  const out = tables(m, theme, Table);
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
  return `KPI gate failed: ${missed.length} target(s) due by ${date} missed: ${named}`;
}

const BORDERS = /[─│┌┐└┘├┤┬┴┼]+/g;

function tables(m: KpisModel, theme: Theme, Table: TableMaker | undefined): string[] {
  if (m.cells.length === 0 || Table === undefined) return ['no KPIs match'];
  const out: string[] = [];
  const groups = new Map<string, KpiCell[]>();
  for (const c of m.cells) groups.set(c.kpi.sprint ?? '', [...(groups.get(c.kpi.sprint ?? '') ?? []), c]);
  for (const [sprintId, group] of groups) {
    const name = safeText(m.sprints.find((s) => s.id === sprintId)?.name ?? 'Other');
    const columns = [...new Set(group.map(spanLabel))];
    // The table's own styles go through @colors/colors, which decides by itself from the real stdout
    // whether to colour; so it gets none, and our theme colours the head and the borders.
    const table = new Table({ head: ['Metric', ...columns, 'Actual'].map((h) => theme.c.bold(h)), style: { head: [], border: [] } });
    for (const kpi of [...new Set(group.map((c) => c.kpi))]) {
      const own = group.filter((c) => c.kpi === kpi);
      const latest = own.map((c) => c.actual).filter((a) => a !== null).sort((a, b) => parseInstant(a!.ts) - parseInstant(b!.ts)).at(-1);
      table.push([
        safeText(kpi.metric),
        ...columns.map((col) => {
          const c = own.find((x) => spanLabel(x) === col);
          return c ? `${safeText(c.target.text)} ${kpiMark(theme, c.status)}` : '';
        }),
        latest ? safeText(latest.value) : '',
      ]);
    }
    out.push(`${theme.c.bold(`${name} KPIs`)}  ${theme.c.dim(`as of ${formatDate(m.date)}`)}`);
    out.push(theme.enabled ? table.toString().replace(BORDERS, (b) => theme.c.gray(b)) : table.toString());
  }
  out.push(theme.c.dim(KPI_LEGEND));
  return out;
}

// `launch show <kpi>`: one KPI — its targets with their verdicts, and every value recorded for it,
// with the CI report each was read from (`kpi record --from`).
import type { Zone } from '../core/calendar/zone.js';
import type { LogEvent } from '../core/log/events.js';
import type { KpiSource } from '../core/log/kpi-source.js';
import type { Kpi, Sprint } from '../core/plan/schema.js';
import type { KpiCell } from '../core/queries/kpis.js';
import { historyLine } from './history.js';
import { kpiMark, weekSpanText } from './marks.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface ShowKpiModel {
  kpi: Kpi;
  sprint: Sprint | undefined;
  cells: KpiCell[];
  /** The KPI's events in timeline order. */
  history: LogEvent[];
  cancelled: ReadonlySet<string>;
  zone: Zone;
}

const isSource = (x: unknown): x is KpiSource => typeof x === 'object' && x !== null && typeof (x as KpiSource).sha256 === 'string';

export function renderShowKpi(m: ShowKpiModel, theme: Theme): string[] {
  const { c } = theme;
  const out = [`${c.bold(safeText(m.kpi.metric))}`];
  const row = (label: string, value: string | null) => {
    if (value) out.push(`  ${c.dim(label.padEnd(8))} ${value}`);
  };
  row('id', m.kpi.id);
  row('kind', 'KPI');
  row('sprint', m.sprint ? `${safeText(m.sprint.name)} ${safeText(m.sprint.title)}` : null);
  out.push(`  ${c.dim('targets')}`);
  for (const cell of m.cells) {
    const actual = cell.actual ? `, actual ${safeText(cell.actual.value)}` : '';
    out.push(`    ${kpiMark(theme, cell.status)} week ${weekSpanText(cell.weeks)} ${safeText(cell.target.text)}: ${cell.status}${actual}`);
  }
  if (m.history.length > 0) {
    out.push(`  ${c.dim('history')}`);
    for (const e of m.history) {
      out.push(historyLine(theme, { zone: m.zone, cancelled: m.cancelled }, e));
      // The whole source, so the report can be found again and checked: the tool and the file's hash.
      if (isSource(e.source)) out.push(`      ${c.dim(`${e.source.tool ? `${safeText(e.source.tool)} · ` : ''}sha256 ${safeText(e.source.sha256)}`)}`);
    }
  }
  return out;
}

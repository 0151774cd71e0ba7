// What the write commands say after recording: one line per item or value, marks first.
import type { KpiCell } from '../core/queries/kpis.js';
import type { MeasuredValue } from '../core/log/events.js';
import type { Item } from '../core/plan/schema.js';
import { kpiMark, weekSpanText } from './marks.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

/** `✔ id  title`, `○ id  title (unblocked)`, … */
export const itemRecorded = (mark: string, item: Item, suffix = ''): string => `${mark} ${item.id}  ${safeText(item.title)}${suffix}`;

/** The measurements of a check with --value, under its line. */
export const valueLines = (theme: Theme, values: readonly MeasuredValue[]): string[] =>
  values.map((v) => `    ${v.status === 'met' ? theme.mark.met : theme.mark.missed} ${v.label ? `${safeText(v.label)} ` : ''}${safeText(v.text)} ${v.status}`);

/** What `kpi record --from` read: "Performance Score = 87 (Lighthouse 13.0.3 performance score, report.json)". */
export const kpiRead = (metric: string, value: string, read: string): string => `${safeText(metric)} = ${safeText(value)} (${safeText(read)})`;

/** What a recorded KPI value means for its week's target and the ones after it. */
export function kpiRecorded(theme: Theme, metric: string, value: string, week: number, cells: readonly KpiCell[]): string[] {
  return [
    `Recorded ${safeText(metric)} = ${safeText(value)} for week ${week}`,
    ...cells.map((c) => `  ${kpiMark(theme, c.status)} week ${weekSpanText(c.weeks)} target ${safeText(c.target.text)}: ${c.status}`),
  ];
}

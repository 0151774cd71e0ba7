// Status marks: the shape alone tells the status, colour only repeats it (see ./theme.ts).
import type { ItemStatus } from '../core/log/item-state.js';
import type { KpiStatus } from '../core/queries/kpis.js';
import type { Theme } from './theme.js';

export function statusMark(theme: Theme, status: ItemStatus): string {
  const { mark } = theme;
  return status === 'done' ? mark.done : status === 'blocked' ? mark.blocked : mark.todo;
}

export const KPI_LEGEND = '✔ met  ✖ missed  – no data (checkpoint passed)  ✓ on track  ◔ at risk  · pending';

export function kpiMark(theme: Theme, status: KpiStatus): string {
  const { mark } = theme;
  const marks: Record<KpiStatus, string> = { met: mark.met, missed: mark.missed, 'on-track': mark.onTrack, 'at-risk': mark.atRisk, pending: mark.pending, 'no-data': mark.noData };
  return marks[status];
}

/** "Week 3" or "Week 5-6": a span of plan weeks as every screen names it. */
export const weekLabel = (weeks: { from: number; to: number }): string => (weeks.from === weeks.to ? `Week ${weeks.from}` : `Week ${weeks.from}-${weeks.to}`);

/** "3" or "5-6". */
export const weekSpanText = (weeks: { from: number; to: number }): string => (weeks.from === weeks.to ? `${weeks.from}` : `${weeks.from}-${weeks.to}`);

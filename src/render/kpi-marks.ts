import type { KpiStatus } from '../core/queries/kpis.js';
import type { Ctx } from '../runtime.js';

export const KPI_LEGEND = '✔ met  ✖ missed  · pending (no value yet, checkpoint not passed)  – no data (checkpoint passed, no value)';

export function kpiMark(ctx: Ctx, status: KpiStatus): string {
  const { mark } = ctx.theme;
  return status === 'met' ? mark.met : status === 'missed' ? mark.missed : status === 'pending' ? mark.pending : mark.noData;
}

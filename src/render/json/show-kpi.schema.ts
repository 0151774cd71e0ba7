// `launch show <kpi> --json`: the KPI, its targets with their verdicts, and its recorded values.
import { z } from 'zod';
import { HistoryEventJson, KpiCellJson, PlanId, SchemaVersion } from './shared.schema.js';

export const ShowKpiJson = z.strictObject({
  schema: SchemaVersion,
  kpi: z.strictObject({
    id: PlanId,
    metric: z.string().min(1),
    sprint: PlanId.nullable(),
  }),
  /** Every target, as of the date. */
  targets: z.array(KpiCellJson),
  /** Its kpi events, oldest first, undone ones included; a value read from a report has its `source`. */
  history: z.array(HistoryEventJson),
});
export type ShowKpiJson = z.infer<typeof ShowKpiJson>;

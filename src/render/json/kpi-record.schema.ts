// `launch kpi record <metric...> <value> --json`: the event, and the verdicts it changes.
import { z } from 'zod';
import { KpiCellJson, KpiEventJson, SchemaVersion } from './shared.schema.js';

export const KpiRecordJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([KpiEventJson]),
  /** The KPI's targets from the recorded week on. */
  kpis: z.array(KpiCellJson),
});
export type KpiRecordJson = z.infer<typeof KpiRecordJson>;

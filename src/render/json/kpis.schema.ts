// `launch kpis --json [--gate]`: every KPI target with its verdict, and measured checklist items.
import { z } from 'zod';
import { IsoDate, KpiCellJson, LoggedValueJson, PlanId, SchemaVersion } from './shared.schema.js';

export const KpisJson = z.strictObject({
  schema: SchemaVersion,
  date: IsoDate,
  kpis: z.array(KpiCellJson),
  /** Checklist items checked with --value. */
  measured: z.array(
    z.strictObject({
      id: PlanId,
      title: z.string(),
      /** As the check event recorded them. */
      values: z.array(LoggedValueJson).min(1),
      /** Done although a value missed its target. */
      missed: z.boolean(),
    }),
  ),
});
export type KpisJson = z.infer<typeof KpisJson>;

/** With --gate (exit 1 when the gate fails; the JSON is printed either way). */
export const KpisGateJson = KpisJson.extend({
  gate: z.strictObject({
    passed: z.boolean(),
    /** Targets due by the date that were missed. */
    missed: z.array(KpiCellJson),
  }),
});
export type KpisGateJson = z.infer<typeof KpisGateJson>;

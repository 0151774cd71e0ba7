// `launch today --json`: the day's items, what is overdue and blocked, KPI checkpoint, escalations.
import { z } from 'zod';
import {
  EscalationLevel,
  IsoDate,
  ItemJson,
  KpiCellJson,
  onTrackFields,
  OverdueItemJson,
  PlanId,
  SchemaVersion,
  Timestamp,
} from './shared.schema.js';

export const TodayPhase = z.enum(['before', 'during', 'after']);

export const TodayJson = z.strictObject({
  schema: SchemaVersion,
  date: IsoDate,
  /** Where the date is relative to the plan. */
  phase: TodayPhase,
  /** A working day inside the plan (false before and after it). */
  workingDay: z.boolean(),
  holiday: z.boolean(),
  sprint: z.strictObject({ id: PlanId, name: z.string(), title: z.string() }).nullable(),
  /** Plan week of the date; null outside the plan. */
  week: z.number().int().positive().nullable(),
  weekday: z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  /** 1-based among the plan's working days; null on other days. */
  dayOfPlan: z.number().int().positive().nullable(),
  totalWorkingDays: z.number().int().nonnegative(),
  /** Tasks of the day, then checklist items due today. */
  items: z.array(ItemJson),
  overdue: z.array(OverdueItemJson),
  blocked: z.array(
    ItemJson.extend({
      reason: z.string().nullable(),
      /** Who blocked it. */
      by: z.string().nullable(),
      at: Timestamp.nullable(),
    }),
  ),
  /** On the last working day of a KPI week: that week's targets. */
  checkpoint: z.array(KpiCellJson),
  onTrack: z
    .strictObject({
      ...onTrackFields,
      total: z.number().int().nonnegative(),
      /** Ids due by yesterday and not done, oldest first. */
      late: z.array(PlanId),
    })
    .nullable(),
  /** Open escalations, oldest first. */
  escalations: z.array(
    z.strictObject({
      /** Null for an escalation about no single item. */
      item: z.string().nullable(),
      level: EscalationLevel,
      reason: z.string(),
      actor: z.string(),
      ts: Timestamp,
    }),
  ),
  /** Before the start or on a day off: the next working day and its items. */
  next: z.strictObject({ date: IsoDate, items: z.array(ItemJson) }).nullable(),
  /** False when no workspace was found (the bundled plan is shown). */
  workspace: z.boolean(),
});
export type TodayJson = z.infer<typeof TodayJson>;

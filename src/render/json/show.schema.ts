// `launch show <item> --json`: the item with its plan details, its state, children and history.
import { z } from 'zod';
import { HistoryEventJson, ItemJson, ItemStatus, LoggedValueJson, PlanId, SchemaVersion, Timestamp } from './shared.schema.js';

/** A measurable threshold parsed from the item's text ("LCP <2.5s"), amounts in the dimension's base unit. */
export const ThresholdJson = z.strictObject({
  kind: z.literal('numeric'),
  /** As the plan writes it. */
  text: z.string(),
  op: z.enum(['<', '<=', '>', '>=', '=']),
  label: z.string().optional(),
  value: z.number(),
  dimension: z.enum(['size', 'time', 'percent', 'count', 'ratio', 'number']),
  /** The unit as the plan wrote it, for display. */
  unit: z.string().optional(),
});

export const ShowJson = z.strictObject({
  schema: SchemaVersion,
  item: ItemJson.extend({
    /** Text after the title. */
    detail: z.string().nullable(),
    steps: z.array(z.string()),
    thresholds: z.array(ThresholdJson),
    /** Line in the plan's source. */
    line: z.number().int().positive(),
  }),
  /** Null when no event concerns the item. */
  state: z
    .strictObject({
      status: ItemStatus,
      /** The block reason while blocked. */
      reason: z.string().nullable(),
      /** Who made the last status change, and when; null when only notes were recorded. */
      by: z.string().nullable(),
      at: Timestamp.nullable(),
      notes: z.array(z.strictObject({ text: z.string(), actor: z.string(), ts: Timestamp })),
      /** Measurements of the check that made it done, as recorded. */
      values: z.array(LoggedValueJson),
      /** Done although a value missed its target. */
      missed: z.boolean(),
    })
    .nullable(),
  /** Ids of the checklist entries under it. */
  children: z.array(PlanId),
  /** Its events, oldest first, undone ones included. */
  history: z.array(HistoryEventJson),
});
export type ShowJson = z.infer<typeof ShowJson>;

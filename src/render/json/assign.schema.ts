// `launch assign <item...> --to <person> --json`.
import { z } from 'zod';
import { PlanId, SchemaVersion, written } from './shared.schema.js';

/** `owner` "" takes the item's owner away. */
export const AssignEventJson = z.strictObject({ ...written, type: z.literal('assign'), item: PlanId, owner: z.string() });

export const AssignJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.array(AssignEventJson),
  /** Items that already had that owner: nothing recorded for them. */
  unchanged: z.array(PlanId),
});
export type AssignJson = z.infer<typeof AssignJson>;

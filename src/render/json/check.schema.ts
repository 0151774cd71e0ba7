// `launch check <item...> --json`: the check events recorded, and items that were already done.
import { z } from 'zod';
import { CheckEventJson, PlanId, SchemaVersion } from './shared.schema.js';

export const CheckJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.array(CheckEventJson),
  /** Already done: nothing recorded for them. */
  unchanged: z.array(z.strictObject({ id: PlanId, status: z.literal('done') })),
});
export type CheckJson = z.infer<typeof CheckJson>;

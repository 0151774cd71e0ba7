// `launch unblock <item...> --json`: blocked items back to todo.
import { z } from 'zod';
import { PlanId, SchemaVersion, UnblockEventJson } from './shared.schema.js';

export const UnblockJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.array(UnblockEventJson),
  /** Ids of items that were not blocked: nothing recorded for them. */
  unchanged: z.array(PlanId),
});
export type UnblockJson = z.infer<typeof UnblockJson>;

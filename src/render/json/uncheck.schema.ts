// `launch uncheck <item...> --json`: done items back to todo.
import { z } from 'zod';
import { PlanId, SchemaVersion, UncheckEventJson } from './shared.schema.js';

export const UncheckJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.array(UncheckEventJson),
  /** Ids of items that were not done: nothing recorded for them. */
  unchanged: z.array(PlanId),
});
export type UncheckJson = z.infer<typeof UncheckJson>;

// `launch log [filters] --json`: events newest first, as the log holds them.
import { z } from 'zod';
import { HistoryEventJson, SchemaVersion } from './shared.schema.js';

export const LogJson = z.strictObject({
  schema: SchemaVersion,
  events: z.array(HistoryEventJson),
});
export type LogJson = z.infer<typeof LogJson>;

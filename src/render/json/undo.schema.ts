// `launch undo --json`: the compensating event, and the event it cancels (as the log holds it).
import { z } from 'zod';
import { LoggedEventJson, SchemaVersion, UndoEventJson } from './shared.schema.js';

export const UndoJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([UndoEventJson]),
  undone: LoggedEventJson,
});
export type UndoJson = z.infer<typeof UndoJson>;

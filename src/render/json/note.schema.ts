// `launch note <item...> -m <text> --json`.
import { z } from 'zod';
import { NoteEventJson, SchemaVersion } from './shared.schema.js';

export const NoteJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.tuple([NoteEventJson]),
});
export type NoteJson = z.infer<typeof NoteJson>;

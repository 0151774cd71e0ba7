// `launch block <item...> --reason <text> --json`.
import { z } from 'zod';
import { BlockEventJson, SchemaVersion } from './shared.schema.js';

export const BlockJson = z.strictObject({
  schema: SchemaVersion,
  recorded: z.array(BlockEventJson).min(1),
});
export type BlockJson = z.infer<typeof BlockJson>;

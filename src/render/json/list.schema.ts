// `launch list [filters] --json`.
import { z } from 'zod';
import { ItemJson, SchemaVersion } from './shared.schema.js';

export const ListJson = z.strictObject({
  schema: SchemaVersion,
  /** In plan order. */
  items: z.array(ItemJson),
});
export type ListJson = z.infer<typeof ListJson>;

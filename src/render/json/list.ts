// `launch list --json` (./list.schema.ts).
import type { ListJson } from './list.schema.js';
import type { ItemJson } from './shared.schema.js';

export const listJson = (items: ItemJson[]): ListJson => ({ schema: 1, items });

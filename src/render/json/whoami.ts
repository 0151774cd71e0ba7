// `launch whoami --json` (./whoami.schema.ts).
import type { Whoami } from '../whoami.js';
import type { WhoamiJson } from './whoami.schema.js';

export const whoamiJson = (w: Whoami): WhoamiJson => ({ schema: 1, ...w });

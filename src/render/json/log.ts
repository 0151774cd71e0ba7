// `launch log --json` (./log.schema.ts).
import type { LogEvent } from '../../core/log/events.js';
import type { LogJson } from './log.schema.js';
import { historyJson } from './show.js';

export const logJson = (events: readonly LogEvent[], cancelled: ReadonlySet<string>): LogJson => ({ schema: 1, events: historyJson(events, cancelled) });

// Events as history lines: "Mon 30 Nov 09:12 alice checked x (undone)".
import type { Zone } from '../core/calendar/zone.js';
import { describeEvent } from '../core/log/event-types.js';
import type { LogEvent } from '../core/log/events.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { formatTimestamp } from './timestamps.js';

export interface History {
  zone: Zone;
  cancelled: ReadonlySet<string>;
  /** Other events by id, so an undo can say what it undid. */
  lookup?: (id: string) => LogEvent | undefined;
}

export const undoneMark = (theme: Theme, h: History, e: LogEvent): string => (h.cancelled.has(e.id) ? theme.c.dim(' (undone)') : '');

/** `    <when> <actor> <what>` as `show` lists an item's history. */
export const historyLine = (theme: Theme, h: History, e: LogEvent): string =>
  `    ${formatTimestamp(e.ts, h.zone)} ${safeText(e.actor)} ${safeText(describeEvent(e, h.lookup))}${undoneMark(theme, h, e)}`;

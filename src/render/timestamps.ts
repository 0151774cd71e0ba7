// Event times shown in the workspace's zone: "Mon 30 Nov 09:12".
import { formatOffsetTimestamp, parseInstant } from '../core/calendar.js';
import { formatShortDate } from './dates.js';

export function formatTimestamp(ts: string, timeZone: string): string {
  const ms = parseInstant(ts);
  if (ms === null) return ts;
  // The local wall clock, read from the zone-aware ISO form (no Intl formatter needed).
  const local = formatOffsetTimestamp(ms, timeZone);
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

// Event times shown in the workspace's zone: "Mon 30 Nov 09:12".
import { formatOffsetTimestamp, parseInstant, type Zone } from '../core/calendar/calendar.js';
import { formatShortDate } from './dates.js';

export function formatTimestamp(ts: string, zone: Zone): string {
  const ms = parseInstant(ts);
  if (Number.isNaN(ms)) return ts;
  // The local wall clock, read from the zone-aware ISO form (no Intl formatter needed).
  const local = formatOffsetTimestamp(ms, zone);
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

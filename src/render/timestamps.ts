// Event times shown in the workspace's zone: "Mon 30 Nov 09:12".
import { localDateOf, parseInstant } from '../core/calendar.js';
import { formatShortDate } from './dates.js';

export function formatTimestamp(ts: string, timeZone: string): string {
  const ms = parseInstant(ts);
  if (ms === null) return ts;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  return `${formatShortDate(localDateOf(ms, timeZone))} ${time}`;
}

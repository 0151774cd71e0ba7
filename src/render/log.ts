// `launch log`: the history, newest first, one event a line.
import type { LogEvent } from '../core/log/events.js';
import { describeEvent } from '../core/log/event-types.js';
import { type History, undoneMark } from './history.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { formatTimestamp } from './timestamps.js';

export function renderLog(events: readonly LogEvent[], h: History, workspace: boolean, theme: Theme): string[] {
  if (events.length === 0) return [workspace ? 'no events match' : 'no events yet (no workspace)'];
  const width = Math.max(...events.map((e) => e.actor.length));
  return events.map((e) => `${theme.c.dim(formatTimestamp(e.ts, h.zone))}  ${safeText(e.actor).padEnd(width)}  ${safeText(describeEvent(e, h.lookup))}${undoneMark(theme, h, e)}`);
}

// `launch log`: the history, newest typed first, one event a line, with the day it counts for when
// that is not the day it was typed ("checked x for Mon 30 Nov").
import { localDateOf } from '../core/calendar/zone.js';
import { describeEvent } from '../core/log/event-types.js';
import type { LogEvent } from '../core/log/events.js';
import { formatShortDate } from './dates.js';
import { type History, undoneMark } from './history.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { formatTimestamp } from './timestamps.js';

/** When it was typed, and " for <day>" when it counts for another day. */
function when(e: LogEvent, h: History, theme: Theme): { typed: string; counts: string } {
  const typed = typeof e.recorded === 'string' ? e.recorded : e.ts;
  const day = localDateOf(e.ts, h.zone);
  return { typed: formatTimestamp(typed, h.zone), counts: day === localDateOf(typed, h.zone) ? '' : theme.c.dim(` for ${formatShortDate(day)}`) };
}

export function renderLog(events: readonly LogEvent[], h: History, workspace: boolean, theme: Theme): string[] {
  if (events.length === 0) return [workspace ? 'no events match' : 'no events yet (no workspace)'];
  // A loop, not Math.max(...): spreading 100,000s of arguments overflows the stack.
  const width = events.reduce((w, e) => Math.max(w, e.actor.length), 0);
  const times = events.map((e) => when(e, h, theme));
  // "Tue 1 Dec" is a column narrower than "Mon 30 Nov": the time column is as wide as its widest.
  const timeWidth = times.reduce((w, t) => Math.max(w, t.typed.length), 0);
  return events.map((e, i) => {
    const { typed, counts } = times[i]!;
    return `${theme.c.dim(typed.padEnd(timeWidth))}  ${safeText(e.actor).padEnd(width)}  ${safeText(describeEvent(e, h.lookup))}${counts}${undoneMark(theme, h, e)}`;
  });
}

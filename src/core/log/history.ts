// Reading the history back: what `launch undo` reverts.
import { EVENT_TYPES, isKnownType } from './event-types.js';
import type { LogEvent } from './events.js';
import { cancelledIds, recordedAt } from './fold.js';

/**
 * This actor's last change that still applies, for `launch undo`: the last one typed (a change
 * backdated with --date is still the most recent thing the user did); of two typed in the same
 * millisecond, the later line. `events` in file order, `timeline` in fold order. Repeated `launch
 * undo` therefore walks back through the actor's changes.
 */
export function findLastChange(events: readonly LogEvent[], timeline: readonly LogEvent[], actor: string): LogEvent | undefined {
  const cancelled = cancelledIds(timeline);
  let last: LogEvent | undefined;
  let lastAt = -Infinity;
  for (const e of events) {
    if (e.actor !== actor || !isKnownType(e.type) || !EVENT_TYPES[e.type].undoable || cancelled.has(e.id)) continue;
    const at = recordedAt(e);
    if (at >= lastAt) [last, lastAt] = [e, at];
  }
  return last;
}

/** Events by id, for an undo to say what it undid; the map is built on the first question, if any. */
export function eventLookup(events: readonly LogEvent[]): (id: string) => LogEvent | undefined {
  let byId: Map<string, LogEvent> | undefined;
  return (id) => (byId ??= new Map(events.map((e) => [e.id, e]))).get(id);
}

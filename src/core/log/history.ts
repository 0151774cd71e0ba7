// Reading the history back: what `launch undo` reverts.
import { EVENT_TYPES, isKnownType } from './event-types.js';
import type { LogEvent } from './events.js';
import { cancelledIds, orderEvents } from './fold.js';

/**
 * This actor's last change that still applies, for `launch undo`. "Last" is the latest line in the
 * log, not the latest ts: `check --date yesterday` writes a backdated ts but is still the most recent
 * thing the user did. Repeated `launch undo` therefore walks back through the actor's changes.
 */
export function findLastChange(events: readonly LogEvent[], actor: string): LogEvent | undefined {
  const cancelled = cancelledIds(orderEvents(events).timeline);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.actor === actor && isKnownType(e.type) && EVENT_TYPES[e.type].undoable && !cancelled.has(e.id)) return e;
  }
  return undefined;
}

// Reading the history back: what `launch undo` reverts.
import { EVENT_TYPES, isKnownType } from './event-types.js';
import type { LogEvent } from './events.js';
import { cancelledIds } from './fold.js';

/**
 * This actor's last change that still applies, for `launch undo`: the last one typed (a change
 * backdated with --date is still the most recent thing the user did), from a timeline in fold order.
 * Repeated `launch undo` therefore walks back through the actor's changes.
 */
export function findLastChange(timeline: readonly LogEvent[], actor: string): LogEvent | undefined {
  const cancelled = cancelledIds(timeline);
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.actor === actor && isKnownType(e.type) && EVENT_TYPES[e.type].undoable && !cancelled.has(e.id)) return e;
  }
  return undefined;
}

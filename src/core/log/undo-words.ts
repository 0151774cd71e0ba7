// An undo in words, for `launch log` and `show`: what it undid, and what that undid in turn.
import type { LogEvent, UndoEvent } from './events.js';

type Lookup = (id: string) => LogEvent | undefined;

/** Undos of undos are shown nested (undid "undid "checked x"") up to this depth; a longer chain is summed up. */
const NESTED_UNDOS = 3;
/** How far back a chain is followed: `log` describes every undo, so a longer walk would be quadratic. */
const FOLLOWED_UNDOS = 100;

/**
 * An undo in words. Undos of undos are walked, not recursed: a hand-edited log can chain thousands of
 * them, or make them undo each other in a circle.
 */
export function describeUndo(e: UndoEvent, lookup: Lookup, describeEvent: (e: LogEvent, lookup: Lookup) => string): string {
  const seen = new Set([e.id]);
  let depth = 1;
  let endId = e.target;
  let end = lookup(endId);
  let circle = false;
  while (end?.type === 'undo') {
    if (depth === FOLLOWED_UNDOS) return `undid "undid …" (a chain of more than ${FOLLOWED_UNDOS} undos)`;
    if (seen.has(end.id)) {
      circle = true;
      break;
    }
    seen.add(end.id);
    depth++;
    endId = String((end as UndoEvent).target);
    end = lookup(endId);
  }
  // An event id means nothing to a reader: say what kind of event it was, as far as the log knows.
  const inner = end && !circle ? `"${describeEvent(end, lookup)}"` : circle ? 'an undo' : 'an event not in the log';
  const note = circle ? ' (undos that undo each other in a circle)' : '';
  if (depth > NESTED_UNDOS) return `undid "undid …" (a chain of ${depth} undos back to ${inner})${note}`;
  let text = inner;
  for (let i = 1; i < depth; i++) text = `"undid ${text}"`;
  return `undid ${text}${note}`;
}

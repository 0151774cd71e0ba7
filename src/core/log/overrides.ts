// When a merge changes an item's status because a teammate's change was typed after yours: what sync
// reports as "bob unchecked page-transition-animations, which you checked". Pure.
import { type LogEvent, sameActor } from './events.js';
import { applyFoldEvent, emptyAccumulator, foldEvents, type FoldOptions } from './fold.js';
import type { ItemStatus } from './item-state.js';

export interface Override {
  item: string;
  /** The item's status before the merge (undefined: no event had touched it) and after. */
  before: ItemStatus | undefined;
  after: ItemStatus;
  /** The teammate's change that decides the status now. */
  theirs: LogEvent;
  /** Your last change to the item, typed before theirs. */
  yours: LogEvent;
}

const statusKey = (s: { status: string; by?: string; at?: string } | undefined): string => (s ? `${s.status}\n${s.by}\n${s.at}` : '');

/**
 * The events that changed these items' status (what it is, who set it, or since when), per item in
 * fold order; a note, or an unblock of an item that is not blocked, is no change.
 */
function statusChanges(timeline: readonly LogEvent[], cancelled: ReadonlySet<string>, items: ReadonlySet<string>): Map<string, LogEvent[]> {
  const acc = emptyAccumulator();
  const changes = new Map<string, LogEvent[]>();
  for (const e of timeline) {
    if (typeof e.item !== 'string' || !items.has(e.item) || cancelled.has(e.id)) continue;
    const was = statusKey(acc.items.get(e.item));
    applyFoldEvent(acc, e);
    if (statusKey(acc.items.get(e.item)) === was) continue;
    const list = changes.get(e.item);
    if (list) list.push(e);
    else changes.set(e.item, [e]);
  }
  return changes;
}

/**
 * The items whose status differs between the log `before` and the log `after` (the merged one), where
 * the change deciding it now is another person's, typed after `actor`'s last change to it. In the order
 * those changes were typed.
 */
export function overriddenChanges(before: readonly LogEvent[], after: readonly LogEvent[], actor: string, opts: FoldOptions = {}): Override[] {
  const was = foldEvents(before, opts);
  const now = foldEvents(after, opts);
  const changed = new Set<string>();
  for (const item of new Set([...was.items.keys(), ...now.items.keys()])) {
    if (was.items.get(item)?.status !== now.items.get(item)?.status) changed.add(item);
  }
  if (changed.size === 0) return [];
  const order = new Map(now.timeline.map((e, i) => [e, i]));
  const overrides: Override[] = [];
  for (const [item, changes] of statusChanges(now.timeline, now.cancelled, changed)) {
    const theirs = changes.at(-1)!;
    if (sameActor(theirs.actor, actor)) continue;
    const yours = changes.findLast((e) => sameActor(e.actor, actor));
    if (yours === undefined) continue;
    overrides.push({ item, before: was.items.get(item)?.status, after: now.items.get(item)!.status, theirs, yours });
  }
  return overrides.sort((a, b) => order.get(a.theirs)! - order.get(b.theirs)!);
}

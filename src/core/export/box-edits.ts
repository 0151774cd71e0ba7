// The way back from `launch export md`: boxes ticked or unticked by hand in the Markdown, read by
// `launch plan update`. A box that differs from the item's status becomes a check or uncheck event,
// dated and signed like any other, rather than the plan's `[x]` mark: a mark counts as done from the
// plan's first day (the burndown starts from it), and it changes nothing once the item has events.
import type { ItemStatus } from '../log/item-state.js';
import type { Item, Plan } from '../plan/schema.js';

/** The note of every event a box ticked by hand becomes. */
export const FROM_PLAN_FILE = 'from the plan file';

export interface BoxEdit {
  id: string;
  title: string;
  line: number;
  /** What the box now says. */
  done: boolean;
  /** The item's status before. */
  was: ItemStatus;
}

/**
 * Checklist items of the new plan (ids already given back by keepOldIds) that the old plan has too,
 * whose box changed since the import (its `[x]` mark) and says other than their status. `statusOf` is
 * the status as the log and the old mark make it. A box an export ticked (the mark still `[ ]`) and
 * then unticked by hand is not seen: without a record of what the file said, it looks untouched.
 */
export function boxEdits(oldItems: readonly Item[], newItems: readonly Item[], statusOf: (id: string, marked: boolean) => ItemStatus): BoxEdit[] {
  const before = new Map(oldItems.map((i) => [i.id, i]));
  const edits: BoxEdit[] = [];
  for (const item of newItems) {
    const old = before.get(item.id);
    if (!old || item.kind !== 'check' || old.kind !== 'check') continue;
    const done = item.done === true;
    // A box as it was at the import says nothing new: in a plan whose progress lives only in the log,
    // every box stays as it was typed, and reading those as unticks would undo the team's work.
    if (done === (old.done === true)) continue;
    const was = statusOf(item.id, old.done === true);
    // A blocked item's empty box says nothing new either: it is not done.
    if (done !== (was === 'done')) edits.push({ id: item.id, title: item.title, line: item.line, done, was });
  }
  return edits;
}

/** The new plan with each item the old plan had keeping its old `[x]` mark (see the file's comment). */
export function keepMarks(oldPlan: Plan, newPlan: Plan): Plan {
  const marked = new Map(oldPlan.items.map((i) => [i.id, i.done === true]));
  const items = newPlan.items.map((item) => {
    const was = marked.get(item.id);
    if (was === undefined || was === (item.done === true)) return item;
    const { done: _done, ...rest } = item;
    return was ? { ...rest, done: true as const } : rest;
  });
  return { ...newPlan, items };
}

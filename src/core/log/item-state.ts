// What the fold knows about one item. Every place that builds an item state — here, and the store's
// snapshot codec (src/io/store/fold-snapshot-codec.ts) — writes it as an AllOf<ItemState> literal, so
// a field added to ItemState and left out anywhere is a compile error, not a value lost on one path.
import type { LogEvent, MeasuredValue } from './events.js';

export type ItemStatus = 'todo' | 'done' | 'blocked';

export interface ItemNote {
  text: string;
  actor: string;
  ts: string;
}

export interface ItemState {
  status: ItemStatus;
  /** The block reason while blocked. */
  reason?: string;
  /** Who made the last status change, and when (the event's ts). */
  by?: string;
  at?: string;
  notes: readonly ItemNote[];
  /** Measurements from the check that made it done. */
  values?: MeasuredValue[];
  /** Done although a measured value missed its threshold (check --force). */
  missed?: boolean;
  /** The owner an `assign` event gave, "" for taken away; undefined: the plan's owner stands. */
  owner?: string;
  /** Events that still apply to this item (undone ones excluded). */
  events: number;
}

/** Every field of T, none optional: a literal of this type that leaves a field out does not compile. */
export type AllOf<T> = { [K in keyof Required<T>]: T[K] };

// Shared by every item without notes (most of them); frozen so a stray push fails loudly.
export const NO_NOTES: readonly ItemNote[] = Object.freeze([]);

/** An item nothing has happened to yet. */
export function newItemState(): ItemState {
  const state: AllOf<ItemState> = { status: 'todo', reason: undefined, by: undefined, at: undefined, notes: NO_NOTES, values: undefined, missed: undefined, owner: undefined, events: 0 };
  return state;
}

/** A copy the fold may change without touching `s`; the notes array is the copy's own to push to. */
export function copyItemState(s: ItemState): ItemState {
  const copy: AllOf<ItemState> = {
    status: s.status,
    reason: s.reason,
    by: s.by,
    at: s.at,
    notes: s.notes.length === 0 ? NO_NOTES : s.notes.slice(),
    values: s.values,
    missed: s.missed,
    owner: s.owner,
    events: s.events,
  };
  return copy;
}

export function addNote(state: ItemState, note: ItemNote): void {
  if (state.notes === NO_NOTES) state.notes = [note];
  else (state.notes as ItemNote[]).push(note);
}

/** A status change: who and when, and nothing left of the previous status's details. */
export function setStatus(state: ItemState, status: ItemStatus, e: LogEvent): void {
  state.status = status;
  state.by = e.actor;
  state.at = e.ts;
  state.reason = undefined;
  state.values = undefined;
  state.missed = undefined;
}

/**
 * The log's word on an item, else the `[x]` it was imported with. An item that only has notes or an
 * owner has a state but no word on its status (no `by`: setStatus is what sets it).
 */
export const itemStatus = (state: ItemState | undefined, markedDone: boolean): ItemStatus =>
  state !== undefined && state.by !== undefined ? state.status : markedDone ? 'done' : 'todo';

/** Who owns an item: the last `assign` event's word, else the plan's `@name`; null for nobody. */
export const ownerOf = (state: ItemState | undefined, planOwner: string | undefined): string | null =>
  (state?.owner !== undefined ? state.owner : planOwner) || null;

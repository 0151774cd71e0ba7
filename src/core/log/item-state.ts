// What the fold knows about one item. Its fields are listed once, in ITEM_STATE_KEYS; every copy of an
// item state (the fold, its incremental extension, the store's snapshot of it) goes through here.
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
  /** Events that still apply to this item (undone ones excluded). */
  events: number;
}

/** Every field, in the order a new state has them (one object shape for all items keeps access fast). */
export const ITEM_STATE_KEYS = ['status', 'reason', 'by', 'at', 'notes', 'values', 'missed', 'events'] as const satisfies readonly (keyof ItemState)[];

// Fails to compile when ItemState gains a field that ITEM_STATE_KEYS does not list.
type Unlisted = Exclude<keyof ItemState, (typeof ITEM_STATE_KEYS)[number]>;
const allListed: Unlisted extends never ? true : never = true;
void allListed;

// Shared by every item without notes (most of them); frozen so a stray push fails loudly.
export const NO_NOTES: readonly ItemNote[] = Object.freeze([]);

/** An item nothing has happened to yet. */
export function newItemState(): ItemState {
  return { status: 'todo', reason: undefined, by: undefined, at: undefined, notes: NO_NOTES, values: undefined, missed: undefined, events: 0 };
}

/** A copy the fold may change without touching `s`; the notes array is the copy's own to push to. */
export function copyItemState(s: ItemState): ItemState {
  const copy = newItemState();
  for (const key of ITEM_STATE_KEYS) (copy as unknown as Record<string, unknown>)[key] = s[key];
  copy.notes = s.notes.length === 0 ? NO_NOTES : s.notes.slice();
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

/** The log's word on an item, else the `[x]` it was imported with. */
export const itemStatus = (state: ItemState | undefined, markedDone: boolean): ItemStatus => state?.status ?? (markedDone ? 'done' : 'todo');

// Extending a fold with events appended since it was made, without folding the whole log again.
// Pure: no fs, no clock. src/io/store/fold-snapshot.ts keeps a FoldSnapshot on disk and feeds it the
// log's tail.
//
// The fold orders events by (recorded, id), so a tail can be folded onto a snapshot only when every
// tail event sorts after everything already folded and nothing in the tail changes what came before.
// That is the common case (lines appended as they are typed, backdated ones too); anything else — an
// undo, a line recorded before the snapshot's last one (a teammate's, after a sync) or after `now` (a
// clock ahead), a repeated line from a git union merge — returns null and the caller folds everything.
// A snapshot holds every event of the log, whatever day it counts for; `maxTs` tells the store up to
// which day it is also the view as of that day.

import { parseInstant } from '../calendar/instant.js';
import type { LogEvent } from './events.js';
import { applyFoldEvent, orderEvents, recordedAt } from './fold.js';
import { copyItemState } from './item-state.js';
import type { BeforeWrite, EscalationState, FoldAccumulator, FoldResult, FoldState, KpiRecord } from './state.js';

/** Where an event sorts in the fold: when it was recorded (epoch ms) and its id. */
export interface EventKey {
  instant: number;
  id: string;
}

/** A fold of the whole log without its history, plus what a later extension must sort after. */
export interface FoldSnapshot extends FoldState {
  /** The key of the last event in fold order, cancelled or not; null for an empty log. */
  last: EventKey | null;
  /** The latest `ts` of any event (epoch ms): the fold is the view as of that day and every later one. */
  maxTs: number | null;
}

/**
 * The snapshot of a full fold (its timeline is dropped; the result shares the fold's objects), or null
 * when an event was recorded after `now`: such a fold changes as time passes, so it is not kept.
 */
export function snapshotOf(fold: FoldResult, now: number): FoldSnapshot | null {
  let maxTs: number | null = null;
  for (const e of fold.timeline) {
    if (recordedAt(e) > now) return null;
    const ts = parseInstant(e.ts);
    if (maxTs === null || ts > maxTs) maxTs = ts;
  }
  const tail = fold.timeline[fold.timeline.length - 1];
  const { items, kpis, standups, escalations, cancelled, duplicates } = fold;
  return {
    items,
    kpis,
    standups,
    escalations,
    cancelled,
    duplicates,
    last: tail === undefined ? null : { instant: recordedAt(tail), id: tail.id },
    maxTs,
  };
}

/** True when `a` sorts strictly after `b`; a shared instant and id would be a repeated event. */
function after(a: EventKey, b: EventKey): boolean {
  return a.instant > b.instant || (a.instant === b.instant && a.id > b.id);
}

/**
 * `base` with `events` folded in, equal to folding base's events and `events` together at `now` — or
 * null when that cannot be done incrementally: an event sorts at or before `base.last`, was recorded
 * after `now`, or is an undo. Does not modify `base` (what it changes is copied first), so the same
 * snapshot can be extended twice.
 */
export function extendFold(base: FoldSnapshot, events: readonly LogEvent[], now: number): FoldSnapshot | null {
  if (events.length === 0) return base;
  let maxTs = base.maxTs;
  for (const e of events) {
    if (e.type === 'undo' || recordedAt(e) > now) return null;
    const ts = parseInstant(e.ts);
    if (maxTs === null || ts > maxTs) maxTs = ts;
  }
  // The tail on its own, in fold order, with its own repeated lines counted: since it all sorts after
  // `base.last`, no repeat can pair a tail line with an earlier one.
  const { timeline, duplicates } = orderEvents(events);
  if (timeline.length === 0) return base;
  const first = timeline[0]!;
  const firstKey = { instant: recordedAt(first), id: first.id };
  if (Number.isNaN(firstKey.instant)) return null;
  if (base.last !== null && !after(firstKey, base.last)) return null;
  const lastEvent = timeline[timeline.length - 1]!;

  const acc = copyOnWrite(base);
  // No undo in the tail, so the cancelled set is the base's: an earlier undo may cancel a tail event.
  const { cancelled } = base;
  for (const e of timeline) {
    if (cancelled.size > 0 && cancelled.has(e.id)) continue;
    applyFoldEvent(acc.state, e, acc.beforeWrite);
  }
  return {
    ...acc.state,
    cancelled,
    duplicates: base.duplicates + duplicates,
    last: { instant: recordedAt(lastEvent), id: lastEvent.id },
    maxTs,
  };
}

/**
 * The base's containers, copied the first time an event is about to change them: a Map or array is
 * copied once, an item's state or an escalation once per extension.
 */
function copyOnWrite(base: FoldSnapshot): { state: FoldAccumulator; beforeWrite: BeforeWrite } {
  const state: FoldAccumulator = { items: base.items, kpis: base.kpis, standups: base.standups, escalations: base.escalations };
  const copyEntry = {
    items: copyEntryOnWrite(() => state.items, (m) => (state.items = m), copyItemState),
    kpis: copyEntryOnWrite(() => state.kpis, (m) => (state.kpis = m), (records) => records.slice() as KpiRecord[]),
    escalations: copyEntryOnWrite(() => state.escalations, (m) => (state.escalations = m), (e) => ({ ...e }) as EscalationState),
  };
  let standups = false;
  const beforeWrite: BeforeWrite = (part, key) => {
    if (part !== 'standups') return copyEntry[part](key);
    if (!standups) {
      standups = true;
      state.standups = state.standups.slice();
    }
  };
  return { state, beforeWrite };
}

/** Before the first change under `key`: the map is copied (once), then that entry (once). */
function copyEntryOnWrite<V>(get: () => Map<string, V>, replace: (map: Map<string, V>) => void, copy: (value: V) => V): (key: string) => void {
  let touched: Set<string> | undefined;
  return (key) => {
    if (touched === undefined) {
      touched = new Set();
      replace(new Map(get()));
    }
    if (touched.has(key)) return;
    touched.add(key);
    const map = get();
    const current = map.get(key);
    if (current !== undefined) map.set(key, copy(current));
  };
}

// The fold: the log's events → the state every screen reads. Deterministic in the set of events: any
// order of the input gives the same result. Each event's effect is its row in ./event-types.ts.
import { parseInstant } from '../calendar/instant.js';
import { rowOf } from './event-types.js';
import type { LaunchEvent, LogEvent, UndoEvent } from './events.js';
import type { BeforeWrite, FoldAccumulator, FoldResult } from './state.js';

const NOTHING_CANCELLED: ReadonlySet<string> = new Set();

/** Sorts indices by (instant, id); a shared id and instant is one event repeated, told apart by content. */
function timelineOrder(events: readonly LogEvent[]): { order: Uint32Array; instants: Float64Array } {
  const instants = new Float64Array(events.length);
  const order = new Uint32Array(events.length);
  let n = 0;
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const t = parseInstant(events[i]!.ts);
    if (Number.isNaN(t)) continue; // the reader never hands these out; defensive for other callers
    instants[i] = t;
    if (n > 0 && sorted && compare(events, instants, order[n - 1]!, i) > 0) sorted = false;
    order[n++] = i;
  }
  const used = order.subarray(0, n);
  // Logs are appended in time order, so the usual case skips the sort entirely.
  if (!sorted) used.sort((a, b) => compare(events, instants, a, b));
  return { order: used, instants };
}

function compare(events: readonly LogEvent[], instants: Float64Array, a: number, b: number): number {
  const d = instants[a]! - instants[b]!;
  if (d !== 0) return d;
  const ia = events[a]!.id;
  const ib = events[b]!.id;
  if (ia !== ib) return ia < ib ? -1 : 1;
  // Same event twice: order by content only so that differing copies still fold deterministically.
  const ja = JSON.stringify(events[a]);
  const jb = JSON.stringify(events[b]);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** Distinct events in (ts, id) order: the first of each run of equal (instant, id) is kept. */
export function orderEvents(events: readonly LogEvent[]): { timeline: LogEvent[]; duplicates: number } {
  const { order, instants } = timelineOrder(events);
  const timeline: LogEvent[] = [];
  let duplicates = 0;
  let prev = -1;
  for (const i of order) {
    if (prev >= 0 && instants[prev] === instants[i] && events[prev]!.id === events[i]!.id) {
      duplicates++;
      continue;
    }
    timeline.push(events[i]!);
    prev = i;
  }
  return { timeline, duplicates };
}

/**
 * Ids cancelled by undos. Walking newest → oldest means an undo that was itself undone is skipped
 * before its target is reached, so undo-of-undo re-applies the original.
 */
export function cancelledIds(timeline: readonly LogEvent[]): ReadonlySet<string> {
  let cancelled: Set<string> | undefined;
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.type !== 'undo') continue;
    if (cancelled?.has(e.id)) continue;
    (cancelled ??= new Set()).add((e as UndoEvent).target);
  }
  return cancelled ?? NOTHING_CANCELLED;
}

/**
 * Applies one event, already known to be in (ts, id) order and not cancelled, to the accumulated
 * state, in place. Shared with ./fold-incremental.ts, so that folding a tail onto a snapshot runs
 * exactly this code; `beforeWrite` lets it copy what is about to change.
 */
export function applyFoldEvent(acc: FoldAccumulator, e: LogEvent, beforeWrite?: BeforeWrite): void {
  rowOf(e)?.fold(acc, e as LaunchEvent, beforeWrite);
}

export function emptyAccumulator(): FoldAccumulator {
  return { items: new Map(), kpis: new Map(), standups: [], escalations: new Map() };
}

/** Folds the log into current state. Expects events that pass `eventShapeProblem` (the reader checks). */
export function foldEvents(events: readonly LogEvent[]): FoldResult {
  const { timeline, duplicates } = orderEvents(events);
  const cancelled = cancelledIds(timeline);
  const acc = emptyAccumulator();
  for (const ev of timeline) {
    if (cancelled.size > 0 && cancelled.has(ev.id)) continue;
    applyFoldEvent(acc, ev);
  }
  return { ...acc, timeline, cancelled, duplicates };
}

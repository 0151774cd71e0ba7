// The fold: the log's events → the state every screen reads. Two times per event: `ts`, the day it
// counts for, decides whether it takes part (a view as of a day); `recorded` (else `ts`), when it was
// typed, decides its place: the last typed change wins. Each event's effect is its row in
// ./event-types.ts.
import { instantsReader, parseInstant } from '../calendar/instant.js';
import { rowOf } from './event-types.js';
import type { LaunchEvent, LogEvent, UndoEvent } from './events.js';
import type { BeforeWrite, FoldAccumulator, FoldResult } from './state.js';

const NOTHING_CANCELLED: ReadonlySet<string> = new Set();

/**
 * What folding needs to know besides the events. `now`: the run's instant; an event recorded after it
 * (a teammate's clock ahead, a hand-edited line) sorts before every other, so it never pins a status.
 * `before`: only events counting before this instant take part (the view as of a day: the first
 * instant after it).
 */
export interface FoldOptions {
  now?: number;
  before?: number;
}

/** When the event was typed: its `recorded` time where it has one (a backdated event), else its `ts`. */
export const recordedAt = (e: LogEvent): number => parseInstant(typeof e.recorded === 'string' ? e.recorded : e.ts);

interface Keys {
  /** recordedAt of each event. */
  at: Float64Array;
  /** Its ts, for telling a repeated line from another event with the same id. */
  ts: Float64Array;
  /** 0 for an event recorded in the future, which sorts first; 1 for the rest. */
  rank: Uint8Array;
}

/** Sorts indices by (recorded, id); a shared id, recorded and ts is one event repeated, told apart by content. */
function timelineOrder(events: readonly LogEvent[], opts: FoldOptions): { order: Uint32Array; keys: Keys } {
  const n = events.length;
  const keys: Keys = { at: new Float64Array(n), ts: new Float64Array(n), rank: new Uint8Array(n) };
  const order = new Uint32Array(n);
  const now = opts.now ?? Infinity;
  const before = opts.before ?? Infinity;
  let count = 0;
  let sorted = true;
  const instant = instantsReader(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const ts = instant(e.ts);
    const at = e.recorded === undefined ? ts : recordedAt(e);
    if (Number.isNaN(ts) || Number.isNaN(at) || ts >= before) continue; // the reader never hands out the former
    keys.ts[i] = ts;
    keys.at[i] = at;
    keys.rank[i] = at > now ? 0 : 1;
    if (count > 0 && sorted && compare(events, keys, order[count - 1]!, i) > 0) sorted = false;
    order[count++] = i;
  }
  const used = order.subarray(0, count);
  // Logs are appended in the order they are typed, so the usual case skips the sort entirely.
  if (!sorted) used.sort((a, b) => compare(events, keys, a, b));
  return { order: used, keys };
}

function compare(events: readonly LogEvent[], keys: Keys, a: number, b: number): number {
  const r = keys.rank[a]! - keys.rank[b]!;
  if (r !== 0) return r;
  const d = keys.at[a]! - keys.at[b]!;
  if (d !== 0) return d;
  const ia = events[a]!.id;
  const ib = events[b]!.id;
  if (ia !== ib) return ia < ib ? -1 : 1;
  // Same event twice: order by content only so that differing copies still fold deterministically.
  const ja = JSON.stringify(events[a]);
  const jb = JSON.stringify(events[b]);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** Distinct events in (recorded, id) order: the first of each run of equal (recorded, ts, id) is kept. */
export function orderEvents(events: readonly LogEvent[], opts: FoldOptions = {}): { timeline: LogEvent[]; duplicates: number } {
  const { order, keys } = timelineOrder(events, opts);
  const timeline: LogEvent[] = [];
  let duplicates = 0;
  let prev = -1;
  for (const i of order) {
    if (prev >= 0 && keys.at[prev] === keys.at[i] && keys.ts[prev] === keys.ts[i] && events[prev]!.id === events[i]!.id) {
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
 * Applies one event, already known to be in (recorded, id) order and not cancelled, to the accumulated
 * state, in place. Shared with ./fold-incremental.ts, so that folding a tail onto a snapshot runs
 * exactly this code; `beforeWrite` lets it copy what is about to change.
 */
export function applyFoldEvent(acc: FoldAccumulator, e: LogEvent, beforeWrite?: BeforeWrite): void {
  rowOf(e)?.fold(acc, e as LaunchEvent, beforeWrite);
}

export function emptyAccumulator(): FoldAccumulator {
  return { items: new Map(), kpis: new Map(), standups: [], escalations: new Map() };
}

/**
 * Folds the log into state: every item's status is the effect of its last recorded change, whatever
 * day each change counts for. Deterministic in the set of events: any order of the input gives the
 * same result. Expects events that pass `eventShapeProblem` (the reader checks).
 */
export function foldEvents(events: readonly LogEvent[], opts: FoldOptions = {}): FoldResult {
  const { timeline, duplicates } = orderEvents(events, opts);
  const cancelled = cancelledIds(timeline);
  const acc = emptyAccumulator();
  for (const ev of timeline) {
    if (cancelled.size > 0 && cancelled.has(ev.id)) continue;
    applyFoldEvent(acc, ev);
  }
  return { ...acc, timeline, cancelled, duplicates };
}

/** The latest `ts` of the events (epoch ms): a fold of them all is the view as of that day and after. */
export function latestTs(events: readonly LogEvent[]): number | null {
  let max: number | null = null;
  for (const e of events) {
    const ts = parseInstant(e.ts);
    if (max === null || ts > max) max = ts;
  }
  return max;
}

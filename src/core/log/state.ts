// What folding the log produces: item states, KPI values, standup answers and escalations.
import type { LogEvent } from './events.js';
import type { ItemState } from './item-state.js';
import type { KpiSource } from './kpi-source.js';

export interface KpiRecord {
  id: string;
  metric: string;
  value: string;
  week: number;
  actor: string;
  ts: string;
  note?: string;
  source?: KpiSource;
}

export interface StandupRecord {
  id: string;
  actor: string;
  ts: string;
  date: string;
  answers: Record<string, string>;
}

export interface EscalationState {
  /** The item, or "" for an escalation about no single item. */
  key: string;
  item?: string;
  level: string;
  reason: string;
  actor: string;
  ts: string;
  id: string;
  open: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** What the fold builds up, event by event. */
export interface FoldAccumulator {
  /** Only items that have events; an item absent here is `todo` (or whatever the plan imported). */
  items: Map<string, ItemState>;
  /** Per metric, every surviving record in (ts, id) order. */
  kpis: Map<string, KpiRecord[]>;
  standups: StandupRecord[];
  /** The latest escalation per key (item id, or "" for none), open or resolved. */
  escalations: Map<string, EscalationState>;
}

/** The folded log: the accumulated state, plus what undo and repeated lines left behind. */
export interface FoldState extends FoldAccumulator {
  /** Ids of events an undo cancelled. */
  cancelled: ReadonlySet<string>;
  /** Repeated lines (same id and ts) counted once, e.g. after a git union merge. */
  duplicates: number;
}

/** A whole-log fold, with the history it was folded from. */
export interface FoldResult extends FoldState {
  /** Every distinct event in (ts, id) order, undone ones and undos included. */
  timeline: LogEvent[];
}

/**
 * Told which part of the accumulator (and which entry of a map) an event is about to change, so that
 * folding onto a shared snapshot can copy it first (./fold-incremental.ts).
 */
export type BeforeWrite = (part: keyof FoldAccumulator, key: string) => void;

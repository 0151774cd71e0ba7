// The state log's events: their shapes and how a new one is built. Pure: ids and timestamps come from
// the caller (src/io/event-log.ts makes ids). What each type means — its check, schema, fold effect and
// words — is one row of ./event-types.ts.
//
// Line format (documented in the README; other tools may append):
//   {"v":1,"id":"<unique id>","ts":"<ISO-8601 with offset>","actor":"<name>","type":"<type>",
//    "item":"<item id>",...}
// Fields this file does not know are kept on the parsed object and ignored, and so are events of types
// it does not know, so a newer or foreign writer never makes the log unreadable.
//
// Nothing in log/ may import zod at run time (only ./schema.ts, which doctor loads): every command loads
// this folder, and evaluating zod costs tens of milliseconds of start-up.

import type { KpiSource } from './kpi-source.js';

export const EVENT_VERSION = 1;
/** Longer lines are refused on read and on write: a runaway note must not make every command slow. */
export const MAX_EVENT_LINE_BYTES = 64 * 1024;

/** A measurement recorded with `launch check <item> --value …`. */
export interface MeasuredValue {
  label?: string;
  text: string;
  status: 'met' | 'missed';
}

interface Base {
  v: 1;
  id: string;
  /**
   * When the event counts: the instant it was typed, or local noon of the day given with --date.
   * ISO-8601 with a `Z` or `±HH:MM` offset, so every machine reads it the same way.
   */
  ts: string;
  /** When it was typed, where that differs from `ts` (a backdated event); the fold orders by it. */
  recorded?: string;
  actor: string;
  [extra: string]: unknown;
}

export interface CheckEvent extends Base {
  type: 'check';
  item: string;
  note?: string;
  values?: MeasuredValue[];
  /** Recorded with --force although a value missed its threshold. */
  missed?: boolean;
}
export interface UncheckEvent extends Base { type: 'uncheck'; item: string; note?: string }
export interface BlockEvent extends Base { type: 'block'; item: string; reason: string }
export interface UnblockEvent extends Base { type: 'unblock'; item: string }
export interface NoteEvent extends Base { type: 'note'; item: string; text: string }
/** Who owns an item from now on; "" takes the owner away (the plan's `@name` included). */
export interface AssignEvent extends Base { type: 'assign'; item: string; owner: string }
export interface KpiEvent extends Base {
  type: 'kpi';
  /** The plan's KPI id. */
  metric: string;
  /** The value as the user typed it ("540KB"); parsing belongs to the target grammar. */
  value: string;
  week: number;
  item?: string;
  note?: string;
  /** The CI report the value was read from (`kpi record --from`). */
  source?: KpiSource;
}
export interface StandupEvent extends Base {
  type: 'standup';
  /** The standup's day, YYYY-MM-DD in the workspace's time zone. */
  date: string;
  answers: Record<string, string>;
}
export interface EscalateEvent extends Base {
  type: 'escalate';
  item?: string;
  /** Required unless `resolve` is true. */
  level?: string;
  reason?: string;
  resolve?: boolean;
}
export interface UndoEvent extends Base {
  type: 'undo';
  /** The id of the event this one cancels (an undo of an undo re-applies the original). */
  target: string;
  item?: string;
}

/** Every event type this version understands. */
export type LaunchEvent =
  | CheckEvent
  | UncheckEvent
  | BlockEvent
  | UnblockEvent
  | NoteEvent
  | AssignEvent
  | KpiEvent
  | StandupEvent
  | EscalateEvent
  | UndoEvent;

export type EventType = LaunchEvent['type'];
/** The event of one type. */
export type EventOf<T extends EventType> = Extract<LaunchEvent, { type: T }>;

/** What the reader hands out: a known event, or a well-formed event of a type this version ignores. */
export type LogEvent = LaunchEvent | (Base & { type: string; item?: string });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before io gives it an id and the caller a timestamp. */
export type NewEvent = DistributiveOmit<LaunchEvent, 'v' | 'id' | 'ts'>;

/** Builds an event with the documented key order (v, id, ts, actor, type, item first) for readable lines. */
export function createEvent(fields: NewEvent, id: string, ts: string): LaunchEvent {
  const { actor, type, item, ...rest } = fields as NewEvent & { item?: string };
  const head = { v: EVENT_VERSION, id, ts, actor, type } as Record<string, unknown>;
  if (item !== undefined) head.item = item;
  return Object.assign(head, rest) as LaunchEvent;
}

/** Whether two actor names are one person: names are compared without regard to case ("Dave", "dave"). */
export const sameActor = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

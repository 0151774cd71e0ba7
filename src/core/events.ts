// The state log's event model and the fold (events → statuses). Pure: no fs, no clock, no randomness;
// ids and timestamps come from the caller (src/io/event-log.ts makes ids).
//
// Line format (documented in the README; other tools may append):
//   {"v":1,"id":"<unique id>","ts":"<ISO-8601 with offset>","actor":"<name>","type":"<type>",
//    "item":"<item id>",...}
// Fields this file does not know are kept on the parsed object and ignored, and so are events of types
// it does not know, so a newer or foreign writer never makes the log unreadable.
//
// The full zod validation `doctor` uses lives in ./event-schema.ts: nothing here may import zod, since
// every command loads this file and evaluating zod costs tens of milliseconds of start-up.

import { daysFromCivil } from './calendar-date.js';

export const EVENT_VERSION = 1;
/** Longer lines are refused on read and on write: a runaway note must not make every command slow. */
export const MAX_EVENT_LINE_BYTES = 64 * 1024;

export const EVENT_TYPES = [
  'check',
  'uncheck',
  'block',
  'unblock',
  'note',
  'kpi',
  'standup',
  'escalate',
  'undo',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A measurement recorded with `launch check <item> --value …`. */
export interface MeasuredValue {
  label?: string;
  text: string;
  status: 'met' | 'missed';
}

interface Base {
  v: 1;
  id: string;
  /** ISO-8601 with a `Z` or `±HH:MM` offset, so every machine orders it the same way. */
  ts: string;
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
export interface UncheckEvent extends Base { type: 'uncheck'; item: string }
export interface BlockEvent extends Base { type: 'block'; item: string; reason: string }
export interface UnblockEvent extends Base { type: 'unblock'; item: string }
export interface NoteEvent extends Base { type: 'note'; item: string; text: string }
export interface KpiEvent extends Base {
  type: 'kpi';
  /** The plan's KPI id. */
  metric: string;
  /** The value as the user typed it ("540KB"); parsing belongs to the target grammar. */
  value: string;
  week: number;
  item?: string;
  note?: string;
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

export type LaunchEvent =
  | CheckEvent
  | UncheckEvent
  | BlockEvent
  | UnblockEvent
  | NoteEvent
  | KpiEvent
  | StandupEvent
  | EscalateEvent
  | UndoEvent;

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

// ---------------------------------------------------------------------------------------------------
// Timestamps

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;

/**
 * The instant of `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)` in epoch milliseconds, or NaN.
 * Hand-rolled because Date.parse costs ~200 ns a call (20+ ms for a 100,000-event log), and because
 * Date.parse reads an ISO string without an offset as local time, which would make the fold depend on
 * the machine's time zone.
 */
export function parseInstant(ts: string): number {
  const len = ts.length;
  if (len < 17) return NaN;
  if (ts.charCodeAt(4) !== DASH || ts.charCodeAt(7) !== DASH || ts.charCodeAt(10) !== T) return NaN;
  if (ts.charCodeAt(13) !== COLON) return NaN;
  const year = digits(ts, 0, 4);
  const month = digits(ts, 5, 2);
  const day = digits(ts, 8, 2);
  const hour = digits(ts, 11, 2);
  const minute = digits(ts, 14, 2);
  let i = 16;
  let second = 0;
  let ms = 0;
  if (ts.charCodeAt(i) === COLON) {
    second = digits(ts, 17, 2);
    i = 19;
    if (ts.charCodeAt(i) === DOT) {
      const start = ++i;
      let scale = 100;
      for (; i < len; i++) {
        const d = ts.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
      }
      if (i === start) return NaN;
    }
  }
  let offset = 0;
  const sign = ts.charCodeAt(i);
  if (sign === Z) {
    if (i + 1 !== len) return NaN;
  } else if ((sign === PLUS || sign === DASH) && i + 6 === len && ts.charCodeAt(i + 3) === COLON) {
    const oh = digits(ts, i + 1, 2);
    const om = digits(ts, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offset = (sign === DASH ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  if (year < 0 || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return NaN;
  }
  if (second < 0 || second > 59) return NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return NaN;
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset;
  return minutes * 60_000 + second * 1000 + Math.floor(ms);
}

// ---------------------------------------------------------------------------------------------------
// Shape check for the hot path: what the fold and the renderers rely on, nothing more.

const ITEM_TYPES: ReadonlySet<string> = new Set(['check', 'uncheck', 'block', 'unblock', 'note']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const optString = (x: unknown) => x === undefined || typeof x === 'string';

function valuesProblem(values: unknown): string | null {
  if (values === undefined) return null;
  if (!Array.isArray(values)) return '"values" must be an array';
  for (const v of values) {
    if (!isRecord(v) || typeof v.text !== 'string' || (v.status !== 'met' && v.status !== 'missed')) {
      return '"values" entries need "text" and a "status" of "met" or "missed"';
    }
    if (!optString(v.label)) return '"values" labels must be strings';
  }
  return null;
}

/**
 * Why `x` is not a usable event, or null when it is. Cheap enough to run on every line: no zod,
 * no allocation on success. `validateEvent` in ./event-schema.ts is the full check.
 */
export function eventShapeProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'not a JSON object';
  if (x.v !== EVENT_VERSION) {
    return `unsupported version ${JSON.stringify(x.v) ?? 'undefined'} (expected "v":1)`;
  }
  if (typeof x.id !== 'string' || x.id === '') return 'missing "id"';
  if (typeof x.ts !== 'string' || Number.isNaN(parseInstant(x.ts))) {
    return '"ts" must be an ISO-8601 time with an offset, like 2026-11-30T09:15:00+01:00';
  }
  if (typeof x.actor !== 'string' || x.actor === '') return 'missing "actor"';
  if (typeof x.type !== 'string' || x.type === '') return 'missing "type"';
  if (ITEM_TYPES.has(x.type) ? typeof x.item !== 'string' || x.item === '' : !optString(x.item)) {
    return `"${x.type}" needs an "item"`;
  }
  switch (x.type) {
    case 'check':
      if (!optString(x.note)) return '"note" must be a string';
      if (x.missed !== undefined && typeof x.missed !== 'boolean') return '"missed" must be true or false';
      return valuesProblem(x.values);
    case 'block':
      return typeof x.reason === 'string' ? null : '"block" needs a "reason"';
    case 'note':
      return typeof x.text === 'string' ? null : '"note" needs a "text"';
    case 'kpi':
      if (typeof x.metric !== 'string' || typeof x.value !== 'string') {
        return '"kpi" needs "metric" and "value" strings';
      }
      if (typeof x.week !== 'number' || !Number.isFinite(x.week)) return '"kpi" needs a numeric "week"';
      return optString(x.note) ? null : '"note" must be a string';
    case 'standup':
      if (typeof x.date !== 'string') return '"standup" needs a "date"';
      return isRecord(x.answers) && Object.values(x.answers).every((a) => typeof a === 'string')
        ? null
        : '"standup" needs "answers" of question → answer strings';
    case 'escalate':
      if (x.resolve !== undefined && typeof x.resolve !== 'boolean') return '"resolve" must be true or false';
      if (x.resolve === true) return null;
      return typeof x.level === 'string' && typeof x.reason === 'string'
        ? null
        : '"escalate" needs a "level" and a "reason"';
    case 'undo':
      return typeof x.target === 'string' && x.target !== '' ? null : '"undo" needs a "target" event id';
    default:
      return null;
  }
}

export function isLogEvent(x: unknown): x is LogEvent {
  return eventShapeProblem(x) === null;
}

export function isKnownType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

// ---------------------------------------------------------------------------------------------------
// The fold

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

export interface KpiRecord {
  id: string;
  metric: string;
  value: string;
  week: number;
  actor: string;
  ts: string;
  note?: string;
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

export interface FoldResult {
  /** Only items that have events; an item absent here is `todo` (or whatever the plan imported). */
  items: Map<string, ItemState>;
  /** Per metric, every surviving record in (ts, id) order. */
  kpis: Map<string, KpiRecord[]>;
  standups: StandupRecord[];
  /** The latest escalation per key (item id, or "" for none), open or resolved. */
  escalations: Map<string, EscalationState>;
  /** Every distinct event in (ts, id) order, undone ones and undos included: the history. */
  timeline: LogEvent[];
  /** Ids of events an undo cancelled. */
  cancelled: ReadonlySet<string>;
  /** Repeated lines (same id and ts) counted once, e.g. after a git union merge. */
  duplicates: number;
}

// Shared by every item without notes (most of them); frozen so a stray push fails loudly. Exported so
// that item states copied (./events-incremental.ts) or restored (src/io/fold-cache.ts) share it too.
export const NO_NOTES: readonly ItemNote[] = Object.freeze([]);
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

function itemState(items: Map<string, ItemState>, id: string): ItemState {
  let state = items.get(id);
  if (state === undefined) {
    // Every key up front: one object shape for all items keeps property access fast.
    state = {
      status: 'todo',
      reason: undefined,
      by: undefined,
      at: undefined,
      notes: NO_NOTES,
      values: undefined,
      missed: undefined,
      events: 0,
    };
    items.set(id, state);
  }
  return state;
}

function addNote(state: ItemState, e: LogEvent, text: string): void {
  const note = { text, actor: e.actor, ts: e.ts };
  if (state.notes === NO_NOTES) state.notes = [note];
  else (state.notes as ItemNote[]).push(note);
}

function setStatus(state: ItemState, status: ItemStatus, e: LogEvent): void {
  state.status = status;
  state.by = e.actor;
  state.at = e.ts;
  state.reason = undefined;
  state.values = undefined;
  state.missed = undefined;
}

function applyItemEvent(state: ItemState, e: LaunchEvent): void {
  switch (e.type) {
    case 'check':
      setStatus(state, 'done', e);
      if (e.values !== undefined) state.values = e.values;
      if (e.missed === true) state.missed = true;
      if (e.note !== undefined && e.note !== '') addNote(state, e, e.note);
      break;
    case 'uncheck':
      setStatus(state, 'todo', e);
      break;
    case 'block':
      setStatus(state, 'blocked', e);
      state.reason = e.reason;
      break;
    case 'unblock':
      // Unblocking something that is done or was never blocked changes nothing.
      if (state.status === 'blocked') setStatus(state, 'todo', e);
      break;
    case 'note':
      addNote(state, e, e.text);
      break;
    default:
      return;
  }
  state.events++;
}

const escalationKey = (e: EscalateEvent): string => e.item ?? '';

function applyEscalation(escalations: Map<string, EscalationState>, e: EscalateEvent): void {
  const key = escalationKey(e);
  const current = escalations.get(key);
  if (e.resolve === true) {
    if (current?.open) {
      current.open = false;
      current.resolvedBy = e.actor;
      current.resolvedAt = e.ts;
    }
    return;
  }
  escalations.set(key, {
    key,
    ...(e.item !== undefined && { item: e.item }),
    level: e.level ?? '',
    reason: e.reason ?? '',
    actor: e.actor,
    ts: e.ts,
    id: e.id,
    open: true,
  });
}

/** What the fold builds up, event by event: a FoldResult without its history. */
export type FoldAccumulator = Pick<FoldResult, 'items' | 'kpis' | 'standups' | 'escalations'>;

/** Told which part of the accumulator (and which entry of a map) an event is about to change. */
export type BeforeWrite = (part: keyof FoldAccumulator, key: string) => void;

/**
 * Applies one event, already known to be in (ts, id) order and not cancelled, to the accumulated
 * state, in place. The body of `foldEvents`, shared with ./events-incremental.ts so that folding a
 * tail onto a cached state runs exactly the same code; `beforeWrite` lets it copy what is about to
 * change. A change to what the fold computes must bump FORMAT in src/io/fold-cache.ts, or workspaces
 * keep folding onto snapshots made by the old rules.
 */
export function applyFoldEvent(acc: FoldAccumulator, ev: LogEvent, beforeWrite?: BeforeWrite): void {
  const e = ev as LaunchEvent;
  switch (e.type) {
    case 'check':
    case 'uncheck':
    case 'block':
    case 'unblock':
    case 'note':
      beforeWrite?.('items', e.item);
      applyItemEvent(itemState(acc.items, e.item), e);
      break;
    case 'kpi': {
      beforeWrite?.('kpis', e.metric);
      let records = acc.kpis.get(e.metric);
      if (records === undefined) acc.kpis.set(e.metric, (records = []));
      records.push({
        id: e.id,
        metric: e.metric,
        value: e.value,
        week: e.week,
        actor: e.actor,
        ts: e.ts,
        ...(e.note !== undefined && { note: e.note }),
      });
      break;
    }
    case 'standup':
      beforeWrite?.('standups', '');
      acc.standups.push({ id: e.id, actor: e.actor, ts: e.ts, date: e.date, answers: e.answers });
      break;
    case 'escalate':
      beforeWrite?.('escalations', escalationKey(e));
      applyEscalation(acc.escalations, e);
      break;
    default:
      break; // undo (applied through `cancelled`) and types this version does not know
  }
}

/**
 * Folds the log into current state. Deterministic in the set of events: any order of the input gives
 * the same result. Expects events that pass `eventShapeProblem` (the reader guarantees it).
 */
export function foldEvents(events: readonly LogEvent[]): FoldResult {
  const { timeline, duplicates } = orderEvents(events);
  const cancelled = cancelledIds(timeline);
  const acc: FoldAccumulator = { items: new Map(), kpis: new Map(), standups: [], escalations: new Map() };
  for (const ev of timeline) {
    if (cancelled.size > 0 && cancelled.has(ev.id)) continue;
    applyFoldEvent(acc, ev);
  }
  return { ...acc, timeline, cancelled, duplicates };
}

// ---------------------------------------------------------------------------------------------------
// Undo support and words

/** Types `launch undo` can revert: everything a user records, except undo itself. */
export const UNDOABLE_TYPES: ReadonlySet<string> = new Set([
  'check',
  'uncheck',
  'block',
  'unblock',
  'note',
  'kpi',
  'standup',
  'escalate',
]);

/**
 * This actor's last change that still applies, for `launch undo`. "Last" is the latest line in the
 * log, not the latest ts: `check --date yesterday` writes a backdated ts but is still the most recent
 * thing the user did. Repeated `launch undo` therefore walks back through the actor's changes.
 */
export function findLastChange(events: readonly LogEvent[], actor: string): LogEvent | undefined {
  const cancelled = cancelledIds(orderEvents(events).timeline);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.actor === actor && UNDOABLE_TYPES.has(e.type) && !cancelled.has(e.id)) return e;
  }
  return undefined;
}

/** One event in words ("checked skeleton-loading-setup", "blocked api-auth: waiting on keys"). */
export function describeEvent(e: LogEvent, lookup?: (id: string) => LogEvent | undefined): string {
  const ev = e as LaunchEvent;
  switch (ev.type) {
    case 'check': {
      const details = (ev.values ?? []).map((v) => (v.label ? `${v.label}=${v.text}` : v.text));
      if (ev.missed) details.push('missed target');
      const detail = details.length > 0 ? ` (${details.join(', ')})` : '';
      return `checked ${ev.item}${detail}${ev.note ? `: ${ev.note}` : ''}`;
    }
    case 'uncheck':
      return `unchecked ${ev.item}`;
    case 'block':
      return `blocked ${ev.item}: ${ev.reason}`;
    case 'unblock':
      return `unblocked ${ev.item}`;
    case 'note':
      return `noted on ${ev.item}: ${ev.text}`;
    case 'kpi':
      return `recorded ${ev.metric} = ${ev.value} for week ${ev.week}`;
    case 'standup':
      return `answered the standup for ${ev.date}`;
    case 'escalate':
      if (ev.resolve === true) return `resolved the escalation${ev.item ? ` on ${ev.item}` : ''}`;
      return `escalated ${ev.item ?? 'an issue'} (${ev.level}): ${ev.reason}`;
    case 'undo': {
      const target = lookup?.(ev.target);
      return target ? `undid "${describeEvent(target, lookup)}"` : `undid event ${ev.target}`;
    }
    default:
      return `${e.type}${typeof e.item === 'string' ? ` ${e.item}` : ''}`;
  }
}

// The one table of event types. Each row says everything this version knows about a type: its fields
// (./fields.ts: both the check of every line read and the zod schema `doctor` applies are made from
// them), what the event does to the folded state, the event in words, how sync counts it, and where
// standup, undo and the burndown take it. Adding a type is a row here (and its interface in
// ./events.ts); the compiler refuses a type without a row. Row order is the order counts are listed in
// ("checked 3 items, blocked 1").
import type { EventOf, EventType, LaunchEvent, LogEvent } from './events.js';
import { EVENT_ID, type Fields, type FieldsRule, NAME, optional, string, TEXT } from './fields.js';
import { addNote, type ItemState, newItemState, setStatus } from './item-state.js';
import { sourceProblem, sourceWords } from './kpi-source.js';
import type { BeforeWrite, FoldAccumulator } from './state.js';
import { describeUndo } from './undo-words.js';

export interface EventTypeRow<E extends LaunchEvent> {
  /** The type's own fields, "item" included (required for item events, else optional). */
  fields: Fields;
  /** What the fields must hold together, if anything. */
  rule?: FieldsRule;
  /** What the event does to the folded state; `beforeWrite` is told first what it will change. */
  fold(acc: FoldAccumulator, e: E, beforeWrite: BeforeWrite | undefined): void;
  /** The event in words: "checked skeleton-loading-setup". `lookup` finds other events by id. */
  describe(e: E, lookup: (id: string) => LogEvent | undefined): string;
  /** How sync counts it ("checked 3 items"), with its noun when that is not "item". */
  verb: string;
  noun?: [singular: string, plural: string];
  /** `launch undo` can revert it. */
  undoable: boolean;
  /** Listed under standup's "yesterday". */
  standup: boolean;
  /** How it moves an item in the burndown. */
  burndown?: 'done' | 'open';
}

type Table = { readonly [T in EventType]: EventTypeRow<EventOf<T>> };

/** The fold effect of an item event: on that item's state, which counts one more event. */
function onItem<E extends LaunchEvent & { item: string }>(apply: (state: ItemState, e: E) => void) {
  return (acc: FoldAccumulator, e: E, beforeWrite: BeforeWrite | undefined): void => {
    beforeWrite?.('items', e.item);
    let state = acc.items.get(e.item);
    if (state === undefined) acc.items.set(e.item, (state = newItemState()));
    apply(state, e);
    state.events++;
  };
}

const noteOf = (e: LogEvent, text: string) => ({ text, actor: e.actor, ts: e.ts });

const escalationKey = (e: EventOf<'escalate'>): string => e.item ?? '';

const ITEM_EVENT = { undoable: true, standup: true } as const;
const ITEM = { item: NAME };
const MAYBE_ITEM = { item: optional(NAME) };

/** The row of an item event with no fields of its own, which only moves the item's status. */
function statusRow<T extends 'uncheck' | 'unblock'>(type: T, verb: string, apply: (state: ItemState, e: EventOf<T>) => void, burndown?: 'open'): EventTypeRow<EventOf<T>> {
  return {
    ...ITEM_EVENT,
    fields: ITEM,
    fold: onItem(apply),
    describe: (e) => `${verb} ${(e as { item: string }).item}`,
    verb,
    ...(burndown && { burndown }),
  };
}

export const EVENT_TYPES: Table = {
  check: {
    ...ITEM_EVENT,
    fields: {
      ...ITEM,
      note: optional(TEXT),
      values: optional({ kind: 'list', of: { kind: 'object', fields: { label: optional(TEXT), text: TEXT, status: { kind: 'oneOf', values: ['met', 'missed'] } } } }),
      missed: optional({ kind: 'boolean' }),
    },
    fold: onItem((state, e) => {
      setStatus(state, 'done', e);
      if (e.values !== undefined) state.values = e.values;
      if (e.missed === true) state.missed = true;
      if (e.note !== undefined && e.note !== '') addNote(state, noteOf(e, e.note));
    }),
    describe(e) {
      const details = (e.values ?? []).map((v) => (v.label ? `${v.label}=${v.text}` : v.text));
      if (e.missed) details.push('missed target');
      const detail = details.length > 0 ? ` (${details.join(', ')})` : '';
      return `checked ${e.item}${detail}${e.note ? `: ${e.note}` : ''}`;
    },
    verb: 'checked',
    burndown: 'done',
  },
  // A note says why, e.g. "from the plan file" when `launch plan update` read an unticked box.
  uncheck: {
    ...statusRow('uncheck', 'unchecked', (state, e) => {
      setStatus(state, 'todo', e);
      if (e.note !== undefined && e.note !== '') addNote(state, noteOf(e, e.note));
    }, 'open'),
    fields: { ...ITEM, note: optional(TEXT) },
    describe: (e) => `unchecked ${e.item}${e.note ? `: ${e.note}` : ''}`,
  },
  block: {
    ...ITEM_EVENT,
    fields: { ...ITEM, reason: TEXT },
    fold: onItem((state, e) => {
      setStatus(state, 'blocked', e);
      state.reason = e.reason;
    }),
    describe: (e) => `blocked ${e.item}: ${e.reason}`,
    verb: 'blocked',
    burndown: 'open',
  },
  // Unblocking something that is done or was never blocked changes nothing.
  unblock: statusRow('unblock', 'unblocked', (state, e) => {
    if (state.status === 'blocked') setStatus(state, 'todo', e);
  }),
  note: {
    ...ITEM_EVENT,
    fields: { ...ITEM, text: TEXT },
    fold: onItem((state, e) => addNote(state, noteOf(e, e.text))),
    describe: (e) => `noted on ${e.item}: ${e.text}`,
    verb: 'noted',
  },
  // Status stays as it is: owning an item is not working on it.
  assign: {
    ...ITEM_EVENT,
    fields: { ...ITEM, owner: string(0, 256) },
    fold: onItem((state, e) => {
      state.owner = e.owner;
    }),
    describe: (e) => (e.owner === '' ? `unassigned ${e.item}` : `assigned ${e.item} to ${e.owner}`),
    verb: 'assigned',
    standup: false,
  },
  kpi: {
    fields: {
      ...MAYBE_ITEM,
      metric: NAME,
      value: string(1, 256),
      week: { kind: 'count', min: 1 },
      note: optional(TEXT),
      // Where a value read by `kpi record --from` came from (./kpi-source.ts).
      source: optional({ kind: 'object', fields: { file: NAME, kind: NAME, field: NAME, sha256: string(64, 64), tool: optional(NAME) } }),
    },
    rule: { holds: (x) => sourceProblem(x.source) === null, message: '"source" needs a "sha256" of 64 hex digits' },
    fold(acc, e, beforeWrite) {
      beforeWrite?.('kpis', e.metric);
      let records = acc.kpis.get(e.metric);
      if (records === undefined) acc.kpis.set(e.metric, (records = []));
      records.push({ id: e.id, metric: e.metric, value: e.value, week: e.week, actor: e.actor, ts: e.ts, ...(e.note !== undefined && { note: e.note }), ...(e.source !== undefined && { source: e.source }) });
    },
    describe: (e) => `recorded ${e.metric} = ${e.value} for week ${e.week}${e.source ? ` ${sourceWords(e.source)}` : ''}`,
    verb: 'recorded',
    noun: ['KPI value', 'KPI values'],
    undoable: true,
    standup: true,
  },
  escalate: {
    fields: { ...MAYBE_ITEM, level: optional(NAME), reason: optional(TEXT), resolve: optional({ kind: 'boolean' }) },
    rule: {
      holds: (x) => x.resolve === true || (x.level !== undefined && x.reason !== undefined),
      message: 'an escalation needs a "level" and a "reason" (or "resolve": true)',
    },
    fold(acc, e, beforeWrite) {
      const key = escalationKey(e);
      beforeWrite?.('escalations', key);
      const current = acc.escalations.get(key);
      if (e.resolve === true) {
        if (current?.open) {
          current.open = false;
          current.resolvedBy = e.actor;
          current.resolvedAt = e.ts;
        }
        return;
      }
      acc.escalations.set(key, { key, ...(e.item !== undefined && { item: e.item }), level: e.level ?? '', reason: e.reason ?? '', actor: e.actor, ts: e.ts, id: e.id, open: true });
    },
    describe: (e) => (e.resolve === true ? `resolved the escalation${e.item ? ` on ${e.item}` : ''}` : `escalated ${e.item ?? 'an issue'} (${e.level}): ${e.reason}`),
    verb: 'escalated',
    undoable: true,
    standup: true,
  },
  standup: {
    fields: { ...MAYBE_ITEM, date: { kind: 'date' }, answers: { kind: 'map', of: TEXT } },
    fold(acc, e, beforeWrite) {
      beforeWrite?.('standups', '');
      acc.standups.push({ id: e.id, actor: e.actor, ts: e.ts, date: e.date, answers: e.answers });
    },
    describe: (e) => `answered the standup for ${e.date}`,
    verb: 'answered',
    noun: ['standup', 'standups'],
    undoable: true,
    standup: false,
  },
  undo: {
    fields: { ...MAYBE_ITEM, target: EVENT_ID },
    // Applied by the fold itself, which leaves out the events undos cancel (./fold.ts).
    fold: () => {},
    describe: (e, lookup) => describeUndo(e, lookup, describeEvent),
    verb: 'undid',
    noun: ['change', 'changes'],
    undoable: false,
    standup: false,
  },
};

export const TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isKnownType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

/** The row of an event's type, typed for that event; undefined for a type this version ignores. */
export function rowOf(e: LogEvent): EventTypeRow<LaunchEvent> | undefined {
  return isKnownType(e.type) ? (EVENT_TYPES[e.type] as unknown as EventTypeRow<LaunchEvent>) : undefined;
}

const nothing = (): undefined => undefined;

/** One event in words ("checked skeleton-loading-setup", "blocked api-auth: waiting on keys"). */
export function describeEvent(e: LogEvent, lookup: (id: string) => LogEvent | undefined = nothing): string {
  const row = rowOf(e);
  if (row) return row.describe(e as LaunchEvent, lookup);
  return `${e.type}${typeof e.item === 'string' ? ` ${e.item}` : ''}`;
}

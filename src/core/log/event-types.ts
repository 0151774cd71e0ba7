// The one table of event types. Each row says everything this version knows about a type: the cheap
// check run on every line read, the full zod schema `doctor` applies, what the event does to the folded
// state, the event in words, how sync counts it, and where standup, undo and the burndown take it.
// Adding a type is a row here (and its interface in ./events.ts); the compiler refuses a type without
// a row. Row order is the order counts are listed in ("checked 3 items, blocked 1").
//
// zod is passed to `schema` rather than imported, so loading this table never loads zod.
import type { ZodString, ZodType, z as Zod } from 'zod';
import type { EventOf, EventType, LaunchEvent, LogEvent } from './events.js';
import { addNote, type ItemState, newItemState, setStatus } from './item-state.js';
import { SHA256, sourceProblem, sourceWords } from './kpi-source.js';
import type { BeforeWrite, FoldAccumulator } from './state.js';
import { describeUndo } from './undo-words.js';

/** The schema pieces every type shares, built once by ./schema.ts. */
export interface SchemaParts {
  /** v, id, ts, recorded and actor. */
  base: Record<'v' | 'id' | 'ts' | 'recorded' | 'actor', ZodType>;
  /** A required item id. */
  item: ZodString;
  /** Free text up to the line limit (notes, reasons). */
  text: ZodString;
  /** A short non-empty string (ids, levels, metrics). */
  nonEmpty: ZodString;
}

export interface EventTypeRow<E extends LaunchEvent> {
  /** The event must name an item; for other types "item" is optional. */
  needsItem: boolean;
  /** Why the type's own fields are unusable, or null; cheap enough for every line of a long log. */
  problem(x: Record<string, unknown>): string | null;
  /** The full schema, for `launch doctor` and tools that validate lines. */
  schema(z: typeof Zod, parts: SchemaParts): ZodType;
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

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const optString = (x: unknown): boolean => x === undefined || typeof x === 'string';
const optBoolean = (x: unknown): boolean => x === undefined || typeof x === 'boolean';

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

const ITEM_EVENT = { needsItem: true, undoable: true, standup: true } as const;

/** The row of an item event with no fields of its own, which only moves the item's status. */
function statusRow<T extends 'uncheck' | 'unblock'>(type: T, verb: string, apply: (state: ItemState, e: EventOf<T>) => void, burndown?: 'open'): EventTypeRow<EventOf<T>> {
  return {
    ...ITEM_EVENT,
    problem: () => null,
    schema: (z, p) => z.looseObject({ ...p.base, item: p.item, type: z.literal(type) }),
    fold: onItem(apply),
    describe: (e) => `${verb} ${(e as { item: string }).item}`,
    verb,
    ...(burndown && { burndown }),
  };
}

export const EVENT_TYPES: Table = {
  check: {
    ...ITEM_EVENT,
    problem(x) {
      if (!optString(x.note)) return '"note" must be a string';
      if (!optBoolean(x.missed)) return '"missed" must be true or false';
      return valuesProblem(x.values);
    },
    schema: (z, p) =>
      z.looseObject({
        ...p.base,
        item: p.item,
        type: z.literal('check'),
        note: p.text.optional(),
        values: z.array(z.looseObject({ label: z.string().optional(), text: p.text, status: z.enum(['met', 'missed']) })).optional(),
        missed: z.boolean().optional(),
      }),
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
  uncheck: statusRow('uncheck', 'unchecked', (state, e) => setStatus(state, 'todo', e), 'open'),
  block: {
    ...ITEM_EVENT,
    problem: (x) => (typeof x.reason === 'string' ? null : '"block" needs a "reason"'),
    schema: (z, p) => z.looseObject({ ...p.base, item: p.item, type: z.literal('block'), reason: p.text }),
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
    problem: (x) => (typeof x.text === 'string' ? null : '"note" needs a "text"'),
    schema: (z, p) => z.looseObject({ ...p.base, item: p.item, type: z.literal('note'), text: p.text }),
    fold: onItem((state, e) => addNote(state, noteOf(e, e.text))),
    describe: (e) => `noted on ${e.item}: ${e.text}`,
    verb: 'noted',
  },
  kpi: {
    needsItem: false,
    problem(x) {
      if (typeof x.metric !== 'string' || typeof x.value !== 'string') return '"kpi" needs "metric" and "value" strings';
      if (typeof x.week !== 'number' || !Number.isFinite(x.week)) return '"kpi" needs a numeric "week"';
      return optString(x.note) ? sourceProblem(x.source) : '"note" must be a string';
    },
    schema: (z, p) =>
      z.looseObject({
        ...p.base,
        type: z.literal('kpi'),
        item: p.nonEmpty.optional(),
        metric: p.nonEmpty,
        value: z.string().min(1).max(256),
        week: z.number().int().min(1),
        note: p.text.optional(),
        source: z
          .looseObject({ file: p.nonEmpty, kind: p.nonEmpty, field: p.nonEmpty, sha256: z.string().regex(SHA256, 'expected 64 hex digits'), tool: p.nonEmpty.optional() })
          .optional(),
      }),
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
    needsItem: false,
    problem(x) {
      if (!optBoolean(x.resolve)) return '"resolve" must be true or false';
      if (x.resolve === true) return null;
      return typeof x.level === 'string' && typeof x.reason === 'string' ? null : '"escalate" needs a "level" and a "reason"';
    },
    schema: (z, p) =>
      z
        .looseObject({
          ...p.base,
          type: z.literal('escalate'),
          item: p.nonEmpty.optional(),
          level: p.nonEmpty.optional(),
          reason: p.text.optional(),
          resolve: z.boolean().optional(),
        })
        .refine((e) => e.resolve === true || (e.level !== undefined && e.reason !== undefined), {
          message: 'an escalation needs a level and a reason (or "resolve": true)',
        }),
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
    needsItem: false,
    problem(x) {
      if (typeof x.date !== 'string') return '"standup" needs a "date"';
      return isRecord(x.answers) && Object.values(x.answers).every((a) => typeof a === 'string') ? null : '"standup" needs "answers" of question → answer strings';
    },
    schema: (z, p) =>
      z.looseObject({
        ...p.base,
        type: z.literal('standup'),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
        answers: z.record(z.string(), p.text),
      }),
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
    needsItem: false,
    problem: (x) => (typeof x.target === 'string' && x.target !== '' ? null : '"undo" needs a "target" event id'),
    schema: (z, p) => z.looseObject({ ...p.base, type: z.literal('undo'), target: z.string().min(1).max(128), item: p.nonEmpty.optional() }),
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

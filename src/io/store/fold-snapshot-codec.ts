// The fold snapshot's body: the folded state as JSON and back. Item states are stored by column (one
// array per field, rare fields as sparse [index, value, …] lists), so that a 10,000-item fold parses
// into a few arrays rather than tens of thousands of small objects; the states are then built in one
// loop, each as one object literal (what V8 runs fastest before it has warmed up). Both directions list
// every field of ItemState, and their types make a field that is left out a compile error (AllOf).
// Anything off in a body read back means it is not used (BadSnapshot).
//
// Notes are a part of their own (NotesPart), outside the body: every note ever written is most of a
// long log's snapshot (9.6 MB of 1,000,000 events), and no command that reads the fold from the
// snapshot shows them (show reads the whole log). The body keeps, per item with notes, where its notes
// are in that part and their checksum; an item's notes are parsed when first read
// (./fold-snapshot-notes.ts). Reading them all on every run cost `today` on 10,000 items and 1,000,000
// events ~1.0× of `node -e 0` in instructions.
import type { FoldSnapshot } from '../../core/log/fold-incremental.js';
import { type AllOf, type ItemState, type ItemStatus, NO_NOTES } from '../../core/log/item-state.js';
import type { MeasuredValue } from '../../core/log/events.js';
import type { EscalationState, KpiRecord, StandupRecord } from '../../core/log/state.js';
import { encodeNotes, LazyNotesState, type NotesPart } from './fold-snapshot-notes.js';
import { type Interner, interner } from './interner.js';
import { isTimeMarks, type TimeMarks } from './time-marks.js';

const STATUS_CODES: Record<ItemStatus, string> = { todo: 't', done: 'd', blocked: 'b' };
const STATUS_OF: Readonly<Record<string, ItemStatus>> = { t: 'todo', d: 'done', b: 'blocked' };

/** One column per field of ItemState (AllOf: none left out), and the ids. */
interface StateColumns extends AllOf<{ [K in keyof ItemState]: unknown }> {
  ids: string[];
  /** One letter per item: t(odo), d(one), b(locked). */
  status: string;
  /** Sparse, flat: [item index, reason, …]. */
  reason: (number | string)[];
  /** Index into `actors`, or -1. */
  by: number[];
  at: (string | null)[];
  /** Flat: [item index, start, end, …]: the item's notes are the part's bytes [start, end). */
  notes: number[];
  /**
   * The checksums of the items' notes, in `notes`' order, 8 hex digits each, as one string, so that
   * `notes` stays an array of numbers, and a sum is sliced only for an item whose notes are read.
   */
  notesSums: string;
  /** Sparse, flat: [item index, values, …]. */
  values: (number | MeasuredValue[])[];
  /** Indices of items with `missed: true`. */
  missed: number[];
  /** Sparse, flat: [item index, owner, …]; a snapshot without it (older code) is rebuilt. */
  owner: (number | string)[];
  events: number[];
}

export interface Body {
  last: [number, string] | null;
  maxTs: number | null;
  duplicates: number;
  cancelled: string[];
  /** Line numbers of torn lines before the snapshot's offset, warned about on every read. */
  torn: number[];
  /** [line, first line with its id] of events skipped for repeating an id, warned about likewise. */
  repeats: [number, number][];
  /** Time marks over the lines before the offset (../store/time-marks.ts). */
  marks: TimeMarks;
  actors: string[];
  items: StateColumns;
  kpis: [string, KpiRecord[]][];
  standups: StandupRecord[];
  escalations: EscalationState[];
}

export class BadSnapshot extends Error {}

function check(ok: boolean): void {
  if (!ok) throw new BadSnapshot();
}

const isArray = Array.isArray;

export function encodeBody(fold: FoldSnapshot, { torn, repeats, marks }: { torn: number[]; repeats: [number, number][]; marks: TimeMarks }): { body: Body; notes: Buffer } {
  const actors = interner<string>();
  const notes: Buffer[] = [];
  const body: Body = {
    last: fold.last === null ? null : [fold.last.instant, fold.last.id],
    maxTs: fold.maxTs,
    duplicates: fold.duplicates,
    cancelled: [...fold.cancelled],
    torn,
    repeats,
    marks,
    actors: actors.values,
    items: encodeItems(fold.items, actors, notes),
    kpis: [...fold.kpis],
    standups: fold.standups,
    escalations: [...fold.escalations.values()],
  };
  return { body, notes: Buffer.concat(notes) };
}

function encodeItems(items: Map<string, ItemState>, actors: Interner<string>, part: Buffer[]): StateColumns {
  const c: StateColumns = { ids: [], status: '', reason: [], by: [], at: [], notes: [], notesSums: '', values: [], missed: [], owner: [], events: [] };
  const status: string[] = [];
  const sums: string[] = [];
  let i = 0;
  let at = 0;
  for (const [id, s] of items) {
    c.ids.push(id);
    status.push(STATUS_CODES[s.status]);
    if (s.reason !== undefined) c.reason.push(i, s.reason);
    c.by.push(actors.index(s.by));
    c.at.push(s.at ?? null);
    if (s.notes.length > 0) {
      const [start, end, sum] = encodeNotes(s.notes, part, at);
      c.notes.push(i, start, end);
      sums.push(sum);
      at = end;
    }
    if (s.values !== undefined) c.values.push(i, s.values);
    if (s.missed === true) c.missed.push(i);
    if (s.owner !== undefined) c.owner.push(i, s.owner);
    c.events.push(s.events);
    i++;
  }
  c.status = status.join('');
  c.notesSums = sums.join('');
  return c;
}

/** The body back as a snapshot, with the object shapes the fold builds; throws BadSnapshot if off. */
export function decodeBody(body: Body, notes: NotesPart): { fold: FoldSnapshot; torn: number[]; repeats: [number, number][]; marks: TimeMarks } {
  check(typeof body === 'object' && body !== null);
  const { last, maxTs, duplicates, cancelled, torn, repeats, marks, actors, items: columns, kpis, standups, escalations } = body;
  check(isTimeMarks(marks));
  check(maxTs === null || typeof maxTs === 'number');
  check(isArray(cancelled) && isArray(torn) && isArray(actors) && isArray(kpis) && isArray(standups) && isArray(escalations));
  check(isArray(repeats) && repeats.every((r) => isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number'));
  check(typeof duplicates === 'number' && typeof columns === 'object' && columns !== null);
  check(last === null || (isArray(last) && typeof last[0] === 'number' && typeof last[1] === 'string'));

  const kpiMap = new Map<string, KpiRecord[]>();
  for (const entry of kpis) {
    check(isArray(entry) && typeof entry[0] === 'string' && isArray(entry[1]));
    kpiMap.set(entry[0], entry[1]);
  }
  const escalationMap = new Map<string, EscalationState>();
  for (const e of escalations) {
    check(typeof e === 'object' && e !== null && typeof e.key === 'string');
    escalationMap.set(e.key, e);
  }
  return {
    fold: {
      items: decodeItems(columns, actors, notes),
      kpis: kpiMap,
      standups,
      escalations: escalationMap,
      cancelled: new Set(cancelled),
      duplicates,
      last: last === null ? null : { instant: last[0], id: last[1] },
      maxTs,
    },
    torn,
    repeats,
    marks,
  };
}

function decodeItems(c: StateColumns, actors: string[], part: NotesPart): Map<string, ItemState> {
  check(typeof c === 'object' && c !== null);
  const { ids, status, reason, by, at, notes, notesSums, values, missed, owner, events } = c;
  const n = isArray(ids) ? ids.length : -1;
  check(typeof status === 'string' && status.length === n && isArray(by) && by.length === n && isArray(at) && at.length === n);
  check(isArray(events) && events.length === n && isArray(reason) && isArray(values) && isArray(missed) && isArray(notes) && isArray(owner));
  // Where each item's notes are in the part; -1: none.
  const notesAt = new Int32Array(n).fill(-1);
  const notesEnd = new Int32Array(n);
  /** Which checksum in notesSums is the item's (sliced only when its notes are read). */
  const notesSum = new Int32Array(n);
  check(notes.length % 3 === 0 && typeof notesSums === 'string' && notesSums.length === (notes.length / 3) * 8);
  for (let j = 0; j < notes.length; j += 3) {
    const k = notes[j]!;
    const start = notes[j + 1]!;
    const end = notes[j + 2]!;
    check(typeof k === 'number' && k >= 0 && k < n && typeof start === 'number' && typeof end === 'number' && start >= 0 && start < end);
    notesAt[k] = start;
    notesEnd[k] = end;
    notesSum[k] = j / 3;
  }
  const states = new Array<ItemState>(n);
  const items = new Map<string, ItemState>();
  // One object literal or one constructor call a state, one check: this loop runs 10,000 times before
  // V8 has optimised it (see LazyNotesState).
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const b = by[i]!;
    const actor = b < 0 ? undefined : actors[b];
    const when = at[i] ?? undefined;
    const count = events[i];
    const st = STATUS_OF[status[i]!]!;
    check(st !== undefined && typeof id === 'string' && (b < 0 || actor !== undefined) && typeof count === 'number' && (when === undefined || typeof when === 'string'));
    const start = notesAt[i]!;
    const state: ItemState =
      start < 0
        ? { status: st, reason: undefined, by: actor, at: when, notes: NO_NOTES, values: undefined, missed: undefined, owner: undefined, events: count as number }
        : new LazyNotesState(st, actor, when as string | undefined, count as number, { part, start, end: notesEnd[i]!, sums: notesSums, sum: notesSum[i]! });
    states[i] = state;
    items.set(id as string, state);
  }
  for (let j = 0; j < reason.length; j += 2) item(states, reason[j]).reason = reason[j + 1] as string;
  for (let j = 0; j < values.length; j += 2) item(states, values[j]).values = values[j + 1] as MeasuredValue[];
  for (let j = 0; j < missed.length; j++) item(states, missed[j]).missed = true;
  for (let j = 0; j < owner.length; j += 2) {
    check(typeof owner[j + 1] === 'string');
    item(states, owner[j]).owner = owner[j + 1] as string;
  }
  return items;
}

function item(states: ItemState[], index: unknown): ItemState {
  const state = typeof index === 'number' ? states[index] : undefined;
  check(state !== undefined);
  return state!;
}

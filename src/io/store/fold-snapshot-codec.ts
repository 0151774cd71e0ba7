// The fold snapshot's body: the folded state as JSON and back. Item states are stored by column (one
// array per field, rare fields as sparse [index, value, …] lists), so that a 10,000-item fold parses
// into a few arrays rather than tens of thousands of small objects; the states are then built in one
// loop. How each field is stored is one entry of ITEM_COLUMNS: a field of ItemState without an entry
// does not compile. Anything off in a body read back means it is not used (BadSnapshot).
import type { FoldSnapshot } from '../../core/log/fold-incremental.js';
import { addNote, type ItemState, type ItemStatus, newItemState } from '../../core/log/item-state.js';
import type { EscalationState, KpiRecord, StandupRecord } from '../../core/log/state.js';
import { type Interner, interner } from './interner.js';

/**
 * status: one letter per item; actor: an index into the body's actors (-1 for none); dense: one value
 * per item (null for none); sparse: [item index, value, …] for the items that have one; flag: the
 * indices of items where it is true; notes: [item index, text, actor index, ts, …].
 */
type Column = { as: 'status' } | { as: 'actor' } | { as: 'dense'; type: 'string' | 'number' } | { as: 'sparse'; type: 'string' | 'array' } | { as: 'flag' } | { as: 'notes' };

const ITEM_COLUMNS = {
  status: { as: 'status' },
  reason: { as: 'sparse', type: 'string' },
  by: { as: 'actor' },
  at: { as: 'dense', type: 'string' },
  notes: { as: 'notes' },
  values: { as: 'sparse', type: 'array' },
  missed: { as: 'flag' },
  events: { as: 'dense', type: 'number' },
} as const satisfies { [K in keyof Required<ItemState>]: Column };

type Field = keyof typeof ITEM_COLUMNS;
const FIELDS = Object.keys(ITEM_COLUMNS) as Field[];

const STATUS_CODES: Record<ItemStatus, string> = { todo: 't', done: 'd', blocked: 'b' };
const STATUS_OF: Readonly<Record<string, ItemStatus>> = { t: 'todo', d: 'done', b: 'blocked' };

export interface Body {
  last: [number, string] | null;
  duplicates: number;
  cancelled: string[];
  /** Line numbers of torn lines before the snapshot's offset, warned about on every read. */
  torn: number[];
  actors: string[];
  /** `ids` and one column per field of ItemState. */
  items: Record<string, unknown>;
  kpis: [string, KpiRecord[]][];
  standups: StandupRecord[];
  escalations: EscalationState[];
}

export class BadSnapshot extends Error {}

function check(ok: boolean): void {
  if (!ok) throw new BadSnapshot();
}

const isArray = Array.isArray;

export function encodeBody(fold: FoldSnapshot, torn: number[]): Body {
  const actors = interner<string>();
  return {
    last: fold.last === null ? null : [fold.last.instant, fold.last.id],
    duplicates: fold.duplicates,
    cancelled: [...fold.cancelled],
    torn,
    actors: actors.values,
    items: encodeItems(fold.items, actors),
    kpis: [...fold.kpis],
    standups: fold.standups,
    escalations: [...fold.escalations.values()],
  };
}

function encodeItems(items: Map<string, ItemState>, actors: Interner<string>): Record<string, unknown> {
  const ids = [...items.keys()];
  const states = [...items.values()];
  const out: Record<string, unknown> = { ids };
  for (const field of FIELDS) {
    const column = ITEM_COLUMNS[field];
    const value = (s: ItemState) => s[field];
    switch (column.as) {
      case 'status':
        out[field] = states.map((s) => STATUS_CODES[s.status]).join('');
        break;
      case 'actor':
        out[field] = states.map((s) => actors.index(value(s) as string | undefined));
        break;
      case 'dense':
        out[field] = states.map((s) => value(s) ?? null);
        break;
      case 'sparse':
        out[field] = states.flatMap((s, i) => (value(s) === undefined ? [] : [i, value(s)]));
        break;
      case 'flag':
        out[field] = states.flatMap((s, i) => (value(s) === true ? [i] : []));
        break;
      case 'notes':
        out[field] = states.flatMap((s, i) => s.notes.flatMap((n) => [i, n.text, actors.index(n.actor), n.ts]));
        break;
    }
  }
  return out;
}

/** The body back as a snapshot, with the object shapes the fold builds; throws BadSnapshot if off. */
export function decodeBody(body: Body): { fold: FoldSnapshot; torn: number[] } {
  check(typeof body === 'object' && body !== null);
  const { last, duplicates, cancelled, torn, actors, items: columns, kpis, standups, escalations } = body;
  check(isArray(cancelled) && isArray(torn) && isArray(actors) && isArray(kpis) && isArray(standups) && isArray(escalations));
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
      items: decodeItems(columns, actors),
      kpis: kpiMap,
      standups,
      escalations: escalationMap,
      cancelled: new Set(cancelled),
      duplicates,
      last: last === null ? null : { instant: last[0], id: last[1] },
    },
    torn,
  };
}

function decodeItems(columns: Record<string, unknown>, actors: string[]): Map<string, ItemState> {
  const ids = columns.ids;
  check(isArray(ids) && ids.every((id) => typeof id === 'string'));
  const n = (ids as string[]).length;
  const states = Array.from({ length: n }, newItemState);
  const at = (index: unknown): ItemState => {
    const state = typeof index === 'number' ? states[index] : undefined;
    check(state !== undefined);
    return state!;
  };
  for (const field of FIELDS) {
    const column = ITEM_COLUMNS[field];
    const data = columns[field];
    const set = (s: ItemState, v: unknown) => ((s as unknown as Record<string, unknown>)[field] = v);
    switch (column.as) {
      case 'status':
        check(typeof data === 'string' && data.length === n);
        for (let i = 0; i < n; i++) check((states[i]!.status = STATUS_OF[(data as string)[i]!]!) !== undefined);
        break;
      case 'actor':
        check(isArray(data) && data.length === n);
        (data as number[]).forEach((b, i) => {
          check(b === -1 || (Number.isInteger(b) && actors[b] !== undefined));
          set(states[i]!, b < 0 ? undefined : actors[b]);
        });
        break;
      case 'dense':
        check(isArray(data) && data.length === n);
        (data as unknown[]).forEach((v, i) => {
          check(column.type === 'number' ? typeof v === 'number' : v === null || typeof v === column.type);
          set(states[i]!, v ?? undefined);
        });
        break;
      case 'sparse':
        check(isArray(data) && data.length % 2 === 0);
        for (let j = 0; j < (data as unknown[]).length; j += 2) {
          const v = (data as unknown[])[j + 1];
          check(column.type === 'array' ? isArray(v) : typeof v === column.type);
          set(at((data as unknown[])[j]), v);
        }
        break;
      case 'flag':
        check(isArray(data));
        for (const index of data as unknown[]) set(at(index), true);
        break;
      case 'notes':
        check(isArray(data) && data.length % 4 === 0);
        for (let j = 0; j < (data as unknown[]).length; j += 4) {
          const [index, text, actor, ts] = (data as unknown[]).slice(j, j + 4);
          check(typeof text === 'string' && typeof ts === 'string' && typeof actor === 'number' && actors[actor] !== undefined);
          addNote(at(index), { text: text as string, actor: actors[actor as number]!, ts: ts as string });
        }
        break;
    }
  }
  return new Map((ids as string[]).map((id, i) => [id, states[i]!]));
}

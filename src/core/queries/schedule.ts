// Every item with its dates and status, computed once per run; the queries below read from this.
import type { Calendar, ItemSchedule } from '../calendar/calendar.js';
import type { ItemState } from '../log/item-state.js';
import type { Block, Item, ItemKind, Plan } from '../plan/schema.js';
import { type ItemIndex, itemIndexOf } from '../plan/item-index.js';

export type Status = 'todo' | 'done' | 'blocked';

/** The log's word on an item, else the `[x]` it was imported with. */
export const itemStatus = (state: ItemState | undefined, markedDone: boolean): Status => state?.status ?? (markedDone ? 'done' : 'todo');

export interface Scheduled {
  /** The item's id, kind, sprint and line, which queries over every item read instead of `item`. */
  id: string;
  kind: ItemKind;
  sprint: string | undefined;
  line: number;
  /** Imported from a `[x]` checkbox (the item's `done`). */
  markedDone: boolean;
  /** The whole item; from a plan snapshot's index it is materialised on first read. */
  readonly item: Item;
  block: Block | undefined;
  /** Null for items without any weeks (a checklist with no schedule). */
  schedule: ItemSchedule | null;
  status: Status;
  state: ItemState | undefined;
}

export interface PlanView {
  plan: Plan;
  calendar: Calendar;
  entries: Scheduled[];
  readonly byId: Map<string, Scheduled>;
}

export function buildPlanView(plan: Plan, calendar: Calendar, states: ReadonlyMap<string, ItemState>): PlanView {
  const index = itemIndexOf(plan);
  const entries = index ? indexedEntries(plan, index, calendar, states) : plainEntries(plan, calendar, states);
  let byId: Map<string, Scheduled> | undefined;
  return {
    plan,
    calendar,
    entries,
    // Built on first use: few queries look items up by id, and a 10,000-item map is not free.
    get byId() {
      return (byId ??= new Map(entries.map((e) => [e.id, e])));
    },
  };
}

function plainEntries(plan: Plan, calendar: Calendar, states: ReadonlyMap<string, ItemState>): Scheduled[] {
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  return plan.items.map((item): Scheduled => {
    const block = item.block ? blocks.get(item.block) : undefined;
    const state = states.get(item.id);
    const markedDone = item.done === true;
    return {
      id: item.id,
      kind: item.kind,
      sprint: item.sprint,
      line: item.line,
      markedDone,
      item,
      block,
      schedule: calendar.itemSchedule(item, block),
      status: itemStatus(state, markedDone),
      state,
    };
  });
}

/**
 * An entry built from the index's columns; `item` is read from the snapshot when first asked for.
 * It is a getter on the prototype, so a copy made by spreading an entry has no `item`: pass entries
 * themselves around.
 */
class IndexedEntry implements Scheduled {
  readonly #index: ItemIndex;
  readonly #at: number;

  constructor(
    readonly id: string,
    readonly kind: ItemKind,
    readonly sprint: string | undefined,
    readonly line: number,
    readonly markedDone: boolean,
    readonly block: Block | undefined,
    readonly schedule: ItemSchedule | null,
    readonly status: Status,
    readonly state: ItemState | undefined,
    index: ItemIndex,
    at: number,
  ) {
    this.#index = index;
    this.#at = at;
  }

  get item(): Item {
    return this.#index.item(this.#at);
  }

  /** As a plain entry would be written. */
  toJSON() {
    const { id, kind, sprint, line, markedDone, item, block, schedule, status, state } = this;
    return { id, kind, sprint, line, markedDone, item, block, schedule, status, state };
  }
}

function indexedEntries(plan: Plan, index: ItemIndex, calendar: Calendar, states: ReadonlyMap<string, ItemState>): Scheduled[] {
  const c = index.columns;
  const blockById = new Map(plan.blocks.map((b) => [b.id, b]));
  const blocks = c.blockIds.map((id) => blockById.get(id));
  // A plan has a few hundred distinct (span, block) pairs: one schedule each.
  const schedules = new Map<number, ItemSchedule | null>();
  const ids = c.count === 0 ? [] : c.ids.split('\n');
  const entries = new Array<Scheduled>(c.count);
  for (let i = 0; i < c.count; i++) {
    const b = c.block[i]!;
    const block = b < 0 ? undefined : blocks[b];
    const key = c.span[i]! * (blocks.length + 1) + b + 1;
    let schedule = schedules.get(key);
    if (schedule === undefined) {
      schedule = calendar.itemSchedule(c.spans[c.span[i]!]!, block);
      schedules.set(key, schedule);
    }
    const id = ids[i]!;
    const state = states.get(id);
    const sprint = c.sprint[i]!;
    const markedDone = c.done[i] === '1';
    entries[i] = new IndexedEntry(
      id,
      c.kinds[i] === 't' ? 'task' : 'check',
      sprint < 0 ? undefined : c.sprintIds[sprint],
      c.lines[i]!,
      markedDone,
      block,
      schedule,
      itemStatus(state, markedDone),
      state,
      index,
      i,
    );
  }
  return entries;
}

/** On (or spanning) this date. */
export const isOn = (e: Scheduled, date: string): boolean =>
  e.schedule !== null && e.schedule.first <= date && date <= e.schedule.last;

/** Open and past its due date. */
export const isOverdue = (e: Scheduled, date: string): boolean =>
  e.status !== 'done' && e.schedule !== null && e.schedule.due < date;

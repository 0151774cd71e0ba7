// Every item with its dates and status, computed once per run; the queries below read from this.
import type { Calendar, ItemSchedule } from '../calendar.js';
import type { ItemState } from '../events.js';
import type { Block, Item, Plan } from '../plan-schema.js';

export type Status = 'todo' | 'done' | 'blocked';

/** The log's word on an item, else the `[x]` it was imported with. */
export const itemStatus = (item: Item, state: ItemState | undefined): Status => state?.status ?? (item.done ? 'done' : 'todo');

export interface Scheduled {
  item: Item;
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
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  const entries = plan.items.map((item): Scheduled => {
    const block = item.block ? blocks.get(item.block) : undefined;
    const state = states.get(item.id);
    return {
      item,
      block,
      schedule: calendar.itemSchedule(item, block),
      status: itemStatus(item, state),
      state,
    };
  });
  let byId: Map<string, Scheduled> | undefined;
  return {
    plan,
    calendar,
    entries,
    // Built on first use: few queries look items up by id, and a 10,000-item map is not free.
    get byId() {
      return (byId ??= new Map(entries.map((e) => [e.item.id, e])));
    },
  };
}

/** On (or spanning) this date. */
export const isOn = (e: Scheduled, date: string): boolean =>
  e.schedule !== null && e.schedule.first <= date && date <= e.schedule.last;

/** Open and past its due date. */
export const isOverdue = (e: Scheduled, date: string): boolean =>
  e.status !== 'done' && e.schedule !== null && e.schedule.due < date;

// Every item with its dates and status, computed once per run; the queries below read from this.
import type { Calendar, ItemSchedule } from '../calendar/calendar.js';
import { sameActor } from '../log/events.js';
import { type ItemState, type ItemStatus, itemStatus, ownerOf } from '../log/item-state.js';
import type { ItemSpan, PlanHead, PlanItems } from '../plan/items.js';
import type { Block, Item, ItemKind } from '../plan/schema.js';

export type Status = ItemStatus;
export { itemStatus };

export interface Scheduled {
  /** The item's id, kind, sprint and line, which queries over every item read instead of `item`. */
  id: string;
  kind: ItemKind;
  sprint: string | undefined;
  line: number;
  /** Imported from a `[x]` checkbox (the item's `done`). */
  markedDone: boolean;
  /** The id of the item it sits under. */
  parent: string | undefined;
  /** The whole item, materialised from the plan's items when first read. */
  readonly item: Item;
  block: Block | undefined;
  /** Null for items without any weeks (a checklist with no schedule). */
  schedule: ItemSchedule | null;
  status: Status;
  state: ItemState | undefined;
}

export interface PlanView {
  plan: PlanHead;
  items: PlanItems;
  calendar: Calendar;
  entries: Scheduled[];
  readonly byId: Map<string, Scheduled>;
  /** The items under each parent, in plan order. */
  readonly children: ReadonlyMap<string, Scheduled[]>;
  /**
   * What progress counts: every item but a parent, which is done when its children are and would
   * otherwise count twice (today's, status's and standup's n/m, the launch summary).
   */
  readonly counted: Scheduled[];
  /** `counted` by sprint id, in plan order. */
  readonly bySprint: ReadonlyMap<string, readonly Scheduled[]>;
  /** One sprint's `counted`, as bySprint holds it. */
  sprintEntries(id: string): readonly Scheduled[];
}

export function buildPlanView(plan: PlanHead, items: PlanItems, calendar: Calendar, states: ReadonlyMap<string, ItemState>): PlanView {
  const entries = scheduledEntries(plan, items, calendar, states);
  let byId: Map<string, Scheduled> | undefined;
  let children: Map<string, Scheduled[]> | undefined;
  let counted: Scheduled[] | undefined;
  let bySprint: Map<string, Scheduled[]> | undefined;
  let oneSprint: { id: string; entries: Scheduled[] } | undefined;
  // A plan with no nested item has no children to look for: a pass over every entry less for `counted`
  // (today on 10,000 flat items, three alternating callgrind counts each: ~903 M → ~883 M).
  const childrenOf = (): Map<string, Scheduled[]> => (children ??= items.nested ? groupBy(entries, (e) => e.parent) : new Map());
  const countedOf = (): Scheduled[] => {
    if (counted) return counted;
    const parents = childrenOf();
    return (counted = parents.size === 0 ? entries : entries.filter((e) => !parents.has(e.id)));
  };
  return {
    plan,
    items,
    calendar,
    entries,
    // Built on first use: few queries look items up by id, and a 10,000-item map is not free.
    get byId() {
      return (byId ??= new Map(entries.map((e) => [e.id, e])));
    },
    get children() {
      return childrenOf();
    },
    get counted() {
      return countedOf();
    },
    // One pass for every sprint: a filter of all items per sprint cost ~300 M instructions for the
    // launch summary of a 50-sprint, 10,000-item plan.
    get bySprint() {
      return (bySprint ??= groupBy(countedOf(), (e) => e.sprint));
    },
    // today and standup ask for one sprint: a filter, where grouping every entry by its sprint (a Map
    // get and push each, in a loop V8 compiled while it ran) cost `today` on 10,000 items ~10 M more
    // (three callgrind counts each: 878/880/890 → 860/869/879 M). A second sprint asked for groups all.
    sprintEntries(id) {
      if (bySprint === undefined && (oneSprint === undefined || oneSprint.id === id)) {
        oneSprint ??= { id, entries: countedOf().filter((e) => e.sprint === id) };
        return oneSprint.entries;
      }
      return this.bySprint.get(id) ?? [];
    },
  };
}

/** The entries by a key, each list in the entries' order; an entry without a key is left out. */
export function groupBy<K>(entries: readonly Scheduled[], keyOf: (e: Scheduled) => K | undefined): Map<K, Scheduled[]> {
  const groups = new Map<K, Scheduled[]>();
  for (const e of entries) {
    const key = keyOf(e);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

/**
 * An entry of the view; `item` is materialised from the plan's items when first read. It is a getter
 * on the prototype, so a copy made by spreading an entry has no `item`: pass entries themselves around.
 */
class Entry implements Scheduled {
  readonly #items: PlanItems;
  readonly #at: number;

  constructor(
    readonly id: string,
    readonly kind: ItemKind,
    readonly sprint: string | undefined,
    readonly line: number,
    readonly markedDone: boolean,
    readonly parent: string | undefined,
    readonly block: Block | undefined,
    readonly schedule: ItemSchedule | null,
    readonly status: Status,
    readonly state: ItemState | undefined,
    items: PlanItems,
    at: number,
  ) {
    this.#items = items;
    this.#at = at;
  }

  get item(): Item {
    return this.#items.item(this.#at);
  }

  /** As a plain entry would be written. */
  toJSON() {
    const { id, kind, sprint, line, markedDone, parent, item, block, schedule, status, state } = this;
    return { id, kind, sprint, line, markedDone, parent, item, block, schedule, status, state };
  }
}

function scheduledEntries(plan: PlanHead, items: PlanItems, calendar: Calendar, states: ReadonlyMap<string, ItemState>): Scheduled[] {
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  // Items share a few hundred distinct (span, block) pairs: one schedule each.
  const schedules = new Map<ItemSpan, Map<string | undefined, ItemSchedule | null>>();
  const entries = new Array<Scheduled>(items.count);
  for (let i = 0; i < items.count; i++) {
    const blockId = items.block(i);
    const block = blockId === undefined ? undefined : blocks.get(blockId);
    const span = items.span(i);
    let byBlock = schedules.get(span);
    if (byBlock === undefined) schedules.set(span, (byBlock = new Map()));
    let schedule = byBlock.get(blockId);
    if (schedule === undefined) {
      schedule = calendar.itemSchedule(span, block);
      byBlock.set(blockId, schedule);
    }
    const id = items.id(i);
    const state = states.get(id);
    const markedDone = items.markedDone(i);
    entries[i] = new Entry(id, items.kind(i), items.sprint(i), items.line(i), markedDone, items.parent(i), block, schedule, itemStatus(state, markedDone), state, items, i);
  }
  return entries;
}

/** On (or spanning) this date. */
export const isOn = (e: Scheduled, date: string): boolean =>
  e.schedule !== null && e.schedule.first <= date && date <= e.schedule.last;

/** Open and past its due date. */
export const isOverdue = (e: Scheduled, date: string): boolean =>
  e.status !== 'done' && e.schedule !== null && e.schedule.due < date;

/** Owned by `name` (as the log or the plan's `@name` says; names compare without regard to case). */
export const ownedBy =
  (name: string) =>
  (e: Scheduled): boolean => {
    const owner = ownerOf(e.state, e.item.owner);
    return owner !== null && sameActor(owner, name);
  };

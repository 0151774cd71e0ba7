// A plan's items, read by position. Queries over every item read only what places an item (id, kind,
// sprint, block, schedule inputs, `[x]`, line) and materialise the whole item only when they show it,
// so a store may keep the items in a cheaper form and build each one on demand (src/io/store/).
import type { Item, ItemKind, Plan } from './schema.js';

/** A plan without its items: what travels beside a PlanItems. */
export type PlanHead = Omit<Plan, 'items'>;

/** The fields of an item (or block) that place it in the calendar. */
export type ItemSpan = Pick<Item, 'weeks' | 'days' | 'day'>;

export interface PlanItems {
  readonly count: number;
  id(i: number): string;
  kind(i: number): ItemKind;
  sprint(i: number): string | undefined;
  block(i: number): string | undefined;
  /** The id of the item it sits under (a checkbox nested in another). */
  parent(i: number): string | undefined;
  /** Whether any item sits under another: a flat plan's families need no look at each item. */
  readonly nested: boolean;
  /** The position of the item with exactly this id, or -1. */
  indexOf(id: string): number;
  line(i: number): number;
  /** Imported from a `[x]` checkbox. */
  markedDone(i: number): boolean;
  /** The calendar inputs; items with the same span may share one object. */
  span(i: number): ItemSpan;
  /** The whole item: the same object on every call. */
  item(i: number): Item;
  /** Every item, in plan order. */
  all(): readonly Item[];
}

/** Items already in memory, as a plan file parses them. */
export function itemsOf(items: readonly Item[]): PlanItems {
  return {
    count: items.length,
    id: (i) => items[i]!.id,
    kind: (i) => items[i]!.kind,
    sprint: (i) => items[i]!.sprint,
    block: (i) => items[i]!.block,
    parent: (i) => items[i]!.parent,
    get nested() {
      return items.some((item) => item.parent !== undefined);
    },
    indexOf: (id) => items.findIndex((item) => item.id === id),
    line: (i) => items[i]!.line,
    markedDone: (i) => items[i]!.done === true,
    span: (i) => items[i]!,
    item: (i) => items[i]!,
    all: () => items,
  };
}

/** The plan as one value again, for what needs it whole (diffing, writing YAML). */
export const wholePlan = (head: PlanHead, items: PlanItems): Plan => ({ ...head, items: items.all() as Item[] }) as Plan;

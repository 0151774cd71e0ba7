// Checking and unchecking nested checklists: a parent is done when its children are, so checking one
// asks about the other. On a terminal the question is asked; elsewhere a parent with open children
// takes --with-children (else nothing is recorded), and a finished set of children is reported with
// the command that checks the parent.
import type { Item } from '../../core/plan/schema.js';
import { LaunchError } from '../../errors.js';
import { confirm } from '../../io/prompts.js';
import type { State } from '../../io/store/open.js';
import type { Ctx } from '../../runtime.js';
import { statusOf } from './items.js';

export const WITH_CHILDREN_OPTION = ['--with-children', 'also the items nested under these'] as const;

/**
 * From the items' parent column: only nested items are built, so `check <id>` on a flat plan builds
 * one. `parentOf` builds a parent only when it is asked for.
 */
function familyOf(state: State): { children: Map<string, Item[]>; parentOf: (item: Item) => Item | undefined } {
  const { items } = state;
  const children = childrenOf(items);
  // The id index only when an item has a parent: `check` on a flat 10,000-item plan built it for nothing.
  let index: Map<string, number> | undefined;
  const parentOf = (item: Item) => {
    if (item.parent === undefined) return undefined;
    index ??= new Map(Array.from({ length: items.count }, (_, i) => [items.id(i), i]));
    const at = index.get(item.parent);
    return at === undefined ? undefined : items.item(at);
  };
  return { children, parentOf };
}

/** Each parent's children. A loop alone in its function, so that V8's compiled loop does not bail out after it (see checksum.ts). */
function childrenOf(items: State['items']): Map<string, Item[]> {
  const children = new Map<string, Item[]>();
  if (!items.nested) return children;
  for (let i = 0; i < items.count; i++) {
    const parent = items.parent(i);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(items.item(i));
    else children.set(parent, [items.item(i)]);
  }
  return children;
}

/** Everything nested under `item`, depth first, without repeats. */
function descendants(children: ReadonlyMap<string, Item[]>, item: Item): Item[] {
  const out: Item[] = [];
  const stack = [...(children.get(item.id) ?? [])].reverse();
  const seen = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    for (const c of [...(children.get(next.id) ?? [])].reverse()) stack.push(c);
  }
  return out;
}

const ids = (items: readonly Item[]) => items.slice(0, 5).map((i) => i.id).join(', ') + (items.length > 5 ? `, … ${items.length - 5} more` : '');

export interface FamilyPlan {
  /** The items to record, the nested ones the person agreed to included. */
  items: Item[];
  /** Lines to print after the result: a parent left as it is, and how to change it. */
  hints: string[];
}

/**
 * For `check` (to "done") and `uncheck` (to "todo"): the items to change once their families are
 * considered. `withChildren`: also every nested item not yet in `to`.
 */
export async function withFamily(ctx: Ctx, state: State, items: Item[], to: 'done' | 'todo', withChildren: boolean): Promise<FamilyPlan> {
  const { children, parentOf } = familyOf(state);
  if (children.size === 0) return { items, hints: [] };
  const verb = to === 'done' ? 'check' : 'uncheck';
  const changing = new Map(items.map((i) => [i.id, i]));
  const statusAfter = (i: Item) => (changing.has(i.id) ? to : statusOf(state, i));

  for (const item of items) {
    const nested = descendants(children, item).filter((c) => !changing.has(c.id) && (to === 'done' ? statusOf(state, c) !== 'done' : statusOf(state, c) === 'done'));
    if (nested.length === 0) continue;
    const what = to === 'done' ? 'open' : 'done';
    let take = withChildren;
    if (!take && to === 'done') {
      // A parent counts by its children: checked alone, it would say done while they are not.
      if (!ctx.interactive) {
        throw new LaunchError(`${item.id} has ${nested.length} ${what} item${nested.length === 1 ? '' : 's'} under it (${ids(nested)}); nothing recorded`, {
          hint: `check them too: launch check ${item.id} --with-children (or check them first)`,
        });
      }
      take = await confirm(`${item.id} has ${nested.length} open item${nested.length === 1 ? '' : 's'} under it; check them too?`);
      if (!take) throw new LaunchError(`${item.id} was left open: its items are not all done; nothing recorded`);
    }
    if (take) for (const c of nested) changing.set(c.id, c);
  }

  // Parents whose children now all say the same: offered (terminal) or named (elsewhere).
  const hints: string[] = [];
  const asked = new Set<string>();
  for (const item of [...changing.values()]) {
    const parent = parentOf(item);
    if (!parent || changing.has(parent.id) || asked.has(parent.id)) continue;
    asked.add(parent.id);
    const siblings = children.get(parent.id) ?? [];
    const parentNow = statusOf(state, parent);
    const offer = to === 'done' ? parentNow !== 'done' && siblings.every((s) => statusAfter(s) === 'done') : parentNow === 'done';
    if (!offer) continue;
    const question = to === 'done' ? `every item under ${parent.id} is done; check it too?` : `${parent.id} is checked; uncheck it too?`;
    if (ctx.interactive && (await confirm(question))) changing.set(parent.id, parent);
    else if (!ctx.interactive) hints.push(to === 'done' ? `every item under ${parent.id} is done: launch check ${parent.id}` : `${parent.id} is still checked: launch ${verb} ${parent.id}`);
  }
  return { items: [...changing.values()], hints };
}

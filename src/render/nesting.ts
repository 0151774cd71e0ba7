// Checklists inside checklists: each child right under its parent, indented, and the parent with how
// many of its children are done. A child whose parent is not in the list says whose it is, so "Web",
// "iOS" and "Android" never stand alone.
import type { Scheduled } from '../core/queries/schedule.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface Family {
  /** Every item's children (not only the listed ones). */
  children: ReadonlyMap<string, Scheduled[]>;
  find(id: string): Scheduled | undefined;
}

export interface Nested {
  entry: Scheduled;
  depth: number;
  /** The parent, when it is not in the list itself. */
  under: Scheduled | undefined;
}

/** Deep enough to see the shape; deeper children stay at this indent. */
const MAX_DEPTH = 4;

/** The entries in their order, each child moved right after its parent when that is listed too. */
export function nest(entries: readonly Scheduled[], family: Family | undefined): Nested[] {
  if (!family || family.children.size === 0) return entries.map((entry) => ({ entry, depth: 0, under: undefined }));
  const listed = new Set(entries.map((e) => e.id));
  const kids = new Map<string, Scheduled[]>();
  for (const e of entries) {
    if (e.parent === undefined || !listed.has(e.parent)) continue;
    const list = kids.get(e.parent);
    if (list) list.push(e);
    else kids.set(e.parent, [e]);
  }
  const out: Nested[] = [];
  // A loop with its own stack: nesting may be a hundred levels deep.
  for (const top of entries) {
    if (top.parent !== undefined && listed.has(top.parent)) continue;
    const stack: { entry: Scheduled; depth: number }[] = [{ entry: top, depth: 0 }];
    while (stack.length > 0) {
      const { entry, depth } = stack.pop()!;
      out.push({ entry, depth: Math.min(depth, MAX_DEPTH), under: depth === 0 && entry.parent !== undefined ? family.find(entry.parent) : undefined });
      const children = kids.get(entry.id) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ entry: children[i]!, depth: depth + 1 });
    }
  }
  return out;
}

/** After a parent's title: " 2/3"; after an orphan child's: " (in Store listings ready)". */
export function familyNote(theme: Theme, n: Nested, family: Family | undefined): string {
  const children = family?.children.get(n.entry.id);
  const count = children ? theme.c.dim(` ${children.filter((c) => c.status === 'done').length}/${children.length}`) : '';
  const under = n.under ? theme.c.dim(` (in ${safeText(n.under.item.title)})`) : '';
  return count + under;
}

// `launch list`: items grouped by week and block, one line each, and a count.
import type { Item } from '../core/plan/schema.js';
import { formatShortDate } from './dates.js';
import { idCap, idColumn } from './items.js';
import type { ItemJson } from './json/shared.schema.js';
import { statusMark, weekLabel } from './marks.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface ListRow {
  item: Item;
  view: ItemJson;
  /** How many parents it sits under: children are indented, their titles still in one column. */
  depth?: number;
  /** The block reason of a blocked item. */
  reason?: string | undefined;
  owner?: string | null;
  /** A parent's children: how many are done. */
  children?: { done: number; total: number } | undefined;
}

export function renderList(rows: readonly ListRow[], theme: Theme, columns: number | undefined): string[] {
  if (rows.length === 0) return ['no items match'];
  const { c } = theme;
  const out: string[] = [];
  // A loop, not Math.max(...): spreading 100,000s of arguments overflows the stack.
  const indentOf = (r: ListRow) => 2 * Math.min(r.depth ?? (r.item.parent ? 1 : 0), 4);
  const width = Math.min(idCap(columns), rows.reduce((w, r) => Math.max(w, indentOf(r) + r.item.id.length), 0));
  let heading = '';
  for (const row of rows) {
    const { item, view } = row;
    const group = [view.weeks ? weekLabel(view.weeks) : '', view.block ?? ''].filter(Boolean).join(' · ');
    if (group !== heading) {
      out.push(c.bold(safeText(group || 'Unscheduled')) + (view.team ? c.dim(` · ${safeText(view.team)}`) : ''));
      heading = group;
    }
    const indent = indentOf(row);
    const due = view.due ? c.dim(` (due ${formatShortDate(view.due)})`) : '';
    const count = row.children ? c.dim(` ${row.children.done}/${row.children.total}`) : '';
    const owner = row.owner ? c.dim(` @${safeText(row.owner)}`) : '';
    const reason = view.status === 'blocked' && row.reason ? ` — ${safeText(row.reason)}` : '';
    // Children indented, their ids' column narrower by as much, so that every title starts in one column.
    out.push(idColumn(`  ${' '.repeat(indent)}${statusMark(theme, view.status)} `, item.id, Math.max(0, width - indent), `${safeText(item.title)}${count}${item.kind === 'check' ? due : ''}${owner}${reason}`));
  }
  const done = rows.filter((v) => v.view.status === 'done').length;
  out.push(c.dim(`${rows.length} item${rows.length === 1 ? '' : 's'} · ${done} done`));
  return out;
}

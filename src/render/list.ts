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
}

export function renderList(rows: readonly ListRow[], theme: Theme, columns: number | undefined): string[] {
  if (rows.length === 0) return ['no items match'];
  const { c } = theme;
  const out: string[] = [];
  // A loop, not Math.max(...): spreading 100,000s of arguments overflows the stack.
  const width = Math.min(idCap(columns), rows.reduce((w, v) => Math.max(w, v.item.id.length), 0));
  let heading = '';
  for (const { item, view } of rows) {
    const group = [view.weeks ? weekLabel(view.weeks) : '', view.block ?? ''].filter(Boolean).join(' · ');
    if (group !== heading) {
      out.push(c.bold(safeText(group || 'Unscheduled')) + (view.team ? c.dim(` · ${safeText(view.team)}`) : ''));
      heading = group;
    }
    const indent = item.parent ? '    ' : '  ';
    const due = view.due ? c.dim(` (due ${formatShortDate(view.due)})`) : '';
    out.push(idColumn(`${indent}${statusMark(theme, view.status)} `, item.id, width, `${safeText(item.title)}${item.kind === 'check' ? due : ''}`));
  }
  const done = rows.filter((v) => v.view.status === 'done').length;
  out.push(c.dim(`${rows.length} item${rows.length === 1 ? '' : 's'} · ${done} done`));
  return out;
}

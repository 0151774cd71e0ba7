// `launch show`: one item in full — where it sits, when it is due, who did what.
import type { Zone } from '../core/calendar/zone.js';
import type { LogEvent } from '../core/log/events.js';
import type { ItemState } from '../core/log/item-state.js';
import type { Item, Sprint } from '../core/plan/schema.js';
import { formatTarget } from '../core/targets/targets.js';
import { formatDate } from './dates.js';
import { historyLine } from './history.js';
import type { ItemJson } from './json/shared.schema.js';
import { statusMark, weekSpanText } from './marks.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { formatTimestamp } from './timestamps.js';

export interface ShowModel {
  item: Item;
  view: ItemJson;
  state: ItemState | undefined;
  sprint: Sprint | undefined;
  children: Item[];
  /** The item's events in timeline order. */
  history: LogEvent[];
  cancelled: ReadonlySet<string>;
  zone: Zone;
  lookup?: (id: string) => LogEvent | undefined;
}

export function renderShow(m: ShowModel, theme: Theme): string[] {
  const { item, view, state } = m;
  const { c } = theme;
  const out = [`${statusMark(theme, view.status)} ${c.bold(safeText(item.title))}`];
  if (item.detail) out.push(`  ${safeText(item.detail)}`);
  const row = (label: string, value: string | null | undefined) => {
    if (value) out.push(`  ${c.dim(label.padEnd(8))} ${value}`);
  };
  row('id', item.id);
  row('kind', item.kind === 'check' ? 'checklist item' : 'task');
  row('status', view.status + (state?.by ? ` · ${safeText(state.by)}, ${formatTimestamp(state.at!, m.zone)}` : '') + (state?.reason ? ` · ${safeText(state.reason)}` : ''));
  row('sprint', m.sprint ? `${safeText(m.sprint.name)} ${safeText(m.sprint.title)}` : null);
  row('week', view.weeks ? weekSpanText(view.weeks) + (item.day ? ` · Day ${item.day}` : '') : null);
  row('block', view.block ? safeText(view.block) : null);
  row('team', view.team ? safeText(view.team) : null);
  row('due', view.due ? formatDate(view.due) : null);
  row('owner', view.owner ? safeText(view.owner) : null);
  row('parent', item.parent ?? null);
  row('targets', item.thresholds && safeText(item.thresholds.map(formatTarget).join(', ')));
  if (state?.values?.length) row('measured', state.values.map((v) => `${v.label ? `${v.label}=` : ''}${safeText(v.text)} ${v.status}`).join(', '));
  if (m.children.length > 0) row('children', m.children.map((ch) => ch.id).join(', '));
  if (item.steps?.length) {
    out.push(`  ${c.dim('steps')}`);
    for (const step of item.steps) out.push(`    ${safeText(step)}`);
  }
  if (state?.notes.length) {
    out.push(`  ${c.dim('notes')}`);
    for (const n of state.notes) out.push(`    ${formatTimestamp(n.ts, m.zone)} ${safeText(n.actor)}: ${safeText(n.text)}`);
  }
  if (m.history.length > 0) {
    out.push(`  ${c.dim('history')}`);
    for (const e of m.history) out.push(historyLine(theme, { zone: m.zone, cancelled: m.cancelled, lookup: m.lookup }, e));
  }
  return out;
}

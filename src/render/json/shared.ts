// The JSON of an item and of a KPI cell, the same in every command that prints them.
import type { KpiCell } from '../../core/queries/kpis.js';
import { ownerOf } from '../../core/log/item-state.js';
import type { Scheduled } from '../../core/queries/schedule.js';
import type { ItemJson, KpiCellJson, OverdueItemJson } from './shared.schema.js';
import type { Overdue } from '../../core/queries/today.js';
import type { Quantity } from '../../core/targets/schema.js';

export function itemJson(e: Scheduled): ItemJson {
  const { item, block, schedule } = e;
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    status: e.status,
    sprint: item.sprint ?? null,
    week: item.weeks?.from ?? block?.weeks.from ?? null,
    weeks: item.weeks ?? block?.weeks ?? null,
    block: block?.title ?? null,
    team: block?.team ?? null,
    due: schedule?.due ?? null,
    parent: item.parent ?? null,
    owner: ownerOf(e.state, item.owner),
  };
}

export const overdueJson = (o: Overdue): OverdueItemJson => ({ ...itemJson(o.entry), daysLate: o.daysLate });

/** The unit a measured amount's number is in: its dimension's base unit. */
function baseUnit(q: Quantity): string | null {
  switch (q.dimension) {
    case 'size': return 'B';
    case 'time': return 'ms';
    case 'percent': return '%';
    case 'count':
    case 'ratio': return q.unit ?? null;
    default: return null;
  }
}

export function kpiJson(c: KpiCell): KpiCellJson {
  return {
    sprint: c.kpi.sprint ?? null,
    metric: c.kpi.metric,
    kpi: c.kpi.id,
    week: c.weeks.from === c.weeks.to ? c.weeks.from : `${c.weeks.from}-${c.weeks.to}`,
    target: c.target.text,
    due: c.due,
    actual: c.actual?.value ?? null,
    value: c.measured?.value ?? null,
    unit: c.measured ? baseUnit(c.measured) : null,
    status: c.status,
  };
}

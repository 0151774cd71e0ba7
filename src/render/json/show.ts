// `launch show --json` (./show.schema.ts).
import type { ShowModel } from '../show.js';
import type { ShowKpiModel } from '../show-kpi.js';
import { kpiJson } from './shared.js';
import type { HistoryEventJson } from './shared.schema.js';
import type { ShowKpiJson } from './show-kpi.schema.js';
import type { ShowJson } from './show.schema.js';

export const historyJson = (events: readonly { id: string }[], cancelled: ReadonlySet<string>): HistoryEventJson[] =>
  events.map((e) => ({ ...e, undone: cancelled.has(e.id) }) as HistoryEventJson);

export function showJson(m: ShowModel): ShowJson {
  const { item, view, state } = m;
  return {
    schema: 1,
    item: { ...view, detail: item.detail ?? null, steps: item.steps ?? [], thresholds: item.thresholds ?? [], line: item.line },
    state: state ? { status: state.status, reason: state.reason ?? null, by: state.by ?? null, at: state.at ?? null, notes: [...state.notes], values: (state.values ?? []) as NonNullable<ShowJson['state']>['values'], missed: state.missed ?? false } : null,
    children: m.children.map((c) => c.id),
    history: historyJson(m.history, m.cancelled),
  };
}

export const showKpiJson = (m: ShowKpiModel): ShowKpiJson => ({
  schema: 1,
  kpi: { id: m.kpi.id, metric: m.kpi.metric, sprint: m.kpi.sprint ?? null },
  targets: m.cells.map(kpiJson),
  history: historyJson(m.history, m.cancelled),
});

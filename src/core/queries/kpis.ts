// KPI rows: for each metric and target week, the actual recorded for that week and the verdict.
import type { Calendar } from '../calendar/calendar.js';
import type { KpiRecord } from '../log/state.js';
import type { Kpi, WeekSpan } from '../plan/schema.js';
import type { Target } from '../targets/schema.js';
import { evaluate, parseMeasurement } from '../targets/targets.js';

export type KpiStatus = 'met' | 'missed' | 'pending' | 'no-data';

export interface KpiCell {
  kpi: Kpi;
  weeks: WeekSpan;
  target: Target;
  /** Last working day of the target's weeks: the checkpoint. */
  due: string;
  actual: KpiRecord | null;
  status: KpiStatus;
  /** Why a recorded value could not be judged (e.g. typed by another tool in another unit). */
  problem?: string;
}

/** The row's qualitative words in week order, so "Optimized" also meets an earlier "Functional". */
export const ladderOf = (kpi: Kpi): string[] =>
  kpi.targets.flatMap((t) => (t.target.kind === 'word' ? [t.target.word] : []));

/**
 * The actual for a target is the latest value recorded for a week up to the target's last week (a
 * value recorded "for week 3" after one "for week 4" does not replace it): ordered by week, then time.
 */
function actualFor(records: readonly KpiRecord[], weeks: WeekSpan): KpiRecord | null {
  let best: KpiRecord | null = null;
  for (const r of records) {
    if (r.week > weeks.to) continue;
    if (!best || r.week > best.week || (r.week === best.week && Date.parse(r.ts) >= Date.parse(best.ts))) best = r;
  }
  return best;
}

export function kpiCells(kpis: readonly Kpi[], calendar: Calendar, records: ReadonlyMap<string, KpiRecord[]>, date: string): KpiCell[] {
  const cells: KpiCell[] = [];
  for (const kpi of kpis) {
    const ladder = ladderOf(kpi);
    for (const { weeks, target } of kpi.targets) {
      const due = calendar.sprintRange(weeks).last;
      const actual = actualFor(records.get(kpi.id) ?? [], weeks);
      const cell: KpiCell = { kpi, weeks, target, due, actual, status: date > due ? 'no-data' : 'pending' };
      if (actual) {
        const measured = parseMeasurement(actual.value, target);
        if (measured.ok) cell.status = evaluate(target, measured.value, ladder);
        else cell.problem = measured.reason;
      }
      cells.push(cell);
    }
  }
  return cells;
}

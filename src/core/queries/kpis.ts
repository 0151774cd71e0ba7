// KPI targets and their verdicts as of a date: the one function the table, the gate, `kpi record`'s
// message, today's checkpoint and escalation candidates all read.
//
// A target is judged at its checkpoint, the last working day of its weeks, on the latest value that
// counts for a day on or before it. Once the checkpoint has come (as of its end) the verdict is final:
// met, missed, or no-data when nothing was measured. Before it, the latest value so far says on-track
// or at-risk; without one it is pending.
import type { Calendar } from '../calendar/calendar.js';
import { parseInstant } from '../calendar/instant.js';
import type { KpiRecord } from '../log/state.js';
import type { Kpi, WeekSpan } from '../plan/schema.js';
import type { Quantity, Target } from '../targets/schema.js';
import { evaluate, parseMeasurement } from '../targets/targets.js';

export type KpiStatus = 'met' | 'missed' | 'on-track' | 'at-risk' | 'pending' | 'no-data';

export interface KpiCell {
  kpi: Kpi;
  weeks: WeekSpan;
  target: Target;
  /** Last working day of the target's weeks: the checkpoint. */
  due: string;
  actual: KpiRecord | null;
  /** The actual as an amount in the target's base unit (bytes, ms, %, a count, a rating); null for a word. */
  measured: Quantity | null;
  status: KpiStatus;
  /** Why a recorded value could not be judged (e.g. typed by another tool in another unit). */
  problem?: string;
}

/** The row's qualitative words in week order, so "Optimized" also meets an earlier "Functional". */
export const ladderOf = (kpi: Kpi): string[] => kpi.targets.flatMap((t) => (t.target.kind === 'word' ? [t.target.word] : []));

/**
 * The value a target is judged on: of the records counting before `before` (the end of the day that
 * matters), the one counting latest; of two for the same moment, the one typed last (records come in
 * the fold's order, the last typed last).
 */
function latestBefore(records: readonly KpiRecord[], before: number): KpiRecord | null {
  let best: KpiRecord | null = null;
  let bestAt = -Infinity;
  for (const r of records) {
    const at = parseInstant(r.ts);
    if (at < before && at >= bestAt) [best, bestAt] = [r, at];
  }
  return best;
}

/** Every target of the KPIs with its verdict as of the end of `date`. `records`: the fold as of that date. */
export function kpiCells(kpis: readonly Kpi[], calendar: Calendar, records: ReadonlyMap<string, KpiRecord[]>, date: string): KpiCell[] {
  const cells: KpiCell[] = [];
  for (const kpi of kpis) {
    const ladder = ladderOf(kpi);
    for (const { weeks, target } of kpi.targets) {
      const due = calendar.sprintRange(weeks).last;
      const final = due <= date;
      const actual = latestBefore(records.get(kpi.id) ?? [], calendar.dayEnd(final ? due : date));
      const cell: KpiCell = { kpi, weeks, target, due, actual, measured: null, status: final ? 'no-data' : 'pending' };
      if (actual) {
        const m = parseMeasurement(actual.value, target);
        if (m.ok) {
          const verdict = evaluate(target, m.value, ladder);
          cell.status = final ? verdict : verdict === 'met' ? 'on-track' : 'at-risk';
          if ('value' in m.value) cell.measured = m.value;
        } else {
          cell.problem = m.reason;
        }
      }
      cells.push(cell);
    }
  }
  return cells;
}

/** Targets missed at a checkpoint on or before the date: what `kpis --gate` fails on. */
export const missedBy = (cells: readonly KpiCell[]): KpiCell[] => cells.filter((c) => c.status === 'missed');

/**
 * The target a value recorded on `date` is for: the one whose weeks hold that day's week, else the
 * next one. Undefined after the KPI's last target.
 */
export function targetWeekFor(kpi: Kpi, week: number): WeekSpan | undefined {
  return (kpi.targets.find((t) => t.weeks.from <= week && week <= t.weeks.to) ?? kpi.targets.find((t) => t.weeks.from > week))?.weeks;
}

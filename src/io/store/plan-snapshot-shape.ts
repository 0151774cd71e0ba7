// What a plan snapshot must hold before anything is built from it: checked on every read
// (./plan-snapshot.ts), so that a snapshot of another layout, or one edited by hand, is rebuilt.
import type { ItemSpan, PlanHead } from '../../core/plan/items.js';
import { spanHolds } from './item-columns.js';

/**
 * The plan's parts that the calendar reads before any item (sprint, week, block and KPI spans) hold
 * only what a validated plan can, so that building a view from them cannot fail.
 */
export function planPartHolds(plan: Partial<PlanHead> | undefined): plan is PlanHead {
  if (plan?.schema !== 1 || !Number.isInteger(plan.totalWeeks) || plan.totalWeeks! < 0) return false;
  const { sprints, weeks, blocks, kpis, sections } = plan;
  if (![sprints, weeks, blocks, kpis, sections].every(Array.isArray)) return false;
  const total = plan.totalWeeks!;
  const spans = [...sprints!, ...weeks!, ...blocks!, ...kpis!.flatMap((k) => (Array.isArray(k?.targets) ? k.targets : [null]))];
  return spans.every((s) => typeof s === 'object' && s !== null && typeof s.weeks === 'object' && spanHolds(s as ItemSpan, total));
}

/** Each row ends after the one before it (a comma and a newline between), the last at the array's "]". */
export function rowEndsHold(ends: unknown, count: number, rowsBytes: number): boolean {
  if (!Array.isArray(ends) || ends.length !== count) return false;
  return (count === 0 ? 1 : lastEnd(ends)) === rowsBytes - 1;
}

/**
 * The last of rising ends, or NaN. A loop alone in its function: V8 compiles a long loop while it runs,
 * and code after it that has not run yet makes the compiled loop bail out (see checksum.ts).
 */
function lastEnd(ends: readonly unknown[]): number {
  let previous = -1;
  for (const end of ends) {
    if (!Number.isInteger(end) || (end as number) < previous + 3) return NaN;
    previous = end as number;
  }
  return previous;
}

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

/**
 * As many row ends as rows, the last at the array's "]". Each row's own end is not checked here: a row
 * read from ends that do not rise fails its checksum when it is read (checking all 10,000 here ran long
 * enough for V8 to compile the loop while it ran, on every run).
 */
export function rowEndsHold(ends: Int32Array | undefined, count: number, rowsBytes: number): ends is Int32Array {
  if (ends === undefined || ends.length !== count) return false;
  return (count === 0 ? 1 : ends[count - 1]) === rowsBytes - 1;
}

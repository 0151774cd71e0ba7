// `launch plan update --json` (./plan-update.schema.ts).
import type { BoxEdit } from '../../core/export/box-edits.js';
import type { PlanDiff } from '../../core/plan/diff.js';
import type { ItemHistory } from '../plan-diff.js';
import type { PlanUpdateJson } from './plan-update.schema.js';

export function planUpdateJson(source: string, plan: string, diff: PlanDiff, applied: boolean, history: (id: string) => ItemHistory | undefined, boxes: readonly BoxEdit[] = []): PlanUpdateJson {
  // keptIds only carries ids over: nothing the reader of the diff needs to hear about.
  const { identical, keptIds: _keptIds, ...changes } = diff;
  return {
    schema: 1,
    source,
    plan,
    upToDate: identical,
    diff: { ...changes, removed: diff.removed.map((r) => ({ ...r, events: history(r.id)?.events ?? 0 })) },
    applied,
    ...(boxes.length > 0 ? { boxes: [...boxes] } : {}),
  } as PlanUpdateJson;
}

// The plan view a command reads, built in one place so the speed trick below has one home.
import { buildPlanView, type PlanView } from '../../core/queries/schedule.js';
import type { ItemState } from '../../core/log/item-state.js';
import type { State } from '../../io/store/open.js';
import type { Ctx } from '../../runtime.js';

/**
 * From this many items, building the view and today's (or standup's, or status's) pass over it are
 * loops that V8 compiles while they run (on-stack replacement) and that end before the compiled copy
 * is ready: on 10,000 items the two compilations were ~100 M instructions on V8's worker threads, of
 * ~870 M for `today`, for code never run. Below, the loops are short, and on the bundled plan other
 * loops do gain from it (turning it off for the whole run cost `today` there +16 M).
 * Measured (callgrind, 10,000 items): today 869 → 809 M, today with 1,000,000 events 1,005 → 910 M,
 * `today --json` 1,760 → 1,710 M, `list` unchanged (~1,905 M). The line: on 2,500 items today went
 * 849–854 → 789–844 M; on 1,999 there was no clear gain (777–812 → 774–813 M, three counts each).
 */
export const ONE_SHOT_ITEMS = 2000;

export function planView(ctx: Ctx, state: Pick<State, 'plan' | 'items' | 'calendar'>, states: ReadonlyMap<string, ItemState>): PlanView {
  if (state.items.count >= ONE_SHOT_ITEMS) ctx.rt.oneShotLoops?.();
  return buildPlanView(state.plan, state.items, state.calendar, states);
}

// Open items left at the end of each working day, replayed from the log, against the ideal straight
// line from everything open on day one to nothing open on the last day.
import type { LogEvent } from '../log/events.js';
import type { PlanView } from './schedule.js';

export interface BurndownPoint {
  date: string;
  /** Null for days after `until`: the future has no actuals. */
  remaining: number | null;
  ideal: number;
}

export interface Burndown {
  total: number;
  points: BurndownPoint[];
}

const TRANSITIONS: Record<string, 'done' | 'open' | undefined> = { check: 'done', uncheck: 'open', block: 'open' };

export function burndown(view: PlanView, timeline: readonly LogEvent[], cancelled: ReadonlySet<string>, until: string): Burndown {
  const { calendar } = view;
  const range = calendar.planRange;
  const total = view.entries.length;
  if (!range) return { total, points: [] };
  const days = calendar.workingDaysIn(range.first, range.last);
  const done = new Set(view.entries.filter((e) => e.markedDone).map((e) => e.id));
  const known = new Set(view.byId.keys());
  const points: BurndownPoint[] = [];
  let next = 0;
  days.forEach((day, i) => {
    // Apply every event up to the end of this day (events before the plan count on day one).
    for (; next < timeline.length; next++) {
      const e = timeline[next]!;
      if (calendar.dateOf(e.ts) > day) break;
      const to = TRANSITIONS[e.type];
      if (!to || cancelled.has(e.id) || typeof e.item !== 'string' || !known.has(e.item)) continue;
      if (to === 'done') done.add(e.item);
      else done.delete(e.item);
    }
    const ideal = Math.round(total * (1 - (i + 1) / days.length) * 10) / 10;
    points.push({ date: day, remaining: day <= until ? total - done.size : null, ideal });
  });
  return { total, points };
}

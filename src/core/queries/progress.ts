// Sprint progress and the on-track verdict shared by today, standup and status.
import type { Sprint } from '../plan/schema.js';
import type { PlanView, Scheduled } from './schedule.js';
import { compareText } from '../plan/words.js';

export interface OnTrack {
  verdict: 'on track' | 'behind' | 'ahead';
  /** Items of the sprint done so far. */
  done: number;
  /** Items of the sprint due by the end of the previous day. */
  expected: number;
  /** Due by yesterday and not done, oldest first. */
  late: Scheduled[];
  /** Done before their due date. */
  early: number;
  total: number;
}

/** The sprint's items as progress counts them (a parent by its children: PlanView.counted). */
export function sprintEntries(view: PlanView, sprint: Sprint): readonly Scheduled[] {
  return view.sprintEntries(sprint.id);
}

export function onTrack(view: PlanView, sprint: Sprint, date: string): OnTrack {
  const entries = sprintEntries(view, sprint);
  const dueBefore = entries.filter((e) => e.schedule !== null && e.schedule.due < date);
  const late = dueBefore.filter((e) => e.status !== 'done').sort((a, b) => compareText(a.schedule!.due, b.schedule!.due));
  const done = entries.filter((e) => e.status === 'done').length;
  const early = entries.filter((e) => e.status === 'done' && (e.schedule === null || e.schedule.due >= date)).length;
  const verdict = late.length > 0 ? 'behind' : early > 0 ? 'ahead' : 'on track';
  return { verdict, done, expected: dueBefore.length, late, early, total: entries.length };
}

export function describeOnTrack(t: OnTrack): string {
  if (t.verdict === 'behind') return `behind by ${t.late.length}`;
  if (t.verdict === 'ahead') return `ahead by ${t.early}`;
  return 'on track';
}

/** After the plan's last day: what each sprint and the whole plan got done. */
export interface LaunchSummary {
  ended: string;
  sprints: { name: string; done: number; total: number }[];
  done: number;
  total: number;
}

/** Undefined for a plan with no working day (no weeks, or holidays on every one): it never ran. */
export function launchSummary(view: PlanView): LaunchSummary | undefined {
  const range = view.calendar.planRange;
  if (range === null) return undefined;
  const done = (entries: readonly Scheduled[]) => entries.filter((e) => e.status === 'done').length;
  return {
    ended: range.last,
    sprints: view.plan.sprints.map((sprint) => {
      const own = sprintEntries(view, sprint);
      return { name: sprint.name, done: done(own), total: own.length };
    }),
    done: done(view.counted),
    total: view.counted.length,
  };
}

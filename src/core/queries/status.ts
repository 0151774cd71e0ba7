// Progress as of a date: overall, per sprint (with the on-track verdict for the sprint the date is
// in) and per week of due dates.
import type { Sprint } from '../plan/schema.js';
import { onTrack, type OnTrack, sprintEntries } from './progress.js';
import { groupBy, type PlanView, type Scheduled } from './schedule.js';

export interface Progress {
  done: number;
  total: number;
}

export interface Status {
  date: string;
  overall: Progress;
  sprints: ({ sprint: Sprint; onTrack: OnTrack | undefined } & Progress)[];
  /** Scheduled items by the plan week they are due in, in week order. */
  weeks: ({ week: number } & Progress)[];
}

const count = (entries: readonly Scheduled[]): Progress => ({ done: entries.filter((e) => e.status === 'done').length, total: entries.length });

export function status(view: PlanView, date: string): Status {
  const position = view.calendar.position(date);
  const sprints = view.plan.sprints.map((sprint) => {
    const inSprint = position.week !== undefined && sprint.weeks.from <= position.week && position.week <= sprint.weeks.to;
    return { sprint, ...count(sprintEntries(view, sprint)), onTrack: inSprint && position.phase === 'during' ? onTrack(view, sprint, date) : undefined };
  });
  const weeks = groupBy(view.counted, (e) => (e.schedule ? view.calendar.weekOf(e.schedule.due) : undefined));
  return {
    date,
    overall: count(view.counted),
    sprints,
    weeks: [...weeks].sort(([a], [b]) => a - b).map(([week, entries]) => ({ week, ...count(entries) })),
  };
}

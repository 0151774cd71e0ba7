// The morning standup: yesterday's events by actor, today's agenda, blockers, the on-track verdict and
// the plan's questions (plus the weekly review and risk prompts on a week's last working day).
import { type Calendar, startOfLocalDay } from '../calendar/calendar.js';
import { type LogEvent, sameActor } from '../log/events.js';
import type { StandupRecord } from '../log/state.js';
import { onTrack, type OnTrack } from './progress.js';
import type { PlanView, Scheduled } from './schedule.js';
import { agendaFor, type DayAgenda, type EntryFilter, type Overdue, type TeamFilter, today } from './today.js';
import type { KpiRecord } from '../log/state.js';
import { compareText } from '../plan/words.js';

export interface Standup {
  date: string;
  /** The previous working day: where "yesterday" starts. */
  since: string;
  yesterday: { actor: string; events: LogEvent[] }[];
  today: DayAgenda;
  blocked: Scheduled[];
  overdue: Overdue[];
  onTrack: OnTrack | undefined;
  questions: string[];
  weeklyReview: string[];
  riskAssessment: string[];
  lastDayOfWeek: boolean;
  answers: StandupRecord[];
}

/** Yesterday, as standup means it: from the previous working day's start to the start of `date`. */
export function standupWindow(calendar: Calendar, date: string): { since: string; from: number; to: number } {
  const tz = calendar.zone;
  const since = calendar.previousWorkingDay(date);
  return { since, from: startOfLocalDay(since, tz), to: startOfLocalDay(date, tz) };
}

/** The changes standup reports by person (and `report` counts as a person's activity). */
export const REPORTED: ReadonlySet<string> = new Set(['check', 'uncheck', 'block', 'unblock', 'note', 'kpi', 'escalate']);

export function standup(
  view: PlanView,
  date: string,
  timeline: readonly LogEvent[],
  cancelled: ReadonlySet<string>,
  kpis: ReadonlyMap<string, KpiRecord[]>,
  answers: readonly StandupRecord[],
  opts: { actor?: string; team?: TeamFilter; owner?: EntryFilter } = {},
): Standup {
  const { calendar } = view;
  const { since, from, to } = standupWindow(calendar, date);
  const byActor = new Map<string, LogEvent[]>();
  for (const e of timeline) {
    const at = Date.parse(e.ts);
    if (at < from || at >= to || !REPORTED.has(e.type) || cancelled.has(e.id)) continue;
    if (opts.actor && !sameActor(e.actor, opts.actor)) continue;
    // Appended in place: copying the list for every event took minutes on a busy day's 100,000s.
    const own = byActor.get(e.actor);
    if (own) own.push(e);
    else byActor.set(e.actor, [e]);
  }
  const t = today(view, date, kpis, opts.team, opts.owner);
  const position = calendar.position(date);
  const lastDayOfWeek = position.workingDay && position.week !== undefined && calendar.workingDaysOfWeek(position.week).at(-1) === date;
  const plan = view.plan;
  return {
    date,
    since,
    yesterday: [...byActor].sort(([a], [b]) => compareText(a, b)).map(([actor, events]) => ({ actor, events })),
    today: position.workingDay ? agendaFor(view, date, opts.team, opts.owner) : { tasks: [], due: [] },
    blocked: t.blocked,
    overdue: t.overdue,
    onTrack: t.sprint && position.phase === 'during' ? onTrack(view, t.sprint, date) : undefined,
    questions: plan.standup.questions,
    weeklyReview: lastDayOfWeek ? plan.standup.weeklyReview : [],
    riskAssessment: lastDayOfWeek ? plan.standup.riskAssessment : [],
    lastDayOfWeek,
    answers: answers.filter((a) => a.date === date),
  };
}

// `launch report`: one view model for the HTML and Markdown documents, gathered from the queries the
// terminal screens read (today's sprint and verdict, status, burndown, KPI verdicts, escalations,
// standup's idea of activity), so a report never says something the terminal would not.
import { startOfLocalDay } from '../calendar/calendar.js';
import { parseInstant } from '../calendar/instant.js';
import type { LogEvent } from '../log/events.js';
import type { FoldState } from '../log/state.js';
import type { EscalationState } from '../log/state.js';
import type { Kpi } from '../plan/schema.js';
import { compareText } from '../plan/words.js';
import { parseMeasurement } from '../targets/targets.js';
import { type Burndown, burndown } from './burndown.js';
import { contactsFor, openEscalations } from './escalation.js';
import { type KpiCell, kpiCells } from './kpis.js';
import type { PlanView, Scheduled } from './schedule.js';
import { REPORTED } from './standup.js';
import { type Status, status } from './status.js';
import { type Today, today } from './today.js';

/** How many working days the activity table looks back over, ending on the report's date. */
export const ACTIVITY_DAYS = 5;
/** A plan of thousands of items can have hundreds due in one week: the document lists this many. */
export const NEXT_WEEK_LIMIT = 200;

export interface KpiRow {
  kpi: Kpi;
  cells: KpiCell[];
  /** The recorded actuals as amounts (base unit), oldest first; empty for words or no records. */
  trend: { date: string; value: number; text: string }[];
}

export interface Activity {
  /** The working days counted, oldest first. */
  days: string[];
  people: { actor: string; counts: number[]; total: number }[];
}

export interface Report {
  date: string;
  today: Today;
  /** The sprint --sprint chose, if any: progress, KPIs, blocked and next week's items are its own. */
  focus: { id: string; name: string } | undefined;
  status: Status;
  burndown: Burndown;
  kpis: KpiRow[];
  blocked: Scheduled[];
  escalations: { open: EscalationState[]; timing: ReadonlyMap<string, string>; contacts: string[] };
  activity: Activity;
  next: { week: number; first: string; last: string; items: Scheduled[]; more: number } | undefined;
}

export interface ReportInput {
  view: PlanView;
  date: string;
  fold: FoldState;
  /** The whole log in fold order, as the store gives it with `history`. */
  timeline: readonly LogEvent[];
  /** --sprint: which sprint ids to keep. */
  sprint?: (id: string | undefined) => boolean;
}

export function report(input: ReportInput): Report {
  const { view, date, fold, timeline } = input;
  const keep = input.sprint ?? (() => true);
  const { calendar, plan } = view;
  const t = today(view, date, fold.kpis);
  const s = status(view, date);
  const focus = input.sprint ? plan.sprints.find((sp) => keep(sp.id)) : undefined;
  const kpiIds = new Set(plan.kpis.filter((k) => keep(k.sprint)).map((k) => k.id));
  const cells = kpiCells(plan.kpis.filter((k) => kpiIds.has(k.id)), calendar, fold.kpis, date);
  return {
    date,
    today: t,
    focus: focus && { id: focus.id, name: focus.name },
    status: input.sprint ? { ...s, sprints: s.sprints.filter((sp) => keep(sp.sprint.id)), weeks: s.weeks.filter((w) => focus !== undefined && focus.weeks.from <= w.week && w.week <= focus.weeks.to) } : s,
    burndown: burndown(view, timeline, date),
    kpis: plan.kpis.filter((k) => kpiIds.has(k.id)).map((kpi) => ({ kpi, cells: cells.filter((c) => c.kpi === kpi), trend: trendOf(kpi, fold, calendar.dateOf.bind(calendar)) })),
    blocked: t.blocked.filter((e) => keep(e.sprint)),
    escalations: {
      open: openEscalations(fold.escalations),
      timing: new Map(plan.escalation.levels.flatMap((l) => (l.timing ? [[l.id, l.timing] as const] : []))),
      contacts: contactsFor(plan.escalation),
    },
    activity: activity(view, date, timeline, fold.cancelled),
    next: nextWeek(view, t, keep),
  };
}

/** Each recorded value the KPI's first numeric target can read, as a number, in the order they count. */
function trendOf(kpi: Kpi, fold: FoldState, dateOf: (ts: string) => string): KpiRow['trend'] {
  const target = kpi.targets.find((t) => t.target.kind === 'numeric')?.target;
  if (!target) return [];
  const records = [...(fold.kpis.get(kpi.id) ?? [])].sort((a, b) => parseInstant(a.ts) - parseInstant(b.ts));
  return records.flatMap((r) => {
    const m = parseMeasurement(r.value, target);
    return m.ok && 'value' in m.value ? [{ date: dateOf(r.ts), value: m.value.value, text: r.value }] : [];
  });
}

/** Changes per person per working day over the last ACTIVITY_DAYS working days up to `date`. */
function activity(view: PlanView, date: string, timeline: readonly LogEvent[], cancelled: ReadonlySet<string>): Activity {
  const { calendar } = view;
  const last = calendar.isWorkingDay(date) ? date : calendar.previousWorkingDay(date);
  const days = [last];
  while (days.length < ACTIVITY_DAYS) days.unshift(calendar.previousWorkingDay(days[0]!));
  const from = startOfLocalDay(days[0]!, calendar.zone);
  const to = calendar.dayEnd(date);
  const people = new Map<string, number[]>();
  for (const e of timeline) {
    const at = parseInstant(e.ts);
    if (at < from || at >= to || !REPORTED.has(e.type) || cancelled.has(e.id)) continue;
    const day = calendar.dateOf(at);
    // A change made on a day off counts for the working day before it.
    let i = days.length - 1;
    while (i > 0 && days[i]! > day) i--;
    const counts = people.get(e.actor) ?? new Array<number>(days.length).fill(0);
    counts[i]!++;
    people.set(e.actor, counts);
  }
  return {
    days,
    people: [...people].map(([actor, counts]) => ({ actor, counts, total: counts.reduce((a, b) => a + b, 0) })).sort((a, b) => b.total - a.total || compareText(a.actor, b.actor)),
  };
}

/** The plan week after the date's (week 1 before the start); none after the last week. */
function nextWeek(view: PlanView, t: Today, keep: (id: string | undefined) => boolean): Report['next'] {
  const { calendar } = view;
  const week = t.position.phase === 'before' ? 1 : t.position.phase === 'during' && t.position.week !== undefined ? t.position.week + 1 : undefined;
  if (week === undefined || week > calendar.totalWeeks) return undefined;
  const { first, last } = calendar.weekBounds(week);
  const due = view.entries.filter((e) => e.schedule && e.status !== 'done' && first <= e.schedule.due && e.schedule.due <= last && keep(e.sprint));
  due.sort((a, b) => compareText(a.schedule!.due, b.schedule!.due) || a.line - b.line);
  return { week, first, last, items: due.slice(0, NEXT_WEEK_LIMIT), more: Math.max(0, due.length - NEXT_WEEK_LIMIT) };
}


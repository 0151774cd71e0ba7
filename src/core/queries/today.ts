// "What is on today?" — pure: the plan view, a date and an optional team filter in, sections out.
import type { DayPosition } from '../calendar/calendar.js';
import type { KpiRecord } from '../log/state.js';
import type { Block, Sprint, Week } from '../plan/schema.js';
import { type KpiCell, kpiCells } from './kpis.js';
import { onTrack, type OnTrack } from './progress.js';
import { isOn, isOverdue, type PlanView, type Scheduled } from './schedule.js';
import { compareText } from '../plan/words.js';

export interface TaskGroup {
  block: Block | undefined;
  items: Scheduled[];
}

export interface Overdue {
  entry: Scheduled;
  /** Working days past the due date. */
  daysLate: number;
}

export interface DayAgenda {
  tasks: TaskGroup[];
  /** Checklist items of the blocks active today, due at the end of their block. */
  due: Scheduled[];
}

export interface Today extends DayAgenda {
  date: string;
  position: DayPosition;
  holiday: boolean;
  sprint: Sprint | undefined;
  week: Week | undefined;
  overdue: Overdue[];
  blocked: Scheduled[];
  /** On the last working day of a KPI week: that week's targets. */
  checkpoint: KpiCell[];
  onTrack: OnTrack | undefined;
  /** On a day off or before the start: the next working day and what it brings. */
  next: ({ date: string } & DayAgenda) | undefined;
}

export type TeamFilter = (team: string | null) => boolean;
/** Which items to show (`--mine`, `--owner`). */
export type EntryFilter = (e: Scheduled) => boolean;

function groupByBlock(entries: Scheduled[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const e of entries) {
    const key = e.block?.id ?? '';
    const group = groups.get(key) ?? { block: e.block, items: [] };
    group.items.push(e);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function agendaFor(view: PlanView, date: string, team?: TeamFilter, owner?: EntryFilter): DayAgenda {
  const keep = (e: Scheduled) => isOn(e, date) && (!team || team(e.block?.team ?? null)) && (!owner || owner(e));
  return agendaOf(view.entries.filter(keep));
}

/** The agenda of the entries on a day, as agendaFor selects them. */
function agendaOf(on: Scheduled[]): DayAgenda {
  return {
    tasks: groupByBlock(on.filter((e) => e.kind === 'task')),
    due: on.filter((e) => e.kind === 'check'),
  };
}

const sprintAt = (view: PlanView, week: number | undefined) =>
  week === undefined ? undefined : view.plan.sprints.find((s) => s.weeks.from <= week && week <= s.weeks.to);

const weekAt = (view: PlanView, week: number | undefined) =>
  week === undefined ? undefined : view.plan.weeks.find((w) => w.weeks.from <= week && week <= w.weeks.to);

export function today(view: PlanView, date: string, kpiRecords: ReadonlyMap<string, KpiRecord[]>, team?: TeamFilter, owner?: EntryFilter): Today {
  const { calendar } = view;
  const position = calendar.position(date);
  const sprint = sprintAt(view, position.week);
  const teamOk = (e: Scheduled) => (!team || team(e.block?.team ?? null)) && (!owner || owner(e));
  const working = position.phase === 'during' && position.workingDay;

  // Lateness depends only on the due date, which items share (10,000 items have a few hundred): one
  // count per date. Counting for each of 9,900 overdue items, each re-validating the same dates, took
  // ~26% of `today` on the 10,000-item plan.
  const lateness = new Map<string, number>();
  const daysLate = (due: string): number => {
    let days = lateness.get(due);
    if (days === undefined) lateness.set(due, (days = calendar.workingDaysBetween(due, date)));
    return days;
  };
  // What today lists of every item, in one pass: three filters over 10,000 entries (and the arrays
  // between them), each with closures run before V8 compiles them, cost `today` on the 10,000-item
  // plan with 1,000,000 events ~24 M instructions more (4 alternating callgrind runs: 950 → 926 M).
  const on: Scheduled[] = [];
  const overdue: Overdue[] = [];
  const blocked: Scheduled[] = [];
  for (const e of view.entries) {
    const isBlocked = e.status === 'blocked';
    const scheduledOn = isOn(e, date);
    const onToday = working && scheduledOn;
    const late = !scheduledOn && isOverdue(e, date);
    // The filters last: an owner's reads the item itself, which an entry listed nowhere never needs.
    if (!(isBlocked || onToday || late) || !teamOk(e)) continue;
    if (isBlocked) blocked.push(e);
    if (onToday) on.push(e);
    else if (late) {
      // Due Friday and viewed on Saturday is not late yet: lateness counts working days.
      const days = daysLate(e.schedule!.due);
      if (days >= 1) overdue.push({ entry: e, daysLate: days });
    }
  }
  overdue.sort((a, b) => compareText(a.entry.schedule!.due, b.entry.schedule!.due) || a.entry.line - b.entry.line);
  const agenda = agendaOf(on);

  let checkpoint: KpiCell[] = [];
  if (working && position.week !== undefined) {
    const lastOfWeek = calendar.workingDaysOfWeek(position.week).at(-1);
    if (lastOfWeek === date) {
      checkpoint = kpiCells(view.plan.kpis, calendar, kpiRecords, date).filter((c) => c.weeks.to === position.week);
    }
  }

  let next: Today['next'];
  if (!working && position.phase !== 'after') {
    const first = calendar.planRange?.first;
    const nextDate = position.phase === 'before' && first ? first : calendar.nextWorkingDay(date);
    next = { date: nextDate, ...agendaFor(view, nextDate, team, owner) };
  }

  return {
    date,
    position,
    holiday: calendar.isHoliday(date),
    sprint,
    week: weekAt(view, position.week),
    ...agenda,
    overdue,
    blocked,
    checkpoint,
    onTrack: sprint && position.phase === 'during' ? onTrack(view, sprint, date) : undefined,
    next,
  };
}

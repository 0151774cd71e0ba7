// launch today [--date] [--team] [--all|-v]: the morning view — what is on, what is due, what is late.
import { buildPlanView, type Scheduled } from '../core/queries/schedule.js';
import { describeOnTrack, sprintEntries } from '../core/queries/progress.js';
import { type DayAgenda, today as todayQuery, type Today } from '../core/queries/today.js';
import type { KpiCell } from '../core/queries/kpis.js';
import { openSession, resolveDate, type Session } from '../io/session.js';
import { bar } from '../render/bar.js';
import { formatDate, formatShortDate, weekdayName } from '../render/dates.js';
import { blockHeading, idWidthOf, itemLine, stepLines } from '../render/items.js';
import { kpiMark } from '../render/kpi-marks.js';
import { escalationBanner } from '../render/escalations.js';
import { openEscalations } from '../core/queries/escalation.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { teamMatcher } from './shared/filters.js';
import { itemJson, kpiJson } from './shared/item-view.js';
import { compareText } from '../core/plan/words.js';

export interface TodayOptions {
  date?: string;
  team?: string;
  all?: boolean;
  verbose?: boolean;
}

/** The oldest few make the point at standup; the full lists are one command away. */
const LIST_SHOWN = 10;

function toJson(session: Session, t: Today) {
  return {
    schema: 1,
    date: t.date,
    phase: t.position.phase,
    workingDay: t.position.workingDay && t.position.phase === 'during',
    holiday: t.holiday,
    sprint: t.sprint ? { id: t.sprint.id, name: t.sprint.name, title: t.sprint.title } : null,
    week: t.position.week ?? null,
    weekday: weekdayName(t.date),
    dayOfPlan: t.position.dayOfPlan ?? null,
    totalWorkingDays: t.position.totalWorkingDays,
    items: [...t.tasks.flatMap((g) => g.items), ...t.due].map(itemJson),
    overdue: t.overdue.map((o) => ({ ...itemJson(o.entry), daysLate: o.daysLate })),
    blocked: t.blocked.map((e) => ({ ...itemJson(e), reason: e.state?.reason ?? null, by: e.state?.by ?? null, at: e.state?.at ?? null })),
    checkpoint: t.checkpoint.map(kpiJson),
    onTrack: t.onTrack ? { verdict: t.onTrack.verdict, done: t.onTrack.done, expected: t.onTrack.expected, total: t.onTrack.total, late: t.onTrack.late.map((e) => e.id) } : null,
    escalations: openEscalations(session.state.escalations).map((e) => ({ item: e.item ?? null, level: e.level, reason: e.reason, actor: e.actor, ts: e.ts })),
    next: t.next ? { date: t.next.date, items: [...t.next.tasks.flatMap((g) => g.items), ...t.next.due].map(itemJson) } : null,
    workspace: session.paths !== undefined,
  };
}

function header(ctx: Ctx, t: Today): void {
  const { c } = ctx.theme;
  const parts = [formatDate(t.date)];
  if (t.sprint) parts.push(`${safeText(t.sprint.name)} ${safeText(t.sprint.title)}`.trim());
  if (t.position.week !== undefined && t.position.phase === 'during') parts.push(`Week ${t.position.week}${t.week ? ` ${safeText(t.week.title)}` : ''}`);
  if (t.position.dayOfPlan !== undefined) parts.push(`working day ${t.position.dayOfPlan} of ${t.position.totalWorkingDays}`);
  ctx.print(c.bold(parts.join(' · ')));
  if (t.onTrack && t.sprint) {
    const o = t.onTrack;
    const verdict = describeOnTrack(o);
    const coloured = o.verdict === 'behind' ? c.red(verdict) : c.green(verdict);
    ctx.print(`${safeText(t.sprint.name)}  ${bar(o.done, o.total)}  ${o.done}/${o.total} done · ${coloured}`);
  }
}

function agenda(ctx: Ctx, a: DayAgenda, steps: boolean, width: number): void {
  for (const group of a.tasks) {
    ctx.print();
    ctx.print(blockHeading(ctx, group.block));
    for (const e of group.items) {
      ctx.print(itemLine(ctx, e, width));
      if (steps) for (const line of stepLines(ctx, e)) ctx.print(line);
    }
  }
  const byDue = new Map<string, Scheduled[]>();
  for (const e of a.due) byDue.set(e.schedule!.due, [...(byDue.get(e.schedule!.due) ?? []), e]);
  for (const [due, entries] of [...byDue].sort(([x], [y]) => compareText(x, y))) {
    ctx.print();
    ctx.print(ctx.theme.c.bold(`Due by ${formatShortDate(due)}`) + ctx.theme.c.dim(' (end of block)'));
    for (const e of entries) ctx.print(itemLine(ctx, e, width));
  }
}

export async function todayCommand(ctx: Ctx, opts: TodayOptions): Promise<void> {
  const session = await openSession(ctx);
  const date = resolveDate(opts.date, session.today);
  const view = buildPlanView(session.plan, session.calendar, session.state.items);
  const t = todayQuery(view, date, session.state.kpis, opts.team ? teamMatcher(opts.team) : undefined);
  if (ctx.json) return ctx.printJson(toJson(session, t));

  const { c } = ctx.theme;
  const width = idWidthOf([...t.tasks.flatMap((g) => g.items), ...t.due, ...t.overdue.map((o) => o.entry), ...t.blocked, ...(t.next ? [...t.next.tasks.flatMap((g) => g.items), ...t.next.due] : [])]);
  const steps = opts.all === true || opts.verbose === true;
  header(ctx, t);
  escalationBanner(ctx, session);

  if (t.position.phase === 'before') {
    ctx.print(`The launch starts in ${t.position.daysUntilStart} day${t.position.daysUntilStart === 1 ? '' : 's'}, on ${formatDate(t.next!.date)}. First up:`);
    agenda(ctx, t.next!, steps, width);
    return;
  }
  if (t.position.phase === 'after') {
    summary(ctx, session, view.entries);
  } else if (!t.position.workingDay) {
    ctx.print(c.dim(`No working day (${t.holiday ? 'holiday' : 'day off'}). Next working day: ${formatDate(t.next!.date)}`));
    agenda(ctx, t.next!, steps, width);
  } else {
    agenda(ctx, t, steps, width);
    if (t.tasks.length === 0 && t.due.length === 0) ctx.print(c.dim(opts.team ? `\nNothing scheduled today for "${opts.team}".` : '\nNothing scheduled today.'));
  }

  if (t.checkpoint.length > 0) {
    ctx.print();
    ctx.print(c.bold(`KPI checkpoint · Week ${t.position.week}`));
    for (const cell of t.checkpoint) {
      const actual = cell.actual ? ` · actual ${safeText(cell.actual.value)}` : '';
      ctx.print(`  ${kpiMark(ctx, cell.status)} ${safeText(cell.kpi.metric)}  ${safeText(cell.target.text)}${actual} · ${cell.status}`);
    }
  }
  if (t.overdue.length > 0 && t.position.phase === 'after') {
    ctx.print(c.dim(`  ${t.overdue.length} item(s) were never done: launch list --status todo`));
  } else if (t.overdue.length > 0) {
    ctx.print();
    ctx.print(c.bold(c.red(`Overdue (${t.overdue.length})`)));
    for (const o of t.overdue.slice(0, LIST_SHOWN)) {
      ctx.print(itemLine(ctx, o.entry, width, c.dim(` — due ${formatShortDate(o.entry.schedule!.due)}, ${o.daysLate} working day${o.daysLate === 1 ? '' : 's'} late`)));
    }
    if (t.overdue.length > LIST_SHOWN) ctx.print(c.dim(`  … and ${t.overdue.length - LIST_SHOWN} more: launch list --status todo`));
  }
  if (t.blocked.length > 0) {
    ctx.print();
    ctx.print(c.bold(`Blocked (${t.blocked.length})`));
    for (const e of t.blocked.slice(0, LIST_SHOWN)) {
      const who = e.state?.by ? ` (${safeText(e.state.by)})` : '';
      ctx.print(itemLine(ctx, e, width, ` — ${safeText(e.state?.reason ?? '')}${c.dim(who)}`));
    }
    if (t.blocked.length > LIST_SHOWN) ctx.print(c.dim(`  … and ${t.blocked.length - LIST_SHOWN} more: launch list --status blocked`));
  }
}

function summary(ctx: Ctx, session: Session, entries: Scheduled[]): void {
  const { c } = ctx.theme;
  const done = entries.filter((e) => e.status === 'done').length;
  ctx.print(`The plan ended on ${formatDate(session.calendar.planRange!.last)}. Launch summary:`);
  for (const sprint of session.plan.sprints) {
    const own = sprintEntries({ plan: session.plan, calendar: session.calendar, entries, byId: new Map() }, sprint);
    const d = own.filter((e) => e.status === 'done').length;
    ctx.print(`  ${safeText(sprint.name).padEnd(11)} ${bar(d, own.length)}  ${d}/${own.length} done`);
  }
  ctx.print(c.bold(`  ${'Overall'.padEnd(11)} ${bar(done, entries.length)}  ${done}/${entries.length} done`));
}

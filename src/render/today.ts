// The morning view: header, open escalations, the day's tasks by block, what is due, the KPI
// checkpoint, what is overdue and what is blocked.
import type { Zone } from '../core/calendar/zone.js';
import type { EscalationState } from '../core/log/state.js';
import type { Escalation } from '../core/plan/schema.js';
import { compareText } from '../core/plan/words.js';
import { describeOnTrack, type LaunchSummary } from '../core/queries/progress.js';
import type { Scheduled } from '../core/queries/schedule.js';
import type { DayAgenda, Today } from '../core/queries/today.js';
import { bar } from './bar.js';
import { formatDate, formatShortDate } from './dates.js';
import { escalationBanner } from './escalations.js';
import { displayWidth, padDisplay } from './fit.js';
import { blockHeading, idCap, idWidthOf, itemLine, stepLines } from './items.js';
import { kpiMark } from './marks.js';
import { type Family, familyNote, type Nested, nest } from './nesting.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';

export interface TodayModel {
  today: Today;
  /** Open escalations, oldest first, with the plan's rules for their levels and contacts. */
  escalations: EscalationState[];
  rules: Escalation;
  zone: Zone;
  /** After the plan's end. */
  summary: LaunchSummary | undefined;
  /** The plan's number of weeks. */
  weeks: number;
  /** Show each task's steps. */
  steps: boolean;
  /** The --team filter, as typed. */
  team: string | undefined;
  /** Parents and children, to show checklists nested. */
  family?: Family;
  /** The terminal's width (undefined in a pipe): the id column takes at most a third of it. */
  columns: number | undefined;
}

/** The oldest few make the point at standup; the full lists are one command away. */
const LIST_SHOWN = 10;

export function renderToday(m: TodayModel, theme: Theme): string[] {
  const t = m.today;
  const { c } = theme;
  const out: string[] = [];
  const agendas = [...t.tasks.flatMap((g) => g.items), ...t.due, ...(t.next ? [...t.next.tasks.flatMap((g) => g.items), ...t.next.due] : [])];
  // A nested child's id starts two columns in per level: the column holds the widest id where it starts.
  const nestedWidth = nest(agendas, m.family).reduce((w, n) => Math.max(w, 2 * n.depth + n.entry.id.length), 0);
  const width = Math.max(idWidthOf([...agendas, ...t.overdue.map((o) => o.entry), ...t.blocked], m.columns), Math.min(idCap(m.columns), nestedWidth));
  out.push(...header(t, theme));
  for (const line of escalationBanner(theme, m.escalations, m.rules, m.zone)) out.push(line); // may be 100,000s

  if (t.position.totalWorkingDays === 0) {
    // No weeks, or holidays on every working day: there is no start, end or agenda to speak of.
    out.push(c.dim(`The plan has no working days${m.weeks === 0 ? ' (it has no weeks)' : ' (holidays cover all of them)'}: nothing is scheduled.`));
  } else if (t.position.phase === 'before') {
    out.push(`The launch starts in ${t.position.daysUntilStart} day${t.position.daysUntilStart === 1 ? '' : 's'}, on ${formatDate(t.next!.date)}. First up:`);
    agenda(out, theme, t.next!, m.steps, width, m.family);
    return out;
  } else if (t.position.phase === 'after') {
    out.push(...summary(theme, m.summary!));
  } else if (!t.position.workingDay) {
    out.push(c.dim(`No working day (${t.holiday ? 'holiday' : 'day off'}). Next working day: ${formatDate(t.next!.date)}`));
    agenda(out, theme, t.next!, m.steps, width, m.family);
  } else {
    agenda(out, theme, t, m.steps, width, m.family);
    if (t.tasks.length === 0 && t.due.length === 0) out.push(c.dim(m.team ? `\nNothing scheduled today for "${m.team}".` : '\nNothing scheduled today.'));
  }

  if (t.checkpoint.length > 0) {
    out.push('', c.bold(`KPI checkpoint · Week ${t.position.week}`));
    // Metric and target in columns as wide as their longest (capped), so the verdicts line up.
    const metricWidth = Math.min(idCap(m.columns), Math.max(...t.checkpoint.map((cell) => displayWidth(safeText(cell.kpi.metric)))));
    const targetWidth = Math.min(16, Math.max(...t.checkpoint.map((cell) => displayWidth(safeText(cell.target.text)))));
    for (const cell of t.checkpoint) {
      const actual = cell.actual ? ` · actual ${safeText(cell.actual.value)}` : '';
      out.push(`  ${kpiMark(theme, cell.status)} ${padDisplay(safeText(cell.kpi.metric), metricWidth)}  ${padDisplay(safeText(cell.target.text), targetWidth)}${actual} · ${cell.status}`);
    }
  }
  if (t.overdue.length > 0 && t.position.phase === 'after') {
    out.push(c.dim(`  ${t.overdue.length === 1 ? '1 item was' : `${t.overdue.length} items were`} never done: launch list --status todo`));
  } else if (t.overdue.length > 0) {
    out.push('', c.bold(c.red(`Overdue (${t.overdue.length})`)));
    for (const o of t.overdue.slice(0, LIST_SHOWN)) {
      out.push(itemLine(theme, o.entry, width, c.dim(` — due ${formatShortDate(o.entry.schedule!.due)}, ${o.daysLate} working day${o.daysLate === 1 ? '' : 's'} late`)));
    }
    if (t.overdue.length > LIST_SHOWN) out.push(c.dim(`  … and ${t.overdue.length - LIST_SHOWN} more: launch list --status todo`));
  }
  if (t.blocked.length > 0) {
    out.push('', c.bold(`Blocked (${t.blocked.length})`));
    for (const e of t.blocked.slice(0, LIST_SHOWN)) {
      const who = e.state?.by ? ` (${safeText(e.state.by)})` : '';
      out.push(itemLine(theme, e, width, ` — ${safeText(e.state?.reason ?? '')}${c.dim(who)}`));
    }
    if (t.blocked.length > LIST_SHOWN) out.push(c.dim(`  … and ${t.blocked.length - LIST_SHOWN} more: launch list --status blocked`));
  }
  return out;
}

function header(t: Today, theme: Theme): string[] {
  const { c } = theme;
  const parts = [formatDate(t.date)];
  if (t.sprint) parts.push(`${safeText(t.sprint.name)} ${safeText(t.sprint.title)}`.trim());
  if (t.position.week !== undefined && t.position.phase === 'during') parts.push(`Week ${t.position.week}${t.week ? ` ${safeText(t.week.title)}` : ''}`);
  if (t.position.dayOfPlan !== undefined) parts.push(`working day ${t.position.dayOfPlan} of ${t.position.totalWorkingDays}`);
  const out = [c.bold(parts.join(' · '))];
  if (t.onTrack && t.sprint) {
    const o = t.onTrack;
    const verdict = describeOnTrack(o);
    const coloured = o.verdict === 'behind' ? c.red(verdict) : c.green(verdict);
    out.push(`${safeText(t.sprint.name)}  ${bar(o.done, o.total)}  ${o.done}/${o.total} done · ${coloured}`);
  }
  return out;
}

/** Appends to `out` (a day can hold more lines than push(...lines) can take as arguments). */
function agenda(out: string[], theme: Theme, a: DayAgenda, steps: boolean, width: number, family: Family | undefined): void {
  // Children indented under their parent, the title column kept: the id column narrows as it shifts.
  const line = (n: Nested) => itemLine(theme, n.entry, Math.max(0, width - 2 * n.depth), familyNote(theme, n, family), 2 * n.depth);
  for (const group of a.tasks) {
    out.push('', blockHeading(theme, group.block));
    for (const n of nest(group.items, family)) {
      out.push(line(n));
      if (steps) for (const step of stepLines(theme, n.entry)) out.push(step);
    }
  }
  const byDue = new Map<string, Scheduled[]>();
  for (const e of a.due) {
    const list = byDue.get(e.schedule!.due);
    if (list) list.push(e);
    else byDue.set(e.schedule!.due, [e]);
  }
  for (const [due, entries] of [...byDue].sort(([x], [y]) => compareText(x, y))) {
    out.push('', theme.c.bold(`Due by ${formatShortDate(due)}`) + theme.c.dim(' (end of block)'));
    for (const n of nest(entries, family)) out.push(line(n));
  }
}

function summary(theme: Theme, s: LaunchSummary): string[] {
  const out = [`The plan ended on ${formatDate(s.ended)}. Launch summary:`];
  const width = Math.min(24, s.sprints.reduce((w, sprint) => Math.max(w, displayWidth(safeText(sprint.name))), 'Overall'.length)) + 1;
  for (const sprint of s.sprints) out.push(`  ${padDisplay(safeText(sprint.name), width)} ${bar(sprint.done, sprint.total)}  ${sprint.done}/${sprint.total} done`);
  out.push(theme.c.bold(`  ${'Overall'.padEnd(width)} ${bar(s.done, s.total)}  ${s.done}/${s.total} done`));
  return out;
}

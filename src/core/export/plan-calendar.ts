// The plan as calendar events from the workspace's start: each Day-N task on its day, each block's
// end as its deadline, each KPI checkpoint and each sprint's review on its last working day. Dates
// come from the workspace's calendar, so working days and holidays move them as every screen does.
import type { Calendar } from '../calendar/calendar.js';
import type { Plan } from '../plan/schema.js';
import { formatTarget } from '../targets/targets.js';
import type { DayEvent } from './ical.js';

/** The part after `@` of every UID: one plan's events, whatever file or machine exported them. */
const uidHost = (plan: Plan): string => `${plan.id}.launch`;

export function planEvents(plan: Plan, calendar: Calendar, isDone: (id: string) => boolean): DayEvent[] {
  const host = uidHost(plan);
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  const events: DayEvent[] = [];
  for (const item of plan.items) {
    if (item.day === undefined) continue;
    const block = item.block === undefined ? undefined : blocks.get(item.block);
    const at = calendar.itemSchedule(item, block);
    if (!at) continue;
    const where = block ? ` · ${block.title}` : '';
    const lines = [`Day ${item.day}${where}`, item.detail, isDone(item.id) ? 'Done.' : 'Open.', `launch show ${item.id}`];
    // Item ids are unique in a plan and contain no dot, so the dotted prefixes below cannot meet one.
    events.push({ uid: `${item.id}@${host}`, date: at.due, summary: item.title, description: lines.filter(Boolean).join('\n'), categories: ['task'] });
  }
  const counts = new Map<string, { all: number; done: number }>();
  for (const item of plan.items) {
    if (item.block === undefined) continue;
    const c = counts.get(item.block) ?? { all: 0, done: 0 };
    c.all++;
    if (isDone(item.id)) c.done++;
    counts.set(item.block, c);
  }
  for (const block of plan.blocks) {
    const at = calendar.itemSchedule(block);
    if (!at) continue;
    const { all, done } = counts.get(block.id) ?? { all: 0, done: 0 };
    const progress = all === 0 ? '' : `${done} of ${all} items done${done === all ? ': done.' : '.'}`;
    events.push({ uid: `block.${block.id}@${host}`, date: at.due, summary: `Deadline: ${block.title}`, description: progress || undefined, categories: ['deadline'] });
  }
  for (const kpi of plan.kpis) {
    kpi.targets.forEach((t, n) => {
      const { last } = calendar.sprintRange(t.weeks);
      const weeks = t.weeks.from === t.weeks.to ? `week ${t.weeks.from}` : `weeks ${t.weeks.from}-${t.weeks.to}`;
      events.push({ uid: `kpi.${kpi.id}.${n + 1}@${host}`, date: last, summary: `KPI checkpoint: ${kpi.metric} ${formatTarget(t.target)}`, description: `Target for ${weeks}.\nlaunch kpis`, categories: ['kpi'] });
    });
  }
  for (const sprint of plan.sprints) {
    const { last } = calendar.sprintRange(sprint.weeks);
    const summary = `Sprint review: ${sprint.name}${sprint.title ? ` - ${sprint.title}` : ''}`;
    events.push({ uid: `sprint.${sprint.id}@${host}`, date: last, summary, description: 'launch status', categories: ['review'] });
  }
  // By date, plan order within a day (sort is stable).
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

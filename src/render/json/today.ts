// `launch today --json`, in the shape ./today.schema.ts describes.
import type { EscalationState } from '../../core/log/state.js';
import type { Today } from '../../core/queries/today.js';
import { weekdayName } from '../dates.js';
import { itemJson, kpiJson, overdueJson } from './shared.js';
import type { TodayJson } from './today.schema.js';

export function todayJson(t: Today, escalations: readonly EscalationState[], workspace: boolean): TodayJson {
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
    overdue: t.overdue.map(overdueJson),
    blocked: t.blocked.map((e) => ({ ...itemJson(e), reason: e.state?.reason ?? null, by: e.state?.by ?? null, at: e.state?.at ?? null })),
    checkpoint: t.checkpoint.map(kpiJson),
    onTrack: t.onTrack ? { verdict: t.onTrack.verdict, done: t.onTrack.done, expected: t.onTrack.expected, total: t.onTrack.total, late: t.onTrack.late.map((e) => e.id) } : null,
    escalations: escalations.map((e) => ({ item: e.item ?? null, level: e.level, reason: e.reason, actor: e.actor, ts: e.ts })),
    next: t.next ? { date: t.next.date, items: [...t.next.tasks.flatMap((g) => g.items), ...t.next.due].map(itemJson) } : null,
    workspace,
  };
}

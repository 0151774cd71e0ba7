// launch show <item>: everything about one item — where it sits, when it is due, who did what.
import { describeEvent } from '../core/log/event-types.js';
import { formatTarget } from '../core/targets/targets.js';
import { openSession, withPlanFile } from '../io/session.js';
import { loadPlanFile } from '../io/plan-source.js';
import { formatDate } from '../render/dates.js';
import { formatTimestamp } from '../render/timestamps.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { buildPlanView } from '../core/queries/schedule.js';
import { itemJson } from './shared/item-view.js';
import { resolveOne } from './shared/items.js';
import { statusMark } from '../render/items.js';

export async function showCommand(ctx: Ctx, ref: string, opts: { plan?: string }): Promise<void> {
  let session = await openSession(ctx, { history: true }); // the item's history
  if (opts.plan) {
    session = withPlanFile(session, (await loadPlanFile(opts.plan, ctx.rt.cwd)).plan);
  }
  const item = await resolveOne(ctx, session.plan.items, ref);
  const view = itemJson(buildPlanView(session.plan, session.calendar, session.state.items).byId.get(item.id)!);
  const state = session.state.items.get(item.id);
  const history = session.state.timeline.filter((e) => e.item === item.id);
  const children = session.plan.items.filter((i) => i.parent === item.id);
  if (ctx.json) {
    return ctx.printJson({
      schema: 1,
      item: { ...view, detail: item.detail ?? null, steps: item.steps ?? [], thresholds: item.thresholds ?? [], line: item.line },
      state: state ? { status: state.status, reason: state.reason ?? null, by: state.by ?? null, at: state.at ?? null, notes: state.notes, values: state.values ?? [], missed: state.missed ?? false } : null,
      children: children.map((c) => c.id),
      history: history.map((e) => ({ ...e, undone: session.state.cancelled.has(e.id) })),
    });
  }
  const { c } = ctx.theme;
  const tz = session.calendar.zone;
  ctx.print(`${statusMark(ctx, view.status)} ${c.bold(safeText(item.title))}`);
  if (item.detail) ctx.print(`  ${safeText(item.detail)}`);
  const row = (label: string, value: string | null | undefined) => value && ctx.print(`  ${c.dim(label.padEnd(8))} ${value}`);
  row('id', item.id);
  row('kind', item.kind === 'check' ? 'checklist item' : 'task');
  row('status', view.status + (state?.by ? ` · ${safeText(state.by)}, ${formatTimestamp(state.at!, tz)}` : '') + (state?.reason ? ` · ${safeText(state.reason)}` : ''));
  const sprint = session.plan.sprints.find((s) => s.id === item.sprint);
  row('sprint', sprint ? `${safeText(sprint.name)} ${safeText(sprint.title)}` : null);
  row('week', view.weeks ? (view.weeks.from === view.weeks.to ? `${view.weeks.from}` : `${view.weeks.from}-${view.weeks.to}`) + (item.day ? ` · Day ${item.day}` : '') : null);
  row('block', view.block ? safeText(view.block) : null);
  row('team', view.team ? safeText(view.team) : null);
  row('due', view.due ? formatDate(view.due) : null);
  row('parent', item.parent ?? null);
  row('targets', item.thresholds && safeText(item.thresholds.map(formatTarget).join(', ')));
  if (state?.values?.length) row('measured', state.values.map((v) => `${v.label ? `${v.label}=` : ''}${safeText(v.text)} ${v.status}`).join(', '));
  if (children.length > 0) row('children', children.map((ch) => ch.id).join(', '));
  if (item.steps?.length) {
    ctx.print(`  ${c.dim('steps')}`);
    for (const step of item.steps) ctx.print(`    ${safeText(step)}`);
  }
  if (state?.notes.length) {
    ctx.print(`  ${c.dim('notes')}`);
    for (const n of state.notes) ctx.print(`    ${formatTimestamp(n.ts, tz)} ${safeText(n.actor)}: ${safeText(n.text)}`);
  }
  if (history.length > 0) {
    ctx.print(`  ${c.dim('history')}`);
    for (const e of history) {
      const undone = session.state.cancelled.has(e.id) ? c.dim(' (undone)') : '';
      ctx.print(`    ${formatTimestamp(e.ts, tz)} ${safeText(e.actor)} ${safeText(describeEvent(e))}${undone}`);
    }
  }
}

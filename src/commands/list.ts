// launch list [--sprint] [--week] [--team] [--status] [--kind] [--plan <file>]
import type { Item } from '../core/plan/schema.js';
import { UsageError } from '../errors.js';
import { loadPlanFile } from '../io/plan-source.js';
import { openSession, type Session, withPlanFile } from '../io/session.js';
import { sprintMatcher, teamMatcher } from './shared/filters.js';
import { formatShortDate } from '../render/dates.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { buildPlanView, type Scheduled } from '../core/queries/schedule.js';
import { itemJson, type ItemJson } from './shared/item-view.js';
import { statusMark } from '../render/items.js';

export interface ListOptions {
  sprint?: string;
  week?: string;
  team?: string;
  status?: string;
  kind?: string;
  plan?: string;
}

function filters(session: Session, opts: ListOptions): (item: Item, view: ItemJson) => boolean {
  const checks: ((item: Item, view: ItemJson) => boolean)[] = [];
  if (opts.sprint) {
    const m = sprintMatcher(session, opts.sprint);
    checks.push((i) => m(i.sprint));
  }
  if (opts.week) {
    const w = Number(opts.week);
    if (!Number.isInteger(w) || w < 1) throw new UsageError(`--week: "${opts.week}" is not a week number`);
    checks.push((i) => !!i.weeks && i.weeks.from <= w && w <= i.weeks.to);
  }
  if (opts.team) {
    const m = teamMatcher(opts.team);
    checks.push((_i, v) => m(v.team));
  }
  // commander's .choices() has already refused any other --status or --kind.
  if (opts.status) checks.push((_i, v) => v.status === opts.status);
  if (opts.kind) checks.push((i) => i.kind === opts.kind);
  return (item, view) => checks.every((c) => c(item, view));
}

async function sessionFor(ctx: Ctx, opts: ListOptions): Promise<Session> {
  const session = await openSession(ctx);
  if (!opts.plan) return session;
  return withPlanFile(session, (await loadPlanFile(opts.plan, ctx.rt.cwd)).plan);
}

export async function listCommand(ctx: Ctx, opts: ListOptions): Promise<void> {
  const session = await sessionFor(ctx, opts);
  const keep = filters(session, opts);
  const planView = buildPlanView(session.plan, session.calendar, session.state.items);
  const views = planView.entries.map((e: Scheduled) => ({ item: e.item, view: itemJson(e) })).filter(({ item, view }) => keep(item, view));
  if (ctx.json) return ctx.printJson({ schema: 1, items: views.map((v) => v.view) });
  if (views.length === 0) return ctx.print('no items match');
  const width = Math.min(32, Math.max(...views.map((v) => v.item.id.length)));
  let heading = '';
  for (const { item, view } of views) {
    const group = [view.week ? `Week ${view.weeks!.from === view.weeks!.to ? view.week : `${view.weeks!.from}-${view.weeks!.to}`}` : '', view.block ?? ''].filter(Boolean).join(' · ');
    if (group !== heading) {
      ctx.print(ctx.theme.c.bold(safeText(group || 'Unscheduled')) + (view.team ? ctx.theme.c.dim(` · ${safeText(view.team)}`) : ''));
      heading = group;
    }
    const indent = item.parent ? '    ' : '  ';
    const due = view.due ? ctx.theme.c.dim(` (due ${formatShortDate(view.due)})`) : '';
    ctx.print(`${indent}${statusMark(ctx, view.status)} ${item.id.padEnd(width)}  ${safeText(item.title)}${item.kind === 'check' ? due : ''}`);
  }
  const done = views.filter((v) => v.view.status === 'done').length;
  ctx.print(ctx.theme.c.dim(`${views.length} items · ${done} done`));
}

// launch show <item...>: everything about one item — where it sits, when it is due, who did what. A
// KPI's name or id shows the KPI instead: its targets' verdicts and every value recorded, with the
// report each was read from. Items come first: a KPI is shown when the words name it exactly, or name
// no item at all.
import type { Kpi } from '../core/plan/schema.js';
import { eventLookup } from '../core/log/history.js';
import { resolveRef } from '../core/plan/item-ref.js';
import { kpiCells } from '../core/queries/kpis.js';
import { planView } from './shared/view.js';
import type { StateWithHistory } from '../io/store/open.js';
import { itemJson } from '../render/json/shared.js';
import { showJson, showKpiJson } from '../render/json/show.js';
import { renderShow } from '../render/show.js';
import { renderShowKpi } from '../render/show-kpi.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveOne } from './shared/items.js';
import { openForRead, openPlanFile } from './shared/open.js';
import { DATE_OPTION, resolveDate } from './shared/options.js';
import { parseInstant } from '../core/calendar/instant.js';

export const register: Register = (program, rt) =>
  program
    .command('show')
    .description('one item in full: schedule, steps, targets, notes and history')
    .argument('<item...>', 'item id, id prefix, or words of its title (no quotes needed); or a KPI\'s name or id')
    .option('--plan <file>', 'look in a plan file instead of the workspace')
    .option(...DATE_OPTION)
    .addHelpText('after', examples('launch show redis-setup', 'launch show skeleton loading setup', 'launch show bundle size'))
    .action(handle(rt, showCommand));

export async function showCommand(ctx: Ctx, words: string[], opts: { plan?: string; date?: string }): Promise<void> {
  const state = opts.plan ? await openPlanFile(ctx, opts.plan, { history: true }) : await openForRead(ctx, { history: true }); // the item's history
  const date = resolveDate(opts.date, state.today);
  const fold = state.asOf(date);
  const counts = state.calendar.dayEnd(date);
  const all = state.items.all();
  const kpi = kpiNamed(state, words.join(' '));
  if (kpi) return showKpi(ctx, state, kpi, date);
  const item = await resolveOne(ctx, all, words.join(' '));
  const model = {
    item,
    view: itemJson(planView(ctx, state, fold.items).byId.get(item.id)!),
    state: fold.items.get(item.id),
    sprint: state.plan.sprints.find((s) => s.id === item.sprint),
    children: all.filter((i) => i.parent === item.id),
    history: state.history.timeline.filter((e) => e.item === item.id && parseInstant(e.ts) < counts),
    cancelled: fold.cancelled,
    zone: state.calendar.zone,
    // An undo says what it undid, not the id of the event.
    lookup: eventLookup(state.history.events),
  };
  if (ctx.json) return ctx.printJson(showJson(model));
  ctx.printLines(renderShow(model, ctx.theme));
}

/** The KPI the words name, unless they name an item first: an item's id, then a KPI's id or exact name, then an item's words, then a KPI's. */
function kpiNamed(state: StateWithHistory, ref: string): Kpi | undefined {
  const kpis = state.plan.kpis.map((k) => ({ ...k, title: k.metric }));
  if (kpis.length === 0) return undefined;
  const items = resolveRef(state.items.all(), ref, 0);
  if (items.kind === 'found' && items.by === 'id') return undefined;
  const wanted = ref.trim().toLowerCase();
  const exact = kpis.find((k) => k.id === wanted || k.metric.toLowerCase() === wanted);
  if (exact) return exact;
  if (items.kind !== 'none') return undefined;
  const r = resolveRef(kpis, ref, 0);
  return r.kind === 'found' ? r.match : undefined;
}

function showKpi(ctx: Ctx, state: StateWithHistory, kpi: Kpi, date: string): void {
  const counts = state.calendar.dayEnd(date);
  const fold = state.asOf(date);
  const model = {
    kpi,
    sprint: state.plan.sprints.find((s) => s.id === kpi.sprint),
    cells: kpiCells([kpi], state.calendar, fold.kpis, date),
    history: state.history.timeline.filter((e) => e.type === 'kpi' && e.metric === kpi.id && parseInstant(e.ts) < counts),
    cancelled: fold.cancelled,
    zone: state.calendar.zone,
  };
  if (ctx.json) return ctx.printJson(showKpiJson(model));
  ctx.printLines(renderShowKpi(model, ctx.theme));
}

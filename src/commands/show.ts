// launch show <item...>: everything about one item — where it sits, when it is due, who did what.
import { buildPlanView } from '../core/queries/schedule.js';
import { itemJson } from '../render/json/shared.js';
import { showJson } from '../render/json/show.js';
import { renderShow } from '../render/show.js';
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
    .argument('<item...>', 'item id, id prefix, or words of its title (no quotes needed)')
    .option('--plan <file>', 'look in a plan file instead of the workspace')
    .option(...DATE_OPTION)
    .addHelpText('after', examples('launch show redis-setup', 'launch show skeleton loading setup'))
    .action(handle(rt, showCommand));

export async function showCommand(ctx: Ctx, words: string[], opts: { plan?: string; date?: string }): Promise<void> {
  const state = opts.plan ? await openPlanFile(ctx, opts.plan, { history: true }) : await openForRead(ctx, { history: true }); // the item's history
  const date = resolveDate(opts.date, state.today);
  const fold = state.asOf(date);
  const counts = state.calendar.dayEnd(date);
  const all = state.items.all();
  const item = await resolveOne(ctx, all, words.join(' '));
  const model = {
    item,
    view: itemJson(buildPlanView(state.plan, state.items, state.calendar, fold.items).byId.get(item.id)!),
    state: fold.items.get(item.id),
    sprint: state.plan.sprints.find((s) => s.id === item.sprint),
    children: all.filter((i) => i.parent === item.id),
    history: state.history.timeline.filter((e) => e.item === item.id && parseInstant(e.ts) < counts),
    cancelled: fold.cancelled,
    zone: state.calendar.zone,
  };
  if (ctx.json) return ctx.printJson(showJson(model));
  ctx.printLines(renderShow(model, ctx.theme));
}

// launch list [--sprint] [--week] [--team] [--status] [--kind] [--plan <file>]
import type { Item } from '../core/plan/schema.js';
import { buildPlanView } from '../core/queries/schedule.js';
import type { State } from '../io/store/open.js';
import { itemJson } from '../render/json/shared.js';
import type { ItemJson } from '../render/json/shared.schema.js';
import { listJson } from '../render/json/list.js';
import { renderList } from '../render/list.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { sprintMatcher, teamMatcher } from './shared/filters.js';
import { openForRead, openPlanFile } from './shared/open.js';
import { DATE_OPTION, resolveDate, weekNumber } from './shared/options.js';

export interface ListOptions {
  sprint?: string;
  week?: string;
  team?: string;
  status?: string;
  kind?: string;
  plan?: string;
  date?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('list')
    .description('list items with their ids and statuses')
    .option('--sprint <n>', 'only this sprint (1, s1, 3 for Sprint 3-4)')
    .option('--week <n>', 'only items scheduled in this week')
    .option('--team <words>', 'only blocks whose team has these words (backend, "frontend lead")')
    .addOption(program.createOption('--status <status>', 'only items with this status').choices(['todo', 'done', 'blocked']))
    .addOption(program.createOption('--kind <kind>', 'only tasks or checklist items').choices(['task', 'check']))
    .option('--plan <file>', 'list a plan file (YAML or Markdown) instead of the workspace')
    .option(...DATE_OPTION)
    .action(handle(rt, listCommand));

function filters(state: State, opts: ListOptions): (item: Item, view: ItemJson) => boolean {
  const checks: ((item: Item, view: ItemJson) => boolean)[] = [];
  if (opts.sprint !== undefined) {
    const m = sprintMatcher(state.plan.sprints, opts.sprint);
    checks.push((i) => m(i.sprint));
  }
  if (opts.week !== undefined) {
    const w = weekNumber(opts.week);
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

export async function listCommand(ctx: Ctx, opts: ListOptions): Promise<void> {
  const state = opts.plan ? await openPlanFile(ctx, opts.plan) : await openForRead(ctx);
  const keep = filters(state, opts);
  const view = buildPlanView(state.plan, state.items, state.calendar, state.asOf(resolveDate(opts.date, state.today)).items);
  const rows = view.entries.map((e) => ({ item: e.item, view: itemJson(e) })).filter(({ item, view }) => keep(item, view));
  if (ctx.json) return ctx.printJson(listJson(rows.map((v) => v.view)));
  ctx.printLines(renderList(rows, ctx.theme, ctx.columns));
}

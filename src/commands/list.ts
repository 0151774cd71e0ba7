// launch list [words...] [--sprint] [--week] [--team] [--status] [--kind] [--mine|--owner] [--plan <file>]
import type { Item } from '../core/plan/schema.js';
import type { Scheduled } from '../core/queries/schedule.js';
import { planView } from './shared/view.js';
import { matchesAllWords } from '../core/plan/words.js';
import { ownerOf } from '../core/log/item-state.js';
import type { State } from '../io/store/open.js';
import { itemJson } from '../render/json/shared.js';
import type { ItemJson } from '../render/json/shared.schema.js';
import { listJson } from '../render/json/list.js';
import { renderList } from '../render/list.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { MINE_OPTION, OWNER_OPTION, ownerFilter, sprintMatcher, teamMatcher } from './shared/filters.js';
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
  mine?: boolean;
  owner?: string;
}

export const register: Register = (program, rt) =>
  program
    .command('list')
    .description('list items with their ids, statuses and owners; words find items by title or id')
    .argument('[words...]', 'only items whose title or id has all these words')
    .option('--sprint <n>', 'only this sprint (1, s1, 3 for Sprint 3-4)')
    .option('--week <n>', 'only items scheduled in this week')
    .option('--team <words>', 'only blocks whose team has these words (backend, "frontend lead")')
    .addOption(program.createOption('--status <status>', 'only items with this status').choices(['todo', 'done', 'blocked']))
    .addOption(program.createOption('--kind <kind>', 'only tasks or checklist items').choices(['task', 'check']))
    .option(...MINE_OPTION)
    .option(...OWNER_OPTION)
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

const childCount = (children: Scheduled[] | undefined) => (children ? { done: children.filter((c) => c.status === 'done').length, total: children.length } : undefined);

/** How many parents an item sits under (a chain that loops, which sanity refuses, stops). */
function depthOf(parents: ReadonlyMap<string, string | undefined>, id: string): number {
  let depth = 0;
  for (let p = parents.get(id); p !== undefined && depth < parents.size; p = parents.get(p)) depth++;
  return depth;
}

export async function listCommand(ctx: Ctx, words: string[], opts: ListOptions): Promise<void> {
  const state = opts.plan ? await openPlanFile(ctx, opts.plan) : await openForRead(ctx);
  const keep = filters(state, opts);
  const owned = await ownerFilter(ctx, state, opts);
  const view = planView(ctx, state, state.asOf(resolveDate(opts.date, state.today)).items);
  const parents = new Map(view.entries.map((e) => [e.id, e.parent]));
  const wanted = (e: Scheduled) => (!owned || owned(e)) && (words.length === 0 || matchesAllWords(words, `${e.item.title} ${e.id}`));
  const rows = view.entries
    .filter(wanted)
    .map((e) => ({ item: e.item, view: itemJson(e), depth: depthOf(parents, e.id), reason: e.state?.reason, owner: ownerOf(e.state, e.item.owner), children: childCount(view.children.get(e.id)) }))
    .filter(({ item, view }) => keep(item, view));
  if (ctx.json) return ctx.printJson(listJson(rows.map((v) => v.view)));
  ctx.printLines(renderList(rows, ctx.theme, ctx.columns));
}

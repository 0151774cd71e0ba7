// uncheck and unblock: items in one status go back to todo; the others are named and left alone.
import { backToTodoJson } from '../../render/json/records.js';
import { itemRecorded } from '../../render/records.js';
import type { Ctx } from '../../runtime.js';
import { handle, type Register } from './command.js';
import { WITH_CHILDREN_OPTION, withFamily } from './family.js';
import { resolveItems, statusOf } from './items.js';
import { openForWrite } from './open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate, WRITE_DATE_OPTION } from './options.js';
import { actorFor, record } from './record.js';

export interface BackToTodo {
  /** The command, and the event type it records. */
  type: 'uncheck' | 'unblock';
  description: string;
  from: 'done' | 'blocked';
  /** Printed after a changed item's title, e.g. " (unblocked)". */
  suffix: string;
  /** What an unchanged item is not, e.g. "done". */
  not: string;
}

/** The command's registration and handler. */
type Options = { as?: string; date?: string; withChildren?: boolean };

export function backToTodoCommand(spec: BackToTodo): { register: Register; handler: (ctx: Ctx, refs: string[], opts: Options) => Promise<void> } {
  const handler = (ctx: Ctx, refs: string[], opts: Options) => backToTodo(ctx, refs, opts, spec);
  const register: Register = (program, rt) => {
    const command = program
      .command(spec.type)
      .description(spec.description)
      .argument('<items...>', 'item ids, id prefixes, or words of a title')
      .option(...WRITE_DATE_OPTION)
      .option(...AS_OPTION)
      .option(...QUIET_OPTION);
    if (spec.type === 'uncheck') command.option(...WITH_CHILDREN_OPTION);
    return command.action(handle(rt, handler));
  };
  return { register, handler };
}

async function backToTodo(ctx: Ctx, refs: string[], opts: Options, spec: BackToTodo): Promise<void> {
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const items = await resolveItems(ctx, state, refs);
  const from = items.filter((i) => statusOf(state, i) === spec.from);
  const unchanged = items.filter((i) => !from.includes(i));
  // Unchecking touches a family too (./family.ts); unblocking does not.
  const { items: changing, hints } = spec.type === 'uncheck' ? await withFamily(ctx, state, from, 'todo', opts.withChildren === true) : { items: from, hints: [] };
  const actor = await actorFor(ctx, state, opts.as);
  const recorded = changing.length > 0 ? await record(ctx, state, changing.map((i) => ({ actor, type: spec.type, item: i.id })), { date }) : [];
  if (ctx.json) return ctx.printJson(backToTodoJson(recorded, unchanged.map((i) => i.id)));
  ctx.printLines([...changing.map((i) => itemRecorded(ctx.theme.mark.todo, i, spec.suffix)), ...unchanged.map((i) => `${i.id} is not ${spec.not}; nothing recorded`), ...hints]);
}

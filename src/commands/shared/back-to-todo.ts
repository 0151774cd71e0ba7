// uncheck and unblock: items in one status go back to todo; the others are named and left alone.
import { safeText } from '../../render/sanitize.js';
import type { Ctx } from '../../runtime.js';
import { resolveItems, statusOf } from './items.js';
import { actorFor, openForWrite, record } from './record.js';

export interface BackToTodo {
  from: 'done' | 'blocked';
  type: 'uncheck' | 'unblock';
  /** Printed after a changed item's title, e.g. " (unblocked)". */
  suffix: string;
  /** What an unchanged item is not, e.g. "done". */
  not: string;
}

export async function backToTodo(ctx: Ctx, refs: string[], as: string | undefined, spec: BackToTodo): Promise<void> {
  const session = await openForWrite(ctx);
  const items = await resolveItems(ctx, session, refs);
  const changing = items.filter((i) => statusOf(session, i) === spec.from);
  const unchanged = items.filter((i) => !changing.includes(i));
  const actor = await actorFor(ctx, session, as);
  const recorded = changing.length > 0 ? await record(ctx, session, changing.map((i) => ({ actor, type: spec.type, item: i.id }))) : [];
  if (ctx.json) return ctx.printJson({ schema: 1, recorded, unchanged: unchanged.map((i) => i.id) });
  for (const i of changing) ctx.print(`${ctx.theme.mark.todo} ${i.id}  ${safeText(i.title)}${spec.suffix}`);
  for (const i of unchanged) ctx.print(`${i.id} is not ${spec.not}; nothing recorded`);
}

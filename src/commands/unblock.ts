// launch unblock <item...>: the blocker is gone.
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { resolveItems, statusOf } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export async function unblockCommand(ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> {
  const session = await openForWrite(ctx);
  const items = await resolveItems(ctx, session, refs);
  const blocked = items.filter((i) => statusOf(session, i) === 'blocked');
  const actor = await actorFor(ctx, session, opts.as);
  const recorded = blocked.length > 0 ? await record(ctx, session, blocked.map((i) => ({ actor, type: 'unblock' as const, item: i.id }))) : [];
  if (ctx.json) return ctx.printJson({ schema: 1, recorded, unchanged: items.filter((i) => !blocked.includes(i)).map((i) => i.id) });
  for (const i of blocked) ctx.print(`${ctx.theme.mark.todo} ${i.id}  ${safeText(i.title)} (unblocked)`);
  for (const i of items.filter((x) => !blocked.includes(x))) ctx.print(`${i.id} is not blocked; nothing recorded`);
}

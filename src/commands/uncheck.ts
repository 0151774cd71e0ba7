// launch uncheck <item...>: back to todo (a mistaken check, or work that turned out unfinished).
import type { Ctx } from '../runtime.js';
import { safeText } from '../render/sanitize.js';
import { resolveItems, statusOf } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export async function uncheckCommand(ctx: Ctx, refs: string[], opts: { as?: string }): Promise<void> {
  const session = await openForWrite(ctx);
  const items = await resolveItems(ctx, session, refs);
  const changing = items.filter((i) => statusOf(session, i) === 'done');
  const actor = await actorFor(ctx, session, opts.as);
  const recorded = changing.length > 0 ? await record(ctx, session, changing.map((i) => ({ actor, type: 'uncheck' as const, item: i.id }))) : [];
  if (ctx.json) return ctx.printJson({ schema: 1, recorded, unchanged: items.filter((i) => !changing.includes(i)).map((i) => i.id) });
  for (const i of changing) ctx.print(`${ctx.theme.mark.todo} ${i.id}  ${safeText(i.title)}`);
  for (const i of items.filter((x) => !changing.includes(x))) ctx.print(`${i.id} is not done; nothing recorded`);
}

// launch block <item> --reason <text>: the team sees it under Blockers until it is unblocked.
import { UsageError } from '../errors.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { resolveItems } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export async function blockCommand(ctx: Ctx, refs: string[], opts: { reason?: string; as?: string }): Promise<void> {
  const reason = opts.reason?.trim();
  if (!reason) throw new UsageError('a block needs --reason <text>', 'launch block redis-setup --reason "waiting for DBA"');
  const session = await openForWrite(ctx);
  const items = await resolveItems(ctx, session, refs);
  const actor = await actorFor(ctx, session, opts.as);
  const recorded = await record(ctx, session, items.map((i) => ({ actor, type: 'block' as const, item: i.id, reason })));
  if (ctx.json) return ctx.printJson({ schema: 1, recorded });
  for (const i of items) ctx.print(`${ctx.theme.mark.blocked} ${i.id}  ${safeText(i.title)} — ${safeText(reason)}`);
}

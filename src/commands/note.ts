// launch note <item> <text...>: a remark on an item, shown by `show` and in the standup.
import { UsageError } from '../errors.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { resolveOne } from './shared/items.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export async function noteCommand(ctx: Ctx, ref: string, words: string[], opts: { as?: string }): Promise<void> {
  const text = words.join(' ').trim();
  if (!text) throw new UsageError('what is the note?', 'launch note redis-setup "DBA replied, install tomorrow"');
  const session = await openForWrite(ctx);
  const item = await resolveOne(ctx, session.plan.items, ref);
  const [event] = await record(ctx, session, [{ actor: await actorFor(ctx, session, opts.as), type: 'note', item: item.id, text }]);
  if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event] });
  ctx.print(`noted on ${item.id}: ${safeText(text)}`);
}

// launch undo: reverts this actor's last change by appending a compensating event; history stays.
import { describeEvent } from '../core/log/event-types.js';
import { findLastChange } from '../core/log/history.js';
import { LaunchError } from '../errors.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { actorFor, openForWrite, record } from './shared/record.js';

export async function undoCommand(ctx: Ctx, opts: { as?: string }): Promise<void> {
  const session = await openForWrite(ctx, { history: true }); // the actor's last change
  const actor = await actorFor(ctx, session, opts.as);
  const last = findLastChange(session.events, actor);
  if (!last) throw new LaunchError(`nothing to undo for ${actor}`, { hint: 'undo reverts your own changes; --as <name> acts as someone else' });
  const [event] = await record(ctx, session, [{ actor, type: 'undo', target: last.id, ...(typeof last.item === 'string' ? { item: last.item } : {}) }]);
  if (ctx.json) return ctx.printJson({ schema: 1, recorded: [event], undone: last });
  ctx.print(`undid: ${safeText(describeEvent(last))} (${last.ts})`);
}

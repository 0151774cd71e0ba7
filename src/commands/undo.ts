// launch undo: reverts this actor's last change by appending a compensating event; history stays.
import { describeEvent } from '../core/log/event-types.js';
import { eventLookup, findLastChange } from '../core/log/history.js';
import { LaunchError } from '../errors.js';
import { undoJson } from '../render/json/records.js';
import { safeText } from '../render/sanitize.js';
import { formatTimestamp } from '../render/timestamps.js';
import type { Ctx } from '../runtime.js';
import { handle, type Register } from './shared/command.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export const register: Register = (program, rt) =>
  program
    .command('undo')
    .description('revert your last change by appending a compensating event (the history keeps both)')
    .option(...AS_OPTION)
    .option(...QUIET_OPTION)
    .action(handle(rt, undoCommand));

export async function undoCommand(ctx: Ctx, opts: { as?: string }): Promise<void> {
  const state = await openForWrite(ctx, { history: true }); // the actor's last change
  const actor = await actorFor(ctx, state, opts.as);
  const last = findLastChange(state.history.events, state.history.timeline, actor);
  if (!last) throw new LaunchError(`nothing to undo for ${actor}`, { hint: 'undo reverts your own changes; --as <name> acts as someone else' });
  const [event] = await record(ctx, state, [{ actor, type: 'undo', target: last.id, ...(typeof last.item === 'string' ? { item: last.item } : {}) }]);
  if (ctx.json) return ctx.printJson(undoJson(event!, last));
  ctx.print(`undid: ${safeText(describeEvent(last, eventLookup(state.history.events)))} (${formatTimestamp(last.ts, state.calendar.zone)})`);
}

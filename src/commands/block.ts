// launch block <item> --reason <text>: the team sees it under Blockers until it is unblocked.
import { UsageError } from '../errors.js';
import type { BlockJson } from '../render/json/block.schema.js';
import { recordedJson } from '../render/json/records.js';
import { itemRecorded } from '../render/records.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveItems } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export const register: Register = (program, rt) =>
  program
    .command('block')
    .description('mark items blocked, with the reason the team will see at standup')
    .argument('<items...>', 'item ids, id prefixes, or words of a title')
    .requiredOption('--reason <text>', 'what it is waiting for')
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .addHelpText('after', examples('launch block redis-setup --reason "waiting for DBA"'))
    .option(...QUIET_OPTION)
    .action(handle(rt, blockCommand));

export async function blockCommand(ctx: Ctx, refs: string[], opts: { reason?: string; as?: string; date?: string }): Promise<void> {
  const reason = opts.reason?.trim();
  if (!reason) throw new UsageError('a block needs --reason <text>', 'launch block redis-setup --reason "waiting for DBA"');
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const items = await resolveItems(ctx, state, refs);
  const actor = await actorFor(ctx, state, opts.as);
  const recorded = await record(ctx, state, items.map((i) => ({ actor, type: 'block' as const, item: i.id, reason })), { date });
  if (ctx.json) return ctx.printJson(recordedJson<BlockJson>(recorded));
  ctx.printLines(items.map((i) => itemRecorded(ctx.theme.mark.blocked, i, ` — ${safeText(reason)}`)));
}

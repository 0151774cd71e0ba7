// launch assign <item...> --to <person>: who owns items. `--to ""` takes the owner away, the plan's
// `@name` included: the log has the last word over the plan.
import { actorProblem, shownActor } from '../core/actor-name.js';
import { ownerOf } from '../core/log/item-state.js';
import { sameActor } from '../core/log/events.js';
import { UsageError } from '../errors.js';
import { NAME_RULE } from '../io/workspace.js';
import type { AssignJson } from '../render/json/assign.schema.js';
import { safeText } from '../render/sanitize.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';
import { resolveItems } from './shared/items.js';
import { openForWrite } from './shared/open.js';
import { AS_OPTION, QUIET_OPTION, resolveWriteDate, WRITE_DATE_OPTION } from './shared/options.js';
import { actorFor, record } from './shared/record.js';

export interface AssignOptions {
  to?: string;
  as?: string;
  date?: string;
}

/** A person's name as the log takes one (the rule for actors), or "" for nobody. */
export function ownerName(flag: string, value: string): string {
  if (value.trim() === '') return '';
  const problem = actorProblem(value);
  if (problem !== undefined) throw new UsageError(`${flag}: the name ${shownActor(value)} ${problem}`, NAME_RULE);
  return value.trim();
}

export const register: Register = (program, rt) =>
  program
    .command('assign')
    .description('say who owns items (--to "" for nobody)')
    .argument('<items...>', 'item ids, id prefixes, or words of a title')
    .option('--to <person>', 'the owner; "" takes the owner away', (v: string) => ownerName('--to', v))
    .option(...WRITE_DATE_OPTION)
    .option(...AS_OPTION)
    .option(...QUIET_OPTION)
    .addHelpText('after', examples('launch assign redis-setup --to bob', 'launch assign skeleton loading --to alice', 'launch assign redis-setup --to ""'))
    .action(handle(rt, assignCommand));

export async function assignCommand(ctx: Ctx, refs: string[], opts: AssignOptions): Promise<void> {
  if (opts.to === undefined) throw new UsageError('to whom? give --to <person> (or --to "" for nobody)', 'launch assign redis-setup --to bob');
  const owner = opts.to;
  const state = await openForWrite(ctx);
  const date = resolveWriteDate(opts.date, state.today);
  const items = await resolveItems(ctx, state, refs);
  const current = (id: string, planOwner: string | undefined) => ownerOf(state.fold.items.get(id), planOwner);
  const same = (now: string | null) => (now === null ? owner === '' : owner !== '' && now === owner);
  const unchanged = items.filter((i) => same(current(i.id, i.owner)));
  const changing = items.filter((i) => !unchanged.includes(i));
  const actor = await actorFor(ctx, state, opts.as);
  const recorded = changing.length > 0 ? await record(ctx, state, changing.map((i) => ({ actor, type: 'assign' as const, item: i.id, owner })), { date }) : [];
  if (ctx.json) return ctx.printJson({ schema: 1, recorded, unchanged: unchanged.map((i) => i.id) } as unknown as AssignJson);
  const who = owner === '' ? 'nobody' : safeText(owner);
  ctx.printLines([
    ...changing.map((i) => {
      const before = current(i.id, i.owner);
      return `${i.id}: owner ${who}${before !== null && !sameActor(before, owner) ? ` (was ${safeText(before)})` : ''}`;
    }),
    ...unchanged.map((i) => `${i.id} ${owner === '' ? 'has no owner' : `is already owned by ${who}`}; nothing recorded`),
  ]);
}
